import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodName } from './period-names';
import { monthlyPeriod, PERIOD_TYPES, periodOf } from './reporting-periods';

describe('period names', () => {
  it.each([
    ['2026-M11', 'Tháng 11/2026', 'November 2026'],
    ['2026-M01', 'Tháng 01/2026', 'January 2026'],
    ['2026-Q1', 'Quý I/2026', 'Q1 2026'],
    ['2026-Q2', 'Quý II/2026', 'Q2 2026'],
    ['2026-Q3', 'Quý III/2026', 'Q3 2026'],
    ['2026-Q4', 'Quý IV/2026', 'Q4 2026'],
    ['2026-H1', '6 tháng đầu năm 2026', 'H1 2026'],
    ['2026-9M', '9 tháng đầu năm 2026', 'January–September 2026'],
    ['2026-Y', 'Năm 2026', '2026'],
  ])('%s is "%s" in Vietnamese and "%s" in English', (key, vi, en) => {
    expect(periodName(key, 'vi')).toBe(vi);
    expect(periodName(key, 'en')).toBe(en);
  });

  it('names a period object as its key', () => {
    for (const type of PERIOD_TYPES) {
      const period = periodOf(type, 2027, 1);
      expect(periodName(period, 'vi')).toBe(periodName(period.key, 'vi'));
      expect(periodName(period, 'en')).toBe(periodName(period.key, 'en'));
    }
  });

  it('starts in lower case inside a Vietnamese sentence; English is unchanged', () => {
    expect(periodName('2026-Q4', 'vi', { inSentence: true })).toBe('quý IV/2026');
    expect(periodName('2026-M03', 'vi', { inSentence: true })).toBe('tháng 03/2026');
    expect(periodName('2026-Y', 'vi', { inSentence: true })).toBe('năm 2026');
    expect(periodName('2026-Q4', 'en', { inSentence: true })).toBe('Q4 2026');
  });

  it('any language but English reads Vietnamese', () => {
    expect(periodName('2026-Q4', 'vi-VN')).toBe(periodName('2026-Q4', 'vi'));
  });

  it('never shows a key, and gives different periods different names (property)', () => {
    const anyPeriod = fc
      .record({
        type: fc.constantFrom(...PERIOD_TYPES),
        year: fc.integer({ min: 2000, max: 2100 }),
        index: fc.integer({ min: 1, max: 12 }),
      })
      .map(({ type, year, index }) =>
        periodOf(type, year, type === 'month' ? index : type === 'quarter' ? ((index - 1) % 4) + 1 : 1),
      );
    fc.assert(
      fc.property(anyPeriod, anyPeriod, fc.constantFrom('vi', 'en'), (a, b, language) => {
        const name = periodName(a.key, language);
        expect(name).not.toContain(a.key);
        expect(name).not.toMatch(/-(M\d|Q\d|H1|9M|Y)/);
        if (a.key !== b.key) expect(name).not.toBe(periodName(b.key, language));
      }),
    );
  });

  it('returns a text that is not a period key as it is', () => {
    expect(periodName('not a key', 'vi')).toBe('not a key');
    expect(periodName('', 'en')).toBe('');
  });
});

describe('month names (the monthly report)', () => {
  it('names a month like its monthly period', () => {
    for (const month of ['2026-01', '2026-11', '2027-12']) {
      expect(periodName(month, 'vi')).toBe(periodName(monthlyPeriod(month), 'vi'));
      expect(periodName(month, 'en')).toBe(periodName(monthlyPeriod(month), 'en'));
    }
    expect(periodName('2026-11', 'vi')).toBe('Tháng 11/2026');
    expect(periodName('2026-11', 'en')).toBe('November 2026');
    expect(periodName('2026-11', 'vi', { inSentence: true })).toBe('tháng 11/2026');
  });

  it('returns a text that is neither a month nor a period key as it is', () => {
    expect(periodName('2026-13', 'vi')).toBe('2026-13');
    expect(periodName('11/2026', 'en')).toBe('11/2026');
  });
});
