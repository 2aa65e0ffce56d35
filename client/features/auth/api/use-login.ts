import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/** Logs in, then reloads who is logged in before the caller moves on. */
export function useLogin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async () => {
        // Anything cached was fetched as nobody, or as someone else.
        queryClient.clear();
        await queryClient.fetchQuery({ ...trpc.auth.me.queryOptions(), staleTime: 0 });
      },
    }),
  );
}
