import { kpiAgencyInput, kpiCodeInput, kpiOverviewInput, scorecardInput } from '../../../shared/kpi';
import { authedProcedure, roleProcedure, router } from '../../trpc/init';
import {
  countOffTrack,
  getAgencyKpiSubmissions,
  getKpiDetailCached,
  getKpiOverviewCached,
  getScorecard,
} from './service';

export const kpisRouter = router({
  /** National figures of every KPI: all signed-in users may read them. */
  overview: authedProcedure
    .input(kpiOverviewInput)
    .query(({ ctx, input }) => getKpiOverviewCached(ctx.database.db, input)),
  /** One KPI with every agency ranked and the agency × period heatmap (oversight roles). */
  detail: roleProcedure('office', 'inspector', 'admin')
    .input(kpiCodeInput)
    .query(({ ctx, input }) => getKpiDetailCached(ctx.database.db, input.code)),
  /** One agency's submissions for a KPI: oversight roles, and the agency's own users (checked per row). */
  agencySubmissions: authedProcedure
    .input(kpiAgencyInput)
    .query(({ ctx, input }) => getAgencyKpiSubmissions(ctx.database.db, ctx.user, input)),
  /** An agency's own scorecard: its users and oversight roles only. */
  scorecard: authedProcedure
    .input(scorecardInput)
    .query(({ ctx, input }) => getScorecard(ctx.database.db, ctx.user, input.agencyId)),
  offTrackCount: authedProcedure.query(({ ctx }) => countOffTrack(ctx.database.db)),
});
