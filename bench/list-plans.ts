/**
 * `node --import tsx bench/list-plans.ts` (issue 15, point 3): the database's side of the task lists.
 * For the agency that leads the most tasks (the skewed case: the planner's per-agency estimate is the
 * average), every filter the screens offer × every sort × pages 1, 7, 50, the middle (the deepest an
 * offset reaches when a far page is read from the nearer end) and the last, it runs the exact
 * statements `findTasks` sends under `EXPLAIN (ANALYZE, BUFFERS)` and prints their time, the buffers
 * they touched and the plan of the costliest. Each page twice: warm (what `findTasks` keeps per change
 * mark, the total and a search's ordered matches, already kept: a user's next page) and cold (nothing
 * kept: the first read after a change). The change mark's probe is left out of both. Read-only.
 *
 * Flags: --database-url (else BENCH_DATABASE_URL, DATABASE_URL, the bench's default), --agency=ID,
 * --pages=1,7,50,middle,last, --sorts=deadline:asc,title:desc…, --cases=agency,status… (the names below),
 * --q='co so du lieu|trien khai' (the searches, `|` between them), --full (one line per statement
 * set; by default the slowest direction of each sort only).
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db } from '../server/db/client';
import * as schema from '../server/db/schema';
import { findTasks } from '../server/modules/tasks/queries';
import { statusClock } from '../server/modules/tasks/status-sql';
import type { TaskListInput } from '../shared/schemas/tasks';
import { argValue, DEFAULT_BENCH_URL } from './generate';

const databaseUrl =
  argValue('database-url') ?? process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_BENCH_URL;
const PAGE_SIZE = 25;

interface Statement {
  sql: string;
  params: unknown[];
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Sort Method'?: string;
  'Subplan Name'?: string;
  'Parent Relationship'?: string;
  'Actual Rows'?: number;
  Plans?: PlanNode[];
}

/** The plan that finds the page's ids: the Limit node with an Offset, or the topmost Limit. */
function pageIdsPlan(node: PlanNode): PlanNode | undefined {
  if (node['Node Type'] === 'Limit') return node;
  for (const child of node.Plans ?? []) {
    const found = pageIdsPlan(child);
    if (found) return found;
  }
  return undefined;
}

/** "Limit ← Sort (top-N heapsort) ← Bitmap Heap Scan tasks (42,967 rows)": the chain of first children. */
function describe(node: PlanNode | undefined): string {
  const parts: string[] = [];
  for (let n = node; n; n = n.Plans?.[0]) {
    const what = n['Node Type'];
    if (what === 'Limit') continue;
    const detail = n['Index Name'] ?? n['Sort Method'] ?? '';
    const rows = /Scan/.test(what) ? ` ${n['Actual Rows'] ?? '?'} rows` : '';
    parts.push(`${what}${detail ? ` ${detail}` : ''}${rows}`);
  }
  return parts.join(' ← ');
}

export interface PlanRow {
  label: string;
  sort: string;
  /** 1, 7, 50, middle or last. */
  at: string;
  page: number;
  /** Warm: the statements of a page read again under the same change mark (summed). */
  ms: number;
  buffers: number;
  /** Cold: the same page first after a change (nothing kept). */
  coldMs: number;
  coldBuffers: number;
  /** The plan of the costliest statement, cold. */
  plan: string;
}

/** Broad searches by default: a phrase of a title template, a common word, a document-number part. */
export const DEFAULT_SEARCHES = ['co so du lieu', 'trien khai', 'QĐ-TTg'];

