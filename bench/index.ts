/**
 * `npm run bench -- --scale=small|national` (issue 7): server figures over HTTP against a real
 * PostgreSQL loaded with the generated dataset, each read next to the same SQL run directly through
 * postgres.js; write latency and throughput; the server's memory; the embedded PGlite default at demo
 * size; then the client and real-time figures (10,000 subscribers) from bench/client.ts and bench/live.ts
 * when present.
 * Prints one table and writes bench/results/latest.json.
 *
 * Flags: --scale=small|national (default small), --regenerate (reload even if the database already
 * holds this dataset), --requests=N (measured requests per read), --skip-pglite, --skip-client,
 * --skip-live, --skip-under-writes (reads while 20 writes/s flow: bench/under-writes.ts), --skip-early-warning
 * (the early warning's backtest: bench/early-warning.ts), --port=N, --only=writes (only the write figures: no reads, PGlite, client or live; the
 * result goes to bench/results/writes.json, leaving latest.json as the last full run), --only=asof
 * (only the monthly report's figures, into bench/results/asof.json), --only=audit (only the audit
 * chain's verification at 1,000,000 entries, --audit-entries=N, in a database of its own: bench/audit.ts;
 * into bench/results/audit.json), --only=lists (only every tenth page of the task lists: bench/list-pages.ts;
 * into bench/results/lists.json), --only=escalation (only the escalation job's runs over the dataset
 * already loaded, migrated to the current schema: bench/escalation.ts; into bench/results/escalation.json),
 * --only=digest (only the morning digests of every account, made by two processes at once: bench/digest.ts;
 * into bench/results/digest.json), --only=rollup (only the busiest province's roll-up over its communes
 * beside the national dashboard: into bench/results/rollup.json). DATABASE_URL
 * defaults to postgres://postgres@127.0.0.1:5432/dgm_bench (BENCH_DATABASE_URL wins over
 * DATABASE_URL); only a database whose name contains "bench" is dropped.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { Pool } from 'undici';
import type { Db } from '../server/db/client';
import * as schema from '../server/db/schema';
import type { Actor } from '../server/modules/auth/actor';
import { getKpiDetail, getKpiOverview } from '../server/modules/kpis/service';
import { closedMonths, freezeClosedMonths } from '../server/modules/reports/freeze-job';
import { computeClosedMonth } from '../server/modules/reports/monthly';
import { getProvinceRollup } from '../server/modules/rollup/service';
import { getCompliance } from '../server/modules/submissions/queries';
import { findTasks, getDashboard, getTaskDetail } from '../server/modules/tasks/queries';
import { statusClock } from '../server/modules/tasks/status-sql';
import { type MonthlyReportColumns, monthlyReportFromColumns } from '../shared/schemas/reports';
import { PENDING_COMPLETION_STATES } from '../shared/task-status';
import { vietnamDate } from '../shared/time';
import { runDetailThroughputBench } from './detail-throughput';
import { runEarlyWarningBacktest } from './early-warning';
import { type Figure, figure, percentile } from './figures';
import {
  argValue,
  DEFAULT_BENCH_URL,
  generate,
  markerFor,
  readMarker,
  SCALES,
  type ScaleName,
} from './generate';
import { BROAD_SEARCH, listPageFigures, type PagedList, type ReadPage } from './list-pages';
import { login as signIn } from './own-server';
import { runPublicBench } from './public';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flag = (name: string) => process.argv.includes(`--${name}`);
const scale = (argValue('scale') ?? 'small') as ScaleName;
if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_BENCH_URL;
const REQUESTS = Number(argValue('requests') ?? 100);
const WARMUP = 20;
const PORT = Number(argValue('port') ?? 4790);
const PASSWORD = 'Demo@2026';
const ONLY = argValue('only');
if (
  ONLY !== undefined &&
  !['writes', 'asof', 'audit', 'lists', 'escalation', 'digest', 'rollup', 'public'].includes(ONLY)
)
  throw new Error('--only must be writes, asof, audit, lists, escalation, digest, rollup or public');
const onlyWrites = ONLY === 'writes';
const onlyAsOf = ONLY === 'asof';
const onlyLists = ONLY === 'lists';
/** Only the busiest province's roll-up over its communes, beside the national dashboard it shares tallies with. */
const onlyRollup = ONLY === 'rollup';
/** Only the public portal and open data, beside the signed-in API (bench/public.ts). */
const onlyPublic = ONLY === 'public';
/** Only part of the figures: the server's reads, PGlite, client and live figures are left out. */
const partial = onlyWrites || onlyAsOf || onlyLists || onlyRollup || onlyPublic;

const log = (line: string) => console.log(line);
const ms = (start: number) => performance.now() - start;

// ---------------------------------------------------------------------------------------------
// The server under test and an HTTP client for it

interface Server {
  child: ChildProcess;
  base: string;
  pool: Pool;
  stop(): Promise<void>;
}

async function startServer(env: Record<string, string>, port: number): Promise<Server> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      AUDIT_KEY: randomBytes(32).toString('hex'),
      AUDIT_SIGNING_KEY: benchSigningKey(),
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      API_RATE_LIMIT_PER_MINUTE: '100000000',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      // The bench measures the pages and reads, not the login's steps: in production the Office must
      // set up a second factor first, and every read would be refused until then.
      MFA_REQUIRED_ROLES: 'none',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (let i = 0; i < 2400 && !exited; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) {
        const pool = new Pool(base, { connections: 128, pipelining: 1 });
        return {
          child,
          base,
          pool,
          stop: async () => {
            await pool.close();
            if (!exited) {
              child.kill('SIGTERM');
              await new Promise((r) => child.once('exit', r));
            }
          },
        };
      }
    } catch {
      // still starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server on port ${port} did not start`);
}

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}

