import { describe, expect, it } from 'vitest';
import { parsePeriodKey } from './reporting-periods';
import {
  collectablePeriod,
  openPeriods,
  periodAfter,
  previousPeriod,
  versionCovers,
  versionForPeriod,
} from './template-versions';

describe('template versions', () => {
  it.each([
    ['2026-M03', '2026-M02'],
    ['2026-M01', '2025-M12'],
    ['2026-Q1', '2025-Q4'],
    ['2026-Q3', '2026-Q2'],
    ['2026-H1', '2025-H1'],
    ['2026-9M', '2025-9M'],
    ['2026-Y', '2025-Y'],
  ])('the period before %s is %s', (key, before) => {
    expect(previousPeriod(parsePeriodKey(key)).key).toBe(before);
  });

  it('splits the periods of a code between its versions, each period under exactly one', () => {
    const versions = [
      { version: 1, firstPeriod: '2026-M01', lastPeriod: '2026-M06' },
      { version: 2, firstPeriod: '2026-M07', lastPeriod: null },
    ];
    const owners = ['2025-M12', '2026-M01', '2026-M06', '2026-M07', '2027-M01'].map(
      (key) => versionForPeriod(versions, parsePeriodKey(key))?.version ?? null,
    );
    expect(owners).toEqual([null, 1, 1, 2, 2]);
    for (let m = 1; m <= 12; m++) {
      const period = parsePeriodKey(`2026-M${String(m).padStart(2, '0')}`);
      expect(versions.filter((v) => versionCovers(v, period))).toHaveLength(1);
    }
  });

  it('orders period keys by their cut-off', () => {
    expect(periodAfter('2026-M07', '2026-M06')).toBe(true);
    expect(periodAfter('2026-M06', '2026-M06')).toBe(false);
    expect(periodAfter('2026-M01', '2025-M12')).toBe(true);
  });

  it('lists a version’s periods up to the one running today, or up to its last one', () => {
    const current = { periodType: 'quarter' as const, firstPeriod: '2026-Q1', lastPeriod: null };
    expect(openPeriods(current, '2026-07-01').map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(openPeriods(current, '2026-06-14').map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2']);
    const replaced = { ...current, lastPeriod: '2026-Q1' };
    expect(openPeriods(replaced, '2026-12-01').map((p) => p.key)).toEqual(['2026-Q1']);
    const halfYear = { periodType: 'half_year' as const, firstPeriod: '2026-H1', lastPeriod: null };
    expect(openPeriods(halfYear, '2026-10-01').map((p) => p.key)).toEqual(['2026-H1']);
  });

  it('collects a period of its type, within its span, once started', () => {
    const version = { periodType: 'month' as const, firstPeriod: '2026-M03', lastPeriod: '2026-M06' };
    const today = '2026-05-20';
    expect(collectablePeriod(version, '2026-M04', today)?.key).toBe('2026-M04');
    expect(collectablePeriod(version, '2026-M06', today)?.key).toBe('2026-M06');
    expect(collectablePeriod(version, '2026-M07', '2026-07-01')).toBeNull();
    expect(collectablePeriod(version, '2026-M02', today)).toBeNull();
    expect(collectablePeriod(version, '2026-Q2', today)).toBeNull();
    expect(collectablePeriod(version, 'not a key', today)).toBeNull();
    expect(collectablePeriod({ ...version, lastPeriod: null }, '2026-M07', today)).toBeNull();
  });
});
