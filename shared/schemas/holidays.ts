import { z } from 'zod';
import { CALENDAR_DAY_KINDS, calendarEntryProblem } from '../reporting-periods';
import { calendarDate } from './dates';

const isoDate = calendarDate();

// A public holiday unless said otherwise (the calendar's first and most common kind).
const calendarDayKind = z.enum(CALENDAR_DAY_KINDS, { error: 'chooseKind' }).default('public_holiday');

const entryFields = z.object({
  date: isoDate,
  kind: calendarDayKind,
  nameVi: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  nameEn: z.string().trim().min(1, 'required').max(200, 'tooLong'),
});

/** One calendar entry as the administrator adds or changes it (the date is the entry's key). */
export const holidayInput = entryFields.superRefine((entry, ctx) => {
  const problem = calendarEntryProblem(entry.date, entry.kind);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['kind'] });
});
export type HolidayInput = z.input<typeof holidayInput>;

/** The calendar between two dates (either end open). */
export const listHolidaysInput = z.object({ from: isoDate.optional(), to: isoDate.optional() });

export const removeHolidayInput = z.object({ date: isoDate });

export const holidayOutput = z.object({
  date: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  kind: z.enum(CALENDAR_DAY_KINDS),
});
export const holidayListOutput = z.array(holidayOutput);
export const removeHolidayOutput = z.object({ date: z.string() });
