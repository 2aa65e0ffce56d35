import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/** Whether the signed-in user administers the directory (the same `auth.me` cache the shell reads). */
export function useIsAdmin(): boolean {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  return me.data?.role === 'admin';
}

/** A new or renamed unit changes every list of units and the counts per level. */
function useRefreshDirectory() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.agencies.list.pathFilter()),
      queryClient.invalidateQueries(trpc.agencies.countsByLevel.pathFilter()),
    ]);
}

export function useCreateAgency() {
  const trpc = useTRPC();
  const refresh = useRefreshDirectory();
  return useMutation(trpc.agencies.create.mutationOptions({ onSuccess: refresh }));
}

export function useRenameAgency() {
  const trpc = useTRPC();
  const refresh = useRefreshDirectory();
  return useMutation(trpc.agencies.rename.mutationOptions({ onSuccess: refresh }));
}
