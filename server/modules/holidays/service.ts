import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { holidayInput } from '../../../shared/schemas/holidays';
import { type Db, inTransaction } from '../../db/client';
import { holidays } from '../../db/schema';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import { recordChange } from '../live/record';

type CalendarEntry = z.output<typeof holidayInput>;

/** Adds a calendar entry (a day off or a make-up working day); deadlines move with it, so open screens are told. */
export async function addHoliday(db: Db, actor: Actor, input: CalendarEntry) {
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

/** Changes an entry's kind or names (the date is its key: another date is another entry). */
export async function updateHoliday(db: Db, actor: Actor, input: CalendarEntry) {
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(holidays).where(eq(holidays.date, input.date)).for('update');
    if (!before) throw new AppError('NOT_FOUND');
    const [row] = await tx
      .update(holidays)
      .set({ kind: input.kind, nameVi: input.nameVi, nameEn: input.nameEn })
      .where(eq(holidays.date, input.date))
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await appendAudit(tx, actor, {
      action: 'holiday.update',
      entityType: 'holiday',
      entityId: row.date,
      before,
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
