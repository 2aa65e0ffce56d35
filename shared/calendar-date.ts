/**
 * A calendar date as `yyyy-mm-dd` that exists: 2026-02-30 and 2026-13-01 match the pattern but are
 * refused here, with the field named, instead of by the database with an error. Years from 1000 keep
 * JavaScript's and PostgreSQL's calendars in agreement.
 */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < '1000') return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

const DAY_MS = 86_400_000;

/**
 * A calendar date (YYYY-MM-DD) moved by whole days: counted in UTC, where every day has 24 hours, so no
 * library is needed (the first page names periods with it, without date-fns). Throws on a date that
 * does not exist.
 */
export function shiftDate(isoDate: string, days: number): string {
  if (!isCalendarDate(isoDate)) throw new RangeError(`not a calendar date: ${isoDate}`);
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
