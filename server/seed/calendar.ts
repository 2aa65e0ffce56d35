import { type CalendarDayKind, isWeekend } from '../../shared/reporting-periods';
import { shiftDate } from '../../shared/time';

/**
 * The working calendar seeded for 2025–2030: what the Labour Code 2019 makes a day off, and what the
 * Government decided for the years it has decided. The administrator keeps it from there (the
 * holidays page): the Government announces each year's Tết, National Day and exchange days in the
 * autumn before, and its decision replaces the projection below.
 *
 * - Public holidays (art. 112): 1 January; Tết, five days; the Hùng Kings' day (10/3 lunar); 30 April;
 *   1 May; 2 September and one adjacent day.
 * - Substitute days (art. 111.3): a holiday on a Saturday or Sunday is made up on the next working day.
 *   For Tết, which the Government keeps in one block, a Tết day on a Saturday is made up on the
 *   working day before the block and one on a Sunday on the working day after it.
 * - Exchange days and make-up working days: set by the Government year by year (GOVERNMENT_EXCHANGES);
 *   none is known beyond 2026, so none is projected.
 *
 * The Government's 2025 decision named 27/1–31/1 the five Tết days (25/1–2/2 off); the rule below names
 * 28/1–1/2 and makes up Saturday 1/2 on Monday 27/1: the same days off.
 *
 * Not seeded: Vietnamese Culture Day (24 November), announced by the Politburo's Resolution 80-NQ/TW
 * (January 2026) as a paid day off; the administrator adds it once the Labour Code or the Government
 * makes it one.
 */
export interface CalendarEntrySeed {
  date: string;
  kind: CalendarDayKind;
  nameVi: string;
  nameEn: string;
}

export const CALENDAR_YEARS = [2025, 2026, 2027, 2028, 2029, 2030] as const;

/**
 * Lunar dates in the solar calendar, by Vietnam's lunar calendar (new moons reckoned at UTC+7, so 2030's
 * Tết is 2 February where China's is the 3rd): the first day of the year (mùng 1 Tết) and the 10th day
 * of the third month (the Hùng Kings' day). Checked against an independent computation (the
 * date-holidays library) in calendar.test.ts.
 */
export const LUNAR_DATES: Record<(typeof CALENDAR_YEARS)[number], { tet: string; hungKings: string }> = {
  2025: { tet: '2025-01-29', hungKings: '2025-04-07' },
  2026: { tet: '2026-02-17', hungKings: '2026-04-26' },
  2027: { tet: '2027-02-06', hungKings: '2027-04-16' },
  2028: { tet: '2028-01-26', hungKings: '2028-04-04' },
  2029: { tet: '2029-02-13', hungKings: '2029-04-23' },
  2030: { tet: '2030-02-02', hungKings: '2030-04-12' },
};

/**
 * Exchange days the Government set: a weekday off, worked on a Saturday instead. Sources:
 * 2025: the Prime Minister's approval of the Ministry of Labour's holiday plan (announced 26/11/2024),
 * 30/4–4/5 off, Friday 2/5 worked on Saturday 26/4; 2026: Công văn 12729/VPCP-KGVX (25/12/2025), Friday
 * 2/1 worked on Saturday 10/1; Thông báo 9441/TB-BNV (16/10/2025), Monday 31/8 worked on Saturday 22/8.
 */
const GOVERNMENT_EXCHANGES: { off: string; worked: string; vi: string; en: string }[] = [
  {
    off: '2025-05-02',
    worked: '2025-04-26',
    vi: 'dịp 30/4 và 1/5',
    en: 'Reunification Day and Labour Day',
  },
  { off: '2026-01-02', worked: '2026-01-10', vi: 'dịp Tết Dương lịch', en: "New Year's Day" },
  { off: '2026-08-31', worked: '2026-08-22', vi: 'dịp Quốc khánh', en: 'National Day' },
];

