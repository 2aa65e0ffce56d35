import { asc, gte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { holidays } from '../../db/schema';

/** The calendar from a date on (all of it without one), in date order. */
export async function findHolidays(db: Db, from?: string) {
  return db
    .select()
    .from(holidays)
    .where(from ? gte(holidays.date, from) : undefined)
    .orderBy(asc(holidays.date));
}

/** Every holiday date, as deadline rules count working days over them. */
export async function loadHolidays(db: Db): Promise<Set<string>> {
  const rows = await db.select({ date: holidays.date }).from(holidays);
  return new Set(rows.map((r) => r.date));
}
