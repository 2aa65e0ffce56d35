import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  lte,
  or,
  type Placeholder,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AGENCY_LEVELS } from '../../../shared/agencies';
import { AppError } from '../../../shared/errors';
import type { ChangeType } from '../../../shared/live-events';
import {
  PARTS_SHOWN,
  TASK_HISTORY_PAGE,
  type TaskFilterInput,
  type TaskListInput,
  taskFilterInput,
} from '../../../shared/schemas/tasks';
import type { TASK_SORTS } from '../../../shared/task-sorts';
import {
  type CompletionState,
  completionRates,
  emptyStatusCounts,
  isCompletionPending,
  rollUpParts,
  type StatusCounts,
  TASK_STATUSES,
  type TaskStatus,
} from '../../../shared/task-status';
import { foldVietnamese } from '../../../shared/text';
import type { Db } from '../../db/client';
import { preparedFor } from '../../db/prepared';
import { isStandby } from '../../db/replica';
import { selectRows } from '../../db/rows';
import {
  agencies,
  changeEvents,
  completionReports,
  documents,
  evidenceFiles,
  extensionRequests,
  progressUpdates,
  taskCoordinators,
  taskGroups,
  tasks,
  users,
} from '../../db/schema';
import { loadSuccessors } from '../agencies/lineage';
import { auditCountQuery, auditSummariesQuery } from '../audit/service';
import type { Actor } from '../auth/actor';
import { changeCache, changeMarkOf } from '../live/change-cache';
import {
  type AgencyRankings,
  type AgencyStatusCounts,
  buildAgencyRanking,
  regroupAgencyCounts,
  shortRanking,
} from './agency-ranking';
import { cachedTaskCount } from './count-cache';
import { allowedTaskActions, canReadTaskDetails } from './policy';
import { type MovedTask, pageOfOrder, type SearchOrder, withMoved } from './search-order';
import {
  type ClockSql,
  clockPlaceholders,
  clockValues,
  dueSoonSql,
  type StatusClock,
  staleSql,
  statusIn,
  statusSql,
} from './status-sql';
import { currentTallies, readTallies } from './tallies';

const lead = alias(agencies, 'lead');

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A directive document as a task's page and the document list show it (`documentHeader` in shared). */
export const documentHeaderColumns = {
  id: documents.id,
  number: documents.number,
  kind: documents.kind,
  issuedOn: documents.issuedOn,
  signer: documents.signer,
  title: documents.title,
  // The issuing province's names (null: the Government), as a lookup by key: the header is selected
  // with different joins in each place.
  issuerNameVi: sql<
    string | null
  >`(select ${agencies.nameVi} from ${agencies} where ${agencies.id} = ${documents.issuerAgencyId})`,
  issuerNameEn: sql<
    string | null
  >`(select ${agencies.nameEn} from ${agencies} where ${agencies.id} = ${documents.issuerAgencyId})`,
};

/**
 * A filter as a statement takes it: its values ready to bind (the search as a LIKE pattern, a level's
 * agencies as an array literal), each of which may instead be a placeholder of the same name (a list
 * statement built once per shape, `listStatement`); the other fields decide the statement's shape.
 */
interface BoundFilter {
  pattern?: string | Placeholder;
  status?: readonly TaskStatus[];
  dueSoon?: boolean;
  stale?: boolean;
  isKey?: boolean | Placeholder;
  agencyId?: number | Placeholder;
  agencyRole?: TaskFilterInput['agencyRole'];
  levelLeads?: string | Placeholder;
  agencyLevel?: string | Placeholder;
  communesOf?: number | Placeholder;
  groupNo?: number | Placeholder;
  documentId?: number | Placeholder;
  deadlineFrom?: string | Placeholder;
  deadlineTo?: string | Placeholder;
  completion?: readonly CompletionState[];
  extensionPending?: boolean;
}

/** The fields of a `BoundFilter` that are values (a placeholder each in a prepared list statement). */
const BOUND_VALUES = [
  'pattern',
  'isKey',
  'agencyId',
  'levelLeads',
  'agencyLevel',
  'communesOf',
  'groupNo',
  'documentId',
  'deadlineFrom',
  'deadlineTo',
] as const satisfies readonly (keyof BoundFilter)[];

/** `levelLeads`: the agencies of `filter.agencyLevel`, when the caller has them (`findTasks`). */
function boundFilter(filter: TaskFilterInput, levelLeads?: readonly number[]): BoundFilter {
  const q = filter.q ? foldVietnamese(filter.q) : '';
  return {
    pattern: q ? likePattern(q) : undefined,
    status: filter.status?.length ? filter.status : undefined,
    dueSoon: Boolean(filter.dueSoon),
    stale: Boolean(filter.stale),
    isKey: filter.isKey,
    agencyId: filter.agencyId || undefined,
    agencyRole: filter.agencyId ? filter.agencyRole : undefined,
    levelLeads: filter.agencyLevel && levelLeads ? `{${levelLeads.join(',')}}` : undefined,
    agencyLevel: filter.agencyLevel && !levelLeads ? filter.agencyLevel : undefined,
    communesOf: filter.communesOf || undefined,
    groupNo: filter.groupNo || undefined,
    documentId: filter.documentId || undefined,
    deadlineFrom: filter.deadlineFrom || undefined,
    deadlineTo: filter.deadlineTo || undefined,
    completion: filter.completion?.length ? filter.completion : undefined,
    extensionPending: Boolean(filter.extensionPending),
  };
}

/**
 * WHERE for every filter the task screens offer; each has an index behind it (see schema). `levelLeads`:
 * the agencies of `filter.agencyLevel`, when the caller has them (`findTasks`).
 */
