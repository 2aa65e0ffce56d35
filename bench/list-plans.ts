/**
 * `node --import tsx bench/list-plans.ts` (issue 15, point 3): the database's side of the task lists.
 * For the agency that leads the most tasks (the skewed case: the planner's per-agency estimate is the
 * average), every filter the screens offer × every sort × pages 1, 7, 50, the middle (the deepest an
 * offset reaches when a far page is read from the nearer end) and the last, it runs the exact
 * statement `findTasks` sends under `EXPLAIN (ANALYZE, BUFFERS)` and prints its time, the buffers it
 * touched and the plan of the page's ids. Read-only.
 *
 * Flags: --database-url (else BENCH_DATABASE_URL, DATABASE_URL, the bench's default), --agency=ID,
 * --pages=1,7,50,middle,last, --sorts=deadline:asc,title:desc…, --cases=agency,status… (the names below),
 * --full (one line per statement; by default the slowest direction of each sort only).
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
  ms: number;
  buffers: number;
  plan: string;
}

export async function listPlans(
  pg: postgres.Sql,
  options: { agency?: number; pages?: string[]; full?: boolean },
) {
  const captured: Statement[] = [];
  const db = drizzle(pg, {
    schema,
    logger: { logQuery: (q, params) => captured.push({ sql: q, params: [...params] }) },
  }) as unknown as Db;
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
    ['searched', { q: 'co so du lieu' }],
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
        captured.length = 0;
        await findTasks(db, { ...input, page }, clock);
        const statement = captured.find((s) => / limit \$\d+ offset /.test(s.sql) || / limit /.test(s.sql));
        if (!statement) throw new Error('no list statement captured');
        let result: { Plan: PlanNode; 'Execution Time': number } | undefined;
        // Twice: the second run finds what the first read in memory, as a user's next click does.
        for (let i = 0; i < 2; i++) {
          const [row] = await pg.unsafe(
            `explain (analyze, buffers, timing off, format json) ${statement.sql}`,
            // biome-ignore lint/suspicious/noExplicitAny: the parameters exactly as drizzle hands them over
            statement.params as any[],
          );
          result = (row?.['QUERY PLAN'] as (typeof result)[])?.[0];
        }
        if (!result) throw new Error('no plan');
        const buffers = sumBuffers(result.Plan as unknown as Record<string, unknown>);
        rows.push({
          label: `${label} (${total.toLocaleString('en')})`,
          sort: `${sort} ${direction}`,
          at: pageArg,
          page,
          ms: result['Execution Time'],
          buffers,
          plan: describe(pageIdsPlan(result.Plan)),
        });
      }
    }
  }
  return { agencyId, agencyTasks: top?.id === agencyId ? top.n : undefined, rows };
}

function sumBuffers(plan: Record<string, unknown>): number {
  return Number(plan['Shared Hit Blocks'] ?? 0) + Number(plan['Shared Read Blocks'] ?? 0);
}

export function planTable(rows: PlanRow[], full: boolean): string {
  const lines = [
    '| list (matching tasks) | sort | page | ms | buffers | page ids from |',
    '|---|---|---|---|---|---|',
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
    lines.push(`| ${r.label} | ${r.sort} | ${r.page} | ${r.ms.toFixed(1)} | ${r.buffers} | ${r.plan} |`);
  return lines.join('\n');
}

/** One line per list: the slowest sort at each page asked for (ms, buffers). */
export function planSummary(rows: PlanRow[]): string {
  const ats = [...new Set(rows.map((r) => r.at))];
  const lines = [
    `| list (matching tasks) | ${ats.map((a) => `page ${a}`).join(' | ')} |`,
    `|---|${ats.map(() => '---').join('|')}|`,
  ];
  for (const label of new Set(rows.map((r) => r.label))) {
    const cells = ats.map((at) => {
      const worst = rows
        .filter((r) => r.label === label && r.at === at)
        .reduce<PlanRow | undefined>((w, r) => (!w || r.ms > w.ms ? r : w), undefined);
      return worst ? `${worst.ms.toFixed(1)} ms, ${worst.buffers.toLocaleString('en')} buf` : '—';
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
    });
    console.log(
      `Agency ${agencyId}${agencyTasks ? ` (leads ${agencyTasks.toLocaleString('en')} tasks)` : ''}, ${new URL(databaseUrl).pathname.slice(1)}\n`,
    );
    console.log(planTable(rows, process.argv.includes('--full')));
    console.log(`\nThe slowest of the ${new Set(rows.map((r) => r.sort)).size} sorts at each page:\n`);
    console.log(planSummary(rows));
    const slow = rows.filter((r) => r.ms > 10);
    const max = rows.reduce((m, r) => Math.max(m, r.ms), 0);
    console.log(`\n${rows.length} statements; slowest ${max.toFixed(1)} ms; ${slow.length} over 10 ms.`);
  } finally {
    await pg.end({ timeout: 5 });
  }
}
