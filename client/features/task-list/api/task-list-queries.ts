import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type RouterOutputs, useTRPC } from '../../../lib/trpc';
import type { TaskListState } from '../task-list-params';

export type TaskListItem = RouterOutputs['tasks']['list']['items'][number];

/** One page of the filtered list; the previous page stays on screen while the next one loads. */
export function useTaskList(state: TaskListState) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.tasks.list.queryOptions(state), placeholderData: keepPreviousData });
}

export const AGENCY_OPTION_COUNT = 10;

/** The agency picker's suggestions for what has been typed so far. */
export function useAgencyOptions(q: string) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.agencies.list.queryOptions(
      { q, page: 1, pageSize: AGENCY_OPTION_COUNT },
      { staleTime: 5 * 60_000 },
    ),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}