export function taskFilters(
  filter: TaskFilterInput,
  clock: StatusClock,
  levelLeads?: readonly number[],
): SQL | undefined {
  return filterSql(boundFilter(filter, levelLeads), clock);
}

function filterSql(filter: BoundFilter, clock: ClockSql): SQL | undefined {
  const where: SQL[] = [];
  if (filter.pattern !== undefined) where.push(sql`${tasks.searchText} like ${filter.pattern}`);
  if (filter.status) where.push(statusIn(filter.status, clock));
  if (filter.dueSoon) where.push(dueSoonSql(clock));
  if (filter.stale) where.push(staleSql(clock));
  if (filter.isKey !== undefined) where.push(eq(tasks.isKey, filter.isKey));
  if (filter.agencyId !== undefined) {
    const leads = eq(tasks.leadAgencyId, filter.agencyId);
    where.push(
      filter.agencyRole === 'any'
        ? (or(
            leads,
            sql`exists (select 1 from ${taskCoordinators} where ${taskCoordinators.taskId} = ${tasks.id} and ${taskCoordinators.agencyId} = ${filter.agencyId})`,
          ) as SQL)
        : leads,
    );
  }
  // Given as the level's agencies, the planner sees which they are: the capital alone leads a fifth of
  // all tasks, and a join (or a subquery) made it guess 34 average provinces and sort every match.
  if (filter.levelLeads !== undefined)
    where.push(sql`${tasks.leadAgencyId} = any(${filter.levelLeads}::int[])`);
  else if (filter.agencyLevel !== undefined)
    where.push(
      sql`${tasks.leadAgencyId} in (select ${agencies.id} from ${agencies} where ${agencies.level} = ${filter.agencyLevel})`,
    );
  // A province's communes (a few hundred at most, from the agencies' parent index), then each one's
  // tasks from the lead indexes.
  if (filter.communesOf !== undefined)
    where.push(
      sql`${tasks.leadAgencyId} = any(array(select ${agencies.id} from ${agencies} where ${agencies.parentId} = ${filter.communesOf}))`,
    );
  if (filter.groupNo !== undefined) where.push(eq(tasks.groupNo, filter.groupNo));
  if (filter.documentId !== undefined) where.push(eq(tasks.documentId, filter.documentId));
  if (filter.deadlineFrom !== undefined) where.push(gte(tasks.deadline, filter.deadlineFrom));
  if (filter.deadlineTo !== undefined) where.push(lte(tasks.deadline, filter.deadlineTo));
  // Both read from the few tasks the small table names (an index on its state), not a lookup per task
  // of the list: as a per-task subquery, the capital's inbox took 0.1 s whatever the page.
  if (filter.completion)
    where.push(
      sql`${tasks.id} in (select ${completionReports.taskId} from ${completionReports} where ${inArray(completionReports.state, [...filter.completion])})`,
      inArray(latestCompletionState, [...filter.completion]),
    );
  if (filter.extensionPending)
    where.push(
      sql`${tasks.id} in (select ${extensionRequests.taskId} from ${extensionRequests} where ${extensionRequests.state} = 'pending')`,
    );
  return where.length ? and(...where) : undefined;
}

/**
 * The changes that can move which tasks match `filter` (what its cached total is keyed on). A progress
 * post changes a task's percent and last update only (progress.ts), so it moves a total under the stale
 * filter alone; a request for an extension, or a completion report, only under those filters. Agencies
 * named by a new task come with its event. Progress, the most frequent write, leaves other totals kept.
 */
export function changesMovingTotal(filter: TaskFilterInput): ChangeType[] {
  const types: ChangeType[] = [
    'document.created',
    'task.created',
    'task.updated',
    'extension.decided',
    'completion.decided',
  ];
  if (filter.stale) types.push('task.progress', 'task.contribution');
  if (filter.extensionPending) types.push('extension.requested');
  if (filter.completion?.length) types.push('completion.reported');
  return types;
}

/** The state of the task's latest completion report (null: none reported). */
const latestCompletionState = sql<CompletionState | null>`(select ${completionReports.state} from ${completionReports} where ${completionReports.taskId} = ${tasks.id} order by ${completionReports.id} desc limit 1)`;
const extensionPendingSql = sql<boolean>`exists (select 1 from ${extensionRequests} where ${extensionRequests.taskId} = ${tasks.id} and ${extensionRequests.state} = 'pending')`;

/** Closed tasks (completed or withdrawn): the deadline order puts them after every open one. */
const closedSql = sql`(${tasks.completedOn} is not null or ${tasks.withdrawn})`;

function taskColumns(clock: ClockSql) {
  return {
    id: tasks.id,
    title: tasks.title,
    documentId: tasks.documentId,
    documentNumber: documents.number,
    groupNo: tasks.groupNo,
    leadAgencyId: tasks.leadAgencyId,
    leadNameVi: lead.nameVi,
    leadNameEn: lead.nameEn,
    leadLevel: lead.level,
    deadline: tasks.deadline,
    originalDeadline: tasks.originalDeadline,
    completedOn: tasks.completedOn,
    priority: tasks.priority,
    isKey: tasks.isKey,
    latestPercent: tasks.latestPercent,
    lastLeadUpdateAt: tasks.lastLeadUpdateAt,
    status: statusSql(clock).mapWith(String) as SQL<TaskStatus>,
    dueSoon: dueSoonSql(clock).mapWith(Boolean),
    stale: staleSql(clock).mapWith(Boolean),
    extensionPending: extensionPendingSql.mapWith(Boolean),
    completionState: latestCompletionState,
    version: tasks.version,
  };
}

