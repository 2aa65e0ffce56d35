import type { ReportObligationInput } from '../../../shared/schemas/accountability';

/**
 * What the accountability section is about: a task, or a report obligation (an agency's report of a
 * regime for a period). The forms and the section are the same for both; only the procedures differ.
 */
export type AccountabilitySubject =
  | { kind: 'task'; taskId: number }
  | ({ kind: 'report' } & ReportObligationInput);

/** The change a write on the subject makes, as the live stream would tell it (which caches to refetch). */
export function subjectPayload(subject: AccountabilitySubject) {
  return subject.kind === 'task'
    ? { taskId: subject.taskId }
    : { templateId: subject.templateId, agencyId: subject.agencyId, periodKey: subject.periodKey };
}
