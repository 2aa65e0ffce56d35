import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEEN_CHANGE_HEADER } from '../../shared/live-events';
import { cutoffMonth, periodContaining } from '../../shared/reporting-periods';
import { vietnamDate } from '../../shared/time';
import { seedReference } from '../seed/reference';
import { createTestApp, TEST_PASSWORD } from '../test/app';
import { testDatabaseUrl } from '../test/database-url';
import { type PgCluster, startPgCluster } from '../test/pg-cluster';
import { type RealServer, randomTestPort, startRealServer } from '../test/real-server';
import { type Cast, newKey, startCast, type Who } from '../test/tasks';
import { type Database, openPostgres } from './client';
import { runMigrations } from './migrate';
import { selectRows } from './rows';

/**
 * The aggregates and reports on a streaming replica (docs/decisions/0018-read-replica.md), on a primary
 * and a replica of the test's own (server/test/pg-cluster.ts: the CI server refuses replication). Which
 * node answered is told by the data: while the replica's replay is paused, a write is on the primary and
 * not on the replica, so an answer with it came from the primary and one without it from the replica.
 */
const url = testDatabaseUrl();
if (!url)
  console.log(
    '[replica] read-replica test skipped: it needs TEST_DATABASE_URL (CI runs it in its PostgreSQL pass; it makes its own primary and replica with initdb and pg_basebackup)',
  );

const DB = 'dgm';
type TestApp = Awaited<ReturnType<typeof createTestApp>>;