const SORT_COLUMNS = {
  createdAt: tasks.createdAt,
  title: tasks.title,
  percent: tasks.latestPercent,
} as const;

interface OrderTerm {
  expr: SQLWrapper;
  desc: boolean;
  /** Only for nullable keys; the others keep PostgreSQL's default (nulls last ascending, first descending). */
  nullsFirst?: boolean;
}

/**
 * Each sort's order, the id last so it is total. Each is exactly the order of one `tasks_list_*` index
 * and of its `tasks_lead_*` twin behind the agency filter (schema/tasks.ts): a page is a walk of that
 * index however many tasks match, never a sort of all of them. The exact reverse of an order is the
 * same index walked backwards, so a deep page is read from the nearer end. Ties go by id in the sort's
 * direction, for the same reason. By deadline, open work comes first whichever way (the overdue, then
 * the rest; completed and withdrawn after them all), tasks without a deadline after the dated ones; by
 * last update, tasks never updated count as the oldest (first ascending, last descending).
 */
export function listOrder(sort: (typeof TASK_SORTS)[number], direction: 'asc' | 'desc'): OrderTerm[] {
  const desc = direction === 'desc';
  const byId = { expr: tasks.id, desc };
  if (sort === 'deadline')
    return [{ expr: closedSql, desc: false }, { expr: tasks.deadline, desc, nullsFirst: false }, byId];
  if (sort === 'lastUpdate') return [{ expr: tasks.lastLeadUpdateAt, desc, nullsFirst: !desc }, byId];
  return [{ expr: SORT_COLUMNS[sort], desc }, byId];
}

function orderBy(terms: OrderTerm[], reversed: boolean, expr = (t: OrderTerm, _i: number) => t.expr): SQL[] {
  return terms.map((t, i) => {
    const desc = t.desc !== reversed;
    const nulls =
      t.nullsFirst === undefined ? sql`` : t.nullsFirst !== reversed ? sql` nulls first` : sql` nulls last`;
    return sql`${expr(t, i)} ${desc ? sql`desc` : sql`asc`}${nulls}`;
  });
}

export type TaskListItem = Awaited<ReturnType<typeof findTasks>>['items'][number];

/** The filter part of a list request (every filter field, no paging or sorting): what a cached total is keyed on. */
const FILTER_FIELDS = Object.keys(taskFilterInput.shape) as (keyof TaskFilterInput)[];
function filterKey(input: TaskListInput): string {
  return JSON.stringify(
    FILTER_FIELDS.map((field) =>
      field === 'status' && input.status ? [...input.status].sort() : input[field],
    ),
  );
}

/** From this many rows in, a page waits for the total: past the middle it is read from the far end. */
const FAR_PAGE_ROWS = 1000;

/** The agencies of each level, kept as the list's totals are (a task naming a new agency moves the mark). */
const levelAgencies = changeCache<number[]>({ maxAgeMs: 60_000, maxEntries: 10 });

const isInbox = (filter: BoundFilter) => filter.agencyId !== undefined && filter.agencyRole === 'any';

interface PageWindow<N = number> {
  /** Walked from the far end of the order. */
  reversed: boolean;
  limit: N;
  offset: N;
}

/**
 * The ids of a page: the statement a page is chosen by, in `terms`' order (reversed: walked from the
 * far end). Two shapes, each bounded by what it reads:
 * - an agency's "led or coordinated" list (the inbox) merges two walks in order: the tasks it leads (the
 *   lead index) and those it coordinates (a few hundred, sorted). As one `or exists` the planner read
 *   every task of the country (0.4–1.3 s);
 * - any other filter walks the index of the order (with the agency's, when one is chosen) and checks
 *   the other filters on the index entry itself: the filter columns are in every list index.
 * A search is paged from its kept order instead (`searchPage`).
 */
function pageIdsSql(
  filter: BoundFilter,
  clock: ClockSql,
  terms: OrderTerm[],
  window: PageWindow<number | Placeholder>,
): SQL {
  const order = sql.join(orderBy(terms, window.reversed), sql`, `);
  const paging = sql`limit ${window.limit} offset ${window.offset}`;
  const keys = sql.join(
    terms.map((t, i) => sql`${t.expr} as ${sql.identifier(`k${i}`)}`),
    sql`, `,
  );
  const outer = sql.join(
    orderBy(terms, window.reversed, (_t, i) => sql.identifier(`k${i}`)),
    sql`, `,
  );
  if (isInbox(filter)) {
    const { led, coordinated } = inboxBranches(filter, clock);
    // Each part ordered on its own (in parentheses): that is what lets the planner merge them.
    return sql`select ${sql.identifier('id')} from (
      (select ${tasks.id}, ${keys} from ${tasks} where ${led} order by ${order})
      union all
      (select ${tasks.id}, ${keys} from ${tasks} where ${coordinated} order by ${order})
    ) as ${sql.identifier('inbox')} order by ${outer} ${paging}`;
  }
  const where = filterSql(filter, clock) ?? sql`true`;
  return sql`select ${tasks.id} from ${tasks} where ${where} order by ${order} ${paging}`;
}

/** The inbox's two parts: tasks the agency leads, and those it coordinates but does not lead (each once). */
function inboxBranches(filter: BoundFilter, clock: ClockSql) {
  const agencyId = filter.agencyId as number | Placeholder;
  const rest = filterSql({ ...filter, agencyId: undefined, agencyRole: undefined }, clock);
  const led = and(eq(tasks.leadAgencyId, agencyId), rest) as SQL;
  // As an array, not a join: the part stays one scan of the tasks' key (a join went parallel over the
  // whole coordinators' key, 14 ms where this takes 9 on a busy machine).
  const coordinated = and(
    sql`${tasks.id} = any(array(select ${taskCoordinators.taskId} from ${taskCoordinators} where ${taskCoordinators.agencyId} = ${agencyId}))`,
    sql`${tasks.leadAgencyId} <> ${agencyId}`,
    rest,
  ) as SQL;
  return { led, coordinated };
}

