import { and, eq, ne } from 'drizzle-orm';
import { isReportLateOrMissing } from '../../../shared/compliance-cells';
import { AppError } from '../../../shared/errors';
import { type ExplanationStep, stepRule } from '../../../shared/explanations';
import { addWorkingDays } from '../../../shared/reporting-periods';
import type {
  AnswerExplanation,
  DecideExplanation,
  RequestExplanation,
  RequestReportExplanation,
} from '../../../shared/schemas/accountability';
import { isTaskOpen } from '../../../shared/task-status';
import { vietnamDate } from '../../../shared/vietnam-date';
import { type Db, inTransaction } from '../../db/client';
import { explanationRequests } from '../../db/schema';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import { loadHolidays } from '../holidays/queries';
import { recordChange } from '../live/record';
import { findReportObligation } from '../submissions/queries';
import { lockTask } from '../tasks/write-steps';
import { type NotificationKind, notifyAgencyStaff, notifyUsers } from './notify';
import { assertExplanationStep, assertOffice } from './policy';
import { lockObligations, lockSubjectOf, reportSubject, type Subject, taskSubject } from './subjects';

type ExplanationRow = typeof explanationRequests.$inferSelect;

/** The last day to answer: `workingDays` working days after today (Vietnam), over the holiday calendar. */
async function answerDue(tx: Db, workingDays: number, now: Date): Promise<string> {
  return addWorkingDays(vietnamDate(now), workingDays, await loadHolidays(tx));
}

async function findByKey(db: Db, actor: Actor, key: string) {
  const [row] = await db
    .select()
    .from(explanationRequests)
    .where(and(eq(explanationRequests.requestedBy, actor.id), eq(explanationRequests.idempotencyKey, key)))
    .limit(1);
  return row;
}

/**
 * The Office asks a task's lead agency to explain (the task open, no other request in progress on it),
 * with the number of working days it has to answer; the agency's officers and leader are notified.
 */
export function requestExplanation(
  db: Db,
  actor: Actor,
  r: RequestExplanation,
  now = new Date(),
  /** `automatic`: opened by an escalation rule (server/modules/escalation), not by a person's choice. */
  options: { automatic?: boolean } = {},
) {
  return openExplanation(db, actor, r, now, options, {
    same: (saved) => saved.taskId === r.taskId,
    lock: async (tx) => {
      const task = await lockTask(tx, r.taskId);
      if (!isTaskOpen(task)) throw new AppError('CONFLICT', 'taskClosed', { reason: 'taskClosed' });
      return taskSubject(task);
    },
  });
}

/**
 * The Office asks an agency to explain a late or missing report (by the compliance rule: a report sent
 * on time, or whose deadline has not passed, is refused), as it asks about a task.
 */
export function requestReportExplanation(
  db: Db,
  actor: Actor,
  r: RequestReportExplanation,
  now = new Date(),
  /** `automatic`: opened by an escalation rule (server/modules/escalation), not by a person's choice. */
  options: { automatic?: boolean } = {},
) {
  return openExplanation(db, actor, r, now, options, {
    same: (saved) =>
      saved.agencyId === r.agencyId && saved.periodKey === r.periodKey && saved.templateId !== null,
    lock: async (tx) => {
      await lockObligations(tx, [r]);
      const obligation = await findReportObligation(tx, r, now);
      if (!isReportLateOrMissing(obligation))
        throw new AppError('CONFLICT', 'reportNotLate', {
          reason: 'reportNotLate',
          state: obligation.state,
        });
      return reportSubject(obligation);
    },
  });
}

/**
 * Opens a request on a subject: idempotent by the Office's key (the same key for another subject or
 * reason is refused), no other request in progress on the subject, the answer due in working days.
 */
