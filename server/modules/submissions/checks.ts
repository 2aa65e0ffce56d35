import { and, desc, eq, lt } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { TemplateField } from '../../../shared/report-values';
import { cutoffMonth } from '../../../shared/reporting-periods';
import {
  blockingIssues,
  contextNeeded,
  evaluateRules,
  explanationsFor,
  type RuleContext,
  type RuleIssue,
  systemFigure,
  type TaskCountsAtCutoff,
  type ValidationRule,
} from '../../../shared/validation-rules';
import type { Db } from '../../db/client';
import { reportTemplates, submissionRevisions, submissions } from '../../db/schema';
import { getMonthlyReport } from '../reports/monthly';
import type { TemplateRow } from '../templates/queries';
import { currentRevisionOf } from './current-revision';

/** Which agency's period of which version the figures are for. */
export interface CheckedPeriod {
  template: Pick<TemplateRow, 'code' | 'validationRules'>;
  fields: readonly TemplateField[];
  agencyId: number;
  periodEnd: string;
}

type Values = Record<string, number | string | null>;

/** How many earlier accepted periods reviewers see beside the figures. */
export const PREVIOUS_PERIODS_SHOWN = 3;

/**
 * The agency's latest accepted earlier periods of the same regime (any version of its code), newest
 * first, with the accepted revision's values. The first is what deviations are measured from.
 */
export async function previousAcceptedPeriods(
  db: Db,
  p: Pick<CheckedPeriod, 'template' | 'agencyId' | 'periodEnd'>,
  limit = PREVIOUS_PERIODS_SHOWN,
): Promise<{ periodKey: string; values: Values }[]> {
  return db
    .select({ periodKey: submissions.periodKey, values: submissionRevisions.values })
    .from(submissions)
    .innerJoin(reportTemplates, eq(reportTemplates.id, submissions.templateId))
    .innerJoin(submissionRevisions, currentRevisionOf)
    .where(
      and(
        eq(submissions.agencyId, p.agencyId),
        eq(submissions.state, 'accepted'),
        lt(submissions.periodEnd, p.periodEnd),
        eq(reportTemplates.code, p.template.code),
      ),
    )
    .orderBy(desc(submissions.periodEnd))
    .limit(limit);
}

const NO_TASKS: TaskCountsAtCutoff = {
  assigned: 0,
  completedOnTime: 0,
  completedLate: 0,
  inProgress: 0,
  overdue: 0,
  noDeadline: 0,
};

/**
 * The figures the system holds for the fields that have a system source: the agency's row of the
 * monthly monitoring report frozen at the period's cut-off (live until the cut-off passes). An agency
 * without tasks holds 0 of each.
 */
export async function systemValuesFor(
  db: Db,
  p: Pick<CheckedPeriod, 'fields' | 'agencyId' | 'periodEnd'>,
  now = new Date(),
): Promise<Record<string, number>> {
  const sourced = p.fields.filter((f) => f.systemSource && f.type !== 'text');
  if (sourced.length === 0) return {};
  const report = await getMonthlyReport(db, cutoffMonth({ end: p.periodEnd }), now);
  const counts = report.byAgency.find((r) => r.agencyId === p.agencyId) ?? NO_TASKS;
  const values: Record<string, number> = {};
  for (const field of sourced)
    if (field.systemSource) values[field.code] = systemFigure(field.systemSource, counts);
  return values;
}

/** What a form and a reviewer check the figures with (`ruleChecks` in shared/schemas/reports.ts). */
export async function ruleChecksFor(db: Db, p: CheckedPeriod, now = new Date()) {
  const previousPeriods = await previousAcceptedPeriods(db, p);
  const systemValues = await systemValuesFor(db, p, now);
  return { rules: p.template.validationRules, systemValues, previousPeriods };
}

/** The rules' context, read only when a filled field needs it (a draft's autosave stays cheap). */
async function contextFor(db: Db, p: CheckedPeriod, values: Values, now: Date): Promise<RuleContext> {
  const need = contextNeeded(p.fields, p.template.validationRules, values);
  const [previous] = need.previous ? await previousAcceptedPeriods(db, p, 1) : [];
  return {
    previousValues: previous?.values ?? null,
    systemValues: need.system ? await systemValuesFor(db, p, now) : null,
  };
}

/** The issues the values raise for this agency's period. */
export async function issuesFor(db: Db, p: CheckedPeriod, values: Values, now = new Date()) {
  const rules: readonly ValidationRule[] = p.template.validationRules;
  return evaluateRules(p.fields, rules, values, await contextFor(db, p, values, now));
}

/**
 * Before figures go on (submit, the leader's approval, the Office's acceptance): refused while a rule
 * fails with an error or a warning has no written explanation, even for figures saved before the
 * rules existed. Returns the explanations that answer a raised warning (what the revision keeps).
 */
export async function assertRulesPass(
  db: Db,
  p: CheckedPeriod,
  values: Values,
  explanations: Readonly<Record<string, string>>,
  now = new Date(),
): Promise<Record<string, string>> {
  const issues = await issuesFor(db, p, values, now);
  const blocking = blockingIssues(issues, explanations);
  if (blocking.length > 0) throw rulesError(blocking);
  return explanationsFor(issues, explanations);
}

export function rulesError(blocking: readonly RuleIssue[]): AppError {
  return new AppError('VALIDATION', 'rules', {
    reason: 'rules',
    field: blocking[0]?.fields[0] ?? '',
    ruleIssues: blocking,
  });
}

/** Explanations as saved: trimmed, empty ones dropped. */
export function cleanExplanations(explanations: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(explanations)
      .map(([code, text]) => [code, text.trim()] as const)
      .filter(([, text]) => text !== ''),
  );
}
