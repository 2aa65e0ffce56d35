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