async function countTasks(db: Db, filter: BoundFilter, clock: StatusClock): Promise<number> {
  if (isInbox(filter)) {
    const { led, coordinated } = inboxBranches(filter, clock);
    const [nLed, nCoordinated] = await Promise.all([db.$count(tasks, led), db.$count(tasks, coordinated)]);
    return nLed + nCoordinated;
  }
  return db.$count(tasks, filterSql(filter, clock));
}

/** A page's statement: which filters, statuses and completion states, which order, from which end. */
interface ListShape {
  filter: BoundFilter;
  terms: OrderTerm[];
  reversed: boolean;
}

/** Shapes kept per database: each a statement PostgreSQL also keeps, on each connection that ran it. */
const LIST_SHAPES_KEPT = 500;

/**
 * A page's statement, built once per shape and database, its values bound at each execution: building
 * it cost about half a millisecond of the server's time per page. Planned for each execution's values
 * (the connection's default): with a generic plan a level's list, a search or the whole country's were
 * 10 to 80 times slower (docs/decisions/0019-prepared-statements.md). The oldest shape goes past
 * LIST_SHAPES_KEPT.
 */
const listStatements = preparedFor('custom', (db) => {
  const kept = new Map<string, ReturnType<typeof buildListStatement>>();
  return (key: string, shape: ListShape) => {
    let statement = kept.get(key);
    if (!statement) {
      statement = buildListStatement(db, shape);
      if (kept.size >= LIST_SHAPES_KEPT) kept.delete(kept.keys().next().value as string);
      kept.set(key, statement);
    }
    return statement;
  };
});

function buildListStatement(db: Db, { filter, terms, reversed }: ListShape) {
  const bound: BoundFilter = { ...filter };
  for (const field of BOUND_VALUES)
    if (filter[field] !== undefined) Object.assign(bound, { [field]: sql.placeholder(field) });
  const window = { reversed, limit: sql.placeholder('limit'), offset: sql.placeholder('offset') };
  return db
    .select(taskColumns(clockPlaceholders))
    .from(tasks)
    .innerJoin(lead, eq(lead.id, tasks.leadAgencyId))
    .innerJoin(documents, eq(documents.id, tasks.documentId))
    .where(sql`${tasks.id} in (${pageIdsSql(bound, clockPlaceholders, terms, window)})`)
    .orderBy(...orderBy(terms, false))
    .prepare('task_list_page');
}

/**
 * Orders a progress post moves, each with its sort key as a number, ascending as `listOrder` has it
 * (nulls first): a search's kept order re-places the tasks posted since (search-order.ts).
 */
const PROGRESS_KEYS: Partial<Record<(typeof TASK_SORTS)[number], SQL>> = {
  percent: sql`${tasks.latestPercent}`,
  // Microseconds, as PostgreSQL orders them (a JavaScript Date holds milliseconds).
  lastUpdate: sql`(extract(epoch from ${tasks.lastLeadUpdateAt}) * 1000000)::bigint`,
};
const PROGRESS_CHANGES: ChangeType[] = ['task.progress', 'task.contribution'];
/** A search's matches in order (`searchPage`): at most 20 searches (≤ 12 bytes a match). */
const searchOrders = changeCache<SearchOrder>({ maxAgeMs: 60_000, maxEntries: 20 });

/** Descending is the exact reverse of ascending in every order but the deadline's (open work first). */
const isReadFromEnd = (input: TaskListInput) =>
  (input.sort ?? 'deadline') !== 'deadline' && input.direction === 'desc';

/** A kept order's key: the folded text ("Cơ sở" and "co so" are one search), the filters, the order. */
function searchOrderKey(input: TaskListInput): string {
  const direction = isReadFromEnd(input) ? 'asc' : (input.direction ?? 'asc');
  return `${filterKey({ ...input, q: foldVietnamese(input.q ?? '') })}|${input.sort ?? 'deadline'}|${direction}`;
}

/**
 * A page of a search (`q`), any but a first page while nothing is kept (`findTasks`): a slice of all
 * its matches in order, read once per change mark that can move them (trigram index, then sorted) and
 * kept; the total is their number. The kept order is shared by both directions where descending is
 * the exact reverse (every order but the deadline's). A broad search matches thousands of tasks spread along every order: walking an order's index, a page
 * read rows in proportion to its depth over the search's share (17,000 for page 40 of a search matching
 * one task in 18), each checked on the table; and reading all the matches for each page cost a trigram
 * scan, 7,000 table pages and a sort (README, Performance). Progress posts leave the kept order of the
 * orders they move (percent, latest update) standing: the tasks posted since are re-placed.
 */