/** Signs in, through the login's steps a production server asks for (bench/own-server.ts). */
async function login(server: Server, username: string): Promise<string> {
  return signIn(server.base, username, PASSWORD);
}

async function query(server: Server, cookie: string, procedure: string, input?: unknown): Promise<unknown> {
  const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await server.pool.request({
    path: `/trpc/${procedure}${qs}`,
    method: 'GET',
    headers: { cookie },
  });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`${procedure} → ${res.statusCode}: ${text.slice(0, 300)}`);
  return (JSON.parse(text) as { result: { data: { json: unknown } } }).result.data.json;
}

async function mutate(server: Server, cookie: string, procedure: string, input: unknown): Promise<unknown> {
  const res = await server.pool.request({
    path: `/trpc/${procedure}`,
    method: 'POST',
    headers: { cookie, origin: server.base, 'content-type': 'application/json' },
    body: JSON.stringify({ json: input }),
  });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`${procedure} → ${res.statusCode}: ${text.slice(0, 300)}`);
  return (JSON.parse(text) as { result: { data: { json: unknown } } }).result.data.json;
}

// ---------------------------------------------------------------------------------------------
// The same SQL, directly: each read's query function is run once on a drizzle instance that records
// its statements; they are then replayed through postgres.js (all at once, the database's floor).

interface Statement {
  sql: string;
  params: unknown[];
}

function captureDb(pg: postgres.Sql) {
  const captured: Statement[] = [];
  const db = drizzle(pg, {
    schema,
    logger: { logQuery: (q, params) => captured.push({ sql: q, params: [...params] }) },
  }) as unknown as Db;
  return {
    async capture(run: (db: Db) => Promise<unknown>): Promise<Statement[]> {
      captured.length = 0;
      await run(db);
      return [...captured];
    },
  };
}

function replay(pg: postgres.Sql, statements: Statement[]) {
  return Promise.all(
    // biome-ignore lint/suspicious/noExplicitAny: parameters exactly as drizzle hands them to postgres.js
    statements.map((s) => pg.unsafe(s.sql, s.params as any[], { prepare: true })),
  );
}

