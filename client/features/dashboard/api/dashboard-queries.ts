import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { AgencyRankingInput } from '../../../../shared/schemas/tasks';
import { type RouterOutputs, useTRPC } from '../../../lib/trpc';

export type Dashboard = RouterOutputs['tasks']['dashboard'];
export type StatusCounts = Dashboard['counts'];
export type RankingSummary = Dashboard['ranking'];
export type RankingRow = RankingSummary['worst'][number];

/**
 * The national picture. Changes arrive through the page's live stream (client/lib/live), which
 * refreshes this query; the slow interval only moves "as of" and the day's date-driven statuses along.
 */
export function useDashboard() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.tasks.dashboard.queryOptions(),
    refetchInterval: 5 * 60_000,
    placeholderData: (previous) => previous,
  });
}

/**
 * A page of the whole agency ranking, fetched only once asked for. The page shown stays while the
 * next one loads (no flicker); the live stream refreshes it as it does the dashboard.
 */
export function useAgencyRanking(input: AgencyRankingInput) {
  const trpc = useTRPC();
  return useQuery(trpc.tasks.agencyRanking.queryOptions(input, { placeholderData: keepPreviousData }));
}

/** The Office's reminder: periodic reports overdue without a submission. */
export function useOverdueReports() {
  const trpc = useTRPC();
  return useQuery(trpc.submissions.overdueCount.queryOptions());
}

/** How many KPIs are off track or at risk. */
export function useKpiOffTrack() {
  const trpc = useTRPC();
  return useQuery(trpc.kpis.offTrackCount.queryOptions());
}

/** Overdue tasks without an accepted explanation, explanation requests by state (issue 16). */
export function useAccountabilitySummary() {
  const trpc = useTRPC();
  return useQuery(trpc.accountability.summary.queryOptions());
}

/** The dashboard and its reminders (one batched request), asked for before the page is drawn. */
export function prefetchDashboard(queryClient: QueryClient, trpc: ReturnType<typeof useTRPC>): void {
  void queryClient.prefetchQuery(trpc.tasks.dashboard.queryOptions());
  void queryClient.prefetchQuery(trpc.submissions.overdueCount.queryOptions());
  void queryClient.prefetchQuery(trpc.kpis.offTrackCount.queryOptions());
  void queryClient.prefetchQuery(trpc.accountability.summary.queryOptions());
}
