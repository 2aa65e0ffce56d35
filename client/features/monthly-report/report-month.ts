import { previousMonth } from '../../../shared/reporting-periods';
import { vietnamDate } from '../../../shared/vietnam-date';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isReportMonth(value: string | null): value is string {
  return value !== null && MONTH.test(value);
}

/** The month a report is usually wanted for: the one before this month in Vietnam. */
export function defaultReportMonth(now = new Date()): string {
  return previousMonth(vietnamDate(now));
}
