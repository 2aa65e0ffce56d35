import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangeType } from '../../../../shared/live-events';
import { useInvalidateFor } from '../../../lib/live/invalidations';
import { useTRPC } from '../../../lib/trpc';

/**
 * A task's reminders and explanation requests. The server answers NOT_FOUND to whoever may not read
 * them (neither oversight nor the lead agency), so the page asks only when `enabled`.
 */
export function useTaskAccountability(taskId: number, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.accountability.forTask.queryOptions({ taskId }), enabled });
}

/**
 * The writes on a task's accountability, each followed by a refetch of what its change affects (the
 * live stream's own map: the task's panel, its page, the notification centre), awaited, so the page
 * is fresh when the write's promise resolves.
 */
export function useAccountabilityWrites(taskId: number) {
  const trpc = useTRPC();
  const invalidateFor = useInvalidateFor();
  const after = (type: ChangeType) => ({ onSuccess: () => invalidateFor({ type, payload: { taskId } }) });
  return {
    remind: useMutation(trpc.accountability.remind.mutationOptions(after('reminder.sent'))),
    requestExplanation: useMutation(
      trpc.accountability.requestExplanation.mutationOptions(after('explanation.changed')),
    ),
    answerExplanation: useMutation(
      trpc.accountability.answerExplanation.mutationOptions(after('explanation.changed')),
    ),
    decideExplanation: useMutation(
      trpc.accountability.decideExplanation.mutationOptions(after('explanation.changed')),
    ),
  };
}

/** Marks notifications read (some, or all up to the newest shown); the count and the list follow. */
export function useMarkNotificationsRead() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.accountability.markRead.mutationOptions({
      // Reading changes no task and tells no one else: only this user's notifications move.
      onSuccess: () => queryClient.invalidateQueries(trpc.accountability.notifications.pathFilter()),
    }),
  );
}
