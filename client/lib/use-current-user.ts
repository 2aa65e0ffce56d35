import { useQuery } from '@tanstack/react-query';
import { useTRPC } from './trpc';

/** `auth.me`, as the hook and the start of the app (main.tsx) ask for it. */
export const currentUserQuery = (trpc: ReturnType<typeof useTRPC>) =>
  trpc.auth.me.queryOptions(undefined, { staleTime: 5 * 60_000 });

/** Who is logged in (null when nobody): the one definition every auth-aware screen shares. */
export function useCurrentUserQuery() {
  const trpc = useTRPC();
  return useQuery(currentUserQuery(trpc));
}
