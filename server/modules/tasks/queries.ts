import { and, asc, count, desc, eq, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AppError } from '../../../shared/errors';
import {
  TASK_HISTORY_PAGE,
  type TaskFilterInput,
  type TaskListInput,
  taskFilterInput,
} from '../../../shared/schemas/tasks';
import {
  type CompletionState,
  completionRates,
  emptyStatusCounts,
  isCompletionPending,
  type StatusCounts,
  TASK_STATUSES,
  type TaskStatus,
} from '../../../shared/task-status';
import { foldVietnamese } from '../../../shared/text';
import type { Db } from '../../db/client';
import {
  agencies,
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
import { countAuditEntries, findAuditSummaries } from '../audit/service';
import type { Actor } from '../auth/actor';
import { changeMark } from '../live/change-cache';
import { buildAgencyRanking, shortRanking } from './agency-ranking';
import { cachedTaskCount } from './count-cache';
import { allowedTaskActions, canReadTaskDetails } from './policy';
import { dueSoonSql, type StatusClock, staleSql, statusIn, statusSql } from './status-sql';

const lead = alias(agencies, 'lead');

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** WHERE for every filter the task screens offer; each has an index behind it (see schema). */
/** A directive document as a task's page and the document list show it (`documentHeader` in shared). */
export const documentHeaderColumns = {
  id: documents.id,
  number: documents.number,
  kind: documents.kind,
  issuedOn: documents.issuedOn,
  signer: documents.signer,
  title: documents.title,
};

export function taskFilters(filter: TaskFilterInput, clock: StatusClock): SQL | undefined {
  const where: SQL[] = [];
  if (filter.q) {
    const q = foldVietnamese(filter.q);
    if (q) where.push(sql`${tasks.searchText} like ${likePattern(q)}`);
  }
  if (filter.status?.length) where.push(statusIn(filter.status, clock));
  if (filter.dueSoon) where.push(dueSoonSql(clock));
  if (filter.stale) where.push(staleSql(clock));
  if (filter.isKey !== undefined) where.push(eq(tasks.isKey, filter.isKey));
  if (filter.agencyId) {
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
  if (filter.agencyLevel) where.push(eq(lead.level, filter.agencyLevel));
  if (filter.groupNo) where.push(eq(tasks.groupNo, filter.groupNo));
  if (filter.documentId) where.push(eq(tasks.documentId, filter.documentId));
  if (filter.deadlineFrom) where.push(gte(tasks.deadline, filter.deadlineFrom));
  if (filter.deadlineTo) where.push(lte(tasks.deadline, filter.deadlineTo));
  if (filter.completion?.length) where.push(inArray(latestCompletionState, filter.completion));
  if (filter.extensionPending) where.push(extensionPendingSql);
  return where.length ? and(...where) : undefined;
}

/** The state of the task's latest completion report (null: none reported). */
const latestCompletionState = sql<CompletionState | null>`(select ${completionReports.state} from ${completionReports} where ${completionReports.taskId} = ${tasks.id} order by ${completionReports.id} desc limit 1)`;
const extensionPendingSql = sql<boolean>`exists (select 1 from ${extensionRequests} where ${extensionRequests.taskId} = ${tasks.id} and ${extensionRequests.state} = 'pending')`;

/** Closed tasks (completed or withdrawn): the deadline order puts them after every open one. */
const closedSql = sql`(${tasks.completedOn} is not null or ${tasks.withdrawn})`;

function taskColumns(clock: StatusClock) {
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

const SORTS = {
  deadline: tasks.deadline,
  createdAt: tasks.createdAt,
  title: tasks.title,
  percent: tasks.latestPercent,
  lastUpdate: tasks.lastLeadUpdateAt,
} as const;
/** Columns that can be null sort them last; the others keep a plain order, so an index can serve it. */
const NULLABLE_SORTS = new Set<keyof typeof SORTS>(['deadline', 'lastUpdate']);

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

export async function findTasks(
  db: Db,
  input: TaskListInput & { page: number; pageSize: number },
  clock: StatusClock,
) {
  const where = taskFilters(input, clock);
  const sort = input.sort ?? 'deadline';
  const column = SORTS[sort];
  const nulls = NULLABLE_SORTS.has(sort) ? sql` nulls last` : sql``;
  const byColumn = input.direction === 'desc' ? sql`${column} desc${nulls}` : sql`${column} asc${nulls}`;
  // By deadline, open work comes first whichever way: the overdue (earliest deadlines), then the rest by
  // deadline; completed and withdrawn tasks after them all.
  const order = sort === 'deadline' ? sql`${closedSql} asc, ${byColumn}` : byColumn;
  // Deferred join: the page's ids first (skipped rows cost an index entry, not the computed columns),
  // then the columns of those 25 rows only. A deep page of 200,000 tasks depends on it.
  // Only the agency-level filter reads the lead agency; without it, no join to skip rows through.
  const needsLead = Boolean(input.agencyLevel);
  const candidates = needsLead
    ? db.select({ id: tasks.id }).from(tasks).innerJoin(lead, eq(lead.id, tasks.leadAgencyId))
    : db.select({ id: tasks.id }).from(tasks);
  const pageIds = candidates
    .where(where)
    .orderBy(order, asc(tasks.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const countAll = async () => {
    const counted = needsLead
      ? db.select({ n: count() }).from(tasks).innerJoin(lead, eq(lead.id, tasks.leadAgencyId)).where(where)
      : db.select({ n: count() }).from(tasks).where(where);
    return (await counted)[0]?.n ?? 0;
  };
  const [items, total] = await Promise.all([
    db
      .select(taskColumns(clock))
      .from(tasks)
      .innerJoin(lead, eq(lead.id, tasks.leadAgencyId))
      .innerJoin(documents, eq(documents.id, tasks.documentId))
      .where(inArray(tasks.id, pageIds))
      .orderBy(order, asc(tasks.id)),
    input.stale ? countAll() : cachedTaskCount(db, filterKey(input), changeMark(db, clock.now), countAll),
  ]);
  return { items, total, page: input.page, pageSize: input.pageSize, asOf: clock.now };
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

/** Everything the detail page shows of one task, for any reader (`taskDetailFor` applies who sees what). */
export async function loadTaskDetail(
  db: Db,
  taskId: number,
  clock: StatusClock,
  history = TASK_HISTORY_PAGE,
) {
  const author = alias(users, 'author');
  const decider = alias(users, 'decider');
  const leader = alias(users, 'leader');
  // One round trip: every query side by side, the history's too, even for a reader who will not be
  // shown it (rare; `taskDetailFor` leaves it out). Waiting for the task's parties first cost a round
  // trip on every view.
  const [[row], coordinators, progress, extensions, completions, audit, progressTotal, auditTotal] =
    await Promise.all([
      db
        .select({
          ...taskColumns(clock),
          description: tasks.description,
          createdAt: tasks.createdAt,
          updatedAt: tasks.updatedAt,
          withdrawn: tasks.withdrawn,
          document: documentHeaderColumns,
          groupNameVi: taskGroups.nameVi,
          groupNameEn: taskGroups.nameEn,
        })
        .from(tasks)
        .innerJoin(lead, eq(lead.id, tasks.leadAgencyId))
        .innerJoin(documents, eq(documents.id, tasks.documentId))
        .leftJoin(taskGroups, eq(taskGroups.no, tasks.groupNo))
        .where(eq(tasks.id, taskId)),
      db
        .select({ id: agencies.id, nameVi: agencies.nameVi, nameEn: agencies.nameEn })
        .from(taskCoordinators)
        .innerJoin(agencies, eq(agencies.id, taskCoordinators.agencyId))
        .where(eq(taskCoordinators.taskId, taskId)),
      db
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
        .limit(history),
      db
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
        .orderBy(desc(extensionRequests.id)),
      db
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
        .orderBy(desc(completionReports.id)),
      findAuditSummaries(db, 'task', taskId, history),
      db.$count(progressUpdates, eq(progressUpdates.taskId, taskId)),
      countAuditEntries(db, 'task', taskId),
    ]);
  if (!row) throw new AppError('NOT_FOUND');
  const { document, groupNameVi, groupNameEn, ...task } = row;
  return {
    task: { ...task, groupNameVi, groupNameEn },
    document,
    coordinators,
    progress,
    extensions,
    completions,
    audit,
    /** How many there are in all: the page offers the earlier ones when it shows fewer. */
    progressTotal,
    auditTotal,
  };
}

export type LoadedTaskDetail = Awaited<ReturnType<typeof loadTaskDetail>>;

/** What `actor` sees of a task: its history only when an oversight role or one of its agencies. */
export function taskDetailFor(actor: Actor, loaded: LoadedTaskDetail) {
  const { progress, extensions, completions, audit, progressTotal, auditTotal, ...task } = loaded;
  const policyTask = {
    leadAgencyId: task.task.leadAgencyId,
    coordinatorIds: task.coordinators.map((c) => c.id),
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
 * The Government Office's national picture, all aggregated in SQL: the dashboard's figures (`summary`,
 * small: the ranking's worst few only) and the whole agency ranking (`ranking`, paged by
 * `tasks.agencyRanking`). Both are kept together by dashboard-cache.ts.
 */
export async function getDashboard(db: Db, clock: StatusClock) {
  const status = statusSql(clock);
  const [overall, flags, overdueByMonth, byGroup, byLevel, byAgency] = await Promise.all([
    countByStatus(db, {}, clock),
    db
      .select({
        dueSoon: sql<number>`count(*) filter (where ${dueSoonSql(clock)})`.mapWith(Number),
        stale: sql<number>`count(*) filter (where ${staleSql(clock)})`.mapWith(Number),
      })
      .from(tasks),
    db
      .select({ month: sql<string>`to_char(${tasks.deadline}, 'YYYY-MM')`, n: count() })
      .from(tasks)
      .where(sql`${status} = 'overdue'`)
      .groupBy(sql`1`)
      .orderBy(sql`1`),
    db
      .select({ groupNo: tasks.groupNo, status: status.mapWith(String), n: count() })
      .from(tasks)
      .groupBy(sql`1`, sql`2`),
    db
      .select({ level: lead.level, status: status.mapWith(String), n: count() })
      .from(tasks)
      .innerJoin(lead, eq(lead.id, tasks.leadAgencyId))
      .groupBy(sql`1`, sql`2`),
    db
      .select({
        agencyId: lead.id,
        nameVi: lead.nameVi,
        nameEn: lead.nameEn,
        level: lead.level,
        status: status.mapWith(String),
        n: count(),
      })
      .from(tasks)
      .innerJoin(lead, eq(lead.id, tasks.leadAgencyId))
      .groupBy(sql`1`, sql`2`, sql`3`, sql`4`, sql`5`),
  ]);
  const groups = await db.select().from(taskGroups).orderBy(asc(taskGroups.no));
  const bucket = <K extends string | number>(rows: { key: K; status: string; n: number }[]) => {
    const map = new Map<K, StatusCounts>();
    for (const r of rows) {
      const c = map.get(r.key) ?? emptyStatusCounts();
      c[r.status as TaskStatus] += r.n;
      map.set(r.key, c);
    }
    return map;
  };
  const groupMap = bucket(byGroup.map((r) => ({ key: r.groupNo ?? 0, status: r.status, n: r.n })));
  const levelMap = bucket(byLevel.map((r) => ({ key: r.level, status: r.status, n: r.n })));
  const agencyMap = bucket(byAgency.map((r) => ({ key: r.agencyId, status: r.status, n: r.n })));
  const agencyInfo = new Map(byAgency.map((r) => [r.agencyId, r]));
  const ranking = buildAgencyRanking(
    [...agencyMap.entries()].map(([agencyId, counts]) => {
      const info = agencyInfo.get(agencyId);
      return {
        agencyId,
        nameVi: info?.nameVi ?? '',
        nameEn: info?.nameEn ?? '',
        level: info?.level ?? 'central',
        counts,
      };
    }),
  );
  const summary = {
    asOf: clock.now,
    today: clock.today,
    ...overall,
    dueSoon: flags[0]?.dueSoon ?? 0,
    stale: flags[0]?.stale ?? 0,
    overdueByMonth,
    byGroup: [
      ...groups.map((g) => ({ groupNo: g.no, nameVi: g.nameVi, nameEn: g.nameEn })),
      { groupNo: 0, nameVi: 'Chưa phân nhóm', nameEn: 'No group' },
    ]
      .map((g) => ({ ...g, counts: groupMap.get(g.groupNo) ?? emptyStatusCounts() }))
      .filter((g) => g.groupNo !== 0 || groupMap.has(0)),
    byLevel: (['central', 'provincial', 'commune'] as const).map((level) => ({
      level,
      counts: levelMap.get(level) ?? emptyStatusCounts(),
    })),
    ranking: shortRanking(ranking),
    statuses: [...TASK_STATUSES],
  };
  return { summary, ranking };
}