interface Read {
  name: string;
  budget: number;
  as: 'office' | 'officer';
  procedure: string;
  input?: unknown;
  direct: (db: Db) => Promise<unknown>;
  /**
   * The API ÷ SQL budget; null where the statements replayed are a cold computation the API keeps
   * cached (the figure is then informative).
   */
  ratioBudget?: number | null;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

// ---------------------------------------------------------------------------------------------

async function ensureDataset(): Promise<void> {
  const wanted = markerFor({ scale });
  const found = await readMarker(databaseUrl).catch(() => null);
  const same =
    found &&
    found.scale === wanted.scale &&
    found.tasks === wanted.tasks &&
    found.progress === wanted.progress &&
    found.seed === wanted.seed &&
    found.migrations === wanted.migrations &&
    found.capitalShare === wanted.capitalShare;
  if (same && !flag('regenerate')) {
    log(`Dataset ${JSON.stringify(found)} already loaded (--regenerate to reload).`);
    return;
  }
  log(`Generating the ${scale} dataset into ${new URL(databaseUrl).pathname.slice(1)}…`);
  const result = await generate({ databaseUrl, scale, log });
  log(`Loaded ${JSON.stringify(result.counts)} in ${result.seconds.toFixed(0)} s.`);
}

async function serverFigures(): Promise<{
  figures: Figure[];
  postgresVersion: string;
  counts: Record<string, number>;
}> {
  const figures: Figure[] = [];
  // The direct SQL runs as the server's connections do (no JIT: server/db/client.ts).
  const pg = postgres(databaseUrl, { max: 10, onnotice: () => {}, connection: { jit: 'off' } });
  const server = await startServer({ DATABASE_URL: databaseUrl, SEED_DEMO: 'false' }, PORT);
  const pid = server.child.pid ?? 0;
  try {
    const [{ version }] = (await pg`select current_setting('server_version') as version`) as unknown as [
      { version: string },
    ];
    const [counts] = await pg<{ tasks: number; progress: number; audit: number; agencies: number }[]>`
      select (select count(*) from tasks)::int as tasks, (select count(*) from progress_updates)::int as progress,
        (select count(*) from audit_log)::int as audit, (select count(*) from agencies)::int as agencies`;
    log(`Server on ${server.base} (pid ${pid}), PostgreSQL ${version}, ${JSON.stringify(counts)}`);
    // Every run updates tasks thousands of times, and each update leaves a dead version of its row.
    // With autovacuum off (this machine's PostgreSQL has it off for CI) they would pile up run after
    // run; production vacuums them. The bench does it itself, before measuring.
    const [{ autovacuum }] = (await pg`select current_setting('autovacuum') as autovacuum`) as unknown as [
      { autovacuum: string },
    ];
    if (autovacuum !== 'on') {
      const t = performance.now();
      await pg`vacuum (analyze) tasks, submissions`;
      log(`Autovacuum is off here: tasks and submissions vacuumed in ${(ms(t) / 1000).toFixed(1)} s.`);
    }
    const office = await login(server, 'vpcp');
    if (onlyPublic) {
      const [first] = await pg<{ code: string }[]>`
        select kpi_code as code from kpi_figures group by kpi_code order by count(*) desc limit 1`;
      log('The public portal and open data, beside the signed-in API (bench/public.ts)…');
      const figures = await runPublicBench({
        base: server.base,
        cookie: office,
        kpiCode: first?.code ?? 'DV-01',
      });
      return { figures, postgresVersion: version, counts: counts ?? {} };
    }
    const officer = await login(server, 'btc.chuyenvien');
    const users = await pg<Actor[]>`
      select u.id, u.username, u.role, u.agency_id as "agencyId" from users u where username in ('vpcp', 'btc.chuyenvien')`;
    const officerActor = users.find((u) => u.username === 'btc.chuyenvien') as Actor;
    const officeActor = users.find((u) => u.username === 'vpcp') as Actor;
    // The province whose communes lead the most tasks: the roll-up's heaviest case.
    const [busiest] = await pg<{ id: number; name: string; communes: number }[]>`
      select p.id, p.name_vi as name, (select count(*) from agencies c where c.parent_id = p.id)::int as communes
      from tasks t join agencies a on a.id = t.lead_agency_id join agencies p on p.id = a.parent_id
      where a.level = 'commune' group by p.id, p.name_vi order by count(*) desc limit 1`;
    // A task of the officer's agency with a long history (the detail page's heaviest case).
    const [task] = await pg<{ id: number }[]>`
      select t.id from tasks t where t.lead_agency_id = ${officerActor.agencyId} and t.completed_on is null
      order by (select count(*) from progress_updates p where p.task_id = t.id) desc, t.id limit 1`;
    const [monthly] = await pg<{ id: number }[]>`
      select id from report_templates where code = 'BC-NV-THANG' order by version desc limit 1`;
    const [kpi] = await pg<{ code: string }[]>`select code from kpis order by sort_order limit 1`;
    if (!task || !monthly || !kpi || !busiest) throw new Error('dataset incomplete');
    const total = counts?.tasks ?? 0;
    const deepPage = Math.max(1, Math.floor((total / 25) * 0.8));
    const clock = () => statusClock(new Date());
    const list = (input: Parameters<typeof findTasks>[1]) => (db: Db) => findTasks(db, input, clock());
    const listInput = (i: object) =>
      ({ sort: 'deadline', direction: 'asc', page: 1, pageSize: 25, agencyRole: 'lead', ...i }) as const;

    const reads: Read[] = [
      {
        name: 'tasks.dashboard (Office dashboard)',
        budget: 50,
        as: 'office',
        procedure: 'tasks.dashboard',
        direct: (db) => getDashboard(db, clock()),
      },
      ...(
        [
          [
            'filtered + sorted',
            {
              status: ['in_progress', 'overdue'],
              agencyLevel: 'provincial',
              sort: 'lastUpdate',
              direction: 'desc',
            },
          ],
          ['searched without diacritics', { q: 'co so du lieu dat dai' }],
          [`deep page ${deepPage}`, { sort: 'createdAt', direction: 'desc', page: deepPage }],
        ] as const
      ).map(([label, input]) => {
        const full = listInput(input);
        return {
          name: `tasks.list (${label})`,
          budget: 30,
          as: 'office' as const,
          procedure: 'tasks.list',
          input: full,
          direct: list(full),
        };
      }),
      {
        name: 'tasks.get (task detail)',
        budget: 15,
        as: 'officer',
        procedure: 'tasks.get',
        input: { id: task.id },
        direct: (db) => getTaskDetail(db, officerActor, task.id, clock()),
      },
      {
        name: 'tasks.inbox (agency inbox)',
        budget: 30,
        as: 'officer',
        procedure: 'tasks.inbox',
        input: listInput({}),
        direct: list({ ...listInput({}), agencyId: officerActor.agencyId, agencyRole: 'any' }),
      },
      {
        name: `rollup.province (${busiest.name}: ${busiest.communes} communes, the most commune-led tasks)`,
        budget: 30,
        as: 'office',
        procedure: 'rollup.province',
        input: { provinceId: busiest.id },
        direct: (db) => getProvinceRollup(db, officeActor, busiest.id),
        ratioBudget: null,
      },
      {
        name: 'submissions.compliance (heatmap)',
        budget: 30,
        as: 'office',
        procedure: 'submissions.compliance',
        input: { templateId: monthly.id },
        direct: (db) => getCompliance(db, { templateId: monthly.id }),
      },
      {
        name: 'kpis.overview',
        budget: 30,
        as: 'office',
        procedure: 'kpis.overview',
        input: {},
        direct: (db) => getKpiOverview(db, {}),
      },
      {
        name: `kpis.detail (${kpi.code})`,
        budget: 30,
        as: 'office',
        procedure: 'kpis.detail',
        input: { code: kpi.code },
        direct: (db) => getKpiDetail(db, kpi.code),
      },
    ];

    const capture = captureDb(pg);
    const rollupReads = reads.filter(
      (r) => r.procedure === 'tasks.dashboard' || r.procedure === 'rollup.province',
    );
    for (const read of onlyRollup ? rollupReads : partial ? [] : reads) {
      const cookie = read.as === 'office' ? office : officer;
      const statements = await capture.capture(read.direct);
      // A floor slower than a quarter second (the uncached dashboard and KPI aggregates at national
      // scale take seconds) is replayed every tenth request only: its p50 is stable, and replaying it
      // each time would take most of the run.
      let t = performance.now();
      await replay(pg, statements);
      const directEvery = ms(t) > 250 ? 10 : 1;
      for (let i = 0; i < WARMUP; i++) {
        await query(server, cookie, read.procedure, read.input);
        if (i % directEvery === 0) await replay(pg, statements);
      }
      const api: number[] = [];
      const direct: number[] = [];
      // Interleaved, so both see the same machine at the same moment.
      for (let i = 0; i < REQUESTS; i++) {
        t = performance.now();
        await query(server, cookie, read.procedure, read.input);
        api.push(ms(t));
        if (i % directEvery !== 0) continue;
        t = performance.now();
        await replay(pg, statements);
        direct.push(ms(t));
      }
      const a = stats(api);
      const d = stats(direct);
      figures.push(
        figure(`${read.name} p95`, 'ms', a.p95, read.budget, {
          note: `${REQUESTS} sequential requests after ${WARMUP} warm-up; p50 ${a.p50.toFixed(1)}, p99 ${a.p99.toFixed(1)}; direct SQL (${statements.length} statements, ${direct.length} runs) p50 ${d.p50.toFixed(1)}, p95 ${d.p95.toFixed(1)}`,
        }),
        figure(
          `${read.name} API ÷ direct SQL (p50)`,
          'ratio',
          a.p50 / d.p50,
          read.ratioBudget === undefined ? 1.5 : read.ratioBudget,
          {
            note: `API p50 ${a.p50.toFixed(2)} ms over postgres.js p50 ${d.p50.toFixed(2)} ms${
              read.ratioBudget === null
                ? '; the SQL replayed computes afresh what the API keeps cached: informative'
                : ''
            }`,
          },
        ),
      );
      log(
        `  ${read.name}: API p50 ${a.p50.toFixed(1)} p95 ${a.p95.toFixed(1)} ms; SQL p50 ${d.p50.toFixed(1)} p95 ${d.p95.toFixed(1)} ms`,
      );
    }
    if (!partial) {
      // The reads above repeat one request, so after the first they are answered from the change-mark
      // cache (server/modules/live/change-cache.ts). A task's first view is not: one request each to
      // REQUESTS different tasks with long histories, next to the same SQL run directly.
      const firstViews = await pg<{ id: number }[]>`
        select task_id as id from progress_updates where task_id <> ${task.id}
        group by task_id order by count(*) desc, task_id limit ${REQUESTS}`;
      const api: number[] = [];
      const direct: number[] = [];
      for (const { id } of firstViews) {
        // Captured (run once) before either is measured: both then find the task's pages in memory.
        const statements = await capture.capture((db) => getTaskDetail(db, officerActor, id, clock()));
        let t = performance.now();
        await query(server, office, 'tasks.get', { id });
        api.push(ms(t));
        t = performance.now();
        await replay(pg, statements);
        direct.push(ms(t));
      }
      const a = stats(api);
      const d = stats(direct);
      figures.push(
        figure('tasks.get, first view of a task (not cached) p95', 'ms', a.p95, null, {
          note: `${api.length} different tasks, one request each; p50 ${a.p50.toFixed(1)}; direct SQL p50 ${d.p50.toFixed(1)}, p95 ${d.p95.toFixed(1)}; informative (the budget is on the figure above)`,
        }),
        figure('tasks.get, first view API ÷ direct SQL (p50)', 'ratio', a.p50 / d.p50, null, {
          note: 'informative: what a cache miss costs over the database floor',
        }),
      );
      log(
        `  task detail, first views: API p50 ${a.p50.toFixed(1)} p95 ${a.p95.toFixed(1)} ms; SQL p50 ${d.p50.toFixed(1)} p95 ${d.p95.toFixed(1)} ms`,
      );
      log('Task detail throughput on cache misses, beside a bare handler (bench/detail-throughput.ts)…');
      figures.push(
        ...(await runDetailThroughputBench({
          baseUrl: server.base,
          databaseUrl,
          serverPid: pid,
          barePort: PORT + 3,
        })),
      );
    }
    if (onlyRollup || !partial) {
      // The roll-up is kept until the next recorded change anywhere (server/modules/rollup/service.ts):
      // the figure above is mostly its cached reads. Here a ministry officer posts progress before each
      // read, so every read computes it afresh (tallies folded, lists, compliance, KPIs); the read alone is timed.
      const [open] = await pg<{ id: number }[]>`
        select id from tasks t where lead_agency_id = ${officerActor.agencyId} and completed_on is null
          and not withdrawn and not exists (select 1 from completion_reports c where c.task_id = t.id
          and c.state in ${pg(PENDING_COMPLETION_STATES)}) order by id limit 1`;
      const misses: number[] = [];
      for (let i = 0; i < REQUESTS / 2 && open; i++) {
        await mutate(server, officer, 'tasks.postProgress', {
          taskId: open.id,
          percent: 40 + (i % 50),
          narrative: `Bench rollup ${i}: cập nhật tiến độ`,
          evidenceUrl: null,
          evidenceFileId: null,
          idempotencyKey: `bench-rollup-${Date.now()}-${i}`,
        });
        const t = performance.now();
        await query(server, office, 'rollup.province', { provinceId: busiest.id });
        misses.push(ms(t));
      }
      const m = stats(misses);
      figures.push(
        figure(`rollup.province (${busiest.name}) after a change, cache miss, p95`, 'ms', m.p95, 30, {
          note: `${misses.length} reads, each after a progress post elsewhere; p50 ${m.p50.toFixed(1)}, p99 ${m.p99.toFixed(1)}`,
        }),
      );
      log(`  rollup.province after a change: p50 ${m.p50.toFixed(1)} p95 ${m.p95.toFixed(1)} ms`);
    }
    if (onlyRollup) return { figures, postgresVersion: version, counts: counts ?? {} };
    if (!onlyWrites && !onlyAsOf) figures.push(...(await pagedListFigures(server, pg, office)));
    if (onlyLists) return { figures, postgresVersion: version, counts: counts ?? {} };
    if (!onlyWrites) figures.push(...(await asOfFigures(server, pg, office, capture)));
    if (onlyAsOf) return { figures, postgresVersion: version, counts: counts ?? {} };
    if (!onlyWrites && !flag('skip-early-warning')) {
      log('The early warning, backtested on the history of the dataset (bench/early-warning.ts)…');
      figures.push(...(await runEarlyWarningBacktest({ databaseUrl })));
    }
    figures.push(figure('Server memory after reads (RSS)', 'MB', rssMb(pid), null, { note: 'informative' }));

    // Writes: a progress update's latency, then throughput under concurrency.
    // An officer updates the open tasks of the agency in turn (not one task a hundred times: every
    // update of a task's row leaves a dead version of it, the sort index on the last update keeps the
    // update from being HOT, and run after run one row would gather thousands of them, a hot spot no
    // real task has).
    // Only tasks that accept progress now (shared/task-status.ts `acceptsProgress`): open, and no
    // completion report awaiting the leader or the Office.
    const acceptsProgressSql = pg`not exists (
      select 1 from completion_reports c where c.task_id = t.id and c.state in ${pg(PENDING_COMPLETION_STATES)})`;
    const ownTasks = await pg<{ id: number }[]>`
      select id from tasks t where lead_agency_id = ${officerActor.agencyId} and completed_on is null
        and not withdrawn and ${acceptsProgressSql} order by id limit 20`;
    const progressInput = (i: number, tag: string) => ({
      taskId: ownTasks[i % ownTasks.length]?.id ?? task.id,
      percent: 50 + (i % 40),
      narrative: `Bench ${tag} ${i}: cập nhật tiến độ`,
      evidenceUrl: null,
      evidenceFileId: null,
      idempotencyKey: `bench-${tag}-${Date.now()}-${i}`,
    });
    for (let i = 0; i < WARMUP; i++)
      await mutate(server, officer, 'tasks.postProgress', progressInput(i, 'warm'));
    const writes: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t = performance.now();
      await mutate(server, officer, 'tasks.postProgress', progressInput(i, 'lat'));
      writes.push(ms(t));
    }
    const w = stats(writes);
    figures.push(
      figure('tasks.postProgress (progress write) p95', 'ms', w.p95, 20, {
        note: `${REQUESTS} sequential writes, in turn to ${ownTasks.length} open tasks of the agency; p50 ${w.p50.toFixed(1)}, p99 ${w.p99.toFixed(1)}`,
      }),
    );
    log(`  progress write: p50 ${w.p50.toFixed(1)} p95 ${w.p95.toFixed(1)} ms`);

    // Throughput: 32 agency officers at once, each on a task of its own agency (one row lock each).
    const CONCURRENCY = 32;
    const writers = await pg<{ username: string; taskId: number }[]>`
      select distinct on (u.agency_id) u.username, t.id as "taskId"
      from users u
      join agencies a on a.id = u.agency_id and a.level in ('central', 'provincial')
      join tasks t on t.lead_agency_id = u.agency_id and t.completed_on is null and not t.withdrawn
        and ${acceptsProgressSql}
      where u.role = 'officer' and u.active
      order by u.agency_id, u.id, t.id limit ${CONCURRENCY}`;
    const writerCookies = await Promise.all(writers.map((wr) => login(server, wr.username)));
    const SECONDS = scale === 'national' ? 20 : 10;
    let done = 0;
    let errors = 0;
    let firstError = '';
    const until = performance.now() + SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, worker) => {
        let i = 0;
        while (performance.now() < until) {
          try {
            const wr = writers[worker % writers.length];
            await mutate(server, writerCookies[worker % writers.length] ?? officer, 'tasks.postProgress', {
              ...progressInput(i++, `tp${worker}`),
              taskId: wr?.taskId ?? task.id,
            });
            done++;
          } catch (error) {
            errors++;
            firstError ||= String(error);
          }
        }
      }),
    );
    const rate = done / (ms(started) / 1000);
    const throughput = figure('Progress writes per second sustained', 'writes/s', rate, 500, {
      higherIsBetter: true,
      note: `${CONCURRENCY} concurrent writers (${writers.length} agencies, a task each) for ${SECONDS} s: ${done} written, ${errors} errors${firstError ? ` (${firstError.slice(0, 120)})` : ''}`,
    });
    if (errors > 0) throughput.pass = false;
    figures.push(throughput, figure('Progress write errors under concurrency', 'errors', errors, 0));
    log(`  throughput: ${rate.toFixed(0)} writes/s, ${errors} errors`);

    // A submission: the agency officer saving the report of an open period, again and again.
    const mine = (await query(server, officer, 'submissions.mine')) as {
      templateId: number;
      periodKey: string;
      state: string;
      version: number | null;
    }[];
    const open = mine.find((s) => s.state === 'missing' || s.state === 'draft' || s.state === 'returned');
    if (open) {
      let version: number | undefined = open.version ?? undefined;
      const saves: number[] = [];
      for (let i = 0; i < WARMUP + REQUESTS; i++) {
        const t = performance.now();
        const res = (await mutate(server, officer, 'submissions.saveDraft', {
          templateId: open.templateId,
          periodKey: open.periodKey,
          values: {},
          ...(version === undefined ? {} : { version }),
        })) as { version: number };
        if (i >= WARMUP) saves.push(ms(t));
        version = res.version;
      }
      const s = stats(saves);
      figures.push(
        figure('submissions.saveDraft (a submission) p95', 'ms', s.p95, null, {
          note: `${REQUESTS} sequential saves of ${open.periodKey}; p50 ${s.p50.toFixed(1)}; no budget in the issue`,
        }),
      );
      log(`  submission save: p50 ${s.p50.toFixed(1)} p95 ${s.p95.toFixed(1)} ms`);
    } else {
      log('  no open submission period for btc.chuyenvien: submission write not measured');
    }
    figures.push(
      figure('Server memory after writes (RSS)', 'MB', rssMb(pid), null, { note: 'informative' }),
      figure('Server peak memory (VmHWM)', 'MB', rssMb(pid, 'VmHWM'), null, { note: 'informative' }),
    );
    return { figures, postgresVersion: version, counts: counts ?? {} };
  } finally {
    await server.stop();
    await pg.end({ timeout: 5 });
  }
}

