import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { TASK_HISTORY_PAGE } from '../../../../shared/schemas/tasks';
import type { TaskStatus } from '../../../../shared/task-status';
import { useTRPC } from '../../../lib/trpc';

export const INBOX_PAGE_SIZE = 25;

export interface InboxFilter {
  q: string;
  status?: TaskStatus;
  urgency?: 'overdue' | 'dueSoon';
  page: number;
}

/** The user's agency's tasks, soonest deadline first; the previous page stays while the next loads. */
export function useInbox({ q, status, urgency, page }: InboxFilter) {
  const trpc = useTRPC();
  const statuses: TaskStatus[] | undefined =
    urgency === 'overdue' ? ['overdue'] : status ? [status] : undefined;
  return useQuery({
    ...trpc.tasks.inbox.queryOptions({
      q: q || undefined,
      status: statuses,
      dueSoon: urgency === 'dueSoon' ? true : undefined,
      sort: 'deadline',
      direction: 'asc',
      page,
      pageSize: INBOX_PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
}

/** A task with its latest `history` progress updates and audit entries (more on request). */
export function useTaskDetail(id: number, history = TASK_HISTORY_PAGE) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.tasks.get.queryOptions({ id, history }),
    enabled: id > 0,
    placeholderData: keepPreviousData,
  });
}

/** After a write to one task: refetch that task and the lists and figures it appears in, nothing else. */
export function useInvalidateTask() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    async (taskId: number, documentId?: number) => {
      await Promise.all([
        queryClient.invalidateQueries(trpc.tasks.get.queryFilter({ id: taskId })),
        queryClient.invalidateQueries(trpc.tasks.inbox.pathFilter()),
        queryClient.invalidateQueries(trpc.tasks.list.pathFilter()),
        queryClient.invalidateQueries(trpc.tasks.dashboard.pathFilter()),
        queryClient.invalidateQueries(trpc.tasks.counts.pathFilter()),
        documentId
          ? queryClient.invalidateQueries(trpc.documents.get.queryFilter({ id: documentId }))
          : undefined,
      ]);
    },
    [trpc, queryClient],
  );
}
