import { z } from 'zod';
import {
  ESCALATION_LEVELS,
  ESCALATION_RULE_KINDS,
  ESCALATION_STEP_KINDS,
  MAX_ESCALATION_WORKING_DAYS,
  MAX_LIKELY_LATE_DAYS,
} from '../escalation';
import { MAX_ANSWER_WORKING_DAYS } from '../explanations';
import { reportObligationInput } from './accountability';
import { positiveId } from './ids';

/** Messages are keys the client translates (client/lib/i18n: validation.*). */
const whole = (min: number, max: number) =>
  z.number({ error: 'notANumber' }).int('notAnInteger').min(min, 'tooSmall').max(max, 'tooLarge');
const percent = whole(1, 100);
const workingDays = whole(1, MAX_ESCALATION_WORKING_DAYS);

/** The parameters of each rule, as the administrator's form and the procedure check them. */
const answerWorkingDays = whole(1, MAX_ANSWER_WORKING_DAYS);
export const escalationRuleParams = {
  half_time_low_progress: z.object({ elapsedPercent: percent, progressBelow: percent }),
  likely_late: z.object({ minDaysLate: whole(1, MAX_LIKELY_LATE_DAYS) }),
  overdue: z.object({}),
  explanation_after_overdue: z.object({ workingDays, answerWorkingDays }),
  office_after_explanation: z.object({ moreWorkingDays: workingDays }),
  explanation_when_likely_late: z.object({ answerWorkingDays }),
  explanation_after_missed_report: z.object({ workingDays, answerWorkingDays }),
  office_after_missed_report: z.object({ moreWorkingDays: workingDays }),
} as const;

/** The version the form read (0: the rule still has its default settings, never saved). */
const version = z.number().int().min(0).max(2_147_483_647);

/** One rule as the administrator saves it: switched on or off, with its parameters. */
const ruleInput = <K extends keyof typeof escalationRuleParams>(kind: K) =>
  z.object({ kind: z.literal(kind), enabled: z.boolean(), params: escalationRuleParams[kind], version });

export const updateEscalationRuleInput = z.discriminatedUnion('kind', [
  ruleInput('half_time_low_progress'),
  ruleInput('likely_late'),
  ruleInput('overdue'),
  ruleInput('explanation_after_overdue'),
  ruleInput('office_after_explanation'),
  ruleInput('explanation_when_likely_late'),
  ruleInput('explanation_after_missed_report'),
  ruleInput('office_after_missed_report'),
]);
export type UpdateEscalationRuleInput = z.input<typeof updateEscalationRuleInput>;
export type UpdateEscalationRule = z.output<typeof updateEscalationRuleInput>;

export const escalationRuleOutput = z.object({
  kind: z.enum(ESCALATION_RULE_KINDS),
  enabled: z.boolean(),
  params: z.record(z.string(), z.number()),
  version: z.number(),
  updatedAt: z.date().nullable(),
  updatedBy: z.string().nullable(),
});
export type EscalationRuleView = z.output<typeof escalationRuleOutput>;
export const escalationRulesOutput = z.array(escalationRuleOutput);

export const taskEscalationInput = z.object({ taskId: positiveId() });

/** The figures a rule fired on, as recorded then (dates YYYY-MM-DD, percentages whole). */
const facts = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

/** A task's escalation: its level, since when and why, and the actions taken for its deadline. */
export const taskEscalationOutput = z.object({
  level: z.enum(ESCALATION_LEVELS).nullable(),
  since: z.string().nullable(),
  rule: z.enum(ESCALATION_RULE_KINDS).nullable(),
  facts,
  /** Working days overdue today (red only), over the holiday calendar. */
  workingDaysOverdue: z.number().nullable(),
  /** Only for those who may read the task's explanation requests (oversight and the lead agency). */
  steps: z.array(
    z.object({
      kind: z.enum(ESCALATION_STEP_KINDS),
      deadline: z.string(),
      takenAt: z.date(),
      facts,
    }),
  ),
});
export type TaskEscalation = z.output<typeof taskEscalationOutput>;

/** One agency's report of a template version and period (the compliance page's opened cell). */
export const reportEscalationInput = reportObligationInput;

/** The actions the rules took on a missed report: the request opened, the Office told; newest first. */
export const reportEscalationOutput = z.object({
  steps: z.array(
    z.object({
      kind: z.enum(ESCALATION_STEP_KINDS),
      deadline: z.string(),
      takenAt: z.date(),
      facts,
    }),
  ),
});
export type ReportEscalation = z.output<typeof reportEscalationOutput>;