async function searchPage(
  db: Db,
  input: TaskListInput,
  filter: BoundFilter,
  clock: StatusClock,
  mark: Promise<string>,
  window: { offset: number; limit: number },
) {
  const sort = input.sort ?? 'deadline';
  const direction = input.direction ?? 'asc';
  const fromEnd = isReadFromEnd(input);
  const kept = listOrder(sort, fromEnd ? 'asc' : direction);
  const progressKey = PROGRESS_KEYS[sort];
  let order = await searchOrders.get(db, searchOrderKey(input), mark, async () => {
    // Read before the matches: a task posted meanwhile is re-placed on the next read.
    const progress = progressKey ? Number((await changeMarkOf(db, PROGRESS_CHANGES)).split('|')[0]) : 0;
    const [row] = await selectRows<{ matches: string | null }>(
      db,
      orderedMatchesSql(filter, clock, kept, progressKey),
    );
    return parseOrder(row?.matches ?? null, Boolean(progressKey), progress);
  });
  if (progressKey) {
    const where = filterSql(filter, clock) ?? sql`true`;
    // The tasks posted since the order was read (a few hundred at most: it is read again after a
    // minute), as they are now, those the search matches. As an array, so that each is looked up by
    // its key: the planner would not be tempted by the trigram index, which reads every match.
    const moved = await selectRows<MovedTask>(
      db,
      sql`select ${tasks.id} as ${sql.identifier('id')}, ${progressKey} as ${sql.identifier('key')}
        from ${tasks} where ${tasks.id} = any(array(select ${changeEvents.taskId} from ${changeEvents}
          where ${inArray(changeEvents.type, PROGRESS_CHANGES)} and ${changeEvents.id} > ${order.progress}))
        and ${where}`,
    );
    if (moved.length)
      order = withMoved(
        order,
        moved.map((m) => ({ id: Number(m.id), key: m.key === null ? null : Number(m.key) })),
      );
  }
  const ids = pageOfOrder(order, window.offset, window.limit, fromEnd);
  const total = order.ids.length;
  if (ids.length === 0) return { items: [], total };
  const rows = await db
    .select(taskColumns(clock))
    .from(tasks)
    .innerJoin(lead, eq(lead.id, tasks.leadAgencyId))
    .innerJoin(documents, eq(documents.id, tasks.documentId))
    .where(sql`${tasks.id} = any(${`{${ids.join(',')}}`}::int[])`);
  const position = new Map(ids.map((id, i) => [id, i]));
  return {
    items: rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0)),
    total,
  };
}

/**
 * Every match of a search in `terms`' order, as one text: their ids (each followed by its `key`, the
 * order's key as a number, empty for null, when given), between commas. One value, not a row a match:
 * 40,000 rows took 50–160 ms to receive and parse through postgres.js (200–400 ms through PGlite), one
 * text 20–55 ms. With no limit to stop at, the planner reads the matches first (the trigram index) and
 * then sorts them; a walk of an order's index would bet on matches spread evenly along it, and by title
 * they are not (the search text starts with the title): it read the whole table.
 */
function orderedMatchesSql(filter: BoundFilter, clock: StatusClock, terms: OrderTerm[], key?: SQL): SQL {
  const where = filterSql(filter, clock) ?? sql`true`;
  const order = sql.join(orderBy(terms, false), sql`, `);
  const item = key ? sql`${tasks.id}::text || ',' || coalesce((${key})::text, '')` : sql`${tasks.id}::text`;
  return sql`select string_agg(${item}, ',' order by ${order}) as ${sql.identifier('matches')}
    from ${tasks} where ${where}`;
}

/** `orderedMatchesSql`'s text as a kept order. */
function parseOrder(text: string | null, withKeys: boolean, progress: number): SearchOrder {
  const parts = text ? text.split(',') : [];
  if (!withKeys) return { ids: Int32Array.from(parts, Number), keys: null, progress };
  const ids = new Int32Array(parts.length / 2);
  const keys = new Float64Array(parts.length / 2);
  for (let i = 0; i < ids.length; i++) {
    const key = parts[2 * i + 1];
    ids[i] = Number(parts[2 * i]);
    keys[i] = key ? Number(key) : Number.NEGATIVE_INFINITY;
  }
  return { ids, keys, progress };
}

/** `farPageRows`: from how deep a page is read from the nearer end (tests page far on small data). */
export async function findTasks(
  db: Db,
  input: TaskListInput & { page: number; pageSize: number },
  clock: StatusClock,
  { farPageRows = FAR_PAGE_ROWS } = {},
) {
  const sort = input.sort ?? 'deadline';
  const direction = input.direction ?? 'asc';
  const terms = listOrder(sort, direction);
  const mark = changeMarkOf(db, changesMovingTotal(input), clock.now);
  const level = input.agencyLevel;
  const filter = boundFilter(
    input,
    level
      ? await levelAgencies.get(db, level, mark, async () =>
          (await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.level, level))).map(
            (a) => a.id,
          ),
        )
      : undefined,
  );
  const offset = (input.page - 1) * input.pageSize;
  // A search's first page, while its order is not kept, is chosen as any list's (below: a walk of the
  // order for a broad search, its few matches for a narrow one; the total kept per filter, whatever
  // the order): cheaper than reading and sorting every match (35–65 ms in the database for 11,000,
  // 115–170 for 40,000), which only a further page needs. By title a walk read the whole table (the
  // search text starts with the title): that order is always read whole.
  if (
    filter.pattern !== undefined &&
    (offset > 0 || input.sort === 'title' || searchOrders.has(db, searchOrderKey(input), await mark))
  ) {
    const { items, total } = await searchPage(db, input, filter, clock, mark, {
      offset,
      limit: input.pageSize,
    });
    return page(items, total);
  }
  const countAll = () => countTasks(db, filter, clock);
  const totalPromise = cachedTaskCount(db, filterKey(input), mark, countAll);
  // Deferred join: the page's ids first (a skipped row costs an index entry, not the computed
  // columns), then the columns of those rows only. A far page waits for the total (cached per filter
  // while nothing changes), to be read from whichever end of the index is nearer.
  let window: PageWindow = { reversed: false, limit: input.pageSize, offset };
  if (offset >= farPageRows) {
    const total = await totalPromise;
    const end = Math.min(offset + input.pageSize, total);
    if (end <= offset) return page([], total);
    if (total - end < offset) window = { reversed: true, limit: end - offset, offset: total - end };
  }
  const key = JSON.stringify([
    sort,
    direction,
    window.reversed,
    filter.status,
    filter.dueSoon,
    filter.stale,
    filter.agencyRole,
    filter.completion,
    filter.extensionPending,
    BOUND_VALUES.map((field) => filter[field] !== undefined),
  ]);
  const values: Record<string, unknown> = {
    ...clockValues(clock),
    limit: window.limit,
    offset: window.offset,
  };
  for (const field of BOUND_VALUES) if (filter[field] !== undefined) values[field] = filter[field];
  const statement = listStatements(db)(key, { filter, terms, reversed: window.reversed });
  const [items, total] = await Promise.all([statement.execute(values), totalPromise]);
  return page(items, total);

  function page<T>(items: T[], total: number) {
    return { items, total, page: input.page, pageSize: input.pageSize, asOf: clock.now };
  }
}