export async function listPlans(
  pg: postgres.Sql,
  options: { agency?: number; pages?: string[]; full?: boolean; searches?: string[] },
) {
  const captured: Statement[] = [];
  // A database object of its own has nothing kept (findTasks keeps per database): a cold read.
  const open = () =>
    drizzle(pg, {
      schema,
      logger: { logQuery: (q, params) => captured.push({ sql: q, params: [...params] }) },
    }) as unknown as Db;
  let db = open();
  const [top] = await pg<{ id: number; n: number; group: number | null }[]>`
    select lead_agency_id as id, count(*)::int as n,
      mode() within group (order by group_no) as "group"
    from tasks group by 1 order by 2 desc limit 1`;
  const agencyId = options.agency ?? top?.id;
  if (!agencyId) throw new Error('no tasks');
  const [{ group }] = (await pg`
    select mode() within group (order by group_no) as group from tasks where lead_agency_id = ${agencyId}`) as unknown as [
    { group: number },
  ];
  const cases: [string, Partial<TaskListInput>][] = [
    ['agency', { agencyId }],
    ['agency + open', { agencyId, status: ['in_progress', 'overdue'] }],
    ['agency + group', { agencyId, groupNo: group }],
    ['agency, led or coordinated (inbox)', { agencyId, agencyRole: 'any' }],
    [
      'agency inbox, completion awaiting the leader',
      { agencyId, agencyRole: 'any', completion: ['awaiting_leader'] },
    ],
    ['agency inbox, extension pending', { agencyId, agencyRole: 'any', extensionPending: true }],
    ['provincial level', { agencyLevel: 'provincial' }],
    ...(options.searches ?? DEFAULT_SEARCHES).map((q): [string, Partial<TaskListInput>] => [
      `searched "${q}"`,
      { q },
    ]),
    ['unfiltered', {}],
  ];
  const wanted = argValue('cases')?.split(',');
  const sortArg = argValue('sorts');
  const sorts: [TaskListInput['sort'], 'asc' | 'desc'][] = sortArg
    ? sortArg.split(',').map((s) => s.split(':') as [TaskListInput['sort'], 'asc' | 'desc'])
    : (['deadline', 'createdAt', 'title', 'percent', 'lastUpdate'] as const).flatMap((s) => [
        [s, 'asc'] as [typeof s, 'asc'],
        [s, 'desc'] as [typeof s, 'desc'],
      ]);
  const clock = statusClock(new Date());
  const rows: PlanRow[] = [];
  for (const [label, filter] of cases) {
    if (wanted && !wanted.some((w) => label.startsWith(w))) continue;
    for (const [sort, direction] of sorts) {
      let total = 0;
      for (const pageArg of options.pages ?? ['1', '7', '50', 'middle', 'last']) {
        const input = { agencyRole: 'lead', ...filter, sort, direction, pageSize: PAGE_SIZE } as const;
        if (!total) total = (await findTasks(db, { ...input, page: 1 }, clock)).total;
        const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
        const page =
          pageArg === 'last' ? pages : pageArg === 'middle' ? Math.ceil(pages / 2) : Number(pageArg);
        if (page > 1 && page > Math.ceil(total / PAGE_SIZE)) continue;
        const pageInput = { ...input, page };
        db = open();
        const cold = await explainAll(pg, captured, () => findTasks(db, pageInput, clock));
        const warm = await explainAll(pg, captured, () => findTasks(db, pageInput, clock));
        rows.push({
          label: `${label} (${total.toLocaleString('en')})`,
          sort: `${sort} ${direction}`,
          at: pageArg,
          page,
          ms: warm.ms,
          buffers: warm.buffers,
          coldMs: cold.ms,
          coldBuffers: cold.buffers,
          plan: cold.plan,
        });
      }
    }
  }
  return { agencyId, agencyTasks: top?.id === agencyId ? top.n : undefined, rows };
}

/**
 * Runs `read`, then each statement it sent (but the change mark's probe) under EXPLAIN ANALYZE twice,
 * the second run kept (the first may have read the disk): their summed time and buffers, and the plan
 * of the costliest.
 */
async function explainAll(pg: postgres.Sql, captured: Statement[], read: () => Promise<unknown>) {
  captured.length = 0;
  await read();
  const statements = captured.filter((s) => !/change_events/.test(s.sql));
  let ms = 0;
  let buffers = 0;
  let costliest: { ms: number; plan: string } | undefined;
  for (const statement of statements) {
    let result: { Plan: PlanNode; 'Execution Time': number } | undefined;
    for (let i = 0; i < 2; i++) {
      const [row] = await pg.unsafe(
        `explain (analyze, buffers, timing off, format json) ${statement.sql}`,
        // biome-ignore lint/suspicious/noExplicitAny: the parameters exactly as drizzle hands them over
        statement.params as any[],
      );
      result = (row?.['QUERY PLAN'] as (typeof result)[])?.[0];
    }
    if (!result) throw new Error('no plan');
    ms += result['Execution Time'];
    buffers += sumBuffers(result.Plan as unknown as Record<string, unknown>);
    if (!costliest || result['Execution Time'] > costliest.ms)
      costliest = { ms: result['Execution Time'], plan: describe(pageIdsPlan(result.Plan) ?? result.Plan) };
  }
  return { ms, buffers, plan: costliest?.plan ?? '(nothing read)' };
}

