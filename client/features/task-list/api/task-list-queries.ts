import { keepPreviousData, type QueryClient, useMutation, useQuery } from '@tanstack/react-query';
import type { RemindMatching } from '../../../../shared/schemas/accountability';
import { useInvalidateFor } from '../../../lib/live/invalidations';
import { type RouterOutputs, useTRPC } from '../../../lib/trpc';
import type { TaskListState } from '../task-list-params';

export type TaskListItem = RouterOutputs['tasks']['list']['items'][number];

type Trpc = ReturnType<typeof useTRPC>;

const taskListQuery = (trpc: Trpc, state: TaskListState) => trpc.tasks.list.queryOptions(state);

/** One page of the filtered list; the previous page stays on screen while the next one loads. */
export function useTaskList(state: TaskListState) {
  const trpc = useTRPC();
  return useQuery({ ...taskListQuery(trpc, state), placeholderData: keepPreviousData });
}

/** The same page, asked for before the list is drawn. */
export function prefetchTaskList(queryClient: QueryClient, trpc: Trpc, state: TaskListState): void {
  void queryClient.prefetchQuery(taskListQuery(trpc, state));
}

/** The Office reminds every open task of the list as filtered; the reminded tasks' caches follow. */
export function useRemindMatching() {
  const trpc = useTRPC();
  const invalidate = useInvalidateFor();
  const remind = useMutation(trpc.accountability.remindMatching.mutationOptions());
  return async (input: RemindMatching) => {
    const result = await remind.mutateAsync(input);
    await invalidate({ type: 'reminder.sent' });
    return result;
  };
}