/**
 * The monthly monitoring report at national scale (issue 12): a closed month as stored by the freeze
 * job, over HTTP; and a closed month computed from the task history (task_states) as it stood at its
 * cut-off, by the server's own function (computeClosedMonth, what a read of a closed month not frozen
 * yet runs) on postgres.js in this process (the server keeps the frozen months it has read, so over
 * HTTP it would answer those), next to the same SQL run directly. Both must give the same figures.
 */
async function asOfFigures(
  server: Server,
  pg: postgres.Sql,
  cookie: string,
  capture: ReturnType<typeof captureDb>,
): Promise<Figure[]> {
  const db = drizzle(pg, { schema }) as unknown as Db;
  // The server's freeze job runs at its start; run here too (it freezes a month once) to be sure.
  await freezeClosedMonths(db);
  const recent = (await closedMonths(db)).slice(-3);
  if (recent.length === 0) {
    log('  no closed month: the monthly report is not measured');
    return [];
  }
  type Report = { totals: unknown; byAgency: unknown[] };
  // Keys sorted: a frozen report comes back from jsonb, which orders an object's keys its own way.
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, canonical(x)]),
          )
        : v;
  const figuresOf = (r: Report) => JSON.stringify(canonical({ totals: r.totals, byAgency: r.byAgency }));
  // The history SQL run directly is measured next to the history reads only: between frozen reads it
  // would put 0.3 s of database work before each request, which a frozen read does not run.
  const measure = async (
    label: string,
    run: (month: string) => Promise<unknown>,
    warmup: number,
    withDirect: boolean,
  ) => {
    const statements = await Promise.all(
      recent.map((month) => capture.capture((d) => computeClosedMonth(d, month))),
    );
    for (let i = 0; i < warmup; i++) {
      await run(recent[i % recent.length] ?? '');
      if (withDirect) await replay(pg, statements[i % recent.length] ?? []);
    }
    const samples: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const k = i % recent.length;
      let t = performance.now();
      await run(recent[k] ?? '');
      samples.push(ms(t));
      if (!withDirect) continue;
      t = performance.now();
      await replay(pg, statements[k] ?? []);
      direct.push(ms(t));
    }
    if (!withDirect) {
      // The history SQL alone, after the reads (the figure's note gives it).
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await replay(pg, statements[i % recent.length] ?? []);
        direct.push(ms(t));
      }
    }
    const a = stats(samples);
    const d = stats(direct);
    log(
      `  reports.monthly ${label}: p50 ${a.p50.toFixed(1)} p95 ${a.p95.toFixed(1)} ms; its history SQL p50 ${d.p50.toFixed(1)} ms`,
    );
    return { a, d };
  };
  // The API sends the agencies as columns; the page turns them back into rows (measured with it).
  const read = async (month: string) =>
    monthlyReportFromColumns(
      (await query(server, cookie, 'reports.monthly', { month })) as MonthlyReportColumns,
    ) as Report;
  let mismatches = 0;
  for (const month of recent) {
    const frozen = (await read(month)) as Report & { source: string };
    if (frozen.source !== 'frozen' || figuresOf(frozen) !== figuresOf(await computeClosedMonth(db, month)))
      mismatches++;
  }
  const frozenRun = await measure('frozen, over HTTP', read, WARMUP, false);
  const historyRun = await measure('from history, in process', (m) => computeClosedMonth(db, m), 5, true);
  const note = (run: typeof frozenRun, how: string) =>
    `${REQUESTS} sequential reads of ${recent.join(', ')} (${how}); p50 ${run.a.p50.toFixed(1)}, p99 ${run.a.p99.toFixed(1)}; the history SQL run directly: p50 ${run.d.p50.toFixed(1)}, p95 ${run.d.p95.toFixed(1)}`;
  return [
    figure('reports.monthly (past month computed from history) p95', 'ms', historyRun.a.p95, 200, {
      note: note(
        historyRun,
        'computeClosedMonth on postgres.js: every task state as of the cut-off, from task_states',
      ),
    }),
    figure('reports.monthly (frozen month) p95', 'ms', frozenRun.a.p95, 30, {
      note: note(
        frozenRun,
        'over HTTP, as the freeze job stored them, agencies as columns (about 0.24 MB of JSON each), decoded and turned back into rows',
      ),
    }),
    figure('reports.monthly: months whose history and frozen figures differ', 'months', mismatches, 0, {
      note: `the ${recent.length} months above: frozen (over HTTP) against recomputed from history`,
    }),
  ];
}