const TET_DAY_NAMES: [string, string][] = [
  ['Tết Nguyên đán (ngày cuối năm Âm lịch)', 'Lunar New Year (last day of the old year)'],
  ['Tết Nguyên đán (mùng 1)', 'Lunar New Year (1st day)'],
  ['Tết Nguyên đán (mùng 2)', 'Lunar New Year (2nd day)'],
  ['Tết Nguyên đán (mùng 3)', 'Lunar New Year (3rd day)'],
  ['Tết Nguyên đán (mùng 4)', 'Lunar New Year (4th day)'],
];

/** The day of 2 September's pair, by its weekday (Sunday first): the one that joins a weekend where it can. */
const NATIONAL_DAY_PARTNER = [+1, +1, -1, -1, +1, -1, -1] as const;

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The public holidays and their substitute days of one year, as the Labour Code makes them. */
function statutoryYear(year: (typeof CALENDAR_YEARS)[number]): CalendarEntrySeed[] {
  const { tet, hungKings } = LUNAR_DATES[year];
  const holiday = (date: string, nameVi: string, nameEn: string): CalendarEntrySeed => ({
    date,
    kind: 'public_holiday',
    nameVi,
    nameEn,
  });
  const tetDays = TET_DAY_NAMES.map(([vi, en], i) => holiday(shiftDate(tet, i - 1), vi, en));
  const nationalDay = `${year}-09-02`;
  const others = [
    holiday(`${year}-01-01`, 'Tết Dương lịch', "New Year's Day"),
    holiday(hungKings, 'Giỗ Tổ Hùng Vương', "Hùng Kings' Commemoration Day"),
    holiday(`${year}-04-30`, 'Ngày Chiến thắng (30/4)', 'Reunification Day'),
    holiday(`${year}-05-01`, 'Ngày Quốc tế Lao động', 'International Labour Day'),
    holiday(nationalDay, 'Quốc khánh', 'National Day'),
    holiday(
      shiftDate(nationalDay, NATIONAL_DAY_PARTNER[weekday(nationalDay)] ?? 1),
      'Quốc khánh (ngày nghỉ liền kề)',
      'National Day (adjacent day)',
    ),
  ];
  const off = new Set([...tetDays, ...others].map((h) => h.date));
  const isWorking = (date: string) => !isWeekend(date) && !off.has(date);
  const substitute = (h: CalendarEntrySeed, step: 1 | -1): CalendarEntrySeed => {
    let date = shiftDate(h.date, step);
    while (!isWorking(date)) date = shiftDate(date, step);
    off.add(date);
    const dayMonth = `${h.date.slice(8, 10)}/${h.date.slice(5, 7)}`;
    return {
      date,
      kind: 'substitute_day',
      nameVi: `Nghỉ bù ${h.nameVi} (${dayMonth})`,
      nameEn: `Substitute day for ${h.nameEn} (${dayMonth})`,
    };
  };
  const substitutes = [
    // Tết first: its block is fixed, the other holidays' substitutes find room around it.
    ...tetDays.filter((h) => isWeekend(h.date)).map((h) => substitute(h, weekday(h.date) === 6 ? -1 : 1)),
    ...others
      .filter((h) => isWeekend(h.date))
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((h) => substitute(h, 1)),
  ];
  return [...tetDays, ...others, ...substitutes];
}

function exchangeEntries(): CalendarEntrySeed[] {
  return GOVERNMENT_EXCHANGES.flatMap(({ off, worked, vi, en }) => [
    { date: off, kind: 'exchange_day', nameVi: `Nghỉ hoán đổi ${vi}`, nameEn: `${en}, exchange day off` },
    {
      date: worked,
      kind: 'makeup_workday',
      nameVi: `Làm bù cho ngày nghỉ hoán đổi ${vi}`,
      nameEn: `${en}, make-up working day`,
    },
  ]);
}

/** Every seeded entry, 2025–2030, in date order. */
export function seededCalendar(): CalendarEntrySeed[] {
  return [...CALENDAR_YEARS.flatMap(statutoryYear), ...exchangeEntries()].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}
