import { formatVietnameseDate, VIETNAM_TZ } from '../../shared/vietnam-date';

/** Number formatting for the dashboards and reports: Vietnamese "1.234" / "80,0 %", English "1,234" / "80.0%". */

function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'vi-VN';
}

/** Intl formatters are costly to build (a dashboard formats hundreds of figures): one per locale and kind. */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(language: string, kind: 'count' | 'rate'): Intl.NumberFormat {
  const key = `${locale(language)}:${kind}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      locale(language),
      kind === 'rate' ? { minimumFractionDigits: 1, maximumFractionDigits: 1 } : {},
    );
    formatters.set(key, format);
  }
  return format;
}

export function formatCount(value: number, language: string): string {
  return numberFormat(language, 'count').format(value);
}

/** A rate in [0, 1] with one decimal; null means there is no figure (a zero denominator), shown as "—". */
export function formatRate(value: number | null, language: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const number = numberFormat(language, 'rate').format(value * 100);
  return language === 'en' ? `${number}%` : `${number} %`;
}

const vietnamDateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** dd/MM/yyyy HH:mm in Vietnam time, whatever the reader's own time zone. */
export function formatVietnamDateTime(at: Date | string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  const parts = Object.fromEntries(
    vietnamDateTimeParts.formatToParts(date).map((part) => [part.type, part.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** A calendar date (YYYY-MM-DD) as dd/MM/yyyy. */
export function formatDate(isoDate: string): string {
  return formatVietnameseDate(isoDate);
}
