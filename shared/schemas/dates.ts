import { z } from 'zod';
import { isCalendarDate } from '../calendar-date';

/**
 * Every date a procedure or route takes (`invalidDate`, translated by the client); described as an ISO
 * date (`format: date`) to the schema walkers.
 */
export const calendarDate = () =>
  z.iso.date({ error: 'invalidDate', abort: true }).refine(isCalendarDate, 'invalidDate');
