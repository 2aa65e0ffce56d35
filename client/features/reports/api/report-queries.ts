import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { AgencyLevel } from '../../../../shared/agencies';
import { useInvalidateFor } from '../../../lib/live/invalidations';
import { useTRPC } from '../../../lib/trpc';

/** The signed-in agency's obligations under every regime. */
export function useMyReports() {
  const trpc = useTRPC();
  return useQuery(trpc.submissions.mine.queryOptions());
}

/** The regimes the compliance page chooses from. */
export function useReportTemplates() {
  const trpc = useTRPC();
  return useQuery(trpc.submissions.templates.queryOptions());
}

export function useCompliance(templateId: number | null, level: AgencyLevel | '') {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.submissions.compliance.queryOptions({ templateId: templateId ?? 1, ...(level ? { level } : {}) }),
    enabled: templateId !== null,
    placeholderData: keepPreviousData,
  });
}

/** A province's communes' reports awaiting it and its computed figures (province chain). */
export function useProvinceApprovals() {
  const trpc = useTRPC();
  return useQuery(trpc.submissions.provinceApprovals.queryOptions());
}

export function useNewSubmissionForm(templateId: number, periodKey: string, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.submissions.newForm.queryOptions({ templateId, periodKey }),
    enabled,
    // Once the form is open the page keeps it: refetching would swap it for "already started".
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useSubmission(id: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.submissions.get.queryOptions({ id }), enabled: id > 0 });
}

/** Reads a submission afresh (its latest version), outside any rendered query. */
export function useFetchSubmission() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (id: number) => queryClient.fetchQuery(trpc.submissions.get.queryOptions({ id })),
    [queryClient, trpc],
  );
}

/**
 * The workflow's writes. They refresh nothing themselves: a draft's autosave must not wait for the
 * lists, so each caller decides whether to wait for `useRefreshSubmissions`.
 */
export function useSubmissionWrites() {
  const trpc = useTRPC();
  return {
    saveDraft: useMutation(trpc.submissions.saveDraft.mutationOptions()),
    submit: useMutation(trpc.submissions.submit.mutationOptions()),
    approve: useMutation(trpc.submissions.approve.mutationOptions()),
    review: useMutation(trpc.submissions.review.mutationOptions()),
    reopen: useMutation(trpc.submissions.reopen.mutationOptions()),
    provinceReview: useMutation(trpc.submissions.provinceReview.mutationOptions()),
    sendUp: useMutation(trpc.submissions.sendUp.mutationOptions()),
  };
}

/** After a write: the caches a changed submission affects (one submission's when its id is known). */
export function useRefreshSubmissions() {
  const invalidateFor = useInvalidateFor();
  return useCallback(
    (submissionId?: number) =>
      invalidateFor(
        submissionId === undefined
          ? { type: 'submission.changed' }
          : { type: 'submission.changed', payload: { submissionId } },
      ),
    [invalidateFor],
  );
}

/** A submission's audit entries and whether the whole chain verifies. */
export function useSubmissionAudit(submissionId: number) {
  const trpc = useTRPC();
  return {
    entries: useQuery(
      trpc.audit.forEntity.queryOptions({ entityType: 'submission', entityId: submissionId }),
    ),
    verify: useQuery(trpc.audit.verify.queryOptions(undefined, { staleTime: 60_000 })),
  };
}

/** The newest signed checkpoints of the audit chain and the key that verifies them. */
export function useAuditCheckpoints() {
  const trpc = useTRPC();
  return useQuery(trpc.audit.checkpoints.queryOptions(undefined, { staleTime: 60_000 }));
}
