import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { officeObligation } from '../../../shared/approval-levels';
import { AppError } from '../../../shared/errors';
import { isObliged } from '../../../shared/obligations';
import { valuesSchema } from '../../../shared/report-values';
import { submissionDeadline } from '../../../shared/reporting-periods';
import type {
  reopenSubmissionInput,
  SubmissionState,
  saveDraftInput,
  sendUpInput,
  submissionActionInput,
  submissionDecisionInput,
} from '../../../shared/schemas/reports';
import { collectablePeriod, versionCovers } from '../../../shared/template-versions';
import { vietnamDate } from '../../../shared/time';
import { type Db, inTransaction } from '../../db/client';
import { reportTemplates, submissionRevisions, submissions } from '../../db/schema';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import { loadHolidays } from '../holidays/queries';
import { clearKpiFigures, writeKpiFigures } from '../kpis/figures';
import { type ChangeInput, recordChanges } from '../live/record';
import { loadTemplate, templateIdForPeriod } from '../templates/queries';
import { assertRulesPass, type CheckedPeriod, cleanExplanations, issuesFor } from './checks';
import {
  assertNotAwaiting,
  assertProvinceStaff,
  assertSubmissionRight,
  assertSubmissionState,
  assertSubmissionVisible,
  canDraft,
  type SubmissionAction,
} from './policy';
import { assertProvinceChain, computeProvinceFigure } from './province';
import { agencyOf, deciderFor, submissionKeyIs } from './queries';

type SubmissionRow = typeof submissions.$inferSelect;

function issuesToError(error: { issues: { path: PropertyKey[]; message: string }[] }): AppError {
  const issue = error.issues[0];
  return new AppError('VALIDATION', issue?.message ?? 'invalid', {
    field: String(issue?.path[0] ?? ''),
    issues: error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message })),
  });
}

