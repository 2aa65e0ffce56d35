import { TZDate } from '@date-fns/tz';
import { addDays, format, parseISO } from 'date-fns';

export const VIETNAM_TZ = 'Asia/Ho_Chi_Minh';

/** The calendar date in Vietnam (YYYY-MM-DD) at the given instant. */
export function vietnamDate(at: Date): string {
  return format(new TZDate(at.getTime(), VIETNAM_TZ), 'yyyy-MM-dd');
}

/** A calendar date (YYYY-MM-DD) moved by whole days. */
export function shiftDate(isoDate: string, days: number): string {
  return format(addDays(parseISO(isoDate), days), 'yyyy-MM-dd');
}

/** The instant a given Vietnam local date-time happens (e.g. 09:30 on a date). */
export function vietnamInstant(isoDate: string, hour = 0, minute = 0): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(new TZDate(y ?? 1970, (m ?? 1) - 1, d ?? 1, hour, minute, 0, VIETNAM_TZ).getTime());
}

/** dd/MM/yyyy, the way Vietnamese readers write dates. */
export function formatVietnameseDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** The earlier of two calendar dates (YYYY-MM-DD). */
export function earlierDate(a: string, b: string): string {
  return a.localeCompare(b) <= 0 ? a : b;
}