function sumBuffers(plan: Record<string, unknown>): number {
  return Number(plan['Shared Hit Blocks'] ?? 0) + Number(plan['Shared Read Blocks'] ?? 0);
}

export function planTable(rows: PlanRow[], full: boolean): string {
  const lines = [
    '| list (matching tasks) | sort | page | warm ms | warm buffers | cold ms | cold buffers | costliest statement, cold |',
    '|---|---|---|---|---|---|---|---|',
  ];
  let shown = rows;
  if (!full) {
    // The slower direction of each sort, per list and page: the table stays readable.
    const worst = new Map<string, PlanRow>();
    for (const r of rows) {
      const key = `${r.label}|${r.sort.split(' ')[0]}|${r.page}`;
      const seen = worst.get(key);
      if (!seen || r.ms > seen.ms) worst.set(key, r);
    }
    shown = [...worst.values()];
  }
  for (const r of shown)
    lines.push(
      `| ${r.label} | ${r.sort} | ${r.page} | ${r.ms.toFixed(1)} | ${r.buffers} | ${r.coldMs.toFixed(1)} | ${r.coldBuffers} | ${r.plan} |`,
    );
  return lines.join('\n');
}

/** One line per list: the slowest sort at each page asked for (ms, buffers), warm or (`cold`) cold. */
export function planSummary(rows: PlanRow[], cold = false): string {
  const ms = (r: PlanRow) => (cold ? r.coldMs : r.ms);
  const ats = [...new Set(rows.map((r) => r.at))];
  const lines = [
    `| list (matching tasks) | ${ats.map((a) => `page ${a}`).join(' | ')} |`,
    `|---|${ats.map(() => '---').join('|')}|`,
  ];
  for (const label of new Set(rows.map((r) => r.label))) {
    const cells = ats.map((at) => {
      const worst = rows
        .filter((r) => r.label === label && r.at === at)
        .reduce<PlanRow | undefined>((w, r) => (!w || ms(r) > ms(w) ? r : w), undefined);
      return worst
        ? `${ms(worst).toFixed(1)} ms, ${(cold ? worst.coldBuffers : worst.buffers).toLocaleString('en')} buf`
        : '—';
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('list-plans.ts')) {
  const pg = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const agency = argValue('agency');
    const { agencyId, agencyTasks, rows } = await listPlans(pg, {
      agency: agency ? Number(agency) : undefined,
      pages: argValue('pages')?.split(','),
      searches: argValue('q')?.split('|'),
    });
    console.log(
      `Agency ${agencyId}${agencyTasks ? ` (leads ${agencyTasks.toLocaleString('en')} tasks)` : ''}, ${new URL(databaseUrl).pathname.slice(1)}\n`,
    );
    console.log(planTable(rows, process.argv.includes('--full')));
    const sorts = new Set(rows.map((r) => r.sort)).size;
    console.log(`\nThe slowest of the ${sorts} sorts at each page, warm (under the same change mark):\n`);
    console.log(planSummary(rows));
    console.log(`\nThe same, cold (the first read after a change):\n`);
    console.log(planSummary(rows, true));
    const slow = rows.filter((r) => r.ms > 10);
    const max = rows.reduce((m, r) => Math.max(m, r.ms), 0);
    const coldMax = rows.reduce((m, r) => Math.max(m, r.coldMs), 0);
    console.log(
      `\n${rows.length} pages; slowest ${max.toFixed(1)} ms warm (${slow.length} over 10 ms), ${coldMax.toFixed(1)} ms cold.`,
    );
  } finally {
    await pg.end({ timeout: 5 });
  }
}
