import { type QueryClient, type QueryFilters, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { type ChangePayload, type ChangeType, TASK_CHANGE_TYPES } from '../../../shared/live-events';
import { useTRPC } from '../trpc';

type Trpc = ReturnType<typeof useTRPC>;

/**
 * A change, as a live event tells it or as this tab's own write knows it. Directory and account
 * changes record no live event (only administrators see them), so only the writer refreshes them.
 */
export type CacheChange =
  | { type: ChangeType; payload?: ChangePayload; agencyIds?: number[] }
  | { type: 'agency.changed' | 'user.changed'; payload?: undefined };

/** Who reads the caches: an agency's staff see their agency's work in the inbox and on the home page. */
export interface Viewer {
  agencyId: number;
  /** Office, inspectors, administrators: their home counts are national. */
  oversight: boolean;
}

/**
 * The caches a change can affect, and only those: the one map the live stream and every mutation use.
 * Lists and aggregates are refetched (their rows move between statuses and pages); the changed task's
 * own detail too. Nothing else is touched. A task change whose agencies are known (`agencyIds`, the
 * live event's) moves only the lists that can show the task: those of no agency, or of one it concerns,
 * and the viewer's inbox and home counts only when it concerns the viewer's agency.
 */
export function cachesAffectedBy(change: CacheChange, trpc: Trpc, viewer?: Viewer): QueryFilters[] {
  const records = cachesOfRecords(change, trpc, viewer);
  if (change.type === 'agency.changed') return records;
  // The home page counts what awaits its user across tasks, reports, KPIs and accounts (not units).
  if (isTaskChange(change.type) && !concernsViewer(change, viewer)) return records;
  return [...records, trpc.home.summary.pathFilter()];
}

const TASK_CHANGES = new Set<string>(TASK_CHANGE_TYPES);
const isTaskChange = (type: CacheChange['type']) => TASK_CHANGES.has(type);

/** The agencies a change concerns, when the live event said (a write's own change does not: null). */
function concerned(change: CacheChange): readonly number[] | null {
  const ids = 'agencyIds' in change ? change.agencyIds : undefined;
  return ids && ids.length > 0 ? ids : null;
}

function concernsViewer(change: CacheChange, viewer: Viewer | undefined): boolean {
  const ids = concerned(change);
  return !viewer || viewer.oversight || !ids || ids.includes(viewer.agencyId);
}

/** Why two filters on one procedure differ (their predicates' terms), for `filterKey`. */
const scopes = new WeakMap<QueryFilters, string>();

/** A filter on one procedure's queries whose input passes `test`; `scope` names the test's terms. */
function scoped(filter: QueryFilters, scope: string, test: (input: TaskListFilter) => boolean): QueryFilters {
  const narrowed: QueryFilters = {
    ...filter,
    predicate: (query) => {
      const input = (query.queryKey[1] as { input?: TaskListFilter } | undefined)?.input ?? {};
      return test(input);
    },
  };
  scopes.set(narrowed, scope);
  return narrowed;
}

/** The part of a task list's input that says whose tasks and which document's it shows. */
interface TaskListFilter {
  agencyId?: number;
  documentId?: number;
}

/** Task lists (and their counts) that can show a task of these agencies and that document. */
function listsShowing(filter: QueryFilters, agencyIds: readonly number[], documentId?: number) {
  const scope = `agencies:${agencyIds.join(',')};document:${documentId ?? ''}`;
  return scoped(
    filter,
    scope,
    (input) =>
      (input.agencyId === undefined || agencyIds.includes(input.agencyId)) &&
      (input.documentId === undefined || documentId === undefined || input.documentId === documentId),
  );
}

function cachesOfRecords(change: CacheChange, trpc: Trpc, viewer: Viewer | undefined): QueryFilters[] {
  if (change.type === 'agency.changed') {
    return [trpc.agencies.list.pathFilter(), trpc.agencies.countsByLevel.pathFilter()];
  }
  if (change.type === 'user.changed')
    return [trpc.users.list.pathFilter(), trpc.users.loginFailures.pathFilter()];
  const { taskId, documentId, submissionId } = change.payload ?? {};
  if (change.type === 'task.partChanged') {
    // A part of this task changed (its own event refreshes the lists): the parent's page and its roll-up.
    return taskId ? [trpc.tasks.get.queryFilter({ id: taskId })] : [];
  }
  if (change.type === 'holiday.changed') {
    // Deadlines are counted over the holiday calendar: every list showing one may move.
    return [
      trpc.holidays.list.pathFilter(),
      trpc.submissions.newForm.pathFilter(),
      trpc.submissions.mine.pathFilter(),
      trpc.submissions.compliance.pathFilter(),
      trpc.submissions.overdueCount.pathFilter(),
      // A KPI period closes on its deadline: provisional or not, it moves with the calendar.
      trpc.kpis.pathFilter(),
    ];
  }
  if (change.type === 'template.changed') {
    // A reporting regime changed or got a new version: the admin screens and every period list.
    return [
      trpc.templates.list.pathFilter(),
      trpc.templates.get.pathFilter(),
      trpc.submissions.templates.pathFilter(),
      trpc.submissions.newForm.pathFilter(),
      trpc.submissions.mine.pathFilter(),
      trpc.submissions.compliance.pathFilter(),
      trpc.submissions.overdueCount.pathFilter(),
      // Who must report a KPI (its M of obliged agencies) follows the regimes.
      trpc.kpis.pathFilter(),
    ];
  }
  if (change.type === 'kpi.changed') {
    // Accepted figures moved a KPI: every KPI view (overview, detail, drill-down, scorecards, counts).
    const filters: QueryFilters[] = [trpc.kpis.pathFilter()];
    if (submissionId) {
      // The submission that carried the figure, and its audit entries (the inspector's drill-down).
      filters.push(trpc.submissions.get.queryFilter({ id: submissionId }));
      filters.push(trpc.audit.forEntity.queryFilter({ entityType: 'submission', entityId: submissionId }));
    }
    return filters;
  }
  if (change.type === 'reminder.sent' || change.type === 'explanation.changed') {
    // The task's accountability panel, and the notification centre of whoever the change notified
    // (the lead agency's staff, or the Office that asked): the bell is refetched, and only the bell.
    const filters: QueryFilters[] = [
      trpc.accountability.notifications.pathFilter(),
      trpc.accountability.summary.pathFilter(),
      // The agency's scorecard tallies.
      trpc.accountability.forAgency.pathFilter(),
    ];
    if (taskId) filters.push(trpc.accountability.forTask.queryFilter({ taskId }));
    // A report obligation's panel on the compliance page (its heatmap does not move: a reminder or a
    // request changes no report), and what the rules did about it (an automatic request's step).
    else filters.push(trpc.accountability.forReport.pathFilter(), trpc.escalation.forReport.pathFilter());
    // The task's own page: its audit trail ("who did what") names the step; the rules' steps (an
    // automatic request).
    if (taskId)
      filters.push(
        trpc.tasks.get.queryFilter({ id: taskId }),
        trpc.escalation.forTask.queryFilter({ taskId }),
      );
    return filters;
  }
  if (change.type === 'escalation.changed') {
    // Tasks' levels moved or steps were taken (the job), or a rule changed: the rules, the task lines,
    // and the notification centre (the Office may have been told).
    const filters: QueryFilters[] = [
      trpc.escalation.pathFilter(),
      trpc.accountability.notifications.pathFilter(),
    ];
    if (taskId) filters.push(trpc.accountability.forTask.queryFilter({ taskId }));
    return filters;
  }
  if (change.type === 'submission.changed') {
    // A periodic report moved: the agency's own list, the compliance heatmap and that report only.
    const filters: QueryFilters[] = [
      trpc.submissions.mine.pathFilter(),
      trpc.submissions.compliance.pathFilter(),
      trpc.submissions.overdueCount.pathFilter(),
      // A province's roll-up counts its communes' reports.
      trpc.rollup.province.pathFilter(),
      trpc.submissions.provinceApprovals.pathFilter(),
    ];
    if (submissionId) {
      filters.push(trpc.submissions.get.queryFilter({ id: submissionId }));
      filters.push(trpc.audit.forEntity.queryFilter({ entityType: 'submission', entityId: submissionId }));
      // An agency's list of its submissions for a KPI shows their states.
      filters.push(trpc.kpis.agencySubmissions.pathFilter());
    }
    return filters;
  }
  const agencies = concerned(change);
  const lists = [trpc.tasks.counts.pathFilter(), trpc.tasks.list.pathFilter()];
  const filters: QueryFilters[] = [
    trpc.tasks.dashboard.pathFilter(),
    // Which tasks are overdue, and so unexplained (the server's cache knows whether this one moved it).
    trpc.accountability.summary.pathFilter(),
    // Every page of the dashboard's full agency ranking (computed with the dashboard on the server).
    trpc.tasks.agencyRanking.pathFilter(),
    // A province's roll-up adds up its communes' tallies, as the dashboard the nation's.
    trpc.rollup.province.pathFilter(),
    ...(agencies ? lists.map((filter) => listsShowing(filter, agencies, documentId)) : lists),
  ];
  // The inbox is the viewer's own agency's tasks.
  if (concernsViewer(change, viewer)) filters.push(trpc.tasks.inbox.pathFilter());
  if (taskId) filters.push(trpc.tasks.get.queryFilter({ id: taskId }));
  // Its early warning: a report moves the pace, an extension the deadline, a completion ends it.
  if (taskId) filters.push(trpc.tasks.forecast.queryFilter({ id: taskId }));
  if (documentId) filters.push(trpc.documents.get.queryFilter({ id: documentId }));
  if (change.type === 'document.created') filters.push(trpc.documents.list.pathFilter());
  if (change.type === 'completion.decided' || change.type === 'extension.decided') {
    filters.push(trpc.reports.monthly.pathFilter());
  }
  return filters;
}

/** Refetches what a change affects; resolves when the caches on screen are fresh again. */
export async function invalidateFor(
  queryClient: QueryClient,
  trpc: Trpc,
  change: CacheChange,
): Promise<void> {
  await Promise.all(cachesAffectedBy(change, trpc).map((filter) => queryClient.invalidateQueries(filter)));
}

/** `invalidateFor` for a mutation's `onSuccess`: the write's own change, through the same map as its live event. */
export function useInvalidateFor(): (change: CacheChange) => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback((change) => invalidateFor(queryClient, trpc, change), [queryClient, trpc]);
}

/** A stable key for a filter, so a burst of changes invalidates each cache once. */
export function filterKey(filter: QueryFilters): string {
  return JSON.stringify([filter.queryKey ?? null, scopes.get(filter) ?? null]);
}
