import { homeSummaryOutput } from '../../../shared/schemas/home';
import { authedProcedure, router } from '../../trpc/init';
import { getHomeSummary } from './service';

export const homeRouter = router({
  /** What awaits the signed-in user (counts by role, scoped to their agency for agency staff). */
  summary: authedProcedure
    .output(homeSummaryOutput)
    .query(({ ctx }) => getHomeSummary(ctx.database.db, ctx.user)),
});
