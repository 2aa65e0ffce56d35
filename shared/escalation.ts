import { addWorkingDays, isWorkingDay, type WorkingCalendar } from './reporting-periods';
import { shiftDate } from './time';

/**
 * Escalation rules (issue 16, point 3; docs/decisions/0023-escalation-rules.md): what the administrator
 * configures, and the pure date rules the scheduled job and the task page share. Two rules colour an
 * open task (yellow, red: its escalation level); two act once per overdue deadline (an explanation
 * request opened automatically with the agency's leader notified, then the Office notified).
 */
export const ESCALATION_RULE_KINDS = [
  'half_time_low_progress',
  'overdue',
  'explanation_after_overdue',
  'office_after_explanation',
] as const;
export type EscalationRuleKind = (typeof ESCALATION_RULE_KINDS)[number];

export const ESCALATION_LEVELS = ['yellow', 'red'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** The actions a rule takes once per task and overdue deadline. */
export const ESCALATION_STEP_KINDS = ['explanation', 'office'] as const;
export type EscalationStepKind = (typeof ESCALATION_STEP_KINDS)[number];

export interface EscalationRuleParams {
  half_time_low_progress: { elapsedPercent: number; progressBelow: number };
  overdue: Record<string, never>;
  explanation_after_overdue: { workingDays: number; answerWorkingDays: number };
  office_after_explanation: { moreWorkingDays: number };
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
  overdue: { enabled: true, params: {} },
  explanation_after_overdue: { enabled: false, params: { workingDays: 5, answerWorkingDays: 5 } },
  office_after_explanation: { enabled: false, params: { moreWorkingDays: 5 } },
};

export const MAX_ESCALATION_WORKING_DAYS = 60;

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
