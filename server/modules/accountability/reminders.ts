import { and, asc, eq, isNull, not } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import {
  MAX_REMINDED_AT_ONCE,
  type RemindMatching,
  type SendReminder,
} from '../../../shared/schemas/accountability';
import { isTaskOpen } from '../../../shared/task-status';
import { type Db, inTransaction } from '../../db/client';
import { reminders, tasks } from '../../db/schema';
import { appendAudits } from '../audit/service';
import type { Actor } from '../auth/actor';
import { recordChanges } from '../live/record';
import { taskFilters } from '../tasks/queries';
import { statusClock } from '../tasks/status-sql';
import { lockTasks, taskChange } from '../tasks/write-steps';
import { notifyAgencyStaff } from './notify';
import { assertOffice } from './policy';

/**
 * The Office reminds the lead agencies of one task or a selection (every overdue task of a ministry):
 * recorded on each task, notified to each lead agency's officers and leader, audited, announced. A retry
 * with the same idempotency key reminds nobody twice.
 */
export async function sendReminder(db: Db, actor: Actor, r: SendReminder) {
  assertOffice(actor);
  const taskIds = [...new Set(r.taskIds)];
  // Dated by the application's clock, as every task writer dates its history (the monthly report reads it).
  const now = new Date();
  return inTransaction(db, async (tx) => {
    const locked = await lockTasks(tx, taskIds);
    // Checked under the tasks' locks: a concurrent retry of the same call waits, then finds it done.
    const [earlier] = await tx
      .select({ id: reminders.id })
      .from(reminders)
      .where(and(eq(reminders.sentBy, actor.id), eq(reminders.idempotencyKey, r.idempotencyKey)))
      .limit(1);
    if (earlier) return { reminded: 0, duplicate: true };
    if (locked.length !== taskIds.length) throw new AppError('NOT_FOUND');
    const closed = locked.find((task) => !isTaskOpen(task));
    if (closed) throw new AppError('CONFLICT', 'taskClosed', { reason: 'taskClosed', taskId: closed.id });
    const rows = await tx
      .insert(reminders)
      .values(
        locked.map((task) => ({
          taskId: task.id,
          agencyId: task.leadAgencyId,
          sentBy: actor.id,
          message: r.message,
          idempotencyKey: r.idempotencyKey,
          createdAt: now,
        })),
      )
      .returning();
    await notifyAgencyStaff(
      tx,
      locked.map((task) => ({
        agencyId: task.leadAgencyId,
        roles: ['officer', 'leader'] as const,
        note: { kind: 'reminder', taskId: task.id, params: { title: task.title, message: r.message } },
      })),
    );
    await appendAudits(
      tx,
      rows.map((row) => ({
        actor,
        input: { action: 'reminder.send', entityType: 'task', entityId: row.taskId, after: row },
      })),
    );
    await recordChanges(
      tx,
      locked.map((task) => ({
        ...taskChange(task, actor),
        type: 'reminder.sent' as const,
        detail: { message: r.message.slice(0, 300) },
      })),
    );
    return { reminded: rows.length, duplicate: false };
  });
}

/**
 * Reminds every open task a task list's filter shows (the Office's "remind all of these"): the same
 * reminder as a selection, one key for all. More than MAX_REMINDED_AT_ONCE is refused with the count,
 * so a filter left too wide reminds nobody rather than the whole country.
 */
export async function remindMatching(db: Db, actor: Actor, r: RemindMatching) {
  assertOffice(actor);
  const rows = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(taskFilters(r.filter, statusClock(new Date())), not(tasks.withdrawn), isNull(tasks.completedOn)),
    )
    .orderBy(asc(tasks.id))
    .limit(MAX_REMINDED_AT_ONCE + 1);
  if (rows.length === 0) throw new AppError('VALIDATION', 'nothingToRemind', { reason: 'nothingToRemind' });
  if (rows.length > MAX_REMINDED_AT_ONCE)
    throw new AppError('VALIDATION', 'tooManyToRemind', {
      reason: 'tooManyToRemind',
      max: MAX_REMINDED_AT_ONCE,
    });
  return sendReminder(db, actor, {
    taskIds: rows.map((row) => row.id),
    message: r.message,
    idempotencyKey: r.idempotencyKey,
  });
}
