import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumberInput, type NumberLanguage, numberLanguage, parseNumberInput } from './number-input';

const LANGUAGES: readonly NumberLanguage[] = ['vi', 'en'];

describe('parseNumberInput', () => {
  it.each([
    ['', 'vi', null],
    ['   ', 'en', null],
    ['0', 'vi', 0],
    ['1000', 'vi', 1000],
    ['1000', 'en', 1000],
    ['1.000', 'vi', 1000],
    ['1.000', 'en', 1],
    ['1,000', 'vi', 1],
    ['1,000', 'en', 1000],
    ['1.234.567,5', 'vi', 1234567.5],
    ['1,234,567.5', 'en', 1234567.5],
    ['12,5', 'vi', 12.5],
    ['12.5', 'en', 12.5],
    // The other convention's lone decimal mark, not followed by three digits: a pasted figure.
    ['12.5', 'vi', 12.5],
    ['0.25', 'vi', 0.25],
    ['1234.5678', 'vi', 1234.5678],
    ['12,5', 'en', 12.5],
    [',5', 'vi', 0.5],
    ['.5', 'en', 0.5],
    ['1 000', 'vi', 1000],
    ['1 000 000,25', 'vi', 1000000.25],
    ['1\u00A0234,5', 'vi', 1234.5],
    ['1\u202F234.5', 'en', 1234.5],
    ['-1.000', 'vi', -1000],
    ['+12,5', 'vi', 12.5],
    ['\u22123', 'en', -3],
    ['-0', 'vi', 0],
    ['  42  ', 'en', 42],
    ['007', 'vi', 7],
  ] as const)('%j in %s is %j', (text, language, value) => {
    expect(parseNumberInput(text, language)).toEqual({ ok: true, value });
  });

  it.each([
    ['12e', 'vi'],
    ['12e', 'en'],
    ['1e3', 'vi'],
    ['1e3', 'en'],
    ['abc', 'vi'],
    ['5%', 'en'],
    ['12,', 'vi'],
    ['12.', 'en'],
    ['1.00.000', 'vi'],
    ['12.34.567', 'vi'],
    ['1,00,000', 'en'],
    ['1.000 000', 'vi'],
    ['1..000', 'vi'],
    ['--1', 'en'],
    ['1-', 'vi'],
    ['- 1', 'vi'],
    ['0x10', 'en'],
    ['Infinity', 'en'],
    ['NaN', 'vi'],
    ['١٢', 'vi'],
    [`${'9'.repeat(400)}`, 'vi'],
  ] as const)('%j in %s is not a number', (text, language) => {
    expect(parseNumberInput(text, language)).toEqual({ ok: false, reason: 'notANumber' });
  });

  it.each([
    ['1,000.5', 'vi'],
    ['1,234,567', 'vi'],
    ['1234.567', 'vi'],
    ['1.000,5', 'en'],
    ['1.234.567', 'en'],
    ['1234,567', 'en'],
  ] as const)('%j in %s is well formed only the other way, so refused as ambiguous', (text, language) => {
    expect(parseNumberInput(text, language)).toEqual({ ok: false, reason: 'ambiguous' });
  });

  it('reads any language but English the Vietnamese way', () => {
    expect(numberLanguage('en')).toBe('en');
    expect(numberLanguage('vi')).toBe('vi');
    expect(numberLanguage('vi-VN')).toBe('vi');
  });
});

describe('formatNumberInput', () => {
  it.each([
    [1234.5, 'vi', '1.234,5'],
    [1234.5, 'en', '1,234.5'],
    [1000, 'vi', '1.000'],
    [12.5, 'vi', '12,5'],
    [-1234567.125, 'vi', '-1.234.567,125'],
    [0.1, 'en', '0.1'],
    [-0, 'vi', '0'],
    [1e21, 'en', '1,000,000,000,000,000,000,000'],
    [1.5e-7, 'vi', '0,00000015'],
    [Number.NaN, 'vi', ''],
  ] as const)('%d in %s is %j', (value, language, text) => {
    expect(formatNumberInput(value, language)).toBe(text);
  });
});

describe('properties', () => {
  /** A finite number with up to six decimals, as a report figure is. */
  const figure = fc
    .tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }))
    .map(([units, decimals]) => units / 10 ** decimals);
  const language = fc.constantFrom(...LANGUAGES);

  it('reads back what it writes, in vi and en', () => {
    fc.assert(
      fc.property(figure, language, (value, lang) => {
        expect(parseNumberInput(formatNumberInput(value, lang), lang)).toEqual({
          ok: true,
          value: value === 0 ? 0 : value,
        });
      }),
    );
  });

  it('reads back any finite double, however large or small', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), language, (value, lang) => {
        expect(parseNumberInput(formatNumberInput(value, lang), lang)).toEqual({
          ok: true,
          value: value === 0 ? 0 : value,
        });
      }),
    );
  });

  /** Texts made of what numbers are made of, so separators meet digits often. */
  const numberish = fc
    .array(fc.constantFrom('0', '1', '5', '9', '.', ',', ' ', '\u00A0', '-', '+', 'e'), { maxLength: 14 })
    .map((chars) => chars.join(''));
  const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), numberish);

  it('never throws, and gives a finite number, null or a refusal', () => {
    fc.assert(
      fc.property(anyText, language, (text, lang) => {
        const result = parseNumberInput(text, lang);
        if (result.ok) expect(result.value === null || Number.isFinite(result.value)).toBe(true);
        else expect(['notANumber', 'ambiguous']).toContain(result.reason);
      }),
    );
  });

  it('refuses as no number in one language exactly what it refuses as no number in the other', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const vi = parseNumberInput(text, 'vi');
        const en = parseNumberInput(text, 'en');
        const notANumber = (r: typeof vi) => !r.ok && r.reason === 'notANumber';
        expect(notANumber(vi)).toBe(notANumber(en));
        // A text read in one language and refused in the other is refused only as ambiguous.
        if (vi.ok !== en.ok) expect(vi.ok ? en : vi).toEqual({ ok: false, reason: 'ambiguous' });
      }),
    );
  });

  it('reads a text without separators the same in both languages', () => {
    fc.assert(
      fc.property(numberish, (text) => {
        fc.pre(!/[.,]/.test(text));
        expect(parseNumberInput(text, 'vi')).toEqual(parseNumberInput(text, 'en'));
      }),
    );
  });

  it('refuses any text with a letter or an exponent', () => {
    fc.assert(
      fc.property(numberish, fc.constantFrom('e', 'E', 'a', 'đ', 'x'), numberish, (before, letter, after) => {
        for (const lang of LANGUAGES)
          expect(parseNumberInput(before + letter + after, lang)).toEqual({
            ok: false,
            reason: 'notANumber',
          });
      }),
    );
  });
});
