import { TZDate } from '@date-fns/tz';
import { addDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { shiftDate, VIETNAM_TZ, vietnamDate, vietnamDateTime } from './time';

describe('vietnamDate', () => {
  it('gives the calendar date in Vietnam, around midnight there and over three decades', () => {
    // 16:59:59 and 17:00:00 UTC are 23:59:59 and 00:00:00 in Vietnam (UTC+7).
    expect(vietnamDate(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(vietnamDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(vietnamDate(new Date('2028-02-28T17:30:00Z'))).toBe('2028-02-29');
    for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2031, 0, 1); t += 3_600_000 * 7 + 59_000) {
      const expected = format(new TZDate(t, VIETNAM_TZ), 'yyyy-MM-dd');
      if (vietnamDate(new Date(t)) !== expected) expect(vietnamDate(new Date(t))).toBe(expected);
    }
  });
});

describe('vietnamDateTime', () => {
  it('writes an instant as Vietnam reads it, dd/MM/yyyy HH:mm, across midnight there', () => {
    expect(vietnamDateTime(new Date('2026-12-31T16:59:00Z'))).toBe('31/12/2026 23:59');
    expect(vietnamDateTime(new Date('2026-12-31T17:00:00Z'))).toBe('01/01/2027 00:00');
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2031, 0, 1); t += 3_600_000 * 5 + 61_000) {
      const expected = format(new TZDate(t, VIETNAM_TZ), 'dd/MM/yyyy HH:mm');
      if (vietnamDateTime(new Date(t)) !== expected) expect(vietnamDateTime(new Date(t))).toBe(expected);
    }
  });
});

describe('shiftDate', () => {
  it('moves a calendar date by whole days as the calendar does, across months, leap years and centuries', () => {
    expect(shiftDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDate('2028-03-01', -1)).toBe('2028-02-29');
    expect(shiftDate('2100-03-01', -1)).toBe('2100-02-28');
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2199-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -40_000, max: 40_000 }),
        (date, days) => {
          const iso = date.toISOString().slice(0, 10);
          expect(shiftDate(iso, days)).toBe(format(addDays(parseISO(iso), days), 'yyyy-MM-dd'));
        },
      ),
    );
  });

  it('refuses a date that does not exist rather than rolling it over', () => {
    expect(() => shiftDate('2026-02-30', 1)).toThrow(RangeError);
    expect(() => shiftDate('not a date', 1)).toThrow(RangeError);
  });
});

describe('the Vietnam date formatters', () => {
  it('are built at first use, not when a page loads the module', async () => {
    vi.resetModules();
    const Original = Intl.DateTimeFormat;
    let built = 0;
    Intl.DateTimeFormat = class extends Original {
      constructor(...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        super(...args);
        built++;
      }
    } as typeof Intl.DateTimeFormat;
    try {
      const module = await import('./vietnam-date');
      expect(built).toBe(0);
      expect(module.vietnamDateTime(new Date('2026-12-31T17:00:00Z'))).toBe('01/01/2027 00:00');
      module.vietnamDateTime(new Date());
      expect(built).toBe(1);
    } finally {
      Intl.DateTimeFormat = Original;
    }
  });
});
