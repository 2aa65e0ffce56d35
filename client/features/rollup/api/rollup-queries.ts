import { useQuery } from '@tanstack/react-query';
import { type RouterOutputs, useTRPC } from '../../../lib/trpc';

export type ProvinceRollup = RouterOutputs['rollup']['province'];

/**
 * A province over its communes. Changes arrive through the live stream (client/lib/live), which
 * refreshes it as it does the national dashboard; the slow interval moves "as of" along.
 */
export function useProvinceRollup(provinceId: number | null) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.rollup.province.queryOptions({ provinceId: provinceId ?? 0 }),
    enabled: provinceId !== null,
    refetchInterval: 5 * 60_000,
    placeholderData: (previous) => (previous?.province.id === provinceId ? previous : undefined),
  });
}

/** The provinces and cities, for oversight's choice (34: one page). */
export function useProvinces(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.agencies.list.queryOptions({ level: 'provincial', pageSize: 100 }),
    enabled,
    staleTime: 10 * 60_000,
  });
}
