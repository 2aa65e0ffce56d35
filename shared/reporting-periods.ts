import { shiftDate } from './calendar-date';

/**
 * Reporting periods under Decree 09/2019/NĐ-CP's data cut-off (Article 12), in Vietnam calendar dates:
 * - month M: 15th of the previous month → 14th of M;
 * - quarter Q: 15th of the month before the quarter → 14th of its last month;
 * - six months: 15 December of the previous year → 14 June;
 * - nine months: 15 December of the previous year → 14 September;
 * - year: 15 December of the previous year → 14 December.
 * The one home of this rule: the server's compliance SQL receives periods computed here.
 */
export const PERIOD_TYPES = ['month', 'quarter', 'half_year', 'nine_months', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export interface Period {
  type: PeriodType;
  year: number;
  /** Month 1–12, quarter 1–4, or 1 for the six-month, nine-month and yearly periods. */
  index: number;
  /** Stable identifier, e.g. 2026-M03, 2026-Q1, 2026-H1, 2026-9M, 2026-Y. */
  key: string;
  start: string;
  /** The data cut-off: the last day the period's figures cover. */
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The 15th of the month before (year, month) through the 14th of (year, endMonth). */
function range(year: number, firstMonth: number, lastMonth: number): { start: string; end: string } {
  const startYear = firstMonth === 1 ? year - 1 : year;
  const startMonth = firstMonth === 1 ? 12 : firstMonth - 1;
  return { start: `${startYear}-${pad(startMonth)}-15`, end: `${year}-${pad(lastMonth)}-14` };
}

export function periodOf(type: PeriodType, year: number, index = 1): Period {
  switch (type) {
    case 'month':
      if (index < 1 || index > 12) throw new RangeError('month index must be 1–12');
      return { type, year, index, key: `${year}-M${pad(index)}`, ...range(year, index, index) };
    case 'quarter':
      if (index < 1 || index > 4) throw new RangeError('quarter index must be 1–4');
      return { type, year, index, key: `${year}-Q${index}`, ...range(year, index * 3 - 2, index * 3) };
    case 'half_year':
      return { type, year, index: 1, key: `${year}-H1`, ...range(year, 1, 6) };
    case 'nine_months':
      return { type, year, index: 1, key: `${year}-9M`, ...range(year, 1, 9) };
    case 'year':
      return { type, year, index: 1, key: `${year}-Y`, ...range(year, 1, 12) };
  }
}

export function parsePeriodKey(key: string): Period {
  const m = /^(\d{4})-(M(\d{2})|Q([1-4])|H1|9M|Y)$/.exec(key);
  if (!m) throw new RangeError(`not a period key: ${key}`);
  const year = Number(m[1]);
  if (m[3]) return periodOf('month', year, Number(m[3]));
  if (m[4]) return periodOf('quarter', year, Number(m[4]));
  if (m[2] === 'H1') return periodOf('half_year', year);
  if (m[2] === '9M') return periodOf('nine_months', year);
  return periodOf('year', year);
}

/**
 * The month of the monthly monitoring report ('YYYY-MM') as its Decree 09 period: the 15th of the
 * previous month to the 14th (its cut-off, `end`).
 */
export function monthlyPeriod(month: string): Period {
  return periodOf('month', Number(month.slice(0, 4)), Number(month.slice(5, 7)));
}

/**
 * The month ('YYYY-MM') of the monthly monitoring report frozen at the same cut-off as the period: every
 * period ends on a 14th, the cut-off of that month (2026-M11 → 2026-11, 2026-Q4 → 2026-12).
 */
export function cutoffMonth(period: Pick<Period, 'end'>): string {
  return period.end.slice(0, 7);
}

/** The day after the cut-off: the month's figures are final once Vietnam's calendar reaches it. */
export function isPeriodClosed(month: string, today: string): boolean {
  return today > monthlyPeriod(month).end;
}

/** The calendar month ('YYYY-MM') before the one of `today`. */
export function previousMonth(today: string): string {
  return shiftDate(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}

/** The period of this type whose data range contains the date (for six/nine months: null outside it). */
export function periodContaining(type: PeriodType, date: string): Period | null {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  // From the 15th on, a date belongs to the next month's period (December 15 → next year's January).
  const shifted =
    day >= 15 ? (month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 }) : { y: year, m: month };
  switch (type) {
    case 'month':
      return periodOf('month', shifted.y, shifted.m);
    case 'quarter':
      return periodOf('quarter', shifted.y, Math.ceil(shifted.m / 3));
    case 'half_year':
      return shifted.m <= 6 ? periodOf('half_year', shifted.y) : null;
    case 'nine_months':
      return shifted.m <= 9 ? periodOf('nine_months', shifted.y) : null;
    case 'year':
      return periodOf('year', shifted.y);
  }
}

/** Every period of a type whose cut-off falls within [from, to], in order. */
export function periodsEndingBetween(type: PeriodType, from: string, to: string): Period[] {
  const result: Period[] = [];
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  const indexes = type === 'month' ? 12 : type === 'quarter' ? 4 : 1;
  for (let year = firstYear; year <= lastYear; year++) {
    for (let index = 1; index <= indexes; index++) {
      const period = periodOf(type, year, index);
      if (period.end >= from && period.end <= to) result.push(period);
    }
  }
  return result;
}

/**
 * How many periods `to` comes after `from` (both keys of the same period type; six-month, nine-month
 * and yearly periods count in years): 0 for the same period, 2 for 2026-Q1 → 2026-Q3. Null when the
 * types differ. The age of a figure carried forward from an earlier period.
 */
export function periodsBetween(from: string, to: string): number | null {
  const a = parsePeriodKey(from);
  const b = parsePeriodKey(to);
  if (a.type !== b.type) return null;
  const perYear = a.type === 'month' ? 12 : a.type === 'quarter' ? 4 : 1;
  return b.year * perYear + b.index - (a.year * perYear + a.index);
}

export type DeadlineRule =
  /** N working days after the cut-off (days off of the working calendar skipped). */
  | { kind: 'working_days_after_cutoff'; days: number }
  /**
   * A fixed day of a month, `monthsAfter` months after the cut-off's month (0 = the same month), moved
   * to the next working day when it falls on a day off.
   */
  | { kind: 'fixed_day'; day: number; monthsAfter: number };

/**
 * What a calendar entry makes of its day: a public holiday (Labour Code 2019, art. 112), a substitute
 * day off (a holiday that fell on a weekend, art. 111.3), an exchange day off the Government set, or a
 * make-up working day (a Saturday or Sunday worked in exchange).
 */
export const CALENDAR_DAY_KINDS = [
  'public_holiday',
  'substitute_day',
  'exchange_day',
  'makeup_workday',
] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** Whether an entry of this kind is a day off (every kind but a make-up working day). */
export function isDayOffKind(kind: CalendarDayKind): boolean {
  return kind !== 'makeup_workday';
}

/**
 * The working calendar deadlines are counted over: Saturdays and Sundays are off unless listed as
 * make-up working days; listed days off are off whatever the weekday.
 */
export interface WorkingCalendar {
  daysOff: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

/** The calendar of a list of entries (the administrator's, or the seed's). */
export function workingCalendar(entries: Iterable<{ date: string; kind: CalendarDayKind }>): WorkingCalendar {
  const daysOff = new Set<string>();
  const workdays = new Set<string>();
  for (const e of entries) (isDayOffKind(e.kind) ? daysOff : workdays).add(e.date);
  return { daysOff, workdays };
}

/** Saturday or Sunday. */
export function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * What a kind's day may be: a make-up working day is a Saturday or Sunday (a weekday is worked
 * anyway); a substitute or exchange day off is a weekday (a weekend is off anyway). A public holiday
 * may fall on any day: on a weekend it is the reason for a substitute day.
 */
export function calendarEntryProblem(
  date: string,
  kind: CalendarDayKind,
): 'makeupNotWeekend' | 'dayOffOnWeekend' | null {
  if (kind === 'makeup_workday' && !isWeekend(date)) return 'makeupNotWeekend';
  if ((kind === 'substitute_day' || kind === 'exchange_day') && isWeekend(date)) return 'dayOffOnWeekend';
  return null;
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.daysOff.has(date)) return false;
  return calendar.workdays.has(date) || !isWeekend(date);
}

export function addWorkingDays(date: string, days: number, calendar: WorkingCalendar): string {
  let current = date;
  let left = days;
  while (left > 0) {
    current = shiftDate(current, 1);
    if (isWorkingDay(current, calendar)) left--;
  }
  return current;
}

/** The date itself when it is a working day, else the next working day. */
export function onOrNextWorkingDay(date: string, calendar: WorkingCalendar): string {
  let current = date;
  while (!isWorkingDay(current, calendar)) current = shiftDate(current, 1);
  return current;
}

/**
 * The submission deadline of a period under a template's rule. A deadline that would fall on a day
 * off (a weekend not worked, a holiday, a substitute or exchange day) moves to the next working day.
 */
export function submissionDeadline(
  period: Pick<Period, 'end'>,
  rule: DeadlineRule,
  calendar: WorkingCalendar,
): string {
  if (rule.kind === 'working_days_after_cutoff') return addWorkingDays(period.end, rule.days, calendar);
  const year = Number(period.end.slice(0, 4));
  const month = Number(period.end.slice(5, 7)) + rule.monthsAfter;
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return onOrNextWorkingDay(`${y}-${pad(m)}-${pad(Math.min(rule.day, lastDay))}`, calendar);
}
