/**
 * Numbers as people type them into a form, read and written back in the reader's convention:
 * Vietnamese groups thousands with "." and marks decimals with "," ("1.234.567,5"), English the other
 * way round ("1,234,567.5"). The client's reading of text only: the server still receives numbers and
 * judges them with the shared schemas.
 *
 * The rules, in both languages:
 * - The reader's own convention wins: in vi "1.000" is one thousand and "1,000" is one; in en "1,000"
 *   is one thousand and "1.000" is one.
 * - Groups must be well formed (one to three digits, then groups of exactly three) or the text is
 *   refused: "12.34.567" and "1.000.00" are refused in vi. A space, a no-break space or a narrow no-break
 *   space may group digits in either language, one kind of separator throughout.
 * - A lone decimal mark of the other convention followed by anything but exactly three digits is read
 *   as a decimal, because people paste figures written the other way: "12.5" in vi is 12.5, "12,5" in en
 *   is 12.5. Followed by exactly three digits it is the reader's grouping ("1.000" in vi stays a
 *   thousand) or, when it cannot group ("1234.567" in vi), it is refused as ambiguous.
 * - Any other text that is a well-formed number only in the other convention ("1,000.5" in vi,
 *   "1.000,5" in en) is refused as `ambiguous` rather than guessed: the reader is probably typing the
 *   other convention and would have their "1,000" read as one.
 * - One leading "+" or "-" (or "−"); no exponents, letters or other signs ("12e", "1e3", "5%" are
 *   `notANumber`). Empty or blank text is no value (null).
 * A text refused as `notANumber` in one language is refused as `notANumber` in the other.
 */

export type NumberLanguage = 'vi' | 'en';

export type NumberInputRefusal = 'notANumber' | 'ambiguous';

export type NumberInputResult =
  | { ok: true; value: number | null }
  | { ok: false; reason: NumberInputRefusal };

/** The number convention of an interface language: English for 'en', Vietnamese for anything else. */
export function numberLanguage(language: string): NumberLanguage {
  return language === 'en' ? 'en' : 'vi';
}

interface Convention {
  group: string;
  decimal: string;
}

const CONVENTIONS: Record<NumberLanguage, Convention> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

const SPACES = ' \u00A0\u202F';
const literal = (char: string) => char.replace(/[.\\]/g, '\\$&');

/** Sign, integer part (plain or grouped with one kind of separator), optional fraction. */
function conventionPattern({ group, decimal }: Convention): RegExp {
  const separators = `[${literal(group)}${SPACES}]`;
  const integer = `(\\d+|\\d{1,3}(?:(${separators})\\d{3})(?:\\3\\d{3})*)`;
  return new RegExp(`^([-+\u2212]?)(?:${integer}(?:${literal(decimal)}(\\d+))?|${literal(decimal)}(\\d+))$`);
}

const PATTERNS: Record<NumberLanguage, RegExp> = {
  vi: conventionPattern(CONVENTIONS.vi),
  en: conventionPattern(CONVENTIONS.en),
};

/** The other convention's decimal mark, alone and not followed by exactly three digits. */
const FOREIGN_DECIMAL: Record<NumberLanguage, RegExp> = {
  vi: /^([-+\u2212]?)(\d*)\.(\d{1,2}|\d{4,})$/,
  en: /^([-+\u2212]?)(\d*),(\d{1,2}|\d{4,})$/,
};

function toNumber(sign: string, integer: string, fraction: string): number | null {
  const negative = sign === '-' || sign === '\u2212';
  const value = Number(`${negative ? '-' : ''}${integer || '0'}.${fraction || '0'}`);
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}

function readConvention(text: string, language: NumberLanguage): number | null | undefined {
  const match = PATTERNS[language].exec(text);
  if (!match) return undefined;
  const [, sign = '', integer = '', , fraction = '', bareFraction = ''] = match;
  return toNumber(sign, integer.replace(/[^\d]/g, ''), fraction || bareFraction);
}

/** A typed text read in the reader's convention; see the rules above. */
export function parseNumberInput(text: string, language: NumberLanguage): NumberInputResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const own = readConvention(trimmed, language);
  if (own !== undefined) return own === null ? { ok: false, reason: 'notANumber' } : { ok: true, value: own };
  const foreign = FOREIGN_DECIMAL[language].exec(trimmed);
  if (foreign) {
    const value = toNumber(foreign[1] ?? '', foreign[2] ?? '', foreign[3] ?? '');
    return value === null ? { ok: false, reason: 'notANumber' } : { ok: true, value };
  }
  const other = readConvention(trimmed, language === 'vi' ? 'en' : 'vi');
  return { ok: false, reason: other === undefined || other === null ? 'notANumber' : 'ambiguous' };
}

/** The shortest decimal digits that read back as `value`, without an exponent: [sign, integer, fraction]. */
function plainDigits(value: number): [string, string, string] {
  const text = Math.abs(value).toString();
  const [mantissa = '0', exponentText] = text.split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const sign = value < 0 ? '-' : '';
  if (exponentText === undefined) return [sign, whole, fraction];
  const exponent = Number(exponentText);
  const digits = whole + fraction;
  const point = whole.length + exponent;
  if (point <= 0) return [sign, '0', '0'.repeat(-point) + digits];
  if (point >= digits.length) return [sign, digits + '0'.repeat(point - digits.length), ''];
  return [sign, digits.slice(0, point), digits.slice(point)];
}

/**
 * A number written the way `parseNumberInput` reads it back exactly, all its decimals kept: vi
 * "1.234,5", en "1,234.5". Not `formatNumber` (shared/number-format.ts): Intl rounds to a fixed count of
 * decimals, and a form must show what was saved, not a rounding of it. Not finite: an empty text.
 */
export function formatNumberInput(value: number, language: NumberLanguage): string {
  if (!Number.isFinite(value)) return '';
  const { group, decimal } = CONVENTIONS[language];
  const [sign, integer, fraction] = plainDigits(value === 0 ? 0 : value);
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${sign}${grouped}${fraction ? decimal + fraction : ''}`;
}
