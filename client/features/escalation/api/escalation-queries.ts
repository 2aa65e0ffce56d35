import { useMutation, useQuery } from '@tanstack/react-query';
import { useInvalidateFor } from '../../../lib/live/invalidations';
import { useTRPC } from '../../../lib/trpc';

/** The administrator's escalation rules (admin only: the server refuses anyone else). */
export function useEscalationRules() {
  const trpc = useTRPC();
  return useQuery(trpc.escalation.rules.queryOptions());
}

/** Saves one rule; the rules and every task's escalation line are refetched (the live map's entry). */
export function useUpdateEscalationRule() {
  const trpc = useTRPC();
  const invalidateFor = useInvalidateFor();
  return useMutation(
    trpc.escalation.updateRule.mutationOptions({
      onSuccess: () => invalidateFor({ type: 'escalation.changed' }),
    }),
  );
}

/** A task's escalation level and why, as its page explains it. */
export function useTaskEscalation(taskId: number) {
  const trpc = useTRPC();
  return useQuery(trpc.escalation.forTask.queryOptions({ taskId }));
}

/** The steps the rules took on one agency's report of a period (for oversight and that agency only). */
export function useReportEscalation(obligation: { templateId: number; agencyId: number; periodKey: string }) {
  const trpc = useTRPC();
  return useQuery(trpc.escalation.forReport.queryOptions(obligation));
}
