import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from './number-format';

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
