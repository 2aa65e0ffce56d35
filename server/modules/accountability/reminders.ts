import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { SendReminder } from '../../../shared/schemas/accountability';
import { isTaskOpen } from '../../../shared/task-status';
import { type Db, inTransaction } from '../../db/client';
import { reminders } from '../../db/schema';
import { appendAudits } from '../audit/service';
import type { Actor } from '../auth/actor';
import { recordChanges } from '../live/record';
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
