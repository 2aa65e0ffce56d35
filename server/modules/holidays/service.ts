import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { HolidayInput } from '../../../shared/schemas/holidays';
import { type Db, inTransaction } from '../../db/client';
import { holidays } from '../../db/schema';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import { recordChange } from '../live/record';

/** Adds a day off; deadlines move with it, so open screens are told. */
export async function addHoliday(db: Db, actor: Actor, input: HolidayInput) {
  return inTransaction(db, async (tx) => {
    const [row] = await tx.insert(holidays).values(input).onConflictDoNothing().returning();
    if (!row) throw new AppError('CONFLICT', 'holidayExists', { field: 'date', reason: 'holidayExists' });
    await appendAudit(tx, actor, {
      action: 'holiday.add',
      entityType: 'holiday',
      entityId: row.date,
      after: row,
    });
    await recordChange(tx, { type: 'holiday.changed', payload: {} });
    return row;
  });
}

export async function removeHoliday(db: Db, actor: Actor, date: string) {
  return inTransaction(db, async (tx) => {
    const [row] = await tx.delete(holidays).where(eq(holidays.date, date)).returning();
    if (!row) throw new AppError('NOT_FOUND');
    await appendAudit(tx, actor, {
      action: 'holiday.remove',
      entityType: 'holiday',
      entityId: row.date,
      before: row,
    });
    await recordChange(tx, { type: 'holiday.changed', payload: {} });
    return { date: row.date };
  });
}
