/**
 * Numbers and percentages in the reader's language, the rules the screens follow: Vietnamese "1.234",
 * "52,7 %", English "1,234", "52.7%". Pure, so texts built on either side read the same.
 */

/** The Intl locale of a reader's language. */
export function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'vi-VN';
}

/** Intl formatters are costly to build: one per locale and shape. */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(language: string, minimumFractionDigits: number, maximumFractionDigits: number) {
  const key = `${locale(language)}:${minimumFractionDigits}:${maximumFractionDigits}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(language), { minimumFractionDigits, maximumFractionDigits });
    formatters.set(key, format);
  }
  return format;
}

/** A number with at most `maxFractionDigits` decimals, none shown when it is whole. */
export function formatNumber(value: number, language: string, maxFractionDigits = 3): string {
  return numberFormat(language, 0, maxFractionDigits).format(value);
}

/**
 * A percentage given as 0–100 with exactly `fractionDigits` decimals ("52,7 %" / "52.7%"), or, with
 * `maxFractionDigits`, as many as it needs up to that.
 */
export function formatPercent(
  value: number,
  language: string,
  fractionDigits = 0,
  maxFractionDigits = fractionDigits,
): string {
  const number = numberFormat(language, fractionDigits, Math.max(fractionDigits, maxFractionDigits)).format(
    value,
  );
  return language === 'en' ? `${number}%` : `${number} %`;
}