/** The embedded default at demo size: every page's data (the calls a page makes, at once) ≤ 200 ms. */
async function pgliteFigures(): Promise<Figure[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dgm-bench-pglite-'));
  const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' }, PORT + 1);
  const figures: Figure[] = [];
  try {
    const office = await login(server, 'vpcp');
    const officer = await login(server, 'btc.chuyenvien');
    const inbox = (await query(server, officer, 'tasks.inbox', { pageSize: 1 })) as {
      items: { id: number }[];
    };
    const templates = (await query(server, office, 'submissions.templates')) as {
      id: number;
      code: string;
    }[];
    const monthly = templates.find((t) => t.code === 'BC-NV-THANG') ?? templates[0];
    const taskId = inbox.items[0]?.id;
    const pages: [string, string, [string, unknown?][]][] = [
      [
        'Office dashboard',
        office,
        [['tasks.dashboard'], ['submissions.overdueCount'], ['kpis.offTrackCount']],
      ],
      [
        'Task list',
        office,
        [
          ['tasks.list', { status: ['overdue'], sort: 'deadline' }],
          ['agencies.list', {}],
        ],
      ],
      ['Task list search', office, [['tasks.list', { q: 'co so du lieu' }]]],
      ['Task detail', officer, taskId ? [['tasks.get', { id: taskId }]] : []],
      ['Agency inbox', officer, [['tasks.inbox', {}]]],
      ['Reports (mine)', officer, [['submissions.mine']]],
      ['Compliance heatmap', office, monthly ? [['submissions.compliance', { templateId: monthly.id }]] : []],
      ['KPI overview', office, [['kpis.overview', {}]]],
      ['KPI detail', office, [['kpis.detail', { code: 'DV-01' }]]],
    ];
    const N = 40;
    const slowest: { page: string; p95: number }[] = [];
    for (const [page, cookie, calls] of pages) {
      if (!calls.length) continue;
      const samples: number[] = [];
      for (let i = 0; i < 5 + N; i++) {
        const t = performance.now();
        await Promise.all(calls.map(([p, input]) => query(server, cookie, p, input)));
        if (i >= 5) samples.push(ms(t));
      }
      const s = stats(samples);
      slowest.push({ page, p95: s.p95 });
      figures.push(
        figure(`PGlite demo · ${page} data p95`, 'ms', s.p95, 200, {
          note: `${calls.map((c) => c[0]).join(' + ')}; ${N} loads; p50 ${s.p50.toFixed(1)}`,
        }),
      );
      log(`  PGlite ${page}: p50 ${s.p50.toFixed(1)} p95 ${s.p95.toFixed(1)} ms`);
    }
    figures.push(
      figure('PGlite demo server memory (RSS)', 'MB', rssMb(server.child.pid ?? 0), null, {
        note: 'informative',
      }),
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}

/**
 * Every tenth page of the lists a user pages through (bench/list-pages.ts), on the agency that leads
 * the most tasks: the skewed case, where the planner's per-agency average is furthest off.
 */
async function pagedListFigures(server: Server, pg: postgres.Sql, office: string): Promise<Figure[]> {
  const [capital] = await pg<{ id: number; name: string; group: number; officer: string | null }[]>`
    select t.lead_agency_id as id, a.name_vi as name, mode() within group (order by t.group_no) as group,
      (select username from users u where u.agency_id = t.lead_agency_id and u.role = 'officer' and u.active
        order by u.id limit 1) as officer
    from tasks t join agencies a on a.id = t.lead_agency_id
    group by 1, 2 order by count(*) desc limit 1`;
  if (!capital) throw new Error('no tasks');
  log(`Every tenth page of the task lists (${capital.name} leads the most tasks)…`);
  const inbox: PagedList[] = capital.officer
    ? [
        {
          name: `inbox of ${capital.name}`,
          procedure: 'tasks.inbox',
          cookie: await login(server, capital.officer),
          input: {},
        },
      ]
    : [];
  const lists: PagedList[] = [
    {
      name: `${capital.name}, by deadline`,
      procedure: 'tasks.list',
      cookie: office,
      input: { agencyId: capital.id },
    },
    {
      name: `${capital.name}, open, latest update first`,
      procedure: 'tasks.list',
      cookie: office,
      input: {
        agencyId: capital.id,
        status: ['in_progress', 'overdue'],
        sort: 'lastUpdate',
        direction: 'desc',
      },
    },
    {
      name: `${capital.name}, group ${capital.group}, by title`,
      procedure: 'tasks.list',
      cookie: office,
      input: { agencyId: capital.id, groupNo: capital.group, sort: 'title' },
    },
    ...inbox,
    {
      name: 'provincial level, highest percent first',
      procedure: 'tasks.list',
      cookie: office,
      input: { agencyLevel: 'provincial', sort: 'percent', direction: 'desc' },
    },
    {
      name: `searched "${BROAD_SEARCH}"`,
      procedure: 'tasks.list',
      cookie: office,
      input: { q: BROAD_SEARCH },
    },
    {
      name: `searched "${BROAD_SEARCH}", latest update first`,
      procedure: 'tasks.list',
      cookie: office,
      input: { q: BROAD_SEARCH, sort: 'lastUpdate', direction: 'desc' },
    },
    {
      name: 'whole country, newest first',
      procedure: 'tasks.list',
      cookie: office,
      input: { sort: 'createdAt', direction: 'desc' },
    },
  ];
  return listPageFigures(
    (cookie, procedure, input) => query(server, cookie, procedure, input) as ReturnType<ReadPage>,
    lists,
    log,
  );
}

/** bench/client.ts and bench/live.ts are another engineer's: called when present. */
async function optional(file: string, exportName: string, opts: unknown): Promise<Figure[]> {
  const full = path.join(ROOT, 'bench', file);
  if (!existsSync(full)) {
    log(`  (${file} not present: skipped)`);
    return [];
  }
  const mod = (await import(full)) as Record<string, (o: unknown) => Promise<Figure[]>>;
  const run = mod[exportName];
  if (typeof run !== 'function') {
    log(`  (${file} has no ${exportName}: skipped)`);
    return [];
  }
  try {
    return await run(opts);
  } catch (error) {
    log(`  ${file} failed: ${String(error)}`);
    return [figure(`${file} failed`, 'error', 1, 0, { note: String(error).slice(0, 200) })];
  }
}

function machine(postgresVersion: string) {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: postgresVersion,
    loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function printTable(figures: Figure[]) {
  const rows = figures.map((f) => [
    f.name,
    `${f.value} ${f.unit}`,
    f.budget === null ? '—' : `${f.higherIsBetter ? '≥' : '≤'} ${f.budget}`,
    f.pass === null ? '' : f.pass ? 'pass' : 'MISS',
  ]);
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => (r[c] ?? '').length), 6));
  const fmt = (r: string[]) => r.map((v, c) => v.padEnd(widths[c] ?? 0)).join('  ');
  console.log(`\n${fmt(['Figure', 'Value', 'Budget', 'Result'])}`);
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(fmt(r));
}

