import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTRPC } from '../../../lib/trpc';

/**
 * Logs out, leaves for the login page, and only then forgets every cached answer, so the screen being left
 * does not refetch as nobody and bounce to /login?next=….
 */
export function useLogout() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: async () => {
        await navigate('/login', { replace: true });
        queryClient.clear();
      },
    }),
  );
}
