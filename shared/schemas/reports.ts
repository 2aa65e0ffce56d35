import { z } from 'zod';
import { AGENCY_LEVELS } from '../agencies';
import { FIELD_TYPES } from '../report-values';
import { PERIOD_TYPES } from '../reporting-periods';
import { completionRates } from '../task-status';
import { auditSummary } from './audit';
import { calendarDate } from './dates';
import { positiveId } from './ids';
import { signingQuery } from './signing';
import {
  explanationsInput,
  ruleIssueOutput,
  systemSourceSchema,
  validationRuleOutput,
} from './validation-rules';

const periodKey = z.string().regex(/^\d{4}-(M(0[1-9]|1[0-2])|Q[1-4]|H1|9M|Y)$/, 'invalidPeriod');
const values = z.record(z.string().max(100), z.union([z.number(), z.string().max(5000), z.null()]));

export const saveDraftInput = z.object({
  templateId: positiveId(),
  periodKey,
  values,
  /** Written explanations of warnings, by issue code; absent keeps the ones saved before. */
  explanations: explanationsInput.optional(),
  /** The submission's version the form was loaded with; absent for a first save. */
  version: positiveId().optional(),
});

export const submissionActionInput = z.object({
  id: positiveId(),
  version: positiveId(),
});

export const submissionDecisionInput = submissionActionInput
  .extend({
    decision: z.enum(['accept', 'return']),
    comment: z.string().trim().max(2000, 'tooLong').default(''),
  })
  .refine((v) => v.decision !== 'return' || v.comment.length > 0, {
    message: 'commentRequired',
    path: ['comment'],
  });

/** The province sends the Office its computed figure of one regime's period (province chain). */
export const sendUpInput = z.object({ templateId: positiveId(), periodKey });
export const sendUpOutput = z.object({
  id: z.number(),
  version: z.number(),
  revision: z.number(),
  accepted: z.number(),
  expected: z.number(),
});

export const reopenSubmissionInput = submissionActionInput.extend({
  reason: z.string().trim().min(1, 'required').max(2000, 'tooLong'),
});

export const complianceInput = z.object({
  templateId: positiveId(),
  /** Periods whose cut-off falls from this date on (default: the template's first period). */
  from: calendarDate().optional(),
  level: z.enum(AGENCY_LEVELS).optional(),
});
export type ComplianceInput = z.input<typeof complianceInput>;

export { periodKey };

export const submissionIdInput = z.object({ id: positiveId() });
export const newSubmissionFormInput = z.object({ templateId: positiveId(), periodKey });

export const SUBMISSION_STATES = ['draft', 'submitted', 'approved', 'accepted', 'returned'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];
const submissionState = z.enum(SUBMISSION_STATES);
const periodType = z.enum(PERIOD_TYPES);

/** What the procedures return. Plain shapes (no transforms): they are checked on every response. */
export const templateFieldOutput = z.object({
  code: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  unit: z.string().nullable(),
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  kpiCode: z.string().nullable(),
  kpiRole: z.enum(['numerator', 'denominator']).nullable(),
  systemSource: systemSourceSchema.nullable(),
});

const templateHeader = z.object({
  id: z.number(),
  code: z.string(),
  version: z.number(),
  nameVi: z.string(),
  nameEn: z.string(),
  periodType,
});

/** The regimes in force, current version of each. */
export const activeTemplatesOutput = z.array(templateHeader.extend({ firstPeriod: z.string() }));

export const mySubmissionsOutput = z.array(
  z.object({
    templateId: z.number(),
    templateCode: z.string(),
    templateNameVi: z.string(),
    templateNameEn: z.string(),
    periodKey: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    deadline: z.string(),
    submissionId: z.number().nullable(),
    version: z.number().nullable(),
    state: z.enum([...SUBMISSION_STATES, 'missing']),
    overdue: z.boolean(),
    dueSoon: z.boolean(),
  }),
);

