import { useQuery } from '@tanstack/react-query';
import { type RouterOutputs, useTRPC } from '../../../lib/trpc';

export type Dashboard = RouterOutputs['tasks']['dashboard'];
export type StatusCounts = Dashboard['counts'];
export type RankingRow = Dashboard['ranking'][number];

/**
 * The national picture. Changes arrive through the page's live stream (client/lib/live), which
 * refreshes this query; the slow interval only moves "as of" and the day's date-driven statuses along.
 */
export function useDashboard() {
  const trpc = useTRPC();
  return useQuery(
    trpc.tasks.dashboard.queryOptions(undefined, {
      refetchInterval: 5 * 60_000,
      placeholderData: (previous) => previous,
    }),
  );
}
