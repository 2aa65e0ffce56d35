import { OVERSIGHT_ROLES } from '../../../shared/roles';
import { monthlyReportOutput } from '../../../shared/schemas/reports';
import { monthInput } from '../../../shared/schemas/tasks';
import { roleProcedure, router } from '../../trpc/init';
import { getMonthlyReport } from './monthly';

export const reportsRouter = router({
  /** The monthly monitoring report; frozen at the month's cut-off once it has passed. */
  monthly: roleProcedure(...OVERSIGHT_ROLES)
    .input(monthInput)
    .output(monthlyReportOutput)
    .query(({ ctx, input }) => getMonthlyReport(ctx.database.db, input.month)),
});