export const overdueCountOutput = z.object({
  total: z.number(),
  perTemplate: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      missing: z.number(),
    }),
  ),
  asOf: z.date(),
});

const reportValues = z.record(z.string(), z.union([z.number(), z.string(), z.null()]));

/**
 * What the form and the reviewers check the figures with: the version's rules (the derived ones are
 * applied by `evaluateRules` itself), the system's figures for the fields it holds, and the agency's
 * latest accepted earlier periods of the same regime (newest first, up to three; the first is the one
 * deviations are measured from).
 */
const ruleChecks = {
  rules: z.array(validationRuleOutput),
  systemValues: z.record(z.string(), z.number()),
  previousPeriods: z.array(z.object({ periodKey: z.string(), values: reportValues })),
};

/** The names of the KPIs the template's fields feed: the form groups each KPI's fields under its name. */
const kpiNames = z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() }));
export type KpiNames = z.infer<typeof kpiNames>;

export const newSubmissionFormOutput = z.object({
  template: templateHeader,
  fields: z.array(templateFieldOutput),
  kpis: kpiNames,
  ...ruleChecks,
  period: z.object({ key: z.string(), start: z.string(), end: z.string() }),
  deadline: z.string(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  submissionId: z.number().nullable(),
  canEdit: z.boolean(),
});

export const submissionOutput = z.object({
  submission: z.object({
    id: z.number(),
    templateId: z.number(),
    agencyId: z.number(),
    agencyNameVi: z.string(),
    agencyNameEn: z.string(),
    periodKey: z.string(),
    periodEnd: z.string(),
    deadline: z.string(),
    state: submissionState,
    currentRevision: z.number(),
    firstSubmittedAt: z.date().nullable(),
    acceptedAt: z.date().nullable(),
    version: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
  }),
  template: templateHeader,
  fields: z.array(templateFieldOutput),
  kpis: kpiNames,
  ...ruleChecks,
  revisions: z.array(
    z.object({
      revision: z.number(),
      values: reportValues,
      explanations: z.record(z.string(), z.string()),
      authorName: z.string().nullable(),
      savedAt: z.date(),
      submittedAt: z.date().nullable(),
      approverName: z.string().nullable(),
      approvedAt: z.date().nullable(),
      reviewerName: z.string().nullable(),
      reviewedAt: z.date().nullable(),
      reviewOutcome: z.string().nullable(),
      reviewComment: z.string().nullable(),
      /** A computed province figure: the communes' accepted reports it sums, of how many, as of when. */
      coverage: z.object({ accepted: z.number(), expected: z.number(), asOf: z.string() }).nullable(),
    }),
  ),
  audit: z.array(auditSummary),
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canApprove: z.boolean(),
  canReview: z.boolean(),
  canReopen: z.boolean(),
  /** The deciding province's officer may accept or return this commune's report (province chain). */
  canProvinceReview: z.boolean(),
  /** A commune's report decided by its province: the Office reads it but neither decides nor follows it up. */
  decidedByProvince: z.boolean(),
  /** The Office's view of a report its agency's leader has not signed off yet: nothing to decide. */
  awaitingApproval: z.boolean(),
});

/**
 * A compliance cell's timeliness: submitted on time or late (first submission by the end of the
 * deadline day), missing, not yet due, or submitted for a period not yet due ('early': counted once
 * the period falls due).
 */
export const CELL_STATES = ['on_time', 'late', 'missing', 'pending', 'early'] as const;
export type CellState = (typeof CELL_STATES)[number];

/**
 * Where the cell's report stands in the workflow (null: no report started): being drafted, sent back
 * and being corrected, awaiting the agency leader's approval, awaiting the Office's acceptance,
 * returned by the Office, or accepted.
 */
export const CELL_STAGES = [
  'drafting',
  'correcting',
  'awaiting_approval',
  'awaiting_acceptance',
  'returned',
  'accepted',
] as const;
export type CellStage = (typeof CELL_STAGES)[number];

const complianceSummary = {
  expected: z.number(),
  submitted: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  completeness: z.number().nullable(),
  timeliness: z.number().nullable(),
};

export const complianceOutput = z.object({
  template: templateHeader.omit({ version: true }),
  periods: z.array(
    z.object({
      key: z.string(),
      start: z.string(),
      end: z.string(),
      deadline: z.string(),
      due: z.boolean(),
      deadlineEnd: z.string(),
      templateId: z.number(),
      templateVersion: z.number(),
    }),
  ),
  agencies: z.array(
    z.object({
      agencyId: z.number(),
      nameVi: z.string(),
      nameEn: z.string(),
      level: z.string(),
      cells: z.record(
        z.string(),
        z.object({
          state: z.enum(CELL_STATES),
          stage: z.enum(CELL_STAGES).nullable(),
          submissionId: z.number().nullable(),
        }),
      ),
      ...complianceSummary,
    }),
  ),
  totals: z.object(complianceSummary),
  asOf: z.date(),
});
export type ComplianceReport = z.infer<typeof complianceOutput>;

/** A draft is saved whatever its rules say; the issues come back for the form to show. */
export const saveDraftOutput = z.object({
  id: z.number(),
  version: z.number(),
  revision: z.number(),
  issues: z.array(ruleIssueOutput),
});
export const submissionWriteOutput = z.object({ id: z.number(), version: z.number() });
export const submissionDecisionOutput = submissionWriteOutput.extend({ state: submissionState });

const monthlyFigures = {
  assigned: z.number(),
  assignedInPeriod: z.number(),
  completedOnTime: z.number(),
  completedLate: z.number(),
  completedInPeriodOnTime: z.number(),
  completedInPeriodLate: z.number(),
  inProgress: z.number(),
  overdue: z.number(),
  noDeadline: z.number(),
  withdrawn: z.number(),
  ofDue: z.number().nullable(),
  ofAssigned: z.number().nullable(),
  /**
   * Accountability (issue 16): overdue tasks with no explanation accepted by the cut-off; reminders
   * sent and explanation requests opened in the period. Null in a report frozen before they were kept.
   */
  overdueUnexplained: z.number().nullable(),
  remindersInPeriod: z.number().nullable(),
  explanationsInPeriod: z.number().nullable(),
  /**
   * The same for periodic reports (the three above count tasks only): reports late or missing at the
   * cut-off (by the compliance rule, over every active regime) with no explanation accepted by then;
   * report reminders sent and report explanation requests opened in the period. The month's totals
   * count every obliged agency; an agency's row exists when it has tasks. Null in a report frozen
   * before they were kept.
   */
  reportsUnexplained: z.number().nullable(),
  reportRemindersInPeriod: z.number().nullable(),
  reportExplanationsInPeriod: z.number().nullable(),
};

/**
 * Where a monthly report's figures come from: `live`, the running month as the records stand now;
 * `history`, a closed month recomputed from the task history as it stood at its cut-off (not yet
 * frozen); `frozen`, a closed month as the freeze job stored it.
 */
export const MONTHLY_REPORT_SOURCES = ['live', 'history', 'frozen'] as const;
export type MonthlyReportSource = (typeof MONTHLY_REPORT_SOURCES)[number];

const monthlyHeader = {
  month: z.string(),
  periodStart: z.string(),
  cutoff: z.string(),
  frozen: z.boolean(),
  frozenAt: z.date().nullable(),
  /** The instant the figures describe: the end of the cut-off day once closed, else the time of reading. */
  asOf: z.date(),
  source: z.enum(MONTHLY_REPORT_SOURCES),
  totals: z.object(monthlyFigures),
};
const monthlyAgency = {
  agencyId: z.number(),
  nameVi: z.string(),
  nameEn: z.string(),
  level: z.enum(AGENCY_LEVELS),
};

/** The monthly monitoring report: the task picture at the month's Decree 09 cut-off, a row per agency. */
export const monthlyReportSchema = z.object({
  ...monthlyHeader,
  byAgency: z.array(z.object({ ...monthlyFigures, ...monthlyAgency })),
});
export type MonthlyReport = z.infer<typeof monthlyReportSchema>;
export type MonthlyAgencyRow = MonthlyReport['byAgency'][number];

/** The per-agency fields the API sends, a column each; the rates are computed back from the counts. */
const MONTHLY_COLUMNS = [
  'agencyId',
  'nameVi',
  'nameEn',
  'level',
  'assigned',
  'assignedInPeriod',
  'completedOnTime',
  'completedLate',
  'completedInPeriodOnTime',
  'completedInPeriodLate',
  'inProgress',
  'overdue',
  'noDeadline',
  'withdrawn',
  'overdueUnexplained',
  'remindersInPeriod',
  'explanationsInPeriod',
  'reportsUnexplained',
  'reportRemindersInPeriod',
  'reportExplanationsInPeriod',
] as const satisfies readonly (keyof MonthlyAgencyRow)[];
type MonthlyColumn = (typeof MONTHLY_COLUMNS)[number];

/**
 * What `reports.monthly` sends: the same report with its per-agency rows as columns (one array per
 * field) and without the per-agency rates, which the page computes from the counts by the same rule
 * (`completionRates`, exactly the same numbers): a quarter of the JSON of the rows at national scale
 * (3,300 agencies with tasks, mostly communes), so far less encoding and decoding on both sides
 * (README, Performance: the as-of report). `monthlyReportToColumns` and `monthlyReportFromColumns` convert.
 */
export const monthlyReportOutput = z.object({
  ...monthlyHeader,
  byAgency: z.object({
    agencyId: z.array(monthlyAgency.agencyId),
    nameVi: z.array(monthlyAgency.nameVi),
    nameEn: z.array(monthlyAgency.nameEn),
    level: z.array(monthlyAgency.level),
    assigned: z.array(monthlyFigures.assigned),
    assignedInPeriod: z.array(monthlyFigures.assignedInPeriod),
    completedOnTime: z.array(monthlyFigures.completedOnTime),
    completedLate: z.array(monthlyFigures.completedLate),
    completedInPeriodOnTime: z.array(monthlyFigures.completedInPeriodOnTime),
    completedInPeriodLate: z.array(monthlyFigures.completedInPeriodLate),
    inProgress: z.array(monthlyFigures.inProgress),
    overdue: z.array(monthlyFigures.overdue),
    noDeadline: z.array(monthlyFigures.noDeadline),
    withdrawn: z.array(monthlyFigures.withdrawn),
    overdueUnexplained: z.array(monthlyFigures.overdueUnexplained),
    remindersInPeriod: z.array(monthlyFigures.remindersInPeriod),
    explanationsInPeriod: z.array(monthlyFigures.explanationsInPeriod),
    reportsUnexplained: z.array(monthlyFigures.reportsUnexplained),
    reportRemindersInPeriod: z.array(monthlyFigures.reportRemindersInPeriod),
    reportExplanationsInPeriod: z.array(monthlyFigures.reportExplanationsInPeriod),
  } satisfies { [K in MonthlyColumn]: z.ZodArray<z.ZodType<MonthlyAgencyRow[K]>> }),
});
export type MonthlyReportColumns = z.infer<typeof monthlyReportOutput>;

export function monthlyReportToColumns(report: MonthlyReport): MonthlyReportColumns {
  const byAgency = Object.fromEntries(
    MONTHLY_COLUMNS.map((key) => [key, report.byAgency.map((row) => row[key])]),
  ) as MonthlyReportColumns['byAgency'];
  return { ...report, byAgency };
}

export function monthlyReportFromColumns(report: MonthlyReportColumns): MonthlyReport {
  const c = report.byAgency;
  const byAgency = new Array<MonthlyAgencyRow>(c.agencyId.length);
  // A plain loop and one object literal per row: this runs on the page for every agency.
  const at = <T>(column: T[], i: number) => column[i] as T;
  for (let i = 0; i < byAgency.length; i++) {
    const counts = {
      completed_on_time: at(c.completedOnTime, i),
      completed_late: at(c.completedLate, i),
      in_progress: at(c.inProgress, i),
      overdue: at(c.overdue, i),
      no_deadline: at(c.noDeadline, i),
      withdrawn: at(c.withdrawn, i),
    };
    const rates = completionRates(counts);
    byAgency[i] = {
      agencyId: at(c.agencyId, i),
      nameVi: at(c.nameVi, i),
      nameEn: at(c.nameEn, i),
      level: at(c.level, i),
      assigned: at(c.assigned, i),
      assignedInPeriod: at(c.assignedInPeriod, i),
      completedOnTime: counts.completed_on_time,
      completedLate: counts.completed_late,
      completedInPeriodOnTime: at(c.completedInPeriodOnTime, i),
      completedInPeriodLate: at(c.completedInPeriodLate, i),
      inProgress: counts.in_progress,
      overdue: counts.overdue,
      noDeadline: counts.no_deadline,
      withdrawn: counts.withdrawn,
      ofDue: rates.ofDue,
      ofAssigned: rates.ofAssigned,
      overdueUnexplained: at(c.overdueUnexplained, i),
      remindersInPeriod: at(c.remindersInPeriod, i),
      explanationsInPeriod: at(c.explanationsInPeriod, i),
      reportsUnexplained: at(c.reportsUnexplained, i),
      reportRemindersInPeriod: at(c.reportRemindersInPeriod, i),
      reportExplanationsInPeriod: at(c.reportExplanationsInPeriod, i),
    };
  }
  return { ...report, byAgency };
}

/** The monthly report's PDF (`GET /export/monthly.pdf`): its month and the signing details. */
export const monthlyPdfQuery = signingQuery.extend({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalidMonth'),
});

/**
 * What chooses the compliance figures in a download (`/export/compliance.csv|xlsx|pdf`): the procedure's
 * input (`complianceInput`), its id read from the address.
 */
export const complianceExportQuery = z.object({
  templateId: z.coerce.number().pipe(positiveId()),
  level: z.enum(AGENCY_LEVELS).optional(),
});

/** The compliance report's PDF (`GET /export/compliance.pdf`): the export's figures and the signing details. */
export const compliancePdfQuery = signingQuery.extend(complianceExportQuery.shape);

const figureField = z.object({
  code: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  unit: z.string().nullable(),
  type: z.enum(FIELD_TYPES),
});

/** The province's page of its communes' reports: what waits for its decision, and its computed figures. */
export const provinceApprovalsOutput = z.object({
  provinceId: z.number(),
  pending: z.array(
    z.object({
      id: z.number(),
      version: z.number(),
      templateId: z.number(),
      templateCode: z.string(),
      templateNameVi: z.string(),
      templateNameEn: z.string(),
      agencyId: z.number(),
      agencyNameVi: z.string(),
      agencyNameEn: z.string(),
      periodKey: z.string(),
      deadline: z.string(),
      firstSubmittedAt: z.date().nullable(),
      revision: z.number(),
    }),
  ),
  figures: z.array(
    z.object({
      templateId: z.number(),
      templateCode: z.string(),
      templateNameVi: z.string(),
      templateNameEn: z.string(),
      periodKey: z.string(),
      periodEnd: z.string(),
      fields: z.array(figureField),
      values: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
      accepted: z.number(),
      expected: z.number(),
      sent: z.number(),
      /** The communes' compliance for the period (once its deadline has passed; else expected is 0). */
      communes: z.object({
        expected: z.number(),
        onTime: z.number(),
        late: z.number(),
        missing: z.number(),
        completeness: z.number().nullable(),
        timeliness: z.number().nullable(),
      }),
      own: z.object({ id: z.number(), state: z.enum(SUBMISSION_STATES), version: z.number() }).nullable(),
    }),
  ),
  /** Its officer decides and sends up; its leader reads here and signs off the sent figure. */
  canDecide: z.boolean(),
  asOf: z.date(),
});
