import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  CALENDAR_DAY_KINDS,
  calendarEntryProblem,
  cutoffMonth,
  isDayOffKind,
  isPeriodClosed,
  isWorkingDay,
  monthlyPeriod,
  onOrNextWorkingDay,
  PERIOD_TYPES,
  parsePeriodKey,
  periodContaining,
  periodOf,
  periodsBetween,
  periodsEndingBetween,
  previousMonth,
  submissionDeadline,
  workingCalendar,
} from './reporting-periods';
import { shiftDate } from './time';

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

describe('distance between periods', () => {
  it('counts periods of one type, across years; none between types', () => {
    expect(periodsBetween('2026-Q1', '2026-Q3')).toBe(2);
    expect(periodsBetween('2026-Q4', '2027-Q1')).toBe(1);
    expect(periodsBetween('2026-Q3', '2026-Q3')).toBe(0);
    expect(periodsBetween('2026-Q3', '2026-Q1')).toBe(-2);
    expect(periodsBetween('2026-M11', '2027-M02')).toBe(3);
    expect(periodsBetween('2025-Y', '2027-Y')).toBe(2);
    expect(periodsBetween('2026-M03', '2026-Q1')).toBeNull();
  });
});

describe('submission deadlines over the working calendar', () => {
  // Tết Nguyên đán 2026 as an administrator would enter it, 30/4 and 1/5, and a Saturday worked in
  // exchange for Friday 2 January 2026.
  const calendar = workingCalendar([
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-30', '2026-05-01'].map(
      (date) => ({ date, kind: 'public_holiday' as const }),
    ),
    { date: '2026-01-02', kind: 'exchange_day' },
    { date: '2026-01-10', kind: 'makeup_workday' },
  ]);

  it('skips weekends', () => {
    expect(isWorkingDay('2026-03-14', calendar)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-15', calendar)).toBe(false); // Sunday
    expect(isWorkingDay('2026-03-16', calendar)).toBe(true); // Monday
    expect(addWorkingDays('2026-03-13', 1, calendar)).toBe('2026-03-16'); // Friday → Monday
  });

  it('works a make-up Saturday and rests on an exchange day', () => {
    expect(isWorkingDay('2026-01-10', calendar)).toBe(true);
    expect(isWorkingDay('2026-01-02', calendar)).toBe(false);
    // From Wednesday 31/12/2025: Thursday 1/1 is not a holiday in this calendar, Friday 2/1 is off.
    expect(addWorkingDays('2026-01-01', 1, calendar)).toBe('2026-01-05');
    expect(addWorkingDays('2026-01-09', 1, calendar)).toBe('2026-01-10');
  });

  it('skips the days off the administrator entered', () => {
    // Month of February 2026 ends 14 Feb (Saturday); two working days later, across Tết, is 24 Feb.
    expect(
      submissionDeadline(
        periodOf('month', 2026, 2),
        { kind: 'working_days_after_cutoff', days: 2 },
        calendar,
      ),
    ).toBe('2026-02-24');
    expect(addWorkingDays('2026-04-29', 1, calendar)).toBe('2026-05-04');
  });

  it('a fixed day of a following month, clamped to the month’s last day', () => {
    expect(
      submissionDeadline(
        periodOf('quarter', 2026, 1),
        { kind: 'fixed_day', day: 20, monthsAfter: 0 },
        calendar,
      ),
    ).toBe('2026-03-20');
    expect(
      submissionDeadline(
        periodOf('month', 2026, 12),
        { kind: 'fixed_day', day: 5, monthsAfter: 1 },
        calendar,
      ),
    ).toBe('2027-01-05');
  });

  it('moves a fixed-day deadline that falls on a day off to the next working day', () => {
    const day20 = { kind: 'fixed_day', day: 20, monthsAfter: 0 } as const;
    // BC-CPS-QUY, quarter 4 of 2026: the 20th of December 2026 is a Sunday.
    expect(submissionDeadline(periodOf('quarter', 2026, 4), day20, calendar)).toBe('2026-12-21');
    // The 31st clamped to 28 February 2027, a Sunday, then moved to Monday 1 March.
    expect(
      submissionDeadline(periodOf('year', 2026), { kind: 'fixed_day', day: 31, monthsAfter: 2 }, calendar),
    ).toBe('2027-03-01');
    // A fixed day on a holiday moves past it (and past the weekend after it).
    expect(
      submissionDeadline(
        periodOf('month', 2026, 4),
        { kind: 'fixed_day', day: 30, monthsAfter: 0 },
        calendar,
      ),
    ).toBe('2026-05-04');
    // A fixed day on a make-up Saturday stays: that Saturday is worked.
    expect(
      submissionDeadline(
        periodOf('month', 2026, 1),
        { kind: 'fixed_day', day: 10, monthsAfter: 0 },
        calendar,
      ),
    ).toBe('2026-01-10');
    expect(onOrNextWorkingDay('2026-02-14', calendar)).toBe('2026-02-23');
  });

  it('a deadline is always a working day, whatever the rule and the period', () => {
    for (const type of PERIOD_TYPES)
      for (const year of [2026, 2027])
        for (const index of type === 'month'
          ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
          : type === 'quarter'
            ? [1, 2, 3, 4]
            : [1])
          for (const rule of [
            { kind: 'working_days_after_cutoff', days: 2 },
            { kind: 'fixed_day', day: 20, monthsAfter: 0 },
            { kind: 'fixed_day', day: 31, monthsAfter: 1 },
          ] as const) {
            const deadline = submissionDeadline(periodOf(type, year, index), rule, calendar);
            expect(isWorkingDay(deadline, calendar), `${type} ${year}/${index} ${deadline}`).toBe(true);
          }
  });
});

