import { useMutation } from '@tanstack/react-query';
import { useInvalidateFor } from '../../../lib/live/invalidations';
import { useTRPC } from '../../../lib/trpc';

/** Every account change shows in the list: each success refreshes every page of `users.list`. */
function useRefreshUsers() {
  const invalidateFor = useInvalidateFor();
  return () => invalidateFor({ type: 'user.changed' });
}

export function useCreateUser() {
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  return useMutation(trpc.users.create.mutationOptions({ onSuccess: refresh }));
}

export function useUpdateUser() {
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  return useMutation(trpc.users.update.mutationOptions({ onSuccess: refresh }));
}

/** Lifts the lock a run of failed logins put on an account. */
export function useUnlockUser() {
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  return useMutation(trpc.users.unlock.mutationOptions({ onSuccess: refresh }));
}

export function useResetPassword() {
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  return useMutation(trpc.users.resetPassword.mutationOptions({ onSuccess: refresh }));
}
