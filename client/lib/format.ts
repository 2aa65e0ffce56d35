import {
  formatNumber as formatSharedNumber,
  formatPercent as formatSharedPercent,
  locale,
} from '../../shared/number-format';
import { formatVietnameseDate, vietnamDate, vietnamDateTime } from '../../shared/vietnam-date';

/**
 * Every number, percentage and date the app shows, in the reader's language: Vietnamese "1.234",
 * "52,7 %", English "1,234", "52.7%"; dates dd/MM/yyyy in Vietnam time in both. A missing figure is "—".
 */

const NO_FIGURE = '—';

const isFigure = (value: number | null | undefined): value is number =>
  value !== null && value !== undefined && Number.isFinite(value);

/** A whole count: "1.234" / "1,234". */
export function formatCount(value: number, language: string): string {
  return formatSharedNumber(value, language, 0);
}

/** A measured value with at most `maximumFractionDigits` decimals, none shown when it is whole. */
export function formatNumber(
  value: number | null | undefined,
  language: string,
  maximumFractionDigits = 3,
): string {
  return isFigure(value) ? formatSharedNumber(value, language, maximumFractionDigits) : NO_FIGURE;
}

/**
 * A percentage given as 0–100 with exactly `fractionDigits` decimals ("52,7 %" / "52.7%"), or, with
 * `maxFractionDigits`, as many as it needs up to that.
 */
export function formatPercent(
  value: number | null | undefined,
  language: string,
  fractionDigits = 0,
  maxFractionDigits = fractionDigits,
): string {
  if (!isFigure(value)) return NO_FIGURE;
  return formatSharedPercent(value, language, fractionDigits, maxFractionDigits);
}

/** A rate in [0, 1] (above 1 is kept) as a percentage with one decimal; null (no denominator) is "—". */
export function formatRate(value: number | null | undefined, language: string): string {
  return formatPercent(isFigure(value) ? value * 100 : null, language, 1);
}

/** An instant as dd/MM/yyyy HH:mm in Vietnam time, whatever the reader's own time zone. */
export function formatDateTime(at: Date | string): string {
  return vietnamDateTime(typeof at === 'string' ? new Date(at) : at);
}

/** A calendar date (YYYY-MM-DD), or the Vietnam date of an instant, as dd/MM/yyyy. */
export function formatDate(at: string | Date): string {
  return formatVietnameseDate(typeof at === 'string' ? at : vietnamDate(at));
}

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();
/** The day of the week of a calendar date (YYYY-MM-DD): "thứ Hai" / "Monday". */
export function formatWeekday(isoDate: string, language: string): string {
  let format = weekdayFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(locale(language), { weekday: 'long', timeZone: 'UTC' });
    weekdayFormats.set(language, format);
  }
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * Builds the date and number formatters while the browser is idle after the first paint, while the
 * page's data is on its way: built at first use instead, the first one (Intl's locale and time-zone
 * data) adds tens of milliseconds on a phone to the task that draws the page.
 */
export function prepareFormattersWhenIdle(language: string): void {
  const prepare = () => {
    formatDateTime(new Date());
    formatCount(0, language);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(prepare, { timeout: 2000 });
  else setTimeout(prepare, 100);
}
