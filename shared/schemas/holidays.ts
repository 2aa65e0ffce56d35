import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate');

export const holidayInput = z.object({
  date: isoDate,
  nameVi: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  nameEn: z.string().trim().min(1, 'required').max(200, 'tooLong'),
});
export type HolidayInput = z.input<typeof holidayInput>;

/** The calendar from a date on (all of it without one). */
export const listHolidaysInput = z.object({ from: isoDate.optional() });

export const removeHolidayInput = z.object({ date: isoDate });

export const holidayOutput = z.object({ date: z.string(), nameVi: z.string(), nameEn: z.string() });
export const holidayListOutput = z.array(holidayOutput);
export const removeHolidayOutput = z.object({ date: z.string() });
