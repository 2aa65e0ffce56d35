import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/** What awaits the signed-in user, counted on the server (`home.summary`). */
export function useHomeSummary() {
  const trpc = useTRPC();
  return useQuery(trpc.home.summary.queryOptions());
}
