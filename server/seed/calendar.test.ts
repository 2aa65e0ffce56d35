import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { isDayOffKind, isWeekend, isWorkingDay, workingCalendar } from '../../shared/reporting-periods';
import { shiftDate, vietnamDate } from '../../shared/time';
import { LUNAR_DATES, seededCalendar } from './calendar';

/** The years the calendar must cover, stated here so that a year dropped from the seed fails. */
const YEARS = [2025, 2026, 2027, 2028, 2029, 2030] as const;

const entries = seededCalendar();
const calendar = workingCalendar(entries);
const kindOf = (date: string) => entries.find((e) => e.date === date)?.kind;

/**
 * An independent source: the date-holidays library's public holidays for Vietnam (its own lunar
 * computation, for Vietnam's time zone), each day of each as a Vietnam calendar date.
 */
function libraryPublicHolidays(year: number): { date: string; name: string }[] {
  const library = new Holidays('VN');
  return library
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    .flatMap((h) => {
      const days: { date: string; name: string }[] = [];
      for (let t = h.start.getTime(); t < h.end.getTime(); t += 86_400_000)
        days.push({ date: vietnamDate(new Date(t)), name: h.name });
      return days;
    });
}

describe('the seeded working calendar against an independent holiday source', () => {
  it.each(YEARS.map((y) => [y]))(
    'every public holiday the date-holidays library lists for Vietnam in %i is a day off',
    (year) => {
      const listed = libraryPublicHolidays(year);
      // The library knows New Year, Tết, the Hùng Kings, 30/4, 1/5 and 2/9: a year without them is broken.
      expect(listed.length).toBeGreaterThanOrEqual(10);
      const notOff = listed.filter((h) => !calendar.daysOff.has(h.date));
      expect(notOff).toEqual([]);
    },
  );

  it('has its lunar dates where the library computes them (Tết and the Hùng Kings’ day)', () => {
    for (const year of YEARS) {
      const listed = new Holidays('VN').getHolidays(year);
      const tet = listed.find((h) => h.rule === 'vietnamese 1-0-1');
      const hungKings = listed.find((h) => h.rule === 'vietnamese 3-0-10');
      expect({
        year,
        tet: tet && vietnamDate(tet.start),
        hungKings: hungKings && vietnamDate(hungKings.start),
      }).toEqual({
        year,
        ...LUNAR_DATES[year],
      });
    }
  });
});

describe('the seeded working calendar', () => {
  it('covers 2025–2030 with the eleven statutory days off each year, one entry per date', () => {
    for (const year of YEARS) {
      const holidays = entries.filter((e) => e.date.startsWith(`${year}-`) && e.kind === 'public_holiday');
      expect(holidays, String(year)).toHaveLength(11);
    }
    expect(new Set(entries.map((e) => e.date)).size).toBe(entries.length);
    for (const e of entries) {
      expect(e.nameVi.length).toBeGreaterThan(3);
      expect(e.nameEn.length).toBeGreaterThan(3);
    }
  });

  it('gives a weekday off for every holiday on a weekend (Labour Code art. 111.3)', () => {
    for (const year of YEARS) {
      const inYear = entries.filter((e) => e.date.startsWith(`${year}-`));
      const onWeekend = inYear.filter((e) => e.kind === 'public_holiday' && isWeekend(e.date)).length;
      const substitutes = inYear.filter((e) => e.kind === 'substitute_day');
      expect(substitutes, String(year)).toHaveLength(onWeekend);
      for (const s of substitutes) expect(isWeekend(s.date)).toBe(false);
    }
  });

  it('has the substitute days the issue found missing', () => {
    for (const date of ['2025-01-27', '2026-04-27', '2027-02-04', '2027-02-10', '2027-05-03'])
      expect(kindOf(date), date).toBe('substitute_day');
  });

  it('has the exchange days and make-up Saturdays the Government set for 2025 and 2026', () => {
    expect(kindOf('2025-05-02')).toBe('exchange_day');
    expect(kindOf('2025-04-26')).toBe('makeup_workday');
    expect(kindOf('2026-01-02')).toBe('exchange_day');
    expect(kindOf('2026-01-10')).toBe('makeup_workday');
    expect(kindOf('2026-08-31')).toBe('exchange_day');
    expect(kindOf('2026-08-22')).toBe('makeup_workday');
    expect(isWorkingDay('2026-01-10', calendar)).toBe(true);
    expect(isWorkingDay('2026-01-02', calendar)).toBe(false);
    // Every exchange is a weekday off against a weekend day worked, so the working time stays whole.
    const exchanges = entries.filter((e) => e.kind === 'exchange_day');
    const makeups = entries.filter((e) => e.kind === 'makeup_workday');
    expect(exchanges.length).toBe(makeups.length);
    for (const m of makeups) expect(isWeekend(m.date)).toBe(true);
  });

  it('matches the breaks the Government announced (days off, weekends included)', () => {
    const offBetween = (from: string, to: string) => {
      const working: string[] = [];
      for (let d = from; d <= to; d = shiftDate(d, 1)) if (isWorkingDay(d, calendar)) working.push(d);
      return working;
    };
    // Tết 2025: 25/1–2/2; 30/4–4/5/2025; Tết 2026: 14/2–22/2; 1/1–4/1/2026; 29/8–2/9/2026.
    expect(offBetween('2025-01-25', '2025-02-02')).toEqual([]);
    expect(isWorkingDay('2025-02-03', calendar)).toBe(true);
    expect(offBetween('2025-04-30', '2025-05-04')).toEqual([]);
    expect(offBetween('2026-02-14', '2026-02-22')).toEqual([]);
    expect(isWorkingDay('2026-02-23', calendar)).toBe(true);
    expect(offBetween('2026-01-01', '2026-01-04')).toEqual([]);
    expect(offBetween('2026-08-29', '2026-09-02')).toEqual([]);
    expect(isWorkingDay('2026-09-03', calendar)).toBe(true);
    // Kinds decide: only a make-up working day is worked.
    for (const e of entries) expect(calendar.daysOff.has(e.date)).toBe(isDayOffKind(e.kind));
  });
});
