import { TZDate } from '@date-fns/tz';
import { VIETNAM_TZ } from './vietnam-date';

// Counted in UTC, without date-fns: the first page names reporting periods with it.
export { shiftDate } from './calendar-date';
// Intl only (no date-fns), in a module of their own so the first page can use them without date-fns.
export { VIETNAM_TZ, vietnamDate } from './vietnam-date';

/** The instant a given Vietnam local date-time happens (e.g. 09:30 on a date). */
export function vietnamInstant(isoDate: string, hour = 0, minute = 0): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(new TZDate(y ?? 1970, (m ?? 1) - 1, d ?? 1, hour, minute, 0, VIETNAM_TZ).getTime());
}

export { formatVietnameseDate, vietnamDateTime } from './vietnam-date';

/** The earlier of two calendar dates (YYYY-MM-DD). */
export function earlierDate(a: string, b: string): string {
  return a.localeCompare(b) <= 0 ? a : b;
}
