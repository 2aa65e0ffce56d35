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

/**
 * The sums least squares rests on, over points (x: the day, counted from the forecast's day, so 0 is
 * today and the past is negative; y: the percent). Whole numbers, so their sums are exact whether
 * JavaScript or the database adds them (server/modules/tasks/forecast.ts sums them in SQL for every open
 * task at once), and the pace from them is the same number either way.
 */
export interface PaceSums {
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  sxy: number;
}

const NO_POINTS: PaceSums = { n: 0, sx: 0, sy: 0, sxx: 0, sxy: 0 };

function withPoint(s: PaceSums, x: number, y: number): PaceSums {
  return { n: s.n + 1, sx: s.sx + x, sy: s.sy + y, sxx: s.sxx + x * x, sxy: s.sxy + x * y };
}

/** Percentage points a day: the least-squares slope through the points. Null for fewer than two distinct days. */
export function paceFromSums(s: PaceSums): number | null {
  if (s.n < 2) return null;
  const variance = s.n * s.sxx - s.sx * s.sx;
  return variance === 0 ? null : (s.n * s.sxy - s.sx * s.sy) / variance;
}

/**
 * What the forecast needs of a task's lead reports made up to its day: how many, over how many days,
 * the latest percent, and the least-squares sums of those of the last `RECENT_DAYS` days and of all.
 */
export interface ProgressSummary {
  reports: number;
  /** Days from the first report to the last. */
  spanDays: number;
  /** The latest report's percent (0 without one). */
  current: number;
  /** Reports on or after the forecast's day minus `RECENT_DAYS` (x ≥ −RECENT_DAYS). */
  recent: PaceSums;
  all: PaceSums;
}

/** The summary of a task's reports as of `today` (reports after it are not known yet). */
export function summariseProgress(points: readonly ProgressPoint[], today: string): ProgressSummary {
  const day = dayNumber(today);
  const reports = points
    .map((p) => ({ x: dayNumber(p.on) - day, percent: p.percent }))
    .filter((p) => p.x <= 0)
    .sort((a, b) => a.x - b.x);
  let recent = NO_POINTS;
  let all = NO_POINTS;
  for (const p of reports) {
    all = withPoint(all, p.x, p.percent);
    if (p.x >= -RECENT_DAYS) recent = withPoint(recent, p.x, p.percent);
  }
  return {
    reports: reports.length,
    spanDays: reports.length ? (reports.at(-1)?.x ?? 0) - (reports[0]?.x ?? 0) : 0,
    current: reports.at(-1)?.percent ?? 0,
    recent,
    all,
  };
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

interface ForecastInput {
  startedOn: string;
  deadline: string | null;
  today: string;
  /** The median pace of the task's group (`medianPace`) and how many tasks it rests on, if known. */
  similar: { pace: number; tasks: number } | null;
  /** Days late from which a task is flagged (the escalation rule's threshold); `FLAG_DAYS` by default. */
  flagDays?: number | undefined;
}

export function forecastCompletion(
  input: ForecastInput & {
    /** The lead agency's reports up to today, any order. */
    points: readonly ProgressPoint[];
  },
): Forecast {
  return forecastFromSummary({ ...input, summary: summariseProgress(input.points, input.today) });
}

/** The forecast from a summary of the task's reports (`summariseProgress`, or the same sums from SQL). */
export function forecastFromSummary(input: ForecastInput & { summary: ProgressSummary }): Forecast {
  const { summary } = input;
  const flagDays = input.flagDays ?? FLAG_DAYS;
  const current = summary.current;
  // The task's start counts as 0 %, within the window when it is recent enough.
  const start = dayNumber(input.startedOn) - dayNumber(input.today);
  const recent = start >= -RECENT_DAYS ? withPoint(summary.recent, start, 0) : summary.recent;
  const own = summary.reports >= MIN_REPORTS && summary.spanDays >= MIN_SPAN_DAYS;
  const perDay = own
    ? paceFromSums(recent.n >= 2 ? recent : withPoint(summary.all, start, 0))
    : (input.similar?.pace ?? null);
  const method: ForecastMethod = own ? 'own' : input.similar ? 'similar' : 'none';
  if (method === 'none') return result(method, null, null, 0);
  const basis = own ? summary.reports : (input.similar?.tasks ?? 0);
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
        (lateByDays !== null && lateByDays >= flagDays) ||
        (notMoving && input.deadline !== null && current < 100),
    };
  }
}
