import {
  holidayInput,
  holidayListOutput,
  holidayOutput,
  listHolidaysInput,
  removeHolidayInput,
  removeHolidayOutput,
} from '../../../shared/schemas/holidays';
import { authedProcedure, roleProcedure, router } from '../../trpc/init';
import { findHolidays } from './queries';
import { addHoliday, removeHoliday, updateHoliday } from './service';

/**
 * The working calendar deadlines are counted over; the administrator keeps it (Tết moves every year,
 * the Government sets exchange days and make-up working days yearly).
 */
export const holidaysRouter = router({
  list: authedProcedure
    .input(listHolidaysInput)
    .output(holidayListOutput)
    .query(({ ctx, input }) => findHolidays(ctx.database.db, input)),
  add: roleProcedure('admin')
    .input(holidayInput)
    .output(holidayOutput)
    .mutation(({ ctx, input }) => addHoliday(ctx.database.db, ctx.user, input)),
  update: roleProcedure('admin')
    .input(holidayInput)
    .output(holidayOutput)
    .mutation(({ ctx, input }) => updateHoliday(ctx.database.db, ctx.user, input)),
  remove: roleProcedure('admin')
    .input(removeHolidayInput)
    .output(removeHolidayOutput)
    .mutation(({ ctx, input }) => removeHoliday(ctx.database.db, ctx.user, input.date)),
});