/** Every task of one filter for export (bounded). */
export async function findTasksForExport(db: Db, input: TaskListInput, clock: StatusClock, limit = 100_000) {
  return (
    await findTasks(
      db,
      { ...input, page: 1, pageSize: limit } as TaskListInput & { page: number; pageSize: number },
      clock,
    )
  ).items;
}

const taskIdPlaceholder = sql.placeholder('taskId');
const historyPlaceholder = sql.placeholder('history');

/**
 * The statements of a task's detail, built once per database. Each reads one task's rows by its key, and
 * PostgreSQL gives each the same plan for every task and history length (measured at national scale,
 * docs/decisions/0019-prepared-statements.md): planned once per connection, not at every view.
 */
const detailStatements = preparedFor('generic', (db) => {
  const author = alias(users, 'author');
  const decider = alias(users, 'decider');
  const issuer = alias(agencies, 'issuer');
  const parentTask = alias(tasks, 'parent_task');
  const parentLead = alias(agencies, 'parent_lead');
  const leader = alias(users, 'leader');
  const taskId = taskIdPlaceholder;
  return {
    task: db
      .select({
        ...taskColumns(clockPlaceholders),
        description: tasks.description,
        createdAt: tasks.createdAt,
        updatedAt: tasks.updatedAt,
        withdrawn: tasks.withdrawn,
        document: documentHeaderColumns,
        groupNameVi: taskGroups.nameVi,
        groupNameEn: taskGroups.nameEn,
        leadParentId: lead.parentId,
        issuerAgencyId: tasks.issuerAgencyId,
        issuerNameVi: issuer.nameVi,
        issuerNameEn: issuer.nameEn,
        parentTaskId: tasks.parentTaskId,
        parentTitle: parentTask.title,
        parentLeadNameVi: parentLead.nameVi,
        parentLeadNameEn: parentLead.nameEn,
      })
      .from(tasks)
      .innerJoin(lead, eq(lead.id, tasks.leadAgencyId))
      .innerJoin(documents, eq(documents.id, tasks.documentId))
      .leftJoin(taskGroups, eq(taskGroups.no, tasks.groupNo))
      .leftJoin(issuer, eq(issuer.id, tasks.issuerAgencyId))
      .leftJoin(parentTask, eq(parentTask.id, tasks.parentTaskId))
      .leftJoin(parentLead, eq(parentLead.id, parentTask.leadAgencyId))
      .where(eq(tasks.id, taskId))
      .prepare('task_detail'),
    // The task's parts (a province's break-down into commune tasks), by the status rule of status-sql.ts.
    parts: db
      .select({
        id: tasks.id,
        title: tasks.title,
        leadAgencyId: tasks.leadAgencyId,
        leadNameVi: lead.nameVi,
        leadNameEn: lead.nameEn,
        deadline: tasks.deadline,
        latestPercent: tasks.latestPercent,
        status: statusSql(clockPlaceholders).mapWith(String) as SQL<TaskStatus>,
      })
      .from(tasks)
      .innerJoin(lead, eq(lead.id, tasks.leadAgencyId))
      .where(eq(tasks.parentTaskId, taskId))
      .orderBy(asc(tasks.deadline), asc(tasks.id))
      .limit(PARTS_SHOWN + 1)
      .prepare('task_detail_parts'),
    partCounts: db
      .select({ status: statusSql(clockPlaceholders).mapWith(String), n: count() })
      .from(tasks)
      .where(eq(tasks.parentTaskId, taskId))
      .groupBy(sql`1`)
      .prepare('task_detail_part_counts'),
    coordinators: db
      .select({ id: agencies.id, nameVi: agencies.nameVi, nameEn: agencies.nameEn })
      .from(taskCoordinators)
      .innerJoin(agencies, eq(agencies.id, taskCoordinators.agencyId))
      .where(eq(taskCoordinators.taskId, taskId))
      .prepare('task_detail_coordinators'),
    progress: db
      .select({
        id: progressUpdates.id,
        kind: progressUpdates.kind,
        percent: progressUpdates.percent,
        narrative: progressUpdates.narrative,
        evidenceUrl: progressUpdates.evidenceUrl,
        evidenceFileId: progressUpdates.evidenceFileId,
        evidenceFileName: evidenceFiles.name,
        authorName: author.fullName,
        agencyNameVi: agencies.nameVi,
        agencyNameEn: agencies.nameEn,
        createdAt: progressUpdates.createdAt,
      })
      .from(progressUpdates)
      .innerJoin(author, eq(author.id, progressUpdates.authorId))
      .innerJoin(agencies, eq(agencies.id, progressUpdates.agencyId))
      .leftJoin(evidenceFiles, eq(evidenceFiles.id, progressUpdates.evidenceFileId))
      .where(eq(progressUpdates.taskId, taskId))
      .orderBy(desc(progressUpdates.createdAt), desc(progressUpdates.id))
      .limit(historyPlaceholder)
      .prepare('task_detail_progress'),
    extensions: db
      .select({
        id: extensionRequests.id,
        reason: extensionRequests.reason,
        currentDeadline: extensionRequests.currentDeadline,
        requestedDeadline: extensionRequests.requestedDeadline,
        state: extensionRequests.state,
        requestedByName: author.fullName,
        decidedByName: decider.fullName,
        decidedAt: extensionRequests.decidedAt,
        decisionComment: extensionRequests.decisionComment,
        createdAt: extensionRequests.createdAt,
        version: extensionRequests.version,
      })
      .from(extensionRequests)
      .innerJoin(author, eq(author.id, extensionRequests.requestedBy))
      .leftJoin(decider, eq(decider.id, extensionRequests.decidedBy))
      .where(eq(extensionRequests.taskId, taskId))
      .orderBy(desc(extensionRequests.id))
      .prepare('task_detail_extensions'),
    completions: db
      .select({
        id: completionReports.id,
        result: completionReports.result,
        completionDate: completionReports.completionDate,
        evidenceUrl: completionReports.evidenceUrl,
        state: completionReports.state,
        reportedByName: author.fullName,
        leaderName: leader.fullName,
        leaderAt: completionReports.leaderAt,
        leaderComment: completionReports.leaderComment,
        reviewerName: decider.fullName,
        reviewedAt: completionReports.reviewedAt,
        reviewComment: completionReports.reviewComment,
        createdAt: completionReports.createdAt,
        version: completionReports.version,
      })
      .from(completionReports)
      .innerJoin(author, eq(author.id, completionReports.reportedBy))
      .leftJoin(leader, eq(leader.id, completionReports.leaderId))
      .leftJoin(decider, eq(decider.id, completionReports.reviewerId))
      .where(eq(completionReports.taskId, taskId))
      .orderBy(desc(completionReports.id))
      .prepare('task_detail_completions'),
    // The audit log keeps an entity's id as text.
    audit: auditSummariesQuery(db, 'task', sql.placeholder('taskIdText'), historyPlaceholder).prepare(
      'task_detail_audit',
    ),
    progressTotal: db
      .select({ n: count() })
      .from(progressUpdates)
      .where(eq(progressUpdates.taskId, taskId))
      .prepare('task_detail_progress_total'),
    auditTotal: auditCountQuery(db, 'task', sql.placeholder('taskIdText')).prepare('task_detail_audit_total'),
  };
});

