import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ChangeType } from '../../../../shared/live-events';
import { type INBOX_SCOPES, TASK_HISTORY_PAGE } from '../../../../shared/schemas/tasks';
import type { CompletionState, TaskStatus } from '../../../../shared/task-status';
import { useInvalidateFor } from '../../../lib/live/invalidations';
import { useTRPC } from '../../../lib/trpc';

export const INBOX_PAGE_SIZE = 25;
export type InboxScope = (typeof INBOX_SCOPES)[number];

/** The completion-report filters the inbox offers (the home page's links): returned, or awaiting the leader. */
export const INBOX_COMPLETIONS = {
  returned: ['returned_by_leader', 'returned_by_office'],
  awaiting_leader: ['awaiting_leader'],
} as const satisfies Record<string, readonly CompletionState[]>;
export type InboxCompletion = keyof typeof INBOX_COMPLETIONS;

export interface InboxFilter {
  q: string;
  status?: TaskStatus;
  urgency?: 'overdue' | 'dueSoon';
  completion?: InboxCompletion;
  /** Only the tasks the agency leads. */
  leadOnly?: boolean;
  /** A province's own tasks, or its communes'. */
  scope?: InboxScope;
  page: number;
}

/** The inbox's filter as `tasks.inbox` takes it (and its Excel download, without the page). */
export function inboxQueryInput({
  q,
  status,
  urgency,
  completion,
  leadOnly,
  scope,
}: Omit<InboxFilter, 'page'>) {
  const statuses: TaskStatus[] | undefined =
    urgency === 'overdue' ? ['overdue'] : status ? [status] : undefined;
  return {
    q: q || undefined,
    status: statuses,
    dueSoon: urgency === 'dueSoon' ? true : undefined,
    completion: completion ? [...INBOX_COMPLETIONS[completion]] : undefined,
    leadOnly: leadOnly || undefined,
    scope: scope === 'communes' ? scope : undefined,
    sort: 'deadline' as const,
    direction: 'asc' as const,
  };
}

/** The inbox as an Excel file: the same filter, every row, the user's own agency (the server decides). */
export function inboxExportHref(filter: Omit<InboxFilter, 'page'>, language: string): string {
  const lang = language === 'en' ? 'en' : 'vi';
  return `/export/inbox.xlsx?filter=${encodeURIComponent(JSON.stringify(inboxQueryInput(filter)))}&lang=${lang}`;
}

/** The user's agency's tasks, open ones first by deadline; the previous page stays while the next loads. */
export function useInbox({ page, ...filter }: InboxFilter) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.tasks.inbox.queryOptions({ ...inboxQueryInput(filter), page, pageSize: INBOX_PAGE_SIZE }),
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

/** The task's early warning (null: nothing to tell this reader, or the task is closed). */
export function useTaskForecast(id: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.tasks.forecast.queryOptions({ id }), enabled: id > 0 });
}

/** After a write to one task: refetch what its change affects (the live stream's own map), nothing else. */
function useInvalidateTask() {
  const invalidateFor = useInvalidateFor();
  return useCallback(
    (type: ChangeType, taskId: number, documentId?: number) =>
      invalidateFor({ type, payload: { taskId, documentId } }),
    [invalidateFor],
  );
}

/** The writes on one task, each followed by a refetch of what its change affects. */
export function useTaskWrites(taskId: number, documentId: number | undefined) {
  const trpc = useTRPC();
  const invalidate = useInvalidateTask();
  const after = (type: ChangeType) => ({ onSuccess: () => invalidate(type, taskId, documentId) });
  return {
    postProgress: useMutation(trpc.tasks.postProgress.mutationOptions(after('task.progress'))),
    requestExtension: useMutation(trpc.tasks.requestExtension.mutationOptions(after('extension.requested'))),
    reportCompletion: useMutation(trpc.tasks.reportCompletion.mutationOptions(after('completion.reported'))),
    approveCompletion: useMutation(trpc.tasks.approveCompletion.mutationOptions(after('completion.decided'))),
    reviewCompletion: useMutation(trpc.tasks.reviewCompletion.mutationOptions(after('completion.decided'))),
    decideExtension: useMutation(trpc.tasks.decideExtension.mutationOptions(after('extension.decided'))),
    update: useMutation(trpc.tasks.update.mutationOptions(after('task.updated'))),
    // A new part: the lists gain a task, and this task's page its roll-up.
    breakDown: useMutation(trpc.tasks.breakDown.mutationOptions(after('task.created'))),
  };
}

/** The signed-in agency's periodic reports, for the inbox's reminders. */
export function useMyReports() {
  const trpc = useTRPC();
  return useQuery(trpc.submissions.mine.queryOptions());
}
