import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangeType } from '../../../../shared/live-events';
import type { ReportsToRemindInput } from '../../../../shared/schemas/accountability';
import { useInvalidateFor } from '../../../lib/live/invalidations';
import { useTRPC } from '../../../lib/trpc';
import { type AccountabilitySubject, subjectPayload } from '../subject';

/**
 * A task's, or a report obligation's, reminders and explanation requests. The server answers NOT_FOUND
 * to whoever may not read them (neither oversight nor the agency asked), so the page asks only when
 * `enabled`.
 */
export function useSubjectAccountability(subject: AccountabilitySubject, enabled: boolean) {
  const trpc = useTRPC();
  // Both hooks always run (the rules of hooks); only the subject's own asks the server.
  const forTask = useQuery({
    ...trpc.accountability.forTask.queryOptions({ taskId: subject.kind === 'task' ? subject.taskId : 0 }),
    enabled: enabled && subject.kind === 'task',
  });
  const forReport = useQuery({
    ...trpc.accountability.forReport.queryOptions(
      subject.kind === 'report'
        ? { templateId: subject.templateId, agencyId: subject.agencyId, periodKey: subject.periodKey }
        : { templateId: 0, agencyId: 0, periodKey: '' },
    ),
    enabled: enabled && subject.kind === 'report',
  });
  return subject.kind === 'task' ? forTask : forReport;
}

/** An agency's reminders and explanation requests, tasks and reports apart (its scorecard). */
export function useAgencyAccountability(agencyId: number) {
  const trpc = useTRPC();
  return useQuery(trpc.accountability.forAgency.queryOptions({ agencyId }));
}

/**
 * The writes on a task's or a report's accountability, each followed by a refetch of what its change
 * affects (the live stream's own map: the subject's panel, its page, the notification centre), awaited,
 * so the page is fresh when the write's promise resolves.
 */
export function useAccountabilityWrites(subject: AccountabilitySubject) {
  const trpc = useTRPC();
  const invalidateFor = useInvalidateFor();
  const payload = subjectPayload(subject);
  const after = (type: ChangeType) => ({ onSuccess: () => invalidateFor({ type, payload }) });
  return {
    remind: useMutation(trpc.accountability.remind.mutationOptions(after('reminder.sent'))),
    remindReports: useMutation(trpc.accountability.remindReports.mutationOptions(after('reminder.sent'))),
    requestExplanation: useMutation(
      trpc.accountability.requestExplanation.mutationOptions(after('explanation.changed')),
    ),
    requestReportExplanation: useMutation(
      trpc.accountability.requestReportExplanation.mutationOptions(after('explanation.changed')),
    ),
    answerExplanation: useMutation(
      trpc.accountability.answerExplanation.mutationOptions(after('explanation.changed')),
    ),
    decideExplanation: useMutation(
      trpc.accountability.decideExplanation.mutationOptions(after('explanation.changed')),
    ),
  };
}

/**
 * A reminder of a whole period (the compliance page): who it would reach, asked of the server each time
 * (never an answer kept from earlier, reports arrive all day), and the send of one selection; once all
 * are sent, what a reminder changes is refetched.
 */
export function usePeriodReminder() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidateFor = useInvalidateFor();
  const remind = useMutation(trpc.accountability.remindReports.mutationOptions());
  return {
    findAgencies: (input: ReportsToRemindInput) =>
      queryClient.fetchQuery({ ...trpc.accountability.reportsToRemind.queryOptions(input), staleTime: 0 }),
    send: remind.mutateAsync,
    refresh: () => invalidateFor({ type: 'reminder.sent' }),
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
