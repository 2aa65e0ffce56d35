import { type AnyColumn, and, count, desc, eq, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { isReportLateOrMissing } from '../../../shared/compliance-cells';
import { AppError } from '../../../shared/errors';
import { allowedExplanationSteps, isExplanationLate } from '../../../shared/explanations';
import type {
  AgencyAccountability,
  ReportAccountability,
  TaskAccountability,
} from '../../../shared/schemas/accountability';
import { isTaskOpen } from '../../../shared/task-status';
import { vietnamDate } from '../../../shared/vietnam-date';
import type { Db } from '../../db/client';
import { explanationRequests, notifications, reminders, tasks, users } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { findReportObligation, type ObligationKey } from '../submissions/queries';
import { sameSubject } from './explanations';
import { canReadExplanation } from './policy';
import { reportSubject } from './subjects';

/**
 * A task's reminders (how many, the last) and explanation requests, newest first, with what this user
 * may do on each. Readable by oversight roles and the task's lead agency: to others NOT_FOUND.
 */
export async function findTaskAccountability(
  db: Db,
  actor: Actor,
  taskId: number,
  now = new Date(),
): Promise<TaskAccountability> {
  const [task] = await db
    .select({ leadAgencyId: tasks.leadAgencyId, withdrawn: tasks.withdrawn, completedOn: tasks.completedOn })
    .from(tasks)
    .where(eq(tasks.id, taskId));
  if (!task || !canReadExplanation(actor, { agencyId: task.leadAgencyId })) throw new AppError('NOT_FOUND');
  const open = isTaskOpen(task);
  return subjectAccountability(db, actor, now, {
    reminders: eq(reminders.taskId, taskId),
    explanations: eq(explanationRequests.taskId, taskId),
    canRemind: open,
    canRequest: open,
  });
}

/**
 * The same of a report obligation (the compliance page's cell): readable by oversight roles and the
 * obliged agency. A missing report may be reminded; a late or missing one explained.
 */
export async function findReportAccountability(
  db: Db,
  actor: Actor,
  key: ObligationKey,
  now = new Date(),
): Promise<ReportAccountability> {
  if (!canReadExplanation(actor, key)) throw new AppError('NOT_FOUND');
  const obligation = await findReportObligation(db, key, now);
  const columns = reportSubject(obligation).columns;
  return subjectAccountability(db, actor, now, {
    reminders: and(
      eq(reminders.templateId, obligation.templateId),
      eq(reminders.agencyId, obligation.agencyId),
      eq(reminders.periodKey, obligation.periodKey),
    ),
    explanations: sameSubject({ columns }),
    canRemind: obligation.state === 'missing',
    canRequest: isReportLateOrMissing(obligation),
  });
}

async function subjectAccountability(
  db: Db,
  actor: Actor,
  now: Date,
  subject: {
    reminders: SQL | undefined;
    explanations: SQL | undefined;
    canRemind: boolean;
    canRequest: boolean;
  },
): Promise<TaskAccountability> {
  const sender = alias(users, 'sender');
  const [[tally], [last], rows] = await Promise.all([
    db.select({ count: count() }).from(reminders).where(subject.reminders),
    db
      .select({ at: reminders.createdAt, by: sender.fullName, message: reminders.message })
      .from(reminders)
      .innerJoin(sender, eq(sender.id, reminders.sentBy))
      .where(subject.reminders)
      .orderBy(desc(reminders.id))
      .limit(1),
    findExplanations(db, subject.explanations),
  ]);
  const today = vietnamDate(now);
  return {
    reminders: { count: tally?.count ?? 0, last: last ?? null },
    explanations: rows.map((r) => ({
      ...r,
      late: isExplanationLate(r, today),
      allowedSteps: allowedExplanationSteps(actor, r),
    })),
    canRemind: actor.role === 'office' && subject.canRemind,
    canRequestExplanation:
      actor.role === 'office' && subject.canRequest && rows.every((r) => r.state === 'accepted'),
  };
}

async function findExplanations(db: Db, where: SQL | undefined) {
  const requester = alias(users, 'requester');
  const answerer = alias(users, 'answerer');
  const leader = alias(users, 'leader');
  const decider = alias(users, 'decider');
  const rows = await db
    .select({
      id: explanationRequests.id,
      version: explanationRequests.version,
      state: explanationRequests.state,
      round: explanationRequests.round,
      automatic: explanationRequests.automatic,
      agencyId: explanationRequests.agencyId,
      reason: explanationRequests.reason,
      requestedBy: requester.fullName,
      requestedAt: explanationRequests.createdAt,
      dueDate: explanationRequests.dueDate,
      cause: explanationRequests.cause,
      remedy: explanationRequests.remedy,
      committedDate: explanationRequests.committedDate,
      answeredName: answerer.fullName,
      answeredAt: explanationRequests.answeredAt,
      leaderName: leader.fullName,
      leaderAt: explanationRequests.leaderAt,
      leaderComment: explanationRequests.leaderComment,
      decidedName: decider.fullName,
      decidedAt: explanationRequests.decidedAt,
      decisionComment: explanationRequests.decisionComment,
    })
    .from(explanationRequests)
    .innerJoin(requester, eq(requester.id, explanationRequests.requestedBy))
    .leftJoin(answerer, eq(answerer.id, explanationRequests.answeredBy))
    .leftJoin(leader, eq(leader.id, explanationRequests.leaderBy))
    .leftJoin(decider, eq(decider.id, explanationRequests.decidedBy))
    .where(where)
    .orderBy(desc(explanationRequests.id))
    .limit(50);
  const person = (name: string | null, at: Date | null) => (name && at ? { name, at } : null);
  return rows.map(({ answeredName, answeredAt, leaderName, leaderAt, decidedName, decidedAt, ...r }) => ({
    ...r,
    answered: person(answeredName, answeredAt),
    leader: person(leaderName, leaderAt),
    decided: person(decidedName, decidedAt),
  }));
}

/**
 * An agency's reminders and explanation requests (all time), tasks and reports apart: its scorecard's
 * accountability. The agency's own staff and oversight roles read it; to others NOT_FOUND.
 */
export async function findAgencyAccountability(
  db: Db,
  actor: Actor,
  agencyId: number,
  now = new Date(),
): Promise<AgencyAccountability> {
  if (!canReadExplanation(actor, { agencyId })) throw new AppError('NOT_FOUND');
  const today = vietnamDate(now);
  const isReport = (column: AnyColumn) => sql<boolean>`${column} is null`;
  const [sent, asked] = await Promise.all([
    db
      .select({
        report: isReport(reminders.taskId),
        count: count(),
        last: sql<Date | null>`max(${reminders.createdAt})`.mapWith((v) => (v ? new Date(v) : null)),
      })
      .from(reminders)
      .where(eq(reminders.agencyId, agencyId))
      .groupBy(isReport(reminders.taskId)),
    db
      .select({
        report: isReport(explanationRequests.taskId),
        open: sql<number>`count(*) filter (where ${explanationRequests.state} <> 'accepted')`.mapWith(Number),
        late: sql<number>`count(*) filter (where ${explanationRequests.state} = 'awaiting_answer' and ${explanationRequests.dueDate} < ${today})`.mapWith(
          Number,
        ),
        accepted: sql<number>`count(*) filter (where ${explanationRequests.state} = 'accepted')`.mapWith(
          Number,
        ),
      })
      .from(explanationRequests)
      .where(eq(explanationRequests.agencyId, agencyId))
      .groupBy(isReport(explanationRequests.taskId)),
  ]);
  const tally = (report: boolean) => {
    const r = sent.find((row) => row.report === report);
    const e = asked.find((row) => row.report === report);
    return {
      reminders: r?.count ?? 0,
      lastReminderAt: r?.last ?? null,
      explanationsOpen: e?.open ?? 0,
      explanationsLate: e?.late ?? 0,
      explanationsAccepted: e?.accepted ?? 0,
    };
  };
  return { tasks: tally(false), reports: tally(true) };
}

/** The user's newest notifications (a page) and how many are unread. */
export async function findNotifications(db: Db, userId: number, limit: number) {
  const [items, [unread]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        taskId: notifications.taskId,
        params: notifications.params,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.id))
      .limit(limit),
    db
      .select({ count: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  ]);
  return {
    items: items.map((n) => ({ ...n, params: n.params as Record<string, unknown> })),
    unread: unread?.count ?? 0,
  };
}

/** Marks the user's own notifications read: the given ones, or every one up to `upTo`. Others' are untouched. */
export async function markNotificationsRead(
  db: Db,
  userId: number,
  which: { ids?: number[] | undefined; upTo?: number | undefined },
  now = new Date(),
): Promise<{ marked: number }> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        which.ids ? inArray(notifications.id, which.ids) : lte(notifications.id, which.upTo ?? 0),
      ),
    )
    .returning({ id: notifications.id });
  return { marked: rows.length };
}
