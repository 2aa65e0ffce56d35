import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatRate,
  formatWeekday,
} from './format';
import { i18n } from './i18n/i18n';

describe('one format per language', () => {
  it('counts group thousands the reader’s way', () => {
    expect(formatCount(1234567, 'vi')).toBe('1.234.567');
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(formatCount(0, 'vi')).toBe('0');
  });

  it('measured values keep their decimals, none when whole, and say "—" when missing', () => {
    expect(formatNumber(1234.5, 'vi')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(12, 'vi')).toBe('12');
    expect(formatNumber(2.3456, 'en', 2)).toBe('2.35');
    expect(formatNumber(null, 'vi')).toBe('—');
    expect(formatNumber(undefined, 'en')).toBe('—');
    expect(formatNumber(Number.NaN, 'vi')).toBe('—');
  });

  it('percentages: "52,7 %" in Vietnamese, "52.7%" in English, never mixed', () => {
    expect(formatPercent(52.7, 'vi', 1)).toBe('52,7 %');
    expect(formatPercent(52.7, 'en', 1)).toBe('52.7%');
    expect(formatPercent(40, 'vi')).toBe('40 %');
    expect(formatPercent(40, 'en')).toBe('40%');
    expect(formatPercent(100, 'vi', 1)).toBe('100,0 %');
    expect(formatPercent(null, 'vi')).toBe('—');
  });

  it('rates in [0, 1] become percentages with one decimal; no denominator is "—"', () => {
    expect(formatRate(0.744, 'vi')).toBe('74,4 %');
    expect(formatRate(0.527, 'en')).toBe('52.7%');
    expect(formatRate(1 / 3, 'vi')).toBe('33,3 %');
    expect(formatRate(1.25, 'en')).toBe('125.0%');
    expect(formatRate(0, 'vi')).toBe('0,0 %');
    expect(formatRate(null, 'en')).toBe('—');
  });

  it('dates are dd/MM/yyyy in Vietnam time, whatever the reader’s time zone', () => {
    expect(formatDate('2026-03-09')).toBe('09/03/2026');
    // 20:30 UTC on 31 December is already 1 January in Vietnam.
    expect(formatDate(new Date('2025-12-31T20:30:00Z'))).toBe('01/01/2026');
    expect(formatDateTime(new Date('2025-12-31T20:30:00Z'))).toBe('01/01/2026 03:30');
    expect(formatDateTime('2026-03-09T01:05:00Z')).toBe('09/03/2026 08:05');
  });

  it('names the day of the week in the reader’s language', () => {
    expect(formatWeekday('2026-09-02', 'en')).toBe('Wednesday');
    expect(formatWeekday('2026-09-02', 'vi')).toBe('Thứ Tư');
  });

  it('messages format their percentages the same way', async () => {
    expect(i18n.t('taskDetail.percentValue', { percent: 40 })).toBe('40 % hoàn thành');
    await i18n.changeLanguage('en');
    expect(i18n.t('taskDetail.percentValue', { percent: 40 })).toBe('40% complete');
    await i18n.changeLanguage('vi');
  });
});
