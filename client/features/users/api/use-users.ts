import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Role } from '../../../../shared/roles';
import { useTRPC } from '../../../lib/trpc';

export const USERS_PAGE_SIZE = 20;

export function useUsers(filters: { q: string; role: Role | undefined; page: number }) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.users.list.queryOptions({
      q: filters.q || undefined,
      role: filters.role,
      page: filters.page,
      pageSize: USERS_PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
}
