import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

export const SEARCH_PAGE_SIZE = 20;
export const TOP_LEVEL_PAGE_SIZE = 100;
export const COMMUNE_PAGE_SIZE = 50;

/** One page of a diacritic-insensitive search; the previous page stays on screen while the next loads. */
export function useAgencySearch(q: string, page: number) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.agencies.list.queryOptions({ q, page, pageSize: SEARCH_PAGE_SIZE }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** The top of the tree: central agencies and the provincial units. */
export function useTopLevelAgencies() {
  const trpc = useTRPC();
  return useQuery(
    trpc.agencies.list.queryOptions(
      { parentId: null, page: 1, pageSize: TOP_LEVEL_PAGE_SIZE },
      { staleTime: 5 * 60_000 },
    ),
  );
}

/** One page of a provincial unit's communes, or of its departments. */
export function useChildAgencies(
  parentId: number,
  page: number,
  level: 'commune' | 'department' = 'commune',
) {
  const trpc = useTRPC();
  return useQuery(
    trpc.agencies.list.queryOptions(
      { parentId, level, page, pageSize: COMMUNE_PAGE_SIZE },
      { staleTime: 5 * 60_000 },
    ),
  );
}

export function useAgencyCountsByLevel() {
  const trpc = useTRPC();
  return useQuery(trpc.agencies.countsByLevel.queryOptions(undefined, { staleTime: 5 * 60_000 }));
}
