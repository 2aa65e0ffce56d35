import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Role } from '../../../../shared/roles';
import { useTRPC } from '../../../lib/trpc';

export const USERS_PAGE_SIZE = 20;

export function useUsers(filters: { q: string; role: Role | undefined; locked?: boolean; page: number }) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.users.list.queryOptions({
      q: filters.q || undefined,
      role: filters.role,
      locked: filters.locked || undefined,
      page: filters.page,
      pageSize: USERS_PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
}

export const LOGIN_FAILURES_PAGE_SIZE = 20;

/** Recent failed logins, newest first, optionally for usernames starting with `username`. */
export function useLoginFailures(filters: { username: string; withinHours?: number; page: number }) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.users.loginFailures.queryOptions({
      username: filters.username || undefined,
      withinHours: filters.withinHours,
      page: filters.page,
      pageSize: LOGIN_FAILURES_PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
}
