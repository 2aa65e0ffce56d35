import { asc, eq, gte } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { holidayInput } from '../../../shared/schemas/reports';
import type { Db } from '../../db/client';
import { holidays } from '../../db/schema';
import { authedProcedure, roleProcedure, router } from '../../trpc/init';
import { appendAudit } from '../audit/service';
import { recordChange } from '../live/record';

/** The holiday calendar deadlines are counted over; the administrator keeps it (Tết moves every year). */
export const holidaysRouter = router({
  list: authedProcedure
    .input(
      z.object({
        from: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
      }),
    )
    .query(({ ctx, input }) =>
      ctx.database.db
        .select()
        .from(holidays)
        .where(input.from ? gte(holidays.date, input.from) : undefined)
        .orderBy(asc(holidays.date)),
    ),

  add: roleProcedure('admin')
    .input(holidayInput)
    .mutation(({ ctx, input }) =>
      ctx.database.db.transaction(async (txx) => {
        const tx = txx as unknown as Db;
        const [row] = await tx.insert(holidays).values(input).onConflictDoNothing().returning();
        if (!row) throw new AppError('CONFLICT', 'holidayExists', { field: 'date', reason: 'holidayExists' });
        await appendAudit(tx, ctx.user, {
          action: 'holiday.add',
          entityType: 'holiday',
          entityId: row.date,
          after: row,
        });
        await recordChange(tx, { type: 'holiday.changed', payload: {} });
        return row;
      }),
    ),

  remove: roleProcedure('admin')
    .input(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }))
    .mutation(({ ctx, input }) =>
      ctx.database.db.transaction(async (txx) => {
        const tx = txx as unknown as Db;
        const [row] = await tx.delete(holidays).where(eq(holidays.date, input.date)).returning();
        if (!row) throw new AppError('NOT_FOUND');
        await appendAudit(tx, ctx.user, {
          action: 'holiday.remove',
          entityType: 'holiday',
          entityId: row.date,
          before: row,
        });
        await recordChange(tx, { type: 'holiday.changed', payload: {} });
        return { date: row.date };
      }),
    ),
});