/** Everything the detail page shows of one task, for any reader (`taskDetailFor` applies who sees what). */
export async function loadTaskDetail(
  db: Db,
  taskId: number,
  clock: StatusClock,
  history = TASK_HISTORY_PAGE,
) {
  const statements = detailStatements(db);
  const values = { taskId, taskIdText: String(taskId), history, ...clockValues(clock) };
  // One round trip: every query side by side, the history's too, even for a reader who will not be
  // shown it (rare; `taskDetailFor` leaves it out). Waiting for the task's parties first cost a round
  // trip on every view.
  const [
    [row],
    coordinators,
    progress,
    extensions,
    completions,
    audit,
    [progressCount],
    [auditCount],
    parts,
    partCounts,
  ] = await Promise.all([
    statements.task.execute(values),
    statements.coordinators.execute(values),
    statements.progress.execute(values),
    statements.extensions.execute(values),
    statements.completions.execute(values),
    statements.audit.execute(values),
    statements.progressTotal.execute(values),
    statements.auditTotal.execute(values),
    statements.parts.execute(values),
    statements.partCounts.execute(values),
  ]);
  if (!row) throw new AppError('NOT_FOUND');
  const {
    document,
    groupNameVi,
    groupNameEn,
    leadParentId,
    issuerAgencyId,
    issuerNameVi,
    issuerNameEn,
    parentTaskId,
    parentTitle,
    parentLeadNameVi,
    parentLeadNameEn,
    ...task
  } = row;
  const counts = emptyStatusCounts();
  for (const c of partCounts) counts[c.status as TaskStatus] = c.n;
  return {
    task: { ...task, groupNameVi, groupNameEn },
    document,
    coordinators,
    leadParentId,
    issuer:
      issuerAgencyId === null
        ? null
        : { id: issuerAgencyId, nameVi: issuerNameVi ?? '', nameEn: issuerNameEn ?? '' },
    parent:
      parentTaskId === null
        ? null
        : {
            id: parentTaskId,
            title: parentTitle ?? '',
            leadNameVi: parentLeadNameVi ?? '',
            leadNameEn: parentLeadNameEn ?? '',
          },
    parts: { rollup: rollUpParts(counts), items: parts.slice(0, PARTS_SHOWN) },
    progress,
    extensions,
    completions,
    audit,
    /** How many there are in all: the page offers the earlier ones when it shows fewer. */
    progressTotal: progressCount?.n ?? 0,
    auditTotal: auditCount?.n ?? 0,
  };
}

export type LoadedTaskDetail = Awaited<ReturnType<typeof loadTaskDetail>>;