async function main() {
  const started = performance.now();
  log(
    `npm run bench — scale ${scale}, database ${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}`,
  );
  if (ONLY === 'audit') {
    const { runAuditBench } = await import('./audit');
    const figures = await runAuditBench({
      databaseUrl,
      entries: Number(argValue('audit-entries') ?? 1_000_000),
    });
    const pg = postgres(databaseUrl.replace(/\/[^/]*$/, '/postgres'), { max: 1 });
    const [{ version } = { version: '' }] = await pg<
      { version: string }[]
    >`select current_setting('server_version') as version`;
    await pg.end();
    const m = machine(version);
    const machineLine = `${m.cpus} × ${m.cpuModel}, ${m.memGb} GB, Node ${m.node}, PostgreSQL ${m.postgres.split(' ')[0]}`;
    const ranAt = new Date().toISOString();
    const entries = figures.map((f) => ({ ...f, scale: 'audit', machine: machineLine, ranAt }));
    mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench/results/audit.json'), `${JSON.stringify(entries, null, 2)}\n`);
    printTable(figures);
    log(`\n${Math.round(ms(started) / 1000)} s. Written to bench/results/audit.json`);
    return;
  }
  if (ONLY === 'escalation' || ONLY === 'digest') {
    const figures =
      ONLY === 'escalation'
        ? await (await import('./escalation')).runEscalationBench({ databaseUrl, log })
        : await (await import('./digest')).runDigestBench({ databaseUrl, log });
    const ranAt = new Date().toISOString();
    const m = machine('');
    const machineLine = `${m.cpus} × ${m.cpuModel}, ${m.memGb} GB, Node ${m.node}`;
    const entries = figures.map((f) => ({ ...f, scale, machine: machineLine, ranAt }));
    mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(path.join(ROOT, `bench/results/${ONLY}.json`), `${JSON.stringify(entries, null, 2)}\n`);
    printTable(figures);
    log(`\n${Math.round(ms(started) / 1000)} s. Written to bench/results/${ONLY}.json`);
    return;
  }
  await ensureDataset();
  const server = await serverFigures();
  const figures = [...server.figures];
  if (!partial) {
    log('The escalation job over every task (bench/escalation.ts)…');
    const { runEscalationBench } = await import('./escalation');
    figures.push(...(await runEscalationBench({ databaseUrl, log })));
  }
  if (!flag('skip-pglite') && !partial) {
    log('Embedded PGlite at demo size…');
    figures.push(...(await pgliteFigures()));
  }
  if ((!flag('skip-client') || !flag('skip-live') || !flag('skip-under-writes')) && !partial) {
    // A clean clone has no built client: build it, since the client figures measure the build.
    if (!flag('skip-client') && !existsSync(path.join(ROOT, 'dist/client/.vite/manifest.json'))) {
      log('Building the client (npx vite build)…');
      const built = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
      if (built.status !== 0) log('  the client build failed: its figures will say so');
    }
    const live = await startServer(
      {
        DATABASE_URL: databaseUrl,
        SEED_DEMO: 'false',
        // The live bench opens all its subscribers on one session.
        LIVE_STREAMS_PER_SESSION: '100000',
        LIVE_STREAMS_MAX: '100000',
      },
      PORT + 2,
    );
    try {
      if (!flag('skip-client'))
        figures.push(...(await optional('client.ts', 'runClientBench', { baseUrl: live.base })));
      if (!flag('skip-live')) {
        figures.push(
          ...(await optional('live.ts', 'runLiveBench', {
            baseUrl: live.base,
            databaseUrl,
            subscribers: 10_000,
            serverPid: live.child.pid,
          })),
        );
      }
      if (!flag('skip-under-writes')) {
        log('Reads while writes flow (bench/under-writes.ts)…');
        figures.push(
          ...(await optional('under-writes.ts', 'runUnderWritesBench', { baseUrl: live.base, databaseUrl })),
        );
      }
    } finally {
      await live.stop();
    }
  }
  const run = {
    scale,
    dataset: { ...markerFor({ scale }), counts: server.counts },
    machine: machine(server.postgresVersion),
    ranAt: new Date().toISOString(),
    today: vietnamDate(new Date()),
    seconds: Math.round(ms(started) / 1000),
  };
  // The issue's format: a JSON array, one entry per figure, each with the scale and machine it ran on;
  // the run's details (dataset counts, load average, duration) beside it in <name>.run.json.
  const m = run.machine;
  const machineLine = `${m.cpus} × ${m.cpuModel}, ${m.memGb} GB, Node ${m.node}, PostgreSQL ${m.postgres.split(' ')[0]}`;
  const entries = figures.map((f) => ({ ...f, scale, machine: machineLine, ranAt: run.ranAt }));
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  const names = onlyWrites
    ? ['writes']
    : onlyAsOf
      ? ['asof']
      : onlyLists
        ? ['lists']
        : onlyRollup
          ? ['rollup']
          : onlyPublic
            ? ['public']
            : scale === 'national'
              ? ['latest', 'national']
              : ['latest'];
  for (const name of names) {
    writeFileSync(path.join(ROOT, 'bench/results', `${name}.json`), `${JSON.stringify(entries, null, 2)}\n`);
    writeFileSync(path.join(ROOT, 'bench/results', `${name}.run.json`), `${JSON.stringify(run, null, 2)}\n`);
  }
  const output = `${names[0]}.json`;
  const result = run;
  printTable(figures);
  const missed = figures.filter((f) => f.pass === false).length;
  log(
    `\n${figures.length} figures, ${missed} over budget; ${result.seconds} s. Written to bench/results/${output}`,
  );
}

await main();

/** A production server needs the audit chain's signing key: a fresh one per bench run. */
function benchSigningKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}
