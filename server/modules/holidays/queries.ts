import { and, asc, gte, lte } from 'drizzle-orm';
import { type WorkingCalendar, workingCalendar } from '../../../shared/reporting-periods';
import type { Db } from '../../db/client';
import { holidays } from '../../db/schema';

/** The calendar entries between two dates (either end open), in date order. */
export async function findHolidays(db: Db, range: { from?: string; to?: string } = {}) {
  return db
    .select()
    .from(holidays)
    .where(
      and(
        range.from ? gte(holidays.date, range.from) : undefined,
        range.to ? lte(holidays.date, range.to) : undefined,
      ),
    )
    .orderBy(asc(holidays.date));
}

/**
 * The working calendar every deadline is counted over (`submissionDeadline`'s third argument): the
 * administrator's days off and make-up working days.
 */
export async function loadHolidays(db: Db): Promise<WorkingCalendar> {
  return workingCalendar(await db.select({ date: holidays.date, kind: holidays.kind }).from(holidays));
}
