import { sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { ChangeType } from '../../../shared/live-events';
import type { Db } from '../../db/client';
import type { Actor } from '../auth/actor';
import type { ChangeInput } from '../live/record';
import { findReportObligation, type ReportObligation } from '../submissions/queries';
import { type LockedTask, lockTask, taskChange } from '../tasks/write-steps';

/**
 * What a reminder or an explanation request is about: a task (its lead agency answers) or a report
 * obligation (an agency's report of one template version for one period; that agency answers). The
 * workflow (reminders.ts, explanations.ts) is the same for both; this says, per subject, the row's
 * columns, the agency asked, what a notification names, the audit entity and the live event.
 */
export interface Subject {
  /** The columns naming the subject on `reminders` and `explanation_requests`. */
  columns: { taskId: number | null; templateId: number | null; periodKey: string | null; agencyId: number };
  agencyId: number;
  /** What a notification names: the task's title, or the report's template and period. */
  params: Record<string, string | number | null>;
  taskId: number | null;
  entityType: 'task' | 'report_obligation';
  entityId: string;
  change: (actor: Actor, type: ChangeType, state?: string) => ChangeInput;
}

export function taskSubject(task: LockedTask): Subject {
  return {
    columns: { taskId: task.id, templateId: null, periodKey: null, agencyId: task.leadAgencyId },
    agencyId: task.leadAgencyId,
    params: { title: task.title },
    taskId: task.id,
    entityType: 'task',
    entityId: String(task.id),
    change: (actor, type, state) => {
      const change = taskChange(task, actor);
      return { ...change, type, payload: state ? { ...change.payload, state } : change.payload };
    },
  };
}

export function reportSubject(o: ReportObligation): Subject {
  return {
    columns: { taskId: null, templateId: o.templateId, periodKey: o.periodKey, agencyId: o.agencyId },
    agencyId: o.agencyId,
    params: {
      subject: 'report',
      templateId: o.templateId,
      templateCode: o.templateCode,
      titleVi: o.templateNameVi,
      titleEn: o.templateNameEn,
      title: o.templateNameVi,
      periodKey: o.periodKey,
      agencyId: o.agencyId,
    },
    taskId: null,
    entityType: 'report_obligation',
    entityId: `${o.templateId}:${o.agencyId}:${o.periodKey}`,
    change: (actor, type, state) => ({
      type,
      agencyIds: [o.agencyId],
      payload: {
        templateId: o.templateId,
        periodKey: o.periodKey,
        agencyId: o.agencyId,
        ...(o.submissionId ? { submissionId: o.submissionId } : {}),
        ...(state ? { state } : {}),
        agencyNameVi: actor.agencyNameVi,
        agencyNameEn: actor.agencyNameEn,
      },
    }),
  };
}

/**
 * Serialises writers on report obligations (there may be no submission row to lock): a transaction
 * lock per obligation, taken in key order so two selections never wait on each other in a circle.
 */
export async function lockObligations(
  tx: Db,
  keys: readonly { templateId: number; agencyId: number; periodKey: string }[],
) {
  const names = [
    ...new Set(keys.map((k) => `obligation:${k.templateId}:${k.agencyId}:${k.periodKey}`)),
  ].sort();
  for (const name of names) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`);
}

/** The subject of a saved reminder or request, locked (the task's row, or the obligation's lock). */
export async function lockSubjectOf(
  tx: Db,
  row: { taskId: number | null; templateId: number | null; periodKey: string | null; agencyId: number },
  now: Date,
): Promise<Subject> {
  if (row.taskId !== null) return taskSubject(await lockTask(tx, row.taskId));
  if (row.templateId === null || row.periodKey === null) throw new AppError('INTERNAL');
  const key = { templateId: row.templateId, agencyId: row.agencyId, periodKey: row.periodKey };
  await lockObligations(tx, [key]);
  return reportSubject(await findReportObligation(tx, key, now));
}
