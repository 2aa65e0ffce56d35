import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type RouterOutputs, useTRPC } from '../../../lib/trpc';
import type { TaskListState } from '../task-list-params';

export type TaskListItem = RouterOutputs['tasks']['list']['items'][number];

/** One page of the filtered list; the previous page stays on screen while the next one loads. */
export function useTaskList(state: TaskListState) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.tasks.list.queryOptions(state), placeholderData: keepPreviousData });
}
