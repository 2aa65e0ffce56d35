import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../calendar-date';
import { calendarDate } from './dates';

describe('calendar dates', () => {
  it('takes the dates that exist, leap days included', () => {
    for (const d of ['2026-01-01', '2026-02-28', '2024-02-29', '2000-02-29', '2026-04-30', '2026-12-31'])
      expect(isCalendarDate(d), d).toBe(true);
  });

  it('refuses dates that match the pattern but do not exist, and other shapes', () => {
    for (const d of [
      '2026-02-29',
      '2026-02-30',
      '2026-02-31',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '0999-12-31',
      '2026-1-01',
      '2026-01-01T00:00:00Z',
      '',
    ])
      expect(isCalendarDate(d), d).toBe(false);
  });

  it('is refused by the schema once, with the key the client translates', () => {
    const result = calendarDate().safeParse('2026-02-30');
    expect(result.error?.issues.map((i) => i.message)).toEqual(['invalidDate']);
  });
});
