import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  cutoffMonth,
  isPeriodClosed,
  isWorkingDay,
  monthlyPeriod,
  PERIOD_TYPES,
  parsePeriodKey,
  periodContaining,
  periodOf,
  periodsEndingBetween,
  previousMonth,
  submissionDeadline,
} from './reporting-periods';

describe('periods under Decree 09’s cut-off', () => {
  it('the monthly report’s month runs from the 15th of the previous month to the 14th', () => {
    expect(monthlyPeriod('2026-10')).toMatchObject({ start: '2026-09-15', end: '2026-10-14' });
    expect(monthlyPeriod('2026-01')).toMatchObject({ start: '2025-12-15', end: '2026-01-14' });
    expect(isPeriodClosed('2026-10', '2026-10-14')).toBe(false);
    expect(isPeriodClosed('2026-10', '2026-10-15')).toBe(true);
    expect(previousMonth('2026-01-20')).toBe('2025-12');
    expect(previousMonth('2026-03-01')).toBe('2026-02');
  });

  it('every period shares its cut-off with one monthly report', () => {
    expect(cutoffMonth(parsePeriodKey('2026-M11'))).toBe('2026-11');
    expect(cutoffMonth(parsePeriodKey('2026-Q4'))).toBe('2026-12');
    expect(cutoffMonth(parsePeriodKey('2026-H1'))).toBe('2026-06');
    fc.assert(
      fc.property(
        fc.constantFrom(...PERIOD_TYPES),
        fc.integer({ min: 2025, max: 2031 }),
        fc.integer({ min: 1, max: 12 }),
        (type, year, index) => {
          const limit = type === 'month' ? 12 : type === 'quarter' ? 4 : 1;
          const period = periodOf(type, year, Math.min(index, limit));
          expect(monthlyPeriod(cutoffMonth(period)).end).toBe(period.end);
        },
      ),
    );
  });

  it.each([
    ['month', 2026, 1, '2025-12-15', '2026-01-14', '2026-M01'],
    ['month', 2026, 3, '2026-02-15', '2026-03-14', '2026-M03'],
    ['month', 2026, 12, '2026-11-15', '2026-12-14', '2026-M12'],
    ['quarter', 2026, 1, '2025-12-15', '2026-03-14', '2026-Q1'],
    ['quarter', 2026, 2, '2026-03-15', '2026-06-14', '2026-Q2'],
    ['quarter', 2026, 3, '2026-06-15', '2026-09-14', '2026-Q3'],
    ['quarter', 2026, 4, '2026-09-15', '2026-12-14', '2026-Q4'],
    ['half_year', 2026, 1, '2025-12-15', '2026-06-14', '2026-H1'],
    ['nine_months', 2026, 1, '2025-12-15', '2026-09-14', '2026-9M'],
    ['year', 2026, 1, '2025-12-15', '2026-12-14', '2026-Y'],
  ] as const)('%s %i/%i runs %s → %s', (type, year, index, start, end, key) => {
    expect(periodOf(type, year, index)).toMatchObject({ start, end, key });
    expect(parsePeriodKey(key)).toEqual(periodOf(type, year, index));
  });

  it.each([
    ['2026-01-14', 'month', '2026-M01'],
    ['2026-01-15', 'month', '2026-M02'],
    ['2025-12-14', 'month', '2025-M12'],
    ['2025-12-15', 'month', '2026-M01'],
    ['2025-12-31', 'year', '2026-Y'],
    ['2026-12-14', 'year', '2026-Y'],
    ['2026-12-15', 'year', '2027-Y'],
    ['2026-03-14', 'quarter', '2026-Q1'],
    ['2026-03-15', 'quarter', '2026-Q2'],
    ['2025-12-15', 'quarter', '2026-Q1'],
    ['2026-06-14', 'half_year', '2026-H1'],
    ['2026-09-14', 'nine_months', '2026-9M'],
  ] as const)('%s falls in the %s period %s', (date, type, key) => {
    expect(periodContaining(type, date)?.key).toBe(key);
  });

  it('has no six-month period after 14 June and no nine-month period after 14 September', () => {
    expect(periodContaining('half_year', '2026-06-15')).toBeNull();
    expect(periodContaining('nine_months', '2026-09-15')).toBeNull();
  });

  it('tiles the calendar: consecutive months and quarters leave no gap and never overlap', () => {
    for (const type of ['month', 'quarter'] as const) {
      const periods = periodsEndingBetween(type, '2025-01-01', '2031-01-01');
      for (let i = 1; i < periods.length; i++) {
        expect(periods[i]?.start).toBe(addDays(periods[i - 1]?.end ?? '', 1));
      }
    }
  });

  it('every date is inside the period that contains it (property)', () => {
    const date = fc
      .integer({ min: 0, max: 4000 })
      .map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.constantFrom(...PERIOD_TYPES), (d, type) => {
        const p = periodContaining(type, d);
        if (p) expect(p.start <= d && d <= p.end).toBe(true);
      }),
    );
  });

  it('lists the periods whose cut-off falls in a range', () => {
    expect(periodsEndingBetween('quarter', '2025-12-15', '2026-11-22').map((p) => p.key)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
  });
});

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

describe('submission deadlines over the holiday calendar', () => {
  // Tết Nguyên đán 2026 (lunar new year) as an administrator would enter it, plus 30/4 and 1/5.
  const holidays = new Set([
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-04-30',
    '2026-05-01',
  ]);

  it('skips weekends', () => {
    expect(isWorkingDay('2026-03-14', holidays)).toBe(false); // Saturday
    expect(addWorkingDays('2026-03-13', 1, holidays)).toBe('2026-03-16'); // Friday → Monday
  });

  it('skips the holidays the administrator entered', () => {
    // Month of February 2026 ends 14 Feb (Saturday); two working days later, across Tết, is 24 Feb.
    expect(
      submissionDeadline(
        periodOf('month', 2026, 2),
        { kind: 'working_days_after_cutoff', days: 2 },
        holidays,
      ),
    ).toBe('2026-02-24');
    expect(addWorkingDays('2026-04-29', 1, holidays)).toBe('2026-05-04');
  });

  it('a fixed day of a following month, clamped to the month’s last day', () => {
    expect(
      submissionDeadline(
        periodOf('quarter', 2026, 1),
        { kind: 'fixed_day', day: 20, monthsAfter: 0 },
        holidays,
      ),
    ).toBe('2026-03-20');
    expect(
      submissionDeadline(periodOf('year', 2026), { kind: 'fixed_day', day: 31, monthsAfter: 2 }, holidays),
    ).toBe('2027-02-28');
    expect(
      submissionDeadline(
        periodOf('month', 2026, 12),
        { kind: 'fixed_day', day: 5, monthsAfter: 1 },
        holidays,
      ),
    ).toBe('2027-01-05');
  });
});
