import { formatVietnameseDate, VIETNAM_TZ } from '../../shared/time';

/** Number formatting for the dashboards and reports: Vietnamese "1.234" / "80,0 %", English "1,234" / "80.0%". */

function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'vi-VN';
}

export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

/** A rate in [0, 1] with one decimal; null means there is no figure (a zero denominator), shown as "—". */
export function formatRate(value: number | null, language: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const number = new Intl.NumberFormat(locale(language), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value * 100);
  return language === 'en' ? `${number}%` : `${number} %`;
}

/** dd/MM/yyyy HH:mm in Vietnam time, whatever the reader's own time zone. */
export function formatVietnamDateTime(at: Date | string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: VIETNAM_TZ,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** A calendar date (YYYY-MM-DD) as dd/MM/yyyy. */
export function formatDate(isoDate: string): string {
  return formatVietnameseDate(isoDate);
}
