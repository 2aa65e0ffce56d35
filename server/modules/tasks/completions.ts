import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { ReportCompletion, ReviewCompletion } from '../../../shared/schemas/tasks';
import type { CompletionState } from '../../../shared/task-status';
import { vietnamDate } from '../../../shared/time';
import type { Db } from '../../db/client';
import { completionReports, tasks } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { decideOnTask, fileOnTask, findByKey } from './write-steps';

/** The lead agency reports the task done; the report then awaits its leader, then the Office. */
export function reportCompletion(db: Db, actor: Actor, r: ReportCompletion) {
  return fileOnTask(db, actor, r, {
    action: 'reportCompletion',
    findByKey: (db, key) =>
      findByKey(
        db,
        completionReports,
        completionReports.reportedBy,
        completionReports.idempotencyKey,
        actor.id,
        key,
      ),
    same: (saved) =>
      saved.taskId === r.taskId &&
      saved.result === r.result &&
      saved.completionDate === r.completionDate &&
      saved.evidenceUrl === (r.evidenceUrl ?? null),
    insert: async (tx, task) => {
      if (r.completionDate > vietnamDate(new Date()))
        throw new AppError('VALIDATION', 'dateInFuture', { field: 'completionDate' });
      if (task.completionPending)
        throw new AppError('CONFLICT', 'completionPending', { reason: 'completionPending' });
      const [row] = await tx
        .insert(completionReports)
        .values({
          taskId: task.id,
          reportedBy: actor.id,
          result: r.result,
          completionDate: r.completionDate,
          evidenceUrl: r.evidenceUrl,
          idempotencyKey: r.idempotencyKey,
        })
        .returning();
      return row;
    },
    audit: 'completion.report',
    change: { type: 'completion.reported', detail: { result: r.result.slice(0, 300) } },
  });
}

const NEXT_STATE = {
  leader: { accept: 'awaiting_office', return: 'returned_by_leader' },
  office: { accept: 'accepted', return: 'returned_by_office' },
} as const satisfies Record<string, Record<ReviewCompletion['decision'], CompletionState>>;

/**
 * The agency leader signs off the completion report (it goes to the Office) or sends it back; then the
 * Office accepts it (the task is completed with the reported date) or returns it (in progress again).
 */
export function decideCompletion(db: Db, actor: Actor, d: ReviewCompletion, stage: 'leader' | 'office') {
  return decideOnTask(db, actor, d, {
    lock: async (tx) => {
      const [report] = await tx
        .select()
        .from(completionReports)
        .where(eq(completionReports.id, d.id))
        .for('update');
      return report;
    },
    action: stage === 'leader' ? 'approveCompletion' : 'reviewCompletion',
    from: stage === 'leader' ? 'awaiting_leader' : 'awaiting_office',
    kind: 'completion',
    decide: async (tx, report, task) => {
      const now = new Date();
      const state = NEXT_STATE[stage][d.decision];
      const [after] = await tx
        .update(completionReports)
        .set(
          stage === 'leader'
            ? {
                state,
                leaderId: actor.id,
                leaderAt: now,
                leaderComment: d.comment || null,
                version: report.version + 1,
              }
            : {
                state,
                reviewerId: actor.id,
                reviewedAt: now,
                reviewComment: d.comment || null,
                version: report.version + 1,
              },
        )
        .where(eq(completionReports.id, d.id))
        .returning();
      if (state === 'accepted') {
        await tx
          .update(tasks)
          .set({
            completedOn: report.completionDate,
            latestPercent: 100,
            version: task.version + 1,
            updatedAt: now,
          })
          .where(eq(tasks.id, task.id));
      }
      return { state, after };
    },
  });
}
