/**
 * Vietnamese text rules shared by the server (stored search/sort columns) and the client.
 * Search folds diacritics and case so that "ha noi" finds "Thành phố Hà Nội".
 */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
// Tones (huyền, hỏi, ngã, sắc, nặng) only break ties, after the letters.
const LETTER_ORDER = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const TONE_ORDER = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const LETTER_MARKS = new Set(['\u0306', '\u0302', '\u031b']); // breve, circumflex, horn

/**
 * A digits-only key whose order is Vietnamese alphabetical order. Digits compare the same way under
 * every collation (C on PGlite, a locale on PostgreSQL), so the database sorts names as Vietnamese
 * readers expect on both, and an ordinary b-tree index serves the ORDER BY.
 * Each character becomes two digits (space 01, digits 02–11, letters 12–45, others 98), then "00"
 * ends the letters and one digit per character gives its tone, which only breaks ties.
 */
export function vietnameseSortKey(input: string): string {
  const primary: string[] = [];
  const tones: number[] = [];
  for (const ch of input.toLowerCase().normalize('NFD').replace(/\s+/g, ' ').trim()) {
    const last = primary.length - 1;
    if (LETTER_MARKS.has(ch) && last >= 0) {
      primary[last] = `${primary[last] ?? ''}${ch}`.normalize('NFC');
      continue;
    }
    const tone = TONE_ORDER.indexOf(ch);
    if (tone > 0) {
      if (tones.length > 0) tones[tones.length - 1] = tone;
      continue;
    }
    if (/\p{M}/u.test(ch)) continue;
    primary.push(ch);
    tones.push(0);
  }
  const encoded = primary.map((ch) => {
    if (ch === ' ') return '01';
    if (/[0-9]/.test(ch)) return String(Number(ch) + 2).padStart(2, '0');
    const index = LETTER_ORDER.indexOf(ch);
    return index >= 0 ? String(index + 12) : '98';
  });
  return `${encoded.join('')}00${tones.join('')}`;
}

/**
 * Where a request's value holds a NUL character (U+0000), which no text column can store: the path of
 * the first string (or key) that has one, as a zod issue path, else null. Every procedure's input and
 * every route's query is checked with it, so the answer is a 400 naming the field, not a database error.
 */
export function nulCharacterPath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulCharacterPath(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return path;
      const found = nulCharacterPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
