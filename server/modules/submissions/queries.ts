import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AgencyLevel } from '../../../shared/agencies';
import { deciderOf, officeObligation } from '../../../shared/approval-levels';
import { cellStage } from '../../../shared/compliance-cells';
import { AppError } from '../../../shared/errors';
import { isObliged } from '../../../shared/obligations';
import { submissionDeadline } from '../../../shared/reporting-periods';
import type { CellStage, CellState, ComplianceInput, SubmissionState } from '../../../shared/schemas/reports';
import { collectablePeriod, openPeriods } from '../../../shared/template-versions';
import { shiftDate, vietnamDate, vietnamInstant } from '../../../shared/time';
import type { Db } from '../../db/client';
import { selectRows } from '../../db/rows';
import { agencies, kpis, reportTemplates, submissionRevisions, submissions, users } from '../../db/schema';
import { findAuditSummaries } from '../audit/service';
import type { Actor } from '../auth/actor';
import { loadHolidays } from '../holidays/queries';
import { changeCache, changeMarkOf } from '../live/change-cache';
import { obligedSql } from '../templates/obligation-sql';
import {
  loadTemplate,
  templateHeader,
  templateHeaderColumns,
  templateIdForPeriod,
} from '../templates/queries';
import { ruleChecksFor } from './checks';
import {
  assertSubmissionVisible,
  canDraft,
  canOpenNewForm,
  canSubmissionAction,
  isAwaitingApprovalFor,
} from './policy';

/** The agency an actor belongs to, with the level obligations are stated in. */
export async function agencyOf(db: Db, agencyId: number) {
  const [agency] = await db
    .select({ id: agencies.id, level: agencies.level })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!agency) throw new AppError('NOT_FOUND');
  return agency;
}

/** Whose decision a submission waits for: its template's approval chain and its agency's place in the tree. */
export async function deciderFor(db: Db, submission: { templateId: number; agencyId: number }) {
  const [row] = await db
    .select({ approval: reportTemplates.approval, level: agencies.level, parentId: agencies.parentId })
    .from(reportTemplates)
    .innerJoin(agencies, eq(agencies.id, submission.agencyId))
    .where(eq(reportTemplates.id, submission.templateId));
  if (!row) throw new AppError('NOT_FOUND');
  return deciderOf(row, row);
}

/** An agency has one submission per template version and period. */
export function submissionKeyIs(templateId: number, agencyId: number, periodKey: string) {
  return and(
    eq(submissions.templateId, templateId),
    eq(submissions.agencyId, agencyId),
    eq(submissions.periodKey, periodKey),
  );
}

export async function listTemplates(db: Db) {
  return db
    .select({ ...templateHeaderColumns, firstPeriod: reportTemplates.firstPeriod })
    .from(reportTemplates)
    .where(and(eq(reportTemplates.active, true), isNull(reportTemplates.lastPeriod)))
    .orderBy(asc(reportTemplates.code));
}

/** The agency's obligations: every period of every template it must report, with its state and deadline. */
export async function findMySubmissions(db: Db, actor: Actor, now = new Date()) {
  const today = vietnamDate(now);
  const agency = await agencyOf(db, actor.agencyId);
  const calendar = await loadHolidays(db);
  const templates = (await db.select().from(reportTemplates).where(eq(reportTemplates.active, true))).filter(
    (t) => isObliged(t.obligation, agency),
  );
  const existing = templates.length
    ? await db
        .select({
          id: submissions.id,
          templateId: submissions.templateId,
          periodKey: submissions.periodKey,
          state: submissions.state,
          version: submissions.version,
          firstSubmittedAt: submissions.firstSubmittedAt,
        })
        .from(submissions)
        .where(
          and(
            eq(submissions.agencyId, actor.agencyId),
            inArray(
              submissions.templateId,
              templates.map((t) => t.id),
            ),
          ),
        )
    : [];
  const byKey = new Map(existing.map((s) => [`${s.templateId}:${s.periodKey}`, s]));
  const items = templates.flatMap((template) =>
    openPeriods(template, today).map((period) => {
      const deadline = submissionDeadline(period, template.deadlineRule, calendar);
      const found = byKey.get(`${template.id}:${period.key}`);
      const submitted = Boolean(found?.firstSubmittedAt);
      return {
        templateId: template.id,
        templateCode: template.code,
        templateNameVi: template.nameVi,
        templateNameEn: template.nameEn,
        periodKey: period.key,
        periodStart: period.start,
        periodEnd: period.end,
        deadline,
        submissionId: found?.id ?? null,
        version: found?.version ?? null,
        state: found?.state ?? ('missing' as const),
        overdue: !submitted && today > deadline,
        dueSoon: !submitted && today <= deadline && deadline <= shiftDate(today, 3),
      };
    }),
  );
  return items.sort(openWorkFirst);
}

