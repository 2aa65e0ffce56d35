import { type QueryClient, type QueryFilters, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ChangePayload, ChangeType } from '../../../shared/live-events';
import { useTRPC } from '../trpc';

type Trpc = ReturnType<typeof useTRPC>;

/**
 * A change, as a live event tells it or as this tab's own write knows it. Directory and account
 * changes record no live event (only administrators see them), so only the writer refreshes them.
 */
export type CacheChange =
  | { type: ChangeType; payload?: ChangePayload }
  | { type: 'agency.changed' | 'user.changed'; payload?: undefined };

/**
 * The caches a change can affect, and only those: the one map the live stream and every mutation use.
 * Lists and aggregates are refetched (their rows move between statuses and pages); the changed task's
 * own detail too. Nothing else is touched.
 */
export function cachesAffectedBy(change: CacheChange, trpc: Trpc): QueryFilters[] {
  // The home page counts what awaits its user across tasks, reports, KPIs and accounts (not units).
  const records = cachesOfRecords(change, trpc);
  return change.type === 'agency.changed' ? records : [...records, trpc.home.summary.pathFilter()];
}

function cachesOfRecords(change: CacheChange, trpc: Trpc): QueryFilters[] {
  if (change.type === 'agency.changed') {
    return [trpc.agencies.list.pathFilter(), trpc.agencies.countsByLevel.pathFilter()];
  }
  if (change.type === 'user.changed')
    return [trpc.users.list.pathFilter(), trpc.users.loginFailures.pathFilter()];
  const { taskId, documentId, submissionId } = change.payload ?? {};
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
  if (change.type === 'submission.changed') {
    // A periodic report moved: the agency's own list, the compliance heatmap and that report only.
    const filters: QueryFilters[] = [
      trpc.submissions.mine.pathFilter(),
      trpc.submissions.compliance.pathFilter(),
      trpc.submissions.overdueCount.pathFilter(),
    ];
    if (submissionId) {
      filters.push(trpc.submissions.get.queryFilter({ id: submissionId }));
      filters.push(trpc.audit.forEntity.queryFilter({ entityType: 'submission', entityId: submissionId }));
      // An agency's list of its submissions for a KPI shows their states.
      filters.push(trpc.kpis.agencySubmissions.pathFilter());
    }
    return filters;
  }
  const filters: QueryFilters[] = [
    trpc.tasks.dashboard.pathFilter(),
    // Every page of the dashboard's full agency ranking (computed with the dashboard on the server).
    trpc.tasks.agencyRanking.pathFilter(),
    trpc.tasks.counts.pathFilter(),
    trpc.tasks.list.pathFilter(),
    trpc.tasks.inbox.pathFilter(),
  ];
  if (taskId) filters.push(trpc.tasks.get.queryFilter({ id: taskId }));
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
  return JSON.stringify(filter.queryKey ?? null);
}
