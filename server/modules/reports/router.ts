import { MONTHLY_REPORT_ROLES } from '../../../shared/page-access';
import { monthlyReportOutput } from '../../../shared/schemas/reports';
import { monthInput } from '../../../shared/schemas/tasks';
import { reportProcedure, router } from '../../trpc/init';
import { sharedOutput } from '../../trpc/shared-output';
import { getMonthlyReportColumns } from './monthly';

export const reportsRouter = router({
  /**
   * The monthly monitoring report: live for the running month; a closed month as the freeze job stored
   * it (a shared, frozen value: checked and encoded once), or from history until it has. Its agencies
   * as columns (a quarter of the JSON of rows); the page turns them back into rows.
   */
  monthly: reportProcedure(...MONTHLY_REPORT_ROLES)
    .input(monthInput)
    .output(sharedOutput(monthlyReportOutput))
    .query(({ ctx, input }) => getMonthlyReportColumns(ctx.readDb, input.month)),
});