describe.skipIf(!url)('aggregates and reports on a read replica', () => {
  let cluster: PgCluster;
  let primary: Database;
  /** A superuser's connection to the replica: pauses and resumes its replay, and looks at its rows. */
  let replica: Database;
  let c: Cast;
  /** Another server on the same primary and replica (its own pools, caches and live bus), in this process. */
  let impatient: TestApp;
  /** Two server processes behind one "load balancer", as `npm start` runs them. */
  const servers: RealServer[] = [];
  let nodes: Record<string, string>;
  const opened: Database[] = [];
  const month = cutoffMonth(periodContaining('month', vietnamDate(new Date())) ?? { end: '' });

  beforeAll(async () => {
    cluster = await startPgCluster();
    const admin = openPostgres(cluster.primaryUrl('postgres'), { max: 1, statementTimeoutMs: 0 });
    await admin.pg?.unsafe(`create database ${DB}`);
    await admin.close();
    primary = openPostgres(cluster.primaryUrl(DB), { max: 4 });
    await runMigrations(primary);
    await seedReference(primary.db, { communes: 20 });
    await cluster.startReplica();
    replica = openPostgres(cluster.replicaUrl(DB), { max: 1 });
    nodes = { DATABASE_URL: cluster.primaryUrl(DB), READ_DATABASE_URL: cluster.replicaUrl(DB) };
    // The lag bound is not what most tests here are about (`impatient` is): a slow machine must not reach it.
    c = await startCast({ ...nodes, READ_REPLICA_MAX_LAG_MS: '600000' }, primary);
    const ownDatabase = () => {
      const database = openPostgres(cluster.primaryUrl(DB), { max: 4 });
      opened.push(database);
      return database;
    };
    impatient = await createTestApp({
      database: ownDatabase(),
      config: { ...nodes, READ_REPLICA_MAX_LAG_MS: '0' },
    });
  }, 180_000);

  afterAll(async () => {
    for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await Promise.allSettled(servers.map((server) => server.exited));
    await Promise.allSettled([c?.close(), impatient?.close()]);
    await Promise.allSettled([primary?.close(), replica?.close(), ...opened.map((d) => d.close())]);
    await cluster?.close();
  }, 60_000);

  /** A browser's cookies: the session, and the write position the server sets after each write. */
  const jars = new Map<Who, Map<string, string>>();
  const cookies = (who: Who) => {
    let jar = jars.get(who);
    if (!jar) {
      const [name, value] = (c.cookie[who] ?? '').split('=');
      jar = new Map([[name ?? '', value ?? '']]);
      jars.set(who, jar);
    }
    return jar;
  };
  const cookieHeader = (who: Who) => [...cookies(who)].map(([name, value]) => `${name}=${value}`).join('; ');
  function keep(who: Who, setCookie: string | string[] | undefined) {
    for (const line of [setCookie ?? []].flat()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) cookies(who).set(pair.slice(0, at), pair.slice(at + 1));
    }
  }

  /** The Office assigns one task, as its browser would (keeping the cookies it is given). */
  async function assignTask(title: string): Promise<number> {
    const res = await c.t.trpc(
      'tasks.createDocument',
      {
        number: `${newKey('so')}/QĐ-TTg`,
        kind: 'decision',
        issuedOn: vietnamDate(new Date()),
        signer: 'Phó Thủ tướng',
        title: `Quyết định giao ${title}`,
        tasks: [{ title, leadAgencyId: c.agency.finance, coordinatorIds: [], deadline: null }],
      },
      { cookie: cookieHeader('office') },
    );
    expect(res.status).toBe(200);
    keep('office', res.headers['set-cookie']);
    const id = res.data.taskIds[0];
    expect(id).toBeTypeOf('number');
    return id;
  }

  const read = async (
    who: Who,
    path: string,
    input: unknown = undefined,
    options: { app?: TestApp; headers?: Record<string, string>; cookie?: string } = {},
  ) => {
    const res = await (options.app ?? c.t).trpc(path, input, {
      method: 'GET',
      cookie: options.cookie ?? cookieHeader(who),
      headers: options.headers,
    });
    expect(res.status, JSON.stringify(res.error)).toBe(200);
    return res.data;
  };
  const tasksOnDashboard = async (who: Who, options?: Parameters<typeof read>[3]) => {
    const d = await read(who, 'tasks.dashboard', undefined, options);
    return Object.values(d.counts as Record<string, number>).reduce((a, b) => a + b, 0);
  };
  /** Bộ Tài chính's tasks in the whole agency ranking (among the ranked or the too-few-to-rank). */
  const financeInRanking = async (who: Who) => {
    let tasks = 0;
    for (const ranked of [true, false]) {
      const page = await read(who, 'tasks.agencyRanking', { ranked, q: 'Bộ Tài chính', pageSize: 100 });
      for (const row of page.items as { agencyId: number; counts: Record<string, number> }[])
        if (row.agencyId === c.agency.finance) tasks += Object.values(row.counts).reduce((a, b) => a + b, 0);
    }
    return tasks;
  };
  const assignedThisMonth = async (who: Who) =>
    (await read(who, 'reports.monthly', { month })).totals.assigned as number;
  const taskExport = async (who: Who) => {
    const res = await c.t.app.inject({
      method: 'GET',
      url: `/export/tasks.csv?filter=${encodeURIComponent('{}')}`,
      headers: { cookie: cookieHeader(who) },
    });
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  const onNode = async (database: Database, taskId: number) => {
    const [row] = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from tasks where id = ${taskId}`,
    );
    return row?.n === 1;
  };
  const pauseReplay = () => replica.db.execute(sql`select pg_wal_replay_pause()`);
  const resumeReplay = () => replica.db.execute(sql`select pg_wal_replay_resume()`);
  /** Until the replica has replayed everything the primary has flushed. */
  async function caughtUp() {
    const [target] = await selectRows<{ lsn: string }>(
      primary.db,
      sql`select pg_current_wal_flush_lsn()::text as lsn`,
    );
    for (;;) {
      const [row] = await selectRows<{ done: boolean }>(
        replica.db,
        sql`select pg_last_wal_replay_lsn() >= ${target?.lsn}::pg_lsn as done`,
      );
      if (row?.done) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const newestChange = async () => {
    const [row] = await selectRows<{ id: number }>(
      primary.db,
      sql`select max(id)::int as id from change_events`,
    );
    return row?.id ?? 0;
  };

  let first: number;
  const before = { dashboard: 0, finance: 0, assigned: 0 };

  it('while the replica lags, the writer reads its write from the primary and others the older state from the replica', async () => {
    await caughtUp();
    before.dashboard = await tasksOnDashboard('inspector');
    before.finance = await financeInRanking('inspector');
    before.assigned = await assignedThisMonth('inspector');

    await pauseReplay();
    first = await assignTask('Nhiệm vụ ghi khi bản sao dừng phát lại');
    expect(await onNode(primary, first)).toBe(true);
    expect(await onNode(replica, first)).toBe(false);

    // The writer: every report has the task, so the primary answered.
    expect(await tasksOnDashboard('office')).toBe(before.dashboard + 1);
    expect(await financeInRanking('office')).toBe(before.finance + 1);
    expect(await assignedThisMonth('office')).toBe(before.assigned + 1);
    expect(await taskExport('office')).toContain('Nhiệm vụ ghi khi bản sao dừng phát lại');

    // Another user: the same reports without it, so the replica answered, consistent with the older state.
    expect(await tasksOnDashboard('inspector')).toBe(before.dashboard);
    expect(await financeInRanking('inspector')).toBe(before.finance);
    expect(await assignedThisMonth('inspector')).toBe(before.assigned);
    expect(await taskExport('inspector')).not.toContain('Nhiệm vụ ghi khi bản sao dừng phát lại');

    // The writer's browser without the position it was given reads the replica too: the position routes.
    const sessionOnly = c.cookie.office;
    expect(await tasksOnDashboard('office', { cookie: sessionOnly })).toBe(before.dashboard);
    // A forged position is ignored.
    const forged = `${sessionOnly}; dgm_wal=ffffffffffffffff.AAAAAAAAAAAAAAAAAAAAAA`;
    expect(await tasksOnDashboard('office', { cookie: forged })).toBe(before.dashboard);
  });

  it('a page told of a change by its live stream reads where that change is', async () => {
    const seen = { [SEEN_CHANGE_HEADER]: String(await newestChange()) };
    expect(await tasksOnDashboard('inspector', { headers: seen })).toBe(before.dashboard + 1);
  });

  it('nobody reads from a replica that lacks a change heard longer ago than READ_REPLICA_MAX_LAG_MS', async () => {
    // This process allows no lag at all: once its live bus has heard of the write, the lagging replica
    // serves nobody, and the primary answers.
    const change = await newestChange();
    while (impatient.app.bus.lastId < change) await new Promise((r) => setTimeout(r, 20));
    expect(await tasksOnDashboard('inspector', { app: impatient })).toBe(before.dashboard + 1);
  });

  it('once replay resumes, the replica catches up and its cached reports move with it', async () => {
    await resumeReplay();
    await caughtUp();
    expect(await tasksOnDashboard('inspector')).toBe(before.dashboard + 1);
    expect(await financeInRanking('inspector')).toBe(before.finance + 1);

    // Still the replica answering: paused again, it has the first task and not a second one.
    await pauseReplay();
    const second = await assignTask('Nhiệm vụ thứ hai');
    expect(await onNode(replica, second)).toBe(false);
    expect(await tasksOnDashboard('inspector')).toBe(before.dashboard + 1);
    expect(await assignedThisMonth('inspector')).toBe(before.assigned + 1);
    expect(await tasksOnDashboard('office')).toBe(before.dashboard + 2);
    await resumeReplay();
  });

  it('a server process that did not serve the write honours the position the other one gave', async () => {
    const fixed = Number(process.env.REPLICA_TEST_APP_PORT) || 0;
    const ports = [fixed || randomTestPort(), fixed ? fixed + 1 : randomTestPort()];
    const signingKey = generateKeyPairSync('ed25519')
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    for (const port of ports) {
      servers.push(
        startRealServer(port, {
          HOST: '127.0.0.1',
          ...nodes,
          READ_REPLICA_MAX_LAG_MS: '600000',
          // Every process of one deployment shares its secrets: the position's signature is checked with it.
          SESSION_SECRET: 'replica-test-session-secret-0123456789abcdef',
          AUDIT_KEY: 'replica-test-audit-key-0123456789abcdef',
          AUDIT_SIGNING_KEY: signingKey,
          AUDIT_CHECKPOINT_FILE: 'off',
          SEED_DEMO: 'false',
          LOG_LEVEL: 'warn',
        }),
      );
    }
    await Promise.all(servers.map((server) => server.healthy()));
    // Its start-up lines come through a pipe, not with the health check's answer: waited for.
    while (!servers[0]?.output().includes('Reports read from the replica: PostgreSQL 127.0.0.1:'))
      await new Promise((r) => setTimeout(r, 50));
    const [a, b] = ports.map((port) => `http://127.0.0.1:${port}`);
    const login = async (base: string | undefined, username: string) => {
      const res = await fetch(`${base}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: `${base}` },
        body: JSON.stringify({ json: { username, password: TEST_PASSWORD } }),
      });
      expect(res.status).toBe(200);
      return res.headers.getSetCookie().map((line) => line.split(';')[0]);
    };
    const dashboard = async (base: string | undefined, cookies: (string | undefined)[]) => {
      const res = await fetch(`${base}/trpc/tasks.dashboard?input=${encodeURIComponent('{"json":null}')}`, {
        headers: { cookie: cookies.join('; ') },
      });
      expect(res.status).toBe(200);
      const counts = (await res.json()).result.data.json.counts as Record<string, number>;
      return Object.values(counts).reduce((x, y) => x + y, 0);
    };
    const office = await login(a, 'vpcp');
    const inspector = await login(b, 'tt');
    const seen = await dashboard(b, inspector);

    await pauseReplay();
    const res = await fetch(`${a}/trpc/tasks.createDocument`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `${a}`, cookie: office.join('; ') },
      body: JSON.stringify({
        json: {
          number: `${newKey('so')}/QĐ-TTg`,
          kind: 'decision',
          issuedOn: vietnamDate(new Date()),
          signer: 'Phó Thủ tướng',
          title: 'Quyết định giao qua tiến trình A',
          tasks: [{ title: 'Nhiệm vụ giao qua tiến trình A', leadAgencyId: c.agency.finance }],
        },
      }),
    });
    expect(res.status).toBe(200);
    const position = res.headers.getSetCookie().map((line) => line.split(';')[0]);
    expect(position.join()).toMatch(/^dgm_wal=/);
    const [taskId] = (await res.json()).result.data.json.taskIds as number[];
    expect(await onNode(primary, taskId ?? 0)).toBe(true);
    expect(await onNode(replica, taskId ?? 0)).toBe(false);

    expect(await dashboard(b, [...office, ...position])).toBe(seen + 1);
    expect(await dashboard(b, inspector)).toBe(seen);
    await resumeReplay();
    await caughtUp();
    expect(await dashboard(b, inspector)).toBe(seen + 1);
    before.dashboard += 1;
    before.assigned += 1;
    for (const server of servers) server.child.kill('SIGTERM');
    expect(await Promise.all(servers.map((server) => server.exited))).toEqual([0, 0]);
  }, 240_000);

  it('a replica that is down sends the reports to the primary: no error page, told once', async () => {
    const warn = vi.spyOn(c.t.app.log, 'warn');
    await caughtUp();
    await cluster.stopReplica();
    expect(await tasksOnDashboard('inspector')).toBe(before.dashboard + 2);
    expect(await assignedThisMonth('inspector')).toBe(before.assigned + 2);
    expect(await taskExport('inspector')).toContain('Nhiệm vụ thứ hai');
    expect(await tasksOnDashboard('inspector')).toBe(before.dashboard + 2);
    const told = warn.mock.calls.filter(([, message]) =>
      String(message).includes('read replica unreachable'),
    );
    expect(told).toHaveLength(1);
    const health = await c.t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', database: 'up', replica: 'down' });
    warn.mockRestore();
  });
});
