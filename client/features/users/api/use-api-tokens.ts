import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/** The agencies' API tokens (`apiTokens.*`): the list, and issuing and revoking, each refreshing it. */
export function useApiTokens(all: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.apiTokens.list.queryOptions({ all }), placeholderData: keepPreviousData });
}

function useRefreshTokens() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.apiTokens.list.pathKey() });
}

export function useIssueApiToken() {
  const trpc = useTRPC();
  const refresh = useRefreshTokens();
  return useMutation(trpc.apiTokens.issue.mutationOptions({ onSuccess: refresh }));
}

export function useRevokeApiToken() {
  const trpc = useTRPC();
  const refresh = useRefreshTokens();
  return useMutation(trpc.apiTokens.revoke.mutationOptions({ onSuccess: refresh }));
}