async function lockSubmission(tx: Db, id: number): Promise<SubmissionRow> {
  const [row] = await tx.select().from(submissions).where(eq(submissions.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function assertVersion(row: SubmissionRow, version: number): void {
  if (row.version !== version) {
    throw new AppError('CONFLICT', 'staleVersion', { reason: 'staleVersion', currentVersion: row.version });
  }
}

async function currentRevision(tx: Db, row: SubmissionRow) {
  const [revision] = await tx
    .select()
    .from(submissionRevisions)
    .where(
      and(
        eq(submissionRevisions.submissionId, row.id),
        eq(submissionRevisions.revision, row.currentRevision),
      ),
    );
  if (!revision) throw new AppError('INTERNAL');
  return revision;
}

/** The submission's change and, when its KPI figures moved, a 'kpi.changed' (one NOTIFY for both). */
async function announce(tx: Db, actor: Actor, row: SubmissionRow, state: string, kpiCodes: string[] = []) {
  const kpiChange: ChangeInput[] = kpiCodes.length
    ? [
        {
          type: 'kpi.changed',
          agencyIds: [row.agencyId],
          payload: { kpiCodes, agencyId: row.agencyId, submissionId: row.id, periodKey: row.periodKey },
        },
      ]
    : [];
  await recordChanges(tx, [
    {
      type: 'submission.changed',
      agencyIds: [row.agencyId],
      payload: {
        submissionId: row.id,
        templateId: row.templateId,
        periodKey: row.periodKey,
        state,
        agencyNameVi: actor.agencyNameVi,
        agencyNameEn: actor.agencyNameEn,
      },
    },
    ...kpiChange,
  ]);
}

/**
 * An agency officer saves their agency's figures as they go. The first save creates the submission;
 * after the Office returns it, the next save opens a new revision (earlier ones stay readable).
 */
export async function saveDraft(db: Db, actor: Actor, d: z.output<typeof saveDraftInput>) {
  assertSubmissionRight(actor, 'edit', { agencyId: actor.agencyId });
  const { template, fields } = await loadTemplate(
    db,
    await templateIdForPeriod(db, d.templateId, d.periodKey),
  );
  const agency = await agencyOf(db, actor.agencyId);
  if (!canDraft(actor, template.obligation, agency)) throw new AppError('FORBIDDEN');
  const period = collectablePeriod(template, d.periodKey, vietnamDate(new Date()));
  if (!period) throw new AppError('VALIDATION', 'invalidPeriod', { field: 'periodKey' });
  const parsed = valuesSchema(fields, { forSubmission: false }).safeParse(d.values);
  if (!parsed.success) throw issuesToError(parsed.error);
  const values = Object.fromEntries(
    Object.entries(parsed.data).map(([k, v]) => [k, (v ?? null) as number | string | null]),
  );
  const given = d.explanations === undefined ? undefined : cleanExplanations(d.explanations);
  const calendar = await loadHolidays(db);
  // A draft is saved whatever the rules say; what they say comes back for the form to show.
  const issues = await issuesFor(
    db,
    { template, fields, agencyId: actor.agencyId, periodEnd: period.end },
    values,
  );

  return inTransaction(db, async (tx) => {
    const [existing] = await tx
      .select()
      .from(submissions)
      .where(submissionKeyIs(template.id, actor.agencyId, period.key))
      .for('update');
    if (!existing) {
      if (d.version !== undefined) throw new AppError('CONFLICT', 'staleVersion', { reason: 'staleVersion' });
      // Held to commit: a new template version cannot take this period over while its draft is created.
      const [span] = await tx
        .select({ firstPeriod: reportTemplates.firstPeriod, lastPeriod: reportTemplates.lastPeriod })
        .from(reportTemplates)
        .where(eq(reportTemplates.id, template.id))
        .for('share');
      if (!span || !versionCovers(span, period))
        throw new AppError('VALIDATION', 'invalidPeriod', { field: 'periodKey' });
      const [row] = await tx
        .insert(submissions)
        .values({
          templateId: template.id,
          agencyId: actor.agencyId,
          periodKey: period.key,
          periodEnd: period.end,
          deadline: submissionDeadline(period, template.deadlineRule, calendar),
        })
        .returning();
      if (!row) throw new AppError('INTERNAL');
      const explanations = given ?? {};
      await tx
        .insert(submissionRevisions)
        .values({ submissionId: row.id, revision: 1, values, explanations, authorId: actor.id });
      await appendAudit(tx, actor, {
        action: 'submission.draft',
        entityType: 'submission',
        entityId: row.id,
        after: { ...row, values, explanations },
      });
      await announce(tx, actor, row, 'draft');
      return { id: row.id, version: row.version, revision: 1, issues };
    }
    if (d.version === undefined)
      throw new AppError('CONFLICT', 'staleVersion', {
        reason: 'staleVersion',
        currentVersion: existing.version,
      });
    assertVersion(existing, d.version);
    assertSubmissionState('edit', existing.state);
    const reopening = existing.state === 'returned';
    const revision = reopening ? existing.currentRevision + 1 : existing.currentRevision;
    // Without new explanations the ones written before stay (a correction starts from them).
    const explanations = given ?? (await currentRevision(tx, existing)).explanations;
    if (reopening) {
      await tx
        .insert(submissionRevisions)
        .values({ submissionId: existing.id, revision, values, explanations, authorId: actor.id });
    } else {
      await tx
        .update(submissionRevisions)
        .set({ values, explanations, authorId: actor.id, savedAt: new Date() })
        .where(
          and(eq(submissionRevisions.submissionId, existing.id), eq(submissionRevisions.revision, revision)),
        );
    }
    const [after] = await tx
      .update(submissions)
      .set({
        state: 'draft',
        currentRevision: revision,
        version: existing.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(submissions.id, existing.id))
      .returning();
    if (!after) throw new AppError('INTERNAL');
    await appendAudit(tx, actor, {
      action: 'submission.draft',
      entityType: 'submission',
      entityId: existing.id,
      before: existing,
      after: { ...after, values, explanations },
    });
    await announce(tx, actor, after, 'draft');
    return { id: after.id, version: after.version, revision, issues };
  });
}

/** What one workflow step does to a locked submission before it moves on. */
interface Move {
  state: SubmissionState;
  set?: Partial<Pick<SubmissionRow, 'firstSubmittedAt' | 'acceptedAt'>>;
  audit: string;
  auditNote?: Record<string, unknown>;
  /** The KPI figures the step changes, once the row has moved. */
  kpis?: (tx: Db, after: SubmissionRow) => Promise<string[]>;
}

/**
 * The steps every workflow action shares: lock the submission, check the actor's right, its version and
 * its state, let `step` do its part, then move it on (a new version), audit and announce it.
 */
async function moveSubmission(
  db: Db,
  actor: Actor,
  action: Exclude<SubmissionAction, 'edit'>,
  ref: { id: number; version: number },
  step: (tx: Db, row: SubmissionRow, now: Date) => Promise<Move>,
) {
  return inTransaction(db, async (tx) => {
    const row = await lockSubmission(tx, ref.id);
    const decided = { ...row, decider: await deciderFor(tx, row) };
    assertSubmissionVisible(actor, decided);
    assertSubmissionRight(actor, action, decided);
    // Waiting for someone else is what the actor needs to hear, whatever version their page had.
    assertNotAwaiting(action, row.state);
    assertVersion(row, ref.version);
    assertSubmissionState(action, row.state);
    const now = new Date();
    const move = await step(tx, row, now);
    const [after] = await tx
      .update(submissions)
      .set({ ...move.set, state: move.state, version: row.version + 1, updatedAt: now })
      .where(eq(submissions.id, row.id))
      .returning();
    if (!after) throw new AppError('INTERNAL');
    await appendAudit(tx, actor, {
      action: move.audit,
      entityType: 'submission',
      entityId: row.id,
      before: row,
      after: move.auditNote ? { ...after, ...move.auditNote } : after,
    });
    const kpiCodes = move.kpis ? await move.kpis(tx, after) : [];
    await announce(tx, actor, after, move.state, kpiCodes);
    return { id: after.id, version: after.version, state: move.state };
  });
}

/**
 * The figures may go on: every value passes the template, required included, and its rules pass (no
 * error; every warning explained). Checked again at each step, so figures saved before a rule existed,
 * or a legacy draft, cannot be approved or accepted past it.
 */
async function assertSubmittable(
  tx: Db,
  row: SubmissionRow,
  revision: typeof submissionRevisions.$inferSelect,
  now: Date,
): Promise<Record<string, string>> {
  const { template, fields } = await loadTemplate(tx, row.templateId);
  const parsed = valuesSchema(fields, { forSubmission: true }).safeParse(revision.values);
  if (!parsed.success) throw issuesToError(parsed.error);
  const checked: CheckedPeriod = { template, fields, agencyId: row.agencyId, periodEnd: row.periodEnd };
  return assertRulesPass(tx, checked, revision.values, revision.explanations, now);
}

/** The officer submits the current revision: every value must now pass the template, required included. */
export async function submitSubmission(db: Db, actor: Actor, a: z.output<typeof submissionActionInput>) {
  const { id, version } = await moveSubmission(db, actor, 'submit', a, async (tx, row, now) => {
    const revision = await currentRevision(tx, row);
    // Only the explanations that answer a raised warning go on with the figures.
    const explanations = await assertSubmittable(tx, row, revision, now);
    await tx
      .update(submissionRevisions)
      .set({ submittedAt: now, explanations })
      .where(eq(submissionRevisions.id, revision.id));
    return {
      state: 'submitted',
      set: { firstSubmittedAt: row.firstSubmittedAt ?? now },
      audit: 'submission.submit',
    };
  });
  return { id, version };
}

/** The agency leader signs off (it goes to the Office) or sends it back to the officer as a draft. */
export function approveSubmission(db: Db, actor: Actor, d: z.output<typeof submissionDecisionInput>) {
  return moveSubmission(db, actor, 'approve', d, async (tx, row, now) => {
    const revision = await currentRevision(tx, row);
    if (d.decision === 'accept') await assertSubmittable(tx, row, revision, now);
    await tx
      .update(submissionRevisions)
      .set(
        d.decision === 'accept'
          ? { approverId: actor.id, approvedAt: now }
          : { reviewComment: d.comment, reviewOutcome: 'returned_by_leader' },
      )
      .where(eq(submissionRevisions.id, revision.id));
    return {
      state: d.decision === 'accept' ? 'approved' : 'draft',
      audit: `submission.leader_${d.decision}`,
    };
  });
}

/**
 * A reviewer's decision on the current revision (the Office's, or under the province chain the
 * province's): an acceptance checks the figures as a submission does; the outcome is recorded on the
 * revision; the state it leads to is returned.
 */
async function recordReview(
  tx: Db,
  actor: Actor,
  row: SubmissionRow,
  d: z.output<typeof submissionDecisionInput>,
  now: Date,
): Promise<SubmissionState> {
  const revision = await currentRevision(tx, row);
  if (d.decision === 'accept') await assertSubmittable(tx, row, revision, now);
  const state: SubmissionState = d.decision === 'accept' ? 'accepted' : 'returned';
  await tx
    .update(submissionRevisions)
    .set({ reviewerId: actor.id, reviewedAt: now, reviewOutcome: state, reviewComment: d.comment || null })
    .where(eq(submissionRevisions.id, revision.id));
  return state;
}

/** The Government Office accepts (the submission is locked) or returns it with a comment. */
export function reviewSubmission(db: Db, actor: Actor, d: z.output<typeof submissionDecisionInput>) {
  return moveSubmission(db, actor, 'review', d, async (tx, row, now) => {
    const state = await recordReview(tx, actor, row, d, now);
    return {
      state,
      set: { acceptedAt: state === 'accepted' ? now : null },
      audit: `submission.${state}`,
      // Accepted figures enter the national KPI values in this same transaction.
      kpis: state === 'accepted' ? writeKpiFigures : undefined,
    };
  });
}

/**
 * A commune's report under the province chain: its province's officer accepts it (it enters the
 * province's computed figure) or returns it with a reason (the commune corrects it in a new revision).
 * No KPI figure is written: the commune's figures reach the national values through its province's sum.
 */
export function provinceReviewSubmission(db: Db, actor: Actor, d: z.output<typeof submissionDecisionInput>) {
  return moveSubmission(db, actor, 'provinceReview', d, async (tx, row, now) => {
    const state = await recordReview(tx, actor, row, d, now);
    return {
      state,
      set: { acceptedAt: state === 'accepted' ? now : null },
      audit: `submission.province_${state}`,
    };
  });
}

/**
 * The province's officer sends the Office its computed figure for a regime under the province chain:
 * the sum of its communes' reports accepted so far, with how many of how many, as of now. It goes to
 * the province's leader like any report (`approveSubmission`), then to the Office (`reviewSubmission`).
 * Sent again after the leader or the Office sends it back, it is computed afresh (a returned one as a
 * new revision); there is no form to type it in.
 */
export async function sendUpProvinceFigure(db: Db, actor: Actor, d: z.output<typeof sendUpInput>) {
  const province = await agencyOf(db, actor.agencyId);
  assertProvinceStaff(actor, province);
  const { template, fields } = await loadTemplate(
    db,
    await templateIdForPeriod(db, d.templateId, d.periodKey),
  );
  assertProvinceChain(template);
  if (actor.role !== 'officer' || !isObliged(officeObligation(template), province))
    throw new AppError('FORBIDDEN');
  const period = collectablePeriod(template, d.periodKey, vietnamDate(new Date()));
  if (!period) throw new AppError('VALIDATION', 'invalidPeriod', { field: 'periodKey' });
  const calendar = await loadHolidays(db);
  return inTransaction(db, async (tx) => {
    const [existing] = await tx
      .select()
      .from(submissions)
      .where(submissionKeyIs(template.id, province.id, period.key))
      .for('update');
    if (existing) assertSubmissionState('edit', existing.state);
    const now = new Date();
    const figure = await computeProvinceFigure(tx, province.id, template, fields, period.key);
    if (figure.accepted === 0)
      throw new AppError('CONFLICT', 'noAcceptedReports', { reason: 'noAcceptedReports' });
    const values = figure.values;
    const coverage = { accepted: figure.accepted, expected: figure.expected, asOf: now.toISOString() };
    const parsed = valuesSchema(fields, { forSubmission: true }).safeParse(values);
    if (!parsed.success) throw issuesToError(parsed.error);
    const explanations = await assertRulesPass(
      tx,
      { template, fields, agencyId: province.id, periodEnd: period.end },
      values,
      {},
      now,
    );
    const sent = { values, explanations, coverage, authorId: actor.id, savedAt: now, submittedAt: now };
    let row: SubmissionRow | undefined;
    let revision = 1;
    if (!existing) {
      [row] = await tx
        .insert(submissions)
        .values({
          templateId: template.id,
          agencyId: province.id,
          periodKey: period.key,
          periodEnd: period.end,
          deadline: submissionDeadline(period, template.deadlineRule, calendar),
          state: 'submitted',
          firstSubmittedAt: now,
        })
        .returning();
      if (!row) throw new AppError('INTERNAL');
      await tx.insert(submissionRevisions).values({ submissionId: row.id, revision, ...sent });
    } else {
      const reopening = existing.state === 'returned';
      revision = reopening ? existing.currentRevision + 1 : existing.currentRevision;
      if (reopening) {
        await tx.insert(submissionRevisions).values({ submissionId: existing.id, revision, ...sent });
      } else {
        await tx
          .update(submissionRevisions)
          .set(sent)
          .where(
            and(
              eq(submissionRevisions.submissionId, existing.id),
              eq(submissionRevisions.revision, revision),
            ),
          );
      }
      [row] = await tx
        .update(submissions)
        .set({
          state: 'submitted',
          currentRevision: revision,
          firstSubmittedAt: existing.firstSubmittedAt ?? now,
          version: existing.version + 1,
          updatedAt: now,
        })
        .where(eq(submissions.id, existing.id))
        .returning();
      if (!row) throw new AppError('INTERNAL');
    }
    await appendAudit(tx, actor, {
      action: 'submission.send_up',
      entityType: 'submission',
      entityId: row.id,
      before: existing,
      after: { ...row, values, coverage },
    });
    await announce(tx, actor, row, 'submitted');
    return {
      id: row.id,
      version: row.version,
      revision,
      accepted: coverage.accepted,
      expected: coverage.expected,
    };
  });
}

/** Only the Office reopens an accepted submission, with a reason, and the decision is audited. */
export async function reopenSubmission(db: Db, actor: Actor, r: z.output<typeof reopenSubmissionInput>) {
  const { id, version } = await moveSubmission(db, actor, 'reopen', r, async () => ({
    state: 'returned',
    set: { acceptedAt: null },
    audit: 'submission.reopen',
    auditNote: { reason: r.reason },
    kpis: (tx, after) => clearKpiFigures(tx, after.id),
  }));
  return { id, version };
}
