import { and, asc, eq, isNull, not } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import {
  MAX_REMINDED_AT_ONCE,
  type RemindMatching,
  type RemindReports,
  type ReportsToRemind,
  type SendReminder,
} from '../../../shared/schemas/accountability';
import { isTaskOpen } from '../../../shared/task-status';
import { type Db, inTransaction } from '../../db/client';
import { reminders, tasks } from '../../db/schema';
import { appendAudits } from '../audit/service';
import type { Actor } from '../auth/actor';
import { recordChanges } from '../live/record';
import { findReportObligations } from '../submissions/queries';
import { taskFilters } from '../tasks/queries';
import { statusClock } from '../tasks/status-sql';
import { lockTasks } from '../tasks/write-steps';
import { notifyAgencyStaff } from './notify';
import { assertOffice } from './policy';
import { lockObligations, reportSubject, type Subject, taskSubject } from './subjects';

/**
 * The Office reminds the lead agencies of one task or a selection (every overdue task of a ministry);
 * a selection with one closed task reminds nobody (all or nothing, under the tasks' locks).
 */
export async function sendReminder(db: Db, actor: Actor, r: SendReminder) {
  assertOffice(actor);
  const taskIds = [...new Set(r.taskIds)];
  return recordReminders(db, actor, r, async (tx) => {
    const locked = await lockTasks(tx, taskIds);
    return () => {
      if (locked.length !== taskIds.length) throw new AppError('NOT_FOUND');
      const closed = locked.find((task) => !isTaskOpen(task));
      if (closed) throw new AppError('CONFLICT', 'taskClosed', { reason: 'taskClosed', taskId: closed.id });
      return locked.map(taskSubject);
    };
  });
}

/**
 * The Office reminds the agencies whose report of a regime is missing (by the compliance rule: due and
 * not sent), of one period or all, of some agencies or all; at most MAX_REMINDED_AT_ONCE, as for tasks.
 * Nothing missing among them is refused, so a report already sent is never reminded.
 */
export async function remindReports(db: Db, actor: Actor, r: RemindReports, now = new Date()) {
  assertOffice(actor);
  const owed = async (tx: Db) =>
    (await findReportObligations(tx, r, now)).filter((o) => o.state === 'missing');
  const found = await owed(db);
  if (found.length === 0) throw new AppError('VALIDATION', 'nothingToRemind', { reason: 'nothingToRemind' });
  if (found.length > MAX_REMINDED_AT_ONCE)
    throw new AppError('VALIDATION', 'tooManyToRemind', {
      reason: 'tooManyToRemind',
      max: MAX_REMINDED_AT_ONCE,
    });
  return recordReminders(db, actor, r, async (tx) => {
    await lockObligations(tx, found);
    // Read again under the locks: a report sent meanwhile is no longer reminded.
    const still = await owed(tx);
    return () => {
      if (still.length === 0)
        throw new AppError('VALIDATION', 'nothingToRemind', { reason: 'nothingToRemind' });
      return still.map(reportSubject);
    };
  });
}

/**
 * Who a reminder of a whole period would reach, before the Office sends it (the compliance page's
 * confirmation): the agencies whose report of the regime for the period is missing, exactly those
 * `remindReports` would remind, of one level or all. The page then sends them in selections of at
 * most MAX_REMINDED_AT_ONCE, so a national regime's period (thousands of communes) is reachable too.
 */
export async function findReportsToRemind(db: Db, actor: Actor, r: ReportsToRemind, now = new Date()) {
  assertOffice(actor);
  const owed = (await findReportObligations(db, r, now)).filter((o) => o.state === 'missing');
  const agencyIds = [...new Set(owed.map((o) => o.agencyId))].sort((a, b) => a - b);
  return { agencyIds, max: MAX_REMINDED_AT_ONCE };
}

/**
 * One reminder on each subject: `lock` locks them and returns the check that names them (run after the
 * idempotency check, so a retry answers "done" even if a subject has changed since); recorded, notified
 * to each agency's officers and leader, audited, announced. A retry with the same key reminds nobody twice.
 */
async function recordReminders(
  db: Db,
  actor: Actor,
  r: { message: string; idempotencyKey: string },
  lock: (tx: Db) => Promise<() => Subject[]>,
) {
  // Dated by the application's clock, as every task writer dates its history (the monthly report reads it).
  const now = new Date();
  return inTransaction(db, async (tx) => {
    const check = await lock(tx);
    // Checked under the subjects' locks: a concurrent retry of the same call waits, then finds it done.
    const [earlier] = await tx
      .select({ id: reminders.id })
      .from(reminders)
      .where(and(eq(reminders.sentBy, actor.id), eq(reminders.idempotencyKey, r.idempotencyKey)))
      .limit(1);
    if (earlier) return { reminded: 0, duplicate: true };
    const subjects = check();
    const rows = await tx
      .insert(reminders)
      .values(
        subjects.map((subject) => ({
          ...subject.columns,
          sentBy: actor.id,
          message: r.message,
          idempotencyKey: r.idempotencyKey,
          createdAt: now,
        })),
      )
      .returning();
    await notifyAgencyStaff(
      tx,
      subjects.map((subject) => ({
        agencyId: subject.agencyId,
        roles: ['officer', 'leader'] as const,
        note: {
          kind: 'reminder',
          taskId: subject.taskId,
          params: { ...subject.params, message: r.message },
        },
      })),
    );
    await appendAudits(
      tx,
      rows.map((row, i) => ({
        actor,
        input: {
          action: 'reminder.send',
          entityType: subjects[i]?.entityType ?? 'task',
          entityId: subjects[i]?.entityId ?? String(row.taskId),
          after: row,
        },
      })),
    );
    await recordChanges(
      tx,
      subjects.map((subject) => ({
        ...subject.change(actor, 'reminder.sent'),
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
