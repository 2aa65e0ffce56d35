import { FLAG_DAYS } from './forecast';
import { addWorkingDays, isWorkingDay, type WorkingCalendar } from './reporting-periods';
import { shiftDate } from './time';

/**
 * Escalation rules (issue 16, point 3; docs/decisions/0023-escalation-rules.md, 0026): what the
 * administrator configures, and the pure date rules the scheduled job and the pages share. Three rules
 * colour an open task (yellow, red: its escalation level): half the time gone with low progress, the
 * early warning's forecast (shared/forecast.ts), overdue. Three act once per task and deadline (an
 * explanation request opened automatically with the agency's leader notified, for an overdue or an
 * at-risk task; then the Office notified); two once per missed periodic report (agency × template ×
 * period): a request, then the Office.
 */
export const ESCALATION_RULE_KINDS = [
  'half_time_low_progress',
  'likely_late',
  'overdue',
  'explanation_after_overdue',
  'office_after_explanation',
  'explanation_when_likely_late',
  'explanation_after_missed_report',
  'office_after_missed_report',
] as const;
export type EscalationRuleKind = (typeof ESCALATION_RULE_KINDS)[number];

/** What a rule is about: tasks, or periodic reports (the administrator's page groups them so). */
export const ESCALATION_RULE_SUBJECT: Record<EscalationRuleKind, 'task' | 'report'> = {
  half_time_low_progress: 'task',
  likely_late: 'task',
  overdue: 'task',
  explanation_after_overdue: 'task',
  office_after_explanation: 'task',
  explanation_when_likely_late: 'task',
  explanation_after_missed_report: 'report',
  office_after_missed_report: 'report',
};

export const ESCALATION_LEVELS = ['yellow', 'red'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/**
 * The actions a rule takes once per task and deadline (`at_risk`: a request about a task the forecast
 * flags, before its deadline), or once per missed report (`explanation`, `office`).
 */
export const ESCALATION_STEP_KINDS = ['explanation', 'office', 'at_risk'] as const;
export type EscalationStepKind = (typeof ESCALATION_STEP_KINDS)[number];

export interface EscalationRuleParams {
  half_time_low_progress: { elapsedPercent: number; progressBelow: number };
  /** Yellow when the forecast puts completion `minDaysLate` or more days after the deadline, or not moving. */
  likely_late: { minDaysLate: number };
  overdue: Record<string, never>;
  explanation_after_overdue: { workingDays: number; answerWorkingDays: number };
  office_after_explanation: { moreWorkingDays: number };
  /** A request for a task the forecast flags (with likely_late's threshold), before its deadline. */
  explanation_when_likely_late: { answerWorkingDays: number };
  /** A request for a report still not sent `workingDays` working days after its deadline. */
  explanation_after_missed_report: { workingDays: number; answerWorkingDays: number };
  /** The Office told when the report is still missing, unexplained, `moreWorkingDays` after that. */
  office_after_missed_report: { moreWorkingDays: number };
}

export type EscalationRuleSettings = {
  [K in EscalationRuleKind]: { kind: K; enabled: boolean; params: EscalationRuleParams[K] };
}[EscalationRuleKind];

/**
 * What holds before the administrator changes anything: the colours on (they only show what the dates
 * and progress already say), the actions off (switching them on opens requests and notifies people).
 */
export const DEFAULT_ESCALATION_RULES: {
  [K in EscalationRuleKind]: { enabled: boolean; params: EscalationRuleParams[K] };
} = {
  half_time_low_progress: { enabled: true, params: { elapsedPercent: 50, progressBelow: 50 } },
  // A forecast, not a fact (ADR 0025: 88 % of its flags right on the generated histories): colouring
  // tasks by it is the administrator's choice, as the actions are.
  likely_late: { enabled: false, params: { minDaysLate: FLAG_DAYS } },
  overdue: { enabled: true, params: {} },
  explanation_after_overdue: { enabled: false, params: { workingDays: 5, answerWorkingDays: 5 } },
  office_after_explanation: { enabled: false, params: { moreWorkingDays: 5 } },
  explanation_when_likely_late: { enabled: false, params: { answerWorkingDays: 5 } },
  explanation_after_missed_report: { enabled: false, params: { workingDays: 5, answerWorkingDays: 5 } },
  office_after_missed_report: { enabled: false, params: { moreWorkingDays: 5 } },
};

export const MAX_ESCALATION_WORKING_DAYS = 60;
/** The most days late the forecast's threshold may ask for. */
export const MAX_LIKELY_LATE_DAYS = 365;

/**
 * The latest deadline overdue for at least `workingDays` working days today: a task whose deadline
 * is on or before it has been overdue that long. A task is overdue from the day after its deadline,
 * and the step falls due on the `workingDays`-th working day after the deadline
 * (`addWorkingDays(deadline, n) <= today`), which grows with the deadline: one date stands for every
 * task, so the job compares a column with it instead of counting days per task.
 */
export function overdueCutoff(today: string, workingDays: number, calendar: WorkingCalendar): string {
  // The n-th working day after d is at least d + n days: start there and walk back.
  let deadline = shiftDate(today, -workingDays);
  while (addWorkingDays(deadline, workingDays, calendar) > today) deadline = shiftDate(deadline, -1);
  return deadline;
}

/** Working days a task has been overdue today: the working days after its deadline, up to today. */
export function workingDaysOverdue(deadline: string, today: string, calendar: WorkingCalendar): number {
  let count = 0;
  for (let day = shiftDate(deadline, 1); day <= today; day = shiftDate(day, 1)) {
    if (isWorkingDay(day, calendar)) count++;
  }
  return count;
}
