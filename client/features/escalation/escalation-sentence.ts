import type { TFunction } from 'i18next';
import type { ReportEscalation, TaskEscalation } from '../../../shared/schemas/escalation';
import { formatDate } from '../../lib/format';

type Facts = TaskEscalation['facts'];

const num = (facts: Facts, name: string) => {
  const value = facts[name];
  return typeof value === 'number' ? value : Number(value ?? Number.NaN);
};
const day = (facts: Facts, name: string) => {
  const value = facts[name];
  return typeof value === 'string' ? formatDate(value) : '';
};

/**
 * Why a task is yellow or red, in the reader's language, from what the job recorded: since when, and
 * the figures the rule fired on ("Đỏ từ 03/12/2026 vì quá hạn 5 ngày làm việc (hạn 02/12/2026)").
 * null when the task has no level.
 */
export function escalationSentence(
  escalation: Pick<TaskEscalation, 'level' | 'since' | 'facts' | 'workingDaysOverdue'> &
    Partial<Pick<TaskEscalation, 'rule'>>,
  t: TFunction,
): string | null {
  const { level, since, facts } = escalation;
  if (!level || !since) return null;
  if (escalation.rule === 'likely_late') {
    const values = {
      since: formatDate(since),
      deadline: day(facts, 'deadline'),
      expectedOn: day(facts, 'expectedOn'),
    };
    // The forecast's figures are for those who may read the task's progress: others read the deadline.
    if (!('method' in facts)) return t('taskEscalation.likelyLateHidden', values);
    const late = facts.lateByDays;
    return typeof late === 'number'
      ? t('taskEscalation.likelyLate', { ...values, count: late })
      : t('taskEscalation.likelyLateNotMoving', values);
  }
  if (level === 'red') {
    const count = escalation.workingDaysOverdue ?? 0;
    const values = { since: formatDate(since), deadline: day(facts, 'deadline') };
    // Overdue since today, a day off, or a weekend: no working day has passed yet.
    return count > 0 ? t('taskEscalation.red', { ...values, count }) : t('taskEscalation.redToday', values);
  }
  return t('taskEscalation.yellow', {
    since: formatDate(since),
    elapsed: num(facts, 'elapsedPercent'),
    startedOn: day(facts, 'startedOn'),
    deadline: day(facts, 'deadline'),
    percent: num(facts, 'percent'),
    below: num(facts, 'progressBelow'),
  });
}

/** One step the rules took on the task, in words. */
export function escalationStepSentence(step: TaskEscalation['steps'][number], t: TFunction): string {
  const values = { at: formatDate(step.takenAt), workingDays: num(step.facts, 'workingDays') };
  if (step.kind === 'office') return t('taskEscalation.steps.office', values);
  if (step.kind === 'at_risk') {
    if (step.facts.skipped) return t('taskEscalation.steps.atRiskSkipped', values);
    const late = step.facts.lateByDays;
    return typeof late === 'number'
      ? t('taskEscalation.steps.atRisk', { ...values, count: late })
      : t('taskEscalation.steps.atRiskNotMoving', values);
  }
  return step.facts.skipped
    ? t('taskEscalation.steps.explanationSkipped', values)
    : t('taskEscalation.steps.explanation', values);
}

/** One step the rules took on a missed report ("Yêu cầu giải trình tự động ngày … vì …"). */
export function reportEscalationStepSentence(step: ReportEscalation['steps'][number], t: TFunction): string {
  const values = {
    at: formatDate(step.takenAt),
    workingDays: num(step.facts, 'workingDays'),
    deadline: day(step.facts, 'deadline'),
  };
  if (step.kind === 'office') return t('reportEscalation.office', values);
  return step.facts.skipped
    ? t('reportEscalation.explanationSkipped', values)
    : t('reportEscalation.explanation', values);
}
