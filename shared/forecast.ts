import { shiftDate } from './calendar-date';

/**
 * The early warning (issue 16, point 6): when an open task will likely be done, from its own progress
 * reports, or, where it has too few, from how long similar tasks took. One rule for the task page, the
 * server and the backtest (`npm run bench`, bench/early-warning.ts), which measured it.
 *
 * - **Own pace**: the lead agency's reported percentages, with the task's start as 0 %, give a pace
 *   (least squares over the reports of the last `RECENT_DAYS` days, the start included while it is
 *   within them); what is left, at that pace from today, is the likely completion. At least
 *   `MIN_REPORTS` reports over `MIN_SPAN_DAYS` days; no progress over the window means "not moving".
 * - **Similar tasks**: the median pace of tasks of the same group completed before today
 *   (100 % over the days from their start to their completion), from today for what is left.
 * A task is flagged when the likely completion is `FLAG_DAYS` or more days after its deadline.
 */
export const RECENT_DAYS = 90;
export const MIN_REPORTS = 2;
export const MIN_SPAN_DAYS = 14;
export const FLAG_DAYS = 7;
/** How many completed similar tasks a median needs to be told. */
export const MIN_SIMILAR = 5;

export interface ProgressPoint {
  /** The report's date in Vietnam (YYYY-MM-DD). */
  on: string;
  percent: number;
}

export type ForecastMethod = 'own' | 'similar' | 'none';

export interface Forecast {
  method: ForecastMethod;
  /** Likely completion (YYYY-MM-DD); null when not moving or nothing to go on. */
  expectedOn: string | null;
  /** Days after the deadline (negative: before); null without a deadline or an expected date. */
  lateByDays: number | null;
  /** Percentage points a week the forecast assumes. */
  pacePerWeek: number | null;
  /** Reports the own pace rests on, or completed similar tasks the median rests on. */
  basis: number;
  flagged: boolean;
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;

/** Percentage points a day: least squares through (day, percent). Null for fewer than two distinct days. */
function pace(points: readonly { day: number; percent: number }[]): number | null {
  const n = points.length;
  if (n < 2) return null;
  const meanDay = points.reduce((s, p) => s + p.day, 0) / n;
  const meanPercent = points.reduce((s, p) => s + p.percent, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const p of points) {
    covariance += (p.day - meanDay) * (p.percent - meanPercent);
    variance += (p.day - meanDay) ** 2;
  }
  return variance === 0 ? null : covariance / variance;
}

/** A completed task's pace (percentage points a day), as the similar-task median counts it. */
export function completedPace(startedOn: string, completedOn: string): number {
  return 100 / Math.max(1, dayNumber(completedOn) - dayNumber(startedOn));
}

/** The median of paces sorted ascending; null below `MIN_SIMILAR`. */
export function medianPace(sortedPaces: readonly number[]): number | null {
  const n = sortedPaces.length;
  if (n < MIN_SIMILAR) return null;
  const mid = Math.floor(n / 2);
  return n % 2
    ? (sortedPaces[mid] as number)
    : ((sortedPaces[mid - 1] as number) + (sortedPaces[mid] as number)) / 2;
}

export function forecastCompletion(input: {
  /** The lead agency's reports up to today, any order. */
  points: readonly ProgressPoint[];
  startedOn: string;
  deadline: string | null;
  today: string;
  /** The median pace of the task's group (`medianPace`) and how many tasks it rests on, if known. */
  similar: { pace: number; tasks: number } | null;
}): Forecast {
  const today = dayNumber(input.today);
  const reports = input.points
    .map((p) => ({ day: dayNumber(p.on), percent: p.percent }))
    .filter((p) => p.day <= today)
    .sort((a, b) => a.day - b.day);
  const current = reports.at(-1)?.percent ?? 0;
  const start = { day: dayNumber(input.startedOn), percent: 0 };
  const recent = [start, ...reports].filter((p) => p.day >= today - RECENT_DAYS);
  const span = reports.length ? (reports.at(-1)?.day ?? 0) - (reports[0]?.day ?? 0) : 0;
  const own = reports.length >= MIN_REPORTS && span >= MIN_SPAN_DAYS;
  const perDay = own
    ? pace(recent.length >= 2 ? recent : [start, ...reports])
    : (input.similar?.pace ?? null);
  const method: ForecastMethod = own ? 'own' : input.similar ? 'similar' : 'none';
  if (method === 'none') return result(method, null, null, 0);
  const basis = own ? reports.length : (input.similar?.tasks ?? 0);
  if (perDay === null || perDay <= 0) return result(method, null, null, basis);
  const expectedOn = shiftDate(input.today, Math.ceil((100 - current) / perDay));
  return result(method, expectedOn, perDay * 7, basis);

  function result(m: ForecastMethod, expected: string | null, perWeek: number | null, n: number): Forecast {
    const notMoving = m === 'own' && expected === null;
    const lateByDays = input.deadline && expected ? dayNumber(expected) - dayNumber(input.deadline) : null;
    return {
      method: m,
      expectedOn: expected,
      lateByDays,
      pacePerWeek: perWeek,
      basis: n,
      // Not moving with work left and a deadline: it will not be done by then at this pace.
      flagged:
        (lateByDays !== null && lateByDays >= FLAG_DAYS) ||
        (notMoving && input.deadline !== null && current < 100),
    };
  }
}