describe('a fixed-day deadline under any calendar', () => {
  it('is the first working day on or after the nominal day', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 729 }), { maxLength: 60 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 729 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (offDays, workedDays, month, day) => {
          const date = (n: number) => shiftDate('2026-01-01', n);
          const calendar = workingCalendar([
            ...offDays.map((n) => ({ date: date(n), kind: 'public_holiday' as const })),
            ...workedDays
              .filter((n) => !offDays.includes(n))
              .map((n) => ({ date: date(n), kind: 'makeup_workday' as const })),
          ]);
          // Month M's cut-off is the 14th of M: the day falls in that month, clamped to its length.
          const lastDay = new Date(Date.UTC(2026, month, 0)).getUTCDate();
          const nominal = `2026-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
          const deadline = submissionDeadline(
            periodOf('month', 2026, month),
            { kind: 'fixed_day', day, monthsAfter: 0 },
            calendar,
          );
          expect(isWorkingDay(deadline, calendar)).toBe(true);
          for (let d = nominal; d < deadline; d = shiftDate(d, 1))
            expect(isWorkingDay(d, calendar)).toBe(false);
        },
      ),
    );
  });
});

describe('calendar entries', () => {
  it('a make-up working day is a weekend day; a substitute or exchange day off is a weekday', () => {
    expect(calendarEntryProblem('2026-01-10', 'makeup_workday')).toBeNull(); // Saturday
    expect(calendarEntryProblem('2026-01-09', 'makeup_workday')).toBe('makeupNotWeekend');
    expect(calendarEntryProblem('2026-04-27', 'substitute_day')).toBeNull(); // Monday
    expect(calendarEntryProblem('2026-04-26', 'substitute_day')).toBe('dayOffOnWeekend');
    expect(calendarEntryProblem('2026-01-03', 'exchange_day')).toBe('dayOffOnWeekend');
    // A public holiday may fall on a Sunday: that is why a substitute day follows it.
    expect(calendarEntryProblem('2026-04-26', 'public_holiday')).toBeNull();
  });

  it('only a make-up working day is a working day', () => {
    const calendar = workingCalendar(
      CALENDAR_DAY_KINDS.map((kind, i) => ({ date: `2026-03-0${i + 1}`, kind })),
    );
    expect(CALENDAR_DAY_KINDS.filter((k) => !isDayOffKind(k))).toEqual(['makeup_workday']);
    expect([...calendar.daysOff]).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect([...calendar.workdays]).toEqual(['2026-03-04']);
  });
});