async function openExplanation(
  db: Db,
  actor: Actor,
  r: { reason: string; workingDays: number; idempotencyKey: string },
  now: Date,
  options: { automatic?: boolean },
  subjectOf: { same: (saved: ExplanationRow) => boolean; lock: (tx: Db) => Promise<Subject> },
) {
  assertOffice(actor);
  const answer = (saved: ExplanationRow) => {
    if (!subjectOf.same(saved) || saved.reason !== r.reason)
      throw new AppError('CONFLICT', 'idempotencyKeyReused', { reason: 'idempotencyKeyReused' });
    return { id: saved.id, state: saved.state, duplicate: true };
  };
  const existing = await findByKey(db, actor, r.idempotencyKey);
  if (existing) return answer(existing);
  return inTransaction(db, async (tx) => {
    const subject = await subjectOf.lock(tx);
    const again = await findByKey(tx, actor, r.idempotencyKey);
    if (again) return answer(again);
    const [open] = await tx
      .select({ id: explanationRequests.id })
      .from(explanationRequests)
      .where(and(sameSubject(subject), ne(explanationRequests.state, 'accepted')));
    if (open) throw new AppError('CONFLICT', 'explanationOpen', { reason: 'explanationOpen' });
    const dueDate = await answerDue(tx, r.workingDays, now);
    const [row] = await tx
      .insert(explanationRequests)
      .values({
        ...subject.columns,
        requestedBy: actor.id,
        automatic: options.automatic ?? false,
        reason: r.reason,
        dueDate,
        idempotencyKey: r.idempotencyKey,
        createdAt: now,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await notifyAgencyStaff(tx, [
      {
        agencyId: subject.agencyId,
        roles: ['officer', 'leader'],
        note: note('explanation.requested', subject, { dueDate }),
      },
    ]);
    await announce(tx, actor, subject, 'explanation.request', null, row);
    return { id: row.id, state: row.state, duplicate: false };
  });
}

/** The requests about this subject (a task, or one agency's report of a template version and period). */
export function sameSubject(subject: Pick<Subject, 'columns'>) {
  const { taskId, templateId, periodKey, agencyId } = subject.columns;
  if (taskId !== null) return eq(explanationRequests.taskId, taskId);
  return and(
    eq(explanationRequests.templateId, templateId ?? 0),
    eq(explanationRequests.agencyId, agencyId),
    eq(explanationRequests.periodKey, periodKey ?? ''),
  );
}

/** The lead agency's officer answers: the cause, the remedy, and a committed date not in the past. */
export function answerExplanation(db: Db, actor: Actor, a: AnswerExplanation, now = new Date()) {
  return takeStep(db, actor, a, 'answer', now, async (request, subject) => {
    if (a.committedDate < vietnamDate(now))
      throw new AppError('VALIDATION', 'dateInPast', { field: 'committedDate' });
    return {
      set: {
        cause: a.cause,
        remedy: a.remedy,
        committedDate: a.committedDate,
        answeredBy: actor.id,
        answeredAt: now,
      },
      notify: (tx) =>
        notifyAgencyStaff(tx, [
          {
            agencyId: request.agencyId,
            roles: ['leader'],
            note: note('explanation.answered', subject, { committedDate: a.committedDate }),
          },
        ]),
    };
  });
}

/**
 * The leader approves the answer (it goes to the Office) or sends it back to the officer; the Office
 * accepts it, or asks again: a new round, with a new number of working days to answer.
 */
export function decideExplanation(db: Db, actor: Actor, d: DecideExplanation, now = new Date()) {
  // Sending an answer back, or asking again, says why: the agency cannot act on a bare refusal.
  if ((d.step === 'sendBack' || d.step === 'askAgain') && !d.comment)
    throw new AppError('VALIDATION', 'required', { field: 'comment' });
  return takeStep(db, actor, d, d.step, now, async (request, subject, tx) => {
    switch (d.step) {
      case 'approve':
        return {
          set: { leaderBy: actor.id, leaderAt: now, leaderComment: d.comment || null },
          notify: (tx) => notifyUsers(tx, [request.requestedBy], note('explanation.approved', subject, {})),
        };
      case 'sendBack':
        return {
          set: { leaderBy: actor.id, leaderAt: now, leaderComment: d.comment || null },
          notify: (tx) =>
            notifyAgencyStaff(tx, [
              {
                agencyId: request.agencyId,
                roles: ['officer'],
                note: note('explanation.sentBack', subject, { comment: d.comment }),
              },
            ]),
        };
      case 'accept':
        return {
          set: { decidedBy: actor.id, decidedAt: now, decisionComment: d.comment || null },
          notify: (tx) => notifyLeadStaff(tx, request, note('explanation.accepted', subject, {})),
        };
      case 'askAgain': {
        const dueDate = await answerDue(tx, d.workingDays, now);
        return {
          // A new round: the answer and its approval start over; the audit trail keeps the earlier ones.
          set: {
            decidedBy: actor.id,
            decidedAt: now,
            decisionComment: d.comment,
            round: request.round + 1,
            dueDate,
            cause: null,
            remedy: null,
            committedDate: null,
            answeredBy: null,
            answeredAt: null,
            leaderBy: null,
            leaderAt: null,
            leaderComment: null,
          },
          notify: (tx) =>
            notifyLeadStaff(
              tx,
              request,
              note('explanation.askedAgain', subject, { dueDate, comment: d.comment }),
            ),
        };
      }
    }
  });
}

function note(kind: NotificationKind, subject: Subject, params: Record<string, string | number | null>) {
  return { kind, taskId: subject.taskId, params: { ...subject.params, ...params } };
}

function notifyLeadStaff(tx: Db, request: ExplanationRow, n: ReturnType<typeof note>) {
  return notifyAgencyStaff(tx, [{ agencyId: request.agencyId, roles: ['officer', 'leader'], note: n }]);
}

type Update = Partial<typeof explanationRequests.$inferInsert>;

/**
 * One step of the workflow: the request and its subject locked, the step checked (reader, role, agency,
 * state, version), `build` says what changes and whom to tell; then audited and announced.
 */
async function takeStep(
  db: Db,
  actor: Actor,
  input: { id: number; version: number },
  step: ExplanationStep,
  now: Date,
  build: (
    request: ExplanationRow,
    subject: Subject,
    tx: Db,
  ) => Promise<{ set: Update; notify: (tx: Db) => Promise<void> }>,
) {
  return inTransaction(db, async (tx) => {
    const [request] = await tx
      .select()
      .from(explanationRequests)
      .where(eq(explanationRequests.id, input.id))
      .for('update');
    if (!request) throw new AppError('NOT_FOUND');
    assertExplanationStep(actor, request, step, input.version);
    const subject = await lockSubjectOf(tx, request, now);
    const { set, notify } = await build(request, subject, tx);
    const [after] = await tx
      .update(explanationRequests)
      .set({ ...set, state: stepRule(step).to, version: request.version + 1 })
      .where(eq(explanationRequests.id, request.id))
      .returning();
    if (!after) throw new AppError('INTERNAL');
    await notify(tx);
    await announce(tx, actor, subject, `explanation.${step}`, request, after);
    return { id: after.id, state: after.state, duplicate: false };
  });
}

async function announce(
  tx: Db,
  actor: Actor,
  subject: Subject,
  action: string,
  before: ExplanationRow | null,
  after: ExplanationRow,
) {
  await appendAudit(tx, actor, {
    action,
    entityType: subject.entityType,
    entityId: subject.entityId,
    before,
    after,
  });
  await recordChange(tx, subject.change(actor, 'explanation.changed', after.state));
}
