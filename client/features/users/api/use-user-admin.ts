import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/** Every account change shows in the list: each success refreshes every page of `users.list`. */
function useRefreshUsers() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.users.list.pathFilter());
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

export function useResetPassword() {
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  return useMutation(trpc.users.resetPassword.mutationOptions({ onSuccess: refresh }));
}