/** States in which the report waits for the agency itself: not yet sent, or returned for correction. */
const AWAITING_AGENCY: readonly string[] = ['missing', 'draft', 'returned'];

/** Where a report stands in the agency's list: overdue, then returned, then the rest it owes, then sent. */
function openWorkRank(item: { state: string; overdue?: boolean }): number {
  if (item.overdue) return 0;
  if (item.state === 'returned') return 1;
  return AWAITING_AGENCY.includes(item.state) ? 2 : 3;
}

/**
 * The order of an agency's list of reports: what still waits for the agency first (the overdue, then
 * those returned for correction, then the others it owes), the soonest deadline at the top of each;
 * then what it has sent, the most recent period first.
 */
export function openWorkFirst(
  a: { state: string; deadline: string; overdue?: boolean },
  b: { state: string; deadline: string; overdue?: boolean },
): number {
  const rankA = openWorkRank(a);
  const rankB = openWorkRank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (a.deadline === b.deadline) return 0;
  return a.deadline < b.deadline === rankA < 3 ? -1 : 1;
}

/**
 * What the form of a report not yet started needs: the fields of the version that collects the
 * period, the period and its deadline, so the officer opens straight into the form. Only an obliged
 * agency's users (and oversight roles) may open it; an existing submission is pointed to instead.
 */
export async function getNewSubmissionForm(
  db: Db,
  actor: Actor,
  input: { templateId: number; periodKey: string },
  now = new Date(),
) {
  const { template, fields } = await loadTemplate(
    db,
    await templateIdForPeriod(db, input.templateId, input.periodKey),
  );
  const agency = await agencyOf(db, actor.agencyId);
  if (!canOpenNewForm(actor, template.obligation, agency)) throw new AppError('FORBIDDEN');
  const period = template.active ? collectablePeriod(template, input.periodKey, vietnamDate(now)) : null;
  if (!period) throw new AppError('VALIDATION', 'invalidPeriod', { field: 'periodKey' });
  const deadline = submissionDeadline(period, template.deadlineRule, await loadHolidays(db));
  const [existing] = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(submissionKeyIs(template.id, actor.agencyId, period.key));
  const today = vietnamDate(now);
  // The figures the system holds prefill the form; the agency's earlier periods stand beside it.
  const checks = await ruleChecksFor(
    db,
    { template, fields, agencyId: actor.agencyId, periodEnd: period.end },
    now,
  );
  return {
    template: templateHeader(template),
    fields,
    kpis: await kpiNamesFor(db, fields),
    ...checks,
    period: { key: period.key, start: period.start, end: period.end },
    deadline,
    overdue: today > deadline,
    dueSoon: today <= deadline && deadline <= shiftDate(today, 3),
    submissionId: existing?.id ?? null,
    canEdit: canDraft(actor, template.obligation, agency),
  };
}

/** The names of the KPIs a template's fields feed, in catalog order: the form groups its fields under them. */
async function kpiNamesFor(db: Db, fields: readonly { kpiCode: string | null }[]) {
  const codes = [...new Set(fields.map((f) => f.kpiCode).filter((c): c is string => c !== null))];
  if (codes.length === 0) return [];
  return db
    .select({ code: kpis.code, nameVi: kpis.nameVi, nameEn: kpis.nameEn })
    .from(kpis)
    .where(inArray(kpis.code, codes))
    .orderBy(asc(kpis.sortOrder));
}