/** What `actor` sees of a task: its history only when an oversight role or one of its agencies. */
export function taskDetailFor(actor: Actor, loaded: LoadedTaskDetail) {
  const { progress, extensions, completions, audit, progressTotal, auditTotal, leadParentId, ...task } =
    loaded;
  const policyTask = {
    leadAgencyId: task.task.leadAgencyId,
    coordinatorIds: task.coordinators.map((c) => c.id),
    leadParentId,
    issuerAgencyId: task.issuer?.id ?? null,
    leadLevel: task.task.leadLevel,
    withdrawn: task.task.withdrawn,
    completedOn: task.task.completedOn,
    completionPending: isCompletionPending(task.task.completionState),
  };
  const visible = canReadTaskDetails(actor, policyTask);
  return {
    ...task,
    detailsVisible: visible,
    allowedActions: allowedTaskActions(actor, policyTask),
    progress: visible ? progress : [],
    extensions: visible ? extensions : [],
    completions: visible ? completions : [],
    audit: visible ? audit : [],
    progressTotal: visible ? progressTotal : 0,
    auditTotal: visible ? auditTotal : 0,
  };
}

/** A task's detail page as `actor` sees it, straight from the database. */
export async function getTaskDetail(
  db: Db,
  actor: Actor,
  taskId: number,
  clock: StatusClock,
  history = TASK_HISTORY_PAGE,
) {
  return taskDetailFor(actor, await loadTaskDetail(db, taskId, clock, history));
}

/** Status buckets for a filter, with the two rates; the buckets always sum to the total. */
export async function countByStatus(db: Db, filter: TaskFilterInput, clock: StatusClock) {
  const status = statusSql(clock);
  const rows = await db
    .select({
      status: status.mapWith(String),
      n: count(),
      key: sql<number>`count(*) filter (where ${tasks.isKey})`.mapWith(Number),
    })
    .from(tasks)
    .innerJoin(lead, eq(lead.id, tasks.leadAgencyId))
    .where(taskFilters(filter, clock))
    .groupBy(sql`1`);
  const counts = emptyStatusCounts();
  const keyCounts = emptyStatusCounts();
  for (const r of rows) {
    counts[r.status as TaskStatus] = r.n;
    keyCounts[r.status as TaskStatus] = r.key;
  }
  return { counts, keyCounts, rates: completionRates(counts), keyRates: completionRates(keyCounts) };
}

/**
 * The Government Office's national picture, from the tallies the writes maintain (tallies.ts, brought
 * to `clock`'s date first): the dashboard's figures (`summary`, small: the ranking's worst few only) and
 * the whole agency ranking (`ranking`, paged by `tasks.agencyRanking`). Both are kept together by
 * dashboard-cache.ts. Reads counts per agency, never the tasks.
 */
export async function getDashboard(db: Db, clock: StatusClock) {
  if (!isStandby(db)) await currentTallies(db, clock);
  const [tallies, agencyRows, groups, successors] = await Promise.all([
    readTallies(db, clock),
    db
      .select({
        id: agencies.id,
        nameVi: agencies.nameVi,
        nameEn: agencies.nameEn,
        level: agencies.level,
        validTo: agencies.validTo,
      })
      .from(agencies),
    db.select().from(taskGroups).orderBy(asc(taskGroups.no)),
    loadSuccessors(db),
  ]);
  const agencyInfo = new Map(agencyRows.map((a) => [a.id, a]));
  const counts = emptyStatusCounts();
  const levelMap = new Map<string, StatusCounts>();
  let dueSoon = 0;
  let stale = 0;
  for (const [agencyId, tally] of tallies.agencies) {
    const level = agencyInfo.get(agencyId)?.level ?? 'central';
    const levelCounts = levelMap.get(level) ?? emptyStatusCounts();
    levelMap.set(level, levelCounts);
    for (const status of TASK_STATUSES) {
      counts[status] += tally.counts[status];
      levelCounts[status] += tally.counts[status];
    }
    dueSoon += tally.dueSoon;
    stale += tally.stale;
  }
  const recorded = [...tallies.agencies.entries()].map(([agencyId, tally]): AgencyStatusCounts => {
    const info = agencyInfo.get(agencyId);
    return {
      agencyId,
      nameVi: info?.nameVi ?? '',
      nameEn: info?.nameEn ?? '',
      level: info?.level ?? 'central',
      validTo: info?.validTo ?? null,
      counts: tally.counts,
      formerUnits: 0,
    };
  });
  const ranking: AgencyRankings = {
    recorded: buildAgencyRanking(recorded),
    current: buildAgencyRanking(regroupAgencyCounts(recorded, successors, agencyInfo)),
  };
  const summary = {
    asOf: clock.now,
    today: clock.today,
    counts,
    keyCounts: tallies.keyTasks,
    rates: completionRates(counts),
    keyRates: completionRates(tallies.keyTasks),
    dueSoon,
    stale,
    overdueByMonth: tallies.overdueByMonth,
    byGroup: [
      ...groups.map((g) => ({ groupNo: g.no, nameVi: g.nameVi, nameEn: g.nameEn })),
      { groupNo: 0, nameVi: 'Chưa phân nhóm', nameEn: 'No group' },
    ]
      .map((g) => ({ ...g, counts: tallies.groups.get(g.groupNo) ?? emptyStatusCounts() }))
      .filter((g) => g.groupNo !== 0 || tallies.groups.has(0)),
    byLevel: AGENCY_LEVELS.map((level) => ({
      level,
      counts: levelMap.get(level) ?? emptyStatusCounts(),
    })),
    ranking: shortRanking(ranking.current),
    statuses: [...TASK_STATUSES],
  };
  return { summary, ranking, agencyTallies: tallies.agencies, successors };
}

/** The nine task groups with their names (exports show the name, not the number). */
export async function findTaskGroups(db: Db) {
  return db.select().from(taskGroups).orderBy(asc(taskGroups.no));
}
