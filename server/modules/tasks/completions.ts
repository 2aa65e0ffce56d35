import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { ReportCompletion, ReviewCompletion } from '../../../shared/schemas/tasks';
import type { CompletionState } from '../../../shared/task-status';
import { vietnamDate } from '../../../shared/time';
import type { Db } from '../../db/client';
import { completionReports, tasks } from '../../db/schema';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import { recordChange } from '../live/record';
import { assertTaskAction } from './policy';
import { findByKey, lockTask, taskChange } from './write-steps';

const findReportByKey = (db: Db, actor: Actor, key: string) =>
  findByKey(
    db,
    completionReports,
    completionReports.reportedBy,
    completionReports.idempotencyKey,
    actor.id,
    key,
  );

/** The lead agency reports the task done; the report then awaits its leader, then the Office. */
export async function reportCompletion(db: Db, actor: Actor, r: ReportCompletion) {
  const existing = await findReportByKey(db, actor, r.idempotencyKey);
  if (existing) return { id: existing.id, duplicate: true };
  return db.transaction(async (txx) => {
    const tx = txx as unknown as Db;
    const task = await lockTask(tx, r.taskId);
    assertTaskAction(actor, task, 'reportCompletion');
    const again = await findReportByKey(tx, actor, r.idempotencyKey);
    if (again) return { id: again.id, duplicate: true };
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
    if (!row) throw new AppError('INTERNAL');
    await appendAudit(tx, actor, {
      action: 'completion.report',
      entityType: 'task',
      entityId: task.id,
      after: row,
    });
    await recordChange(tx, {
      ...taskChange(task, actor),
      type: 'completion.reported',
      detail: { result: r.result.slice(0, 300) },
    });
    return { id: row.id, duplicate: false };
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
export async function decideCompletion(
  db: Db,
  actor: Actor,
  d: ReviewCompletion,
  stage: 'leader' | 'office',
) {
  return db.transaction(async (txx) => {
    const tx = txx as unknown as Db;
    const [report] = await tx
      .select()
      .from(completionReports)
      .where(eq(completionReports.id, d.id))
      .for('update');
    if (!report) throw new AppError('NOT_FOUND');
    const task = await lockTask(tx, report.taskId);
    assertTaskAction(actor, task, stage === 'leader' ? 'approveCompletion' : 'reviewCompletion');
    const expected = stage === 'leader' ? 'awaiting_leader' : 'awaiting_office';
    if (report.version !== d.version || report.state !== expected) {
      throw new AppError('CONFLICT', 'staleVersion', {
        reason: 'staleVersion',
        currentVersion: report.version,
      });
    }
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
    await appendAudit(tx, actor, {
      action: `completion.${state}`,
      entityType: 'task',
      entityId: task.id,
      before: report,
      after,
    });
    const change = taskChange(task, actor);
    await recordChange(tx, {
      ...change,
      type: 'completion.decided',
      payload: { ...change.payload, state },
    });
    return { id: d.id, state };
  });
}
