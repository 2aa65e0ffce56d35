import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/**
 * Changes the signed-in person's password, then reloads who is logged in: a login that stood at the
 * 'password' step moves on, and the screen follows `auth.me`'s new stage.
 */
export function useChangePassword() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() }),
    }),
  );
}
