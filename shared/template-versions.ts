import {
  type Period,
  type PeriodType,
  parsePeriodKey,
  periodContaining,
  periodOf,
  periodsEndingBetween,
} from './reporting-periods';

/**
 * A template code's versions split its periods between them: a version applies from its first period
 * to its last one (open-ended while it is the newest), so each period is collected under exactly one
 * version and a submission keeps the fields it was made with.
 */
export interface VersionSpan {
  firstPeriod: string;
  lastPeriod: string | null;
}

/** The period just before this one, of the same type. */
export function previousPeriod(period: Period): Period {
  if (period.type === 'month') {
    return period.index === 1
      ? periodOf('month', period.year - 1, 12)
      : periodOf('month', period.year, period.index - 1);
  }
  if (period.type === 'quarter') {
    return period.index === 1
      ? periodOf('quarter', period.year - 1, 4)
      : periodOf('quarter', period.year, period.index - 1);
  }
  return periodOf(period.type, period.year - 1);
}

/** Whether the period falls within the version's span (compared by cut-off date). */
export function versionCovers(span: VersionSpan, period: Pick<Period, 'end'>): boolean {
  if (period.end < parsePeriodKey(span.firstPeriod).end) return false;
  return span.lastPeriod === null || period.end <= parsePeriodKey(span.lastPeriod).end;
}

/** The version a period is collected under, if any. */
export function versionForPeriod<T extends VersionSpan>(
  versions: readonly T[],
  period: Pick<Period, 'end'>,
): T | undefined {
  return versions.find((v) => versionCovers(v, period));
}

/** Whether period key `a` comes after period key `b` (by cut-off date). */
export function periodAfter(a: string, b: string): boolean {
  return parsePeriodKey(a).end > parsePeriodKey(b).end;
}

/** A version as the period rules need it: its span and its period type. */
export type VersionPeriods = VersionSpan & { periodType: PeriodType };

/** Periods of a version from its first one up to its last one or the one running today. */
export function openPeriods(version: VersionPeriods, today: string): Period[] {
  const first = parsePeriodKey(version.firstPeriod);
  const running = periodContaining(version.periodType, today)?.end ?? today;
  const last = version.lastPeriod ? parsePeriodKey(version.lastPeriod).end : running;
  return periodsEndingBetween(version.periodType, first.end, last < running ? last : running);
}

/**
 * The period of this key if the version collects it and it has started (its figures can be entered);
 * null for a malformed key, another period type, a period of another version or one still to come.
 */
export function collectablePeriod(version: VersionPeriods, periodKey: string, today: string): Period | null {
  let period: Period;
  try {
    period = parsePeriodKey(periodKey);
  } catch {
    return null;
  }
  if (period.type !== version.periodType || !versionCovers(version, period) || period.start > today)
    return null;
  return period;
}
