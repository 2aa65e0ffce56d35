import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from './number-format';
import { parseNumberInput } from './number-input';

describe('formatNumber', () => {
  it.each([
    [1234, 'vi', 0, '1.234'],
    [1234, 'en', 0, '1,234'],
    [1234.5678, 'vi', 2, '1.234,57'],
    [1234.5678, 'en', 2, '1,234.57'],
    [52.7, 'vi', 1, '52,7'],
    [52, 'en', 1, '52'],
  ])('%d in %s with at most %d decimals is %s', (value, lang, digits, text) => {
    expect(formatNumber(value, lang, digits)).toBe(text);
  });
});

describe('formatPercent', () => {
  it.each([
    [52.7, 'vi', 1, undefined, '52,7 %'],
    [52.7, 'en', 1, undefined, '52.7%'],
    [90, 'vi', 0, undefined, '90 %'],
    [90, 'en', 1, undefined, '90.0%'],
    [90, 'en', 0, 1, '90%'],
    [52.75, 'vi', 0, 1, '52,8 %'],
    [100, 'vi', 0, 1, '100 %'],
  ])('%d in %s (%d to %s decimals) is %s', (value, lang, digits, max, text) => {
    expect(formatPercent(value, lang, digits, max)).toBe(text);
  });
});

describe('what the screens show reads back through the form parser (vi/en round trip)', () => {
  const languages = fc.constantFrom('vi' as const, 'en' as const);
  const figures = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });
  const digits = fc.integer({ min: 0, max: 3 });
  // The text shows the value rounded to its decimals: read back, it is within half a last digit.
  const close = (read: number | null, value: number, fractionDigits: number) =>
    read !== null && Math.abs(read - value) <= 0.5 * 10 ** -fractionDigits + Math.abs(value) * 1e-12;

  it('a number, grouped and with its decimals, is read as the value it shows', () => {
    fc.assert(
      fc.property(figures, languages, digits, (value, language, fractionDigits) => {
        const text = formatNumber(value, language, fractionDigits);
        const read = parseNumberInput(text, language);
        expect(read.ok, text).toBe(true);
        if (read.ok) expect(close(read.value, value, fractionDigits), text).toBe(true);
      }),
    );
  });

  it('a percentage without its sign is read as the figure it shows', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), languages, digits, (value, language, d) => {
        const text = formatPercent(value, language, d);
        expect(text).toMatch(language === 'vi' ? /\d %$/ : /\d%$/);
        const read = parseNumberInput(text.replace(/\s?%$/, ''), language);
        expect(read.ok, text).toBe(true);
        if (read.ok) expect(close(read.value, value, d), text).toBe(true);
      }),
    );
  });

  it.each([
    ['vi', 1234567.5, '1.234.567,5'],
    ['en', 1234567.5, '1,234,567.5'],
    ['vi', -52.7, '-52,7'],
    ['en', 0.25, '0.25'],
  ] as const)('in %s, %d is shown as %s and read back', (language, value, text) => {
    expect(formatNumber(value, language)).toBe(text);
    expect(parseNumberInput(text, language)).toEqual({ ok: true, value });
  });
});
