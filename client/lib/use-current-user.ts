import { useQuery } from '@tanstack/react-query';
import { useTRPC } from './trpc';

/** Who is logged in (null when nobody): the one definition every auth-aware screen shares. */
export function useCurrentUserQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 5 * 60_000 }));
}