/**
 * One submission with its revisions, its audit trail and what its figures are checked against (the
 * rules, the system's figures, the agency's three latest accepted earlier periods), so reviewers see
 * rates, history and explanations beside the raw figures.
 */
export async function getSubmission(db: Db, actor: Actor, id: number, now = new Date()) {
  const [row] = await db
    .select({ submission: submissions, agencyNameVi: agencies.nameVi, agencyNameEn: agencies.nameEn })
    .from(submissions)
    .innerJoin(agencies, eq(agencies.id, submissions.agencyId))
    .where(eq(submissions.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const ref = { ...row.submission, decider: await deciderFor(db, row.submission) };
  assertSubmissionVisible(actor, ref);
  const { template, fields } = await loadTemplate(db, row.submission.templateId);
  // A province's report under the province chain is computed from its communes, never typed in.
  const isComputed = template.approval === 'province_then_office' && ref.decider.by === 'office';
  const author = alias(users, 'author');
  const approver = alias(users, 'approver');
  const reviewer = alias(users, 'reviewer');
  const revisions = await db
    .select({
      revision: submissionRevisions.revision,
      values: submissionRevisions.values,
      explanations: submissionRevisions.explanations,
      authorName: author.fullName,
      savedAt: submissionRevisions.savedAt,
      submittedAt: submissionRevisions.submittedAt,
      approverName: approver.fullName,
      approvedAt: submissionRevisions.approvedAt,
      reviewerName: reviewer.fullName,
      reviewedAt: submissionRevisions.reviewedAt,
      reviewOutcome: submissionRevisions.reviewOutcome,
      reviewComment: submissionRevisions.reviewComment,
      coverage: submissionRevisions.coverage,
    })
    .from(submissionRevisions)
    .leftJoin(author, eq(author.id, submissionRevisions.authorId))
    .leftJoin(approver, eq(approver.id, submissionRevisions.approverId))
    .leftJoin(reviewer, eq(reviewer.id, submissionRevisions.reviewerId))
    .where(eq(submissionRevisions.submissionId, id))
    .orderBy(asc(submissionRevisions.revision));
  const audit = await findAuditSummaries(db, 'submission', id);
  const checks = await ruleChecksFor(
    db,
    { template, fields, agencyId: row.submission.agencyId, periodEnd: row.submission.periodEnd },
    now,
  );
  return {
    submission: { ...row.submission, agencyNameVi: row.agencyNameVi, agencyNameEn: row.agencyNameEn },
    template: templateHeader(template),
    fields,
    kpis: await kpiNamesFor(db, fields),
    ...checks,
    revisions,
    audit,
    canEdit: canSubmissionAction(actor, 'edit', ref) && !isComputed,
    canSubmit: canSubmissionAction(actor, 'submit', ref) && !isComputed,
    canApprove: canSubmissionAction(actor, 'approve', ref),
    canReview: canSubmissionAction(actor, 'review', ref),
    canReopen: canSubmissionAction(actor, 'reopen', ref),
    canProvinceReview: canSubmissionAction(actor, 'provinceReview', ref),
    decidedByProvince: ref.decider.by === 'province',
    awaitingApproval: isAwaitingApprovalFor(actor, ref),
  };
}

interface ComplianceRow {
  agency_id: number;
  name_vi: string;
  name_en: string;
  level: string;
  period_key: string;
  state: CellState;
  submission_id: number | null;
  submission_state: SubmissionState | null;
  ever_submitted: boolean;
}

/**
 * Compliance computed in SQL: expected = obliged agencies × periods due (their deadline, over the
 * working calendar, has passed as of Vietnam's today); a submission is on time when first submitted
 * by the end of its deadline day (Vietnam time). A report sent for a period not yet due is 'early' and
 * counts nowhere until its period falls due, so the figures move only when a deadline passes.
 */
export async function getCompliance(
  db: Db,
  input: ComplianceInput,
  now = new Date(),
  only: {
    agencyIds?: readonly number[] | undefined;
    periodKey?: string | undefined;
    /** A province's view of its communes under the province chain (their reports come to it). */
    communesOf?: number | undefined;
  } = {},
) {
  const today = vietnamDate(now);
  const { template } = await loadTemplate(db, input.templateId);
  const calendar = await loadHolidays(db);
  // Every version of the regime, each over its own periods, so a code is never counted twice.
  const versions = await db
    .select()
    .from(reportTemplates)
    .where(eq(reportTemplates.code, template.code))
    .orderBy(asc(reportTemplates.version));
  const periods = versions
    .flatMap((version) => openPeriods(version, today).map((p) => ({ p, version })))
    .filter(({ p }) => (!input.from || p.end >= input.from) && (!only.periodKey || p.key === only.periodKey))
    .map(({ p, version }) => {
      const deadline = submissionDeadline(p, version.deadlineRule, calendar);
      return {
        key: p.key,
        start: p.start,
        end: p.end,
        deadline,
        due: deadline < today,
        deadlineEnd: vietnamInstant(shiftDate(deadline, 1)).toISOString(),
        templateId: version.id,
        templateVersion: version.version,
      };
    });
  // The Office expects a report from the agencies its chain says (provinces for the province chain);
  // a province looks at the communes that report to it.
  const agencyFilter = sql.join(
    versions.map(
      (v) =>
        sql`(p.template_id = ${v.id} and ${obligedSql(
          only.communesOf === undefined ? officeObligation(v) : v.obligation,
        )})`,
    ),
    sql` or `,
  );
  const levelFilter = sql`${input.level ? sql`and a.level = ${input.level}` : sql``} ${
    only.agencyIds
      ? sql`and a.id in (${sql.join(
          only.agencyIds.map((id) => sql`${id}::int`),
          sql`, `,
        )})`
      : sql``
  } ${only.communesOf === undefined ? sql`` : sql`and a.parent_id = ${only.communesOf}::int`}`;
  const rows = periods.length
    ? await selectRows<ComplianceRow>(
        db,
        sql`
      with p(period_key, deadline_end, due, template_id) as (values ${sql.join(
        periods.map(
          (p) =>
            sql`(${p.key}::text, ${p.deadlineEnd}::timestamptz, ${p.due}::boolean, ${p.templateId}::int)`,
        ),
        sql`, `,
      )})
      select a.id as agency_id, a.name_vi, a.name_en, a.level::text as level, p.period_key, s.id as submission_id,
        s.state::text as submission_state, s.first_submitted_at is not null as ever_submitted,
        case
          when s.first_submitted_at is not null and not p.due then 'early'
          when s.first_submitted_at is not null and s.first_submitted_at < p.deadline_end then 'on_time'
          when s.first_submitted_at is not null then 'late'
          when p.due then 'missing'
          else 'pending' end as state
      from agencies a cross join p
      left join submissions s on s.template_id = p.template_id and s.agency_id = a.id and s.period_key = p.period_key
      where (${agencyFilter}) ${levelFilter}
      order by a.level, a.sort_key, p.period_key`,
      )
    : [];
  const byAgency = new Map<
    number,
    {
      agencyId: number;
      nameVi: string;
      nameEn: string;
      level: string;
      cells: Record<string, { state: CellState; stage: CellStage | null; submissionId: number | null }>;
    }
  >();
  for (const r of rows) {
    const entry = byAgency.get(r.agency_id) ?? {
      agencyId: r.agency_id,
      nameVi: r.name_vi,
      nameEn: r.name_en,
      level: r.level,
      cells: {},
    };
    entry.cells[r.period_key] = {
      state: r.state,
      stage: cellStage(r.submission_state, r.ever_submitted),
      submissionId: r.submission_id,
    };
    byAgency.set(r.agency_id, entry);
  }
  const summarise = (cells: { state: CellState }[]) => {
    const onTime = cells.filter((c) => c.state === 'on_time').length;
    const late = cells.filter((c) => c.state === 'late').length;
    const missing = cells.filter((c) => c.state === 'missing').length;
    // Due cells only: 'pending' and 'early' belong to periods whose deadline has not passed.
    const expected = onTime + late + missing;
    return {
      expected,
      submitted: onTime + late,
      onTime,
      late,
      missing,
      completeness: expected ? (onTime + late) / expected : null,
      timeliness: expected ? onTime / expected : null,
    };
  };
  const agenciesOut = [...byAgency.values()].map((a) => ({ ...a, ...summarise(Object.values(a.cells)) }));
  return {
    template: {
      id: template.id,
      code: template.code,
      nameVi: template.nameVi,
      nameEn: template.nameEn,
      periodType: template.periodType,
    },
    periods,
    agencies: agenciesOut,
    totals: summarise(agenciesOut.flatMap((a) => Object.values(a.cells))),
    asOf: now,
  };
}

type Compliance = Awaited<ReturnType<typeof getCompliance>>;

/** What a report obligation is: an agency's report of one regime (any version's id) for one period. */
export interface ObligationKey {
  templateId: number;
  agencyId: number;
  periodKey: string;
}

/**
 * Report obligations of one regime with their compliance state, by the compliance rule itself (a report
 * is late or missing exactly when the heatmap says so): of some agencies (or one level), of one period, or all. Each
 * names the template version that collects its period, as its submission does.
 */
export async function findReportObligations(
  db: Db,
  filter: {
    templateId: number;
    periodKey?: string | undefined;
    agencyIds?: readonly number[] | undefined;
    level?: AgencyLevel | undefined;
  },
  now = new Date(),
) {
  if (filter.agencyIds?.length === 0) return [];
  const { templateId, level } = filter;
  const compliance = await getCompliance(db, { templateId, ...(level ? { level } : {}) }, now, filter);
  const versionOf = new Map(compliance.periods.map((p) => [p.key, p.templateId]));
  return compliance.agencies.flatMap((a) =>
    Object.entries(a.cells).map(([periodKey, cell]) => ({
      templateId: versionOf.get(periodKey) ?? compliance.template.id,
      templateCode: compliance.template.code,
      templateNameVi: compliance.template.nameVi,
      templateNameEn: compliance.template.nameEn,
      agencyId: a.agencyId,
      agencyNameVi: a.nameVi,
      agencyNameEn: a.nameEn,
      periodKey,
      state: cell.state,
      submissionId: cell.submissionId,
    })),
  );
}
export type ReportObligation = Awaited<ReturnType<typeof findReportObligations>>[number];

/** One report obligation with its state; NOT_FOUND when the agency owes no such report. */
export async function findReportObligation(db: Db, key: ObligationKey, now = new Date()) {
  const [found] = await findReportObligations(
    db,
    { templateId: key.templateId, periodKey: key.periodKey, agencyIds: [key.agencyId] },
    now,
  );
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}
const complianceCache = changeCache<Compliance>({ maxAgeMs: 60_000, maxEntries: 100 });

/**
 * The heatmap as `getCompliance`, kept until the next change of a report, a regime or the holiday
 * calendar (deadlines move with it; `live/change-cache.ts`): every reader sees the same.
 */
export function getComplianceCached(db: Db, input: ComplianceInput, now = new Date()): Promise<Compliance> {
  return complianceCache.get(
    db,
    JSON.stringify(input),
    changeMarkOf(db, ['submission.changed', 'template.changed', 'holiday.changed'], now),
    () => getCompliance(db, input, now),
    now.getTime(),
  );
}

/** Reports whose deadline has passed without a submission, over every active regime (the Office's reminder). */
export async function countOverdueSubmissions(db: Db, now = new Date()) {
  const templates = await db
    .select({
      id: reportTemplates.id,
      code: reportTemplates.code,
      nameVi: reportTemplates.nameVi,
      nameEn: reportTemplates.nameEn,
    })
    .from(reportTemplates)
    // One entry per regime: its compliance covers all its versions.
    .where(and(eq(reportTemplates.active, true), isNull(reportTemplates.lastPeriod)));
  const perTemplate = await Promise.all(
    templates.map(async (t) => ({
      ...t,
      missing: (await getCompliance(db, { templateId: t.id }, now)).totals.missing,
    })),
  );
  return { total: perTemplate.reduce((sum, t) => sum + t.missing, 0), perTemplate, asOf: now };
}
