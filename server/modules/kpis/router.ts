import { KPI_DETAIL_ROLES } from '../../../shared/page-access';
import {
  agencyKpiSubmissionsOutput,
  kpiAgencyInput,
  kpiCodeInput,
  kpiDetail,
  kpiOverviewInput,
  kpiOverviewOutput,
  offTrackCountOutput,
  scorecardInput,
  scorecardOutput,
  setCoverageFloorInput,
  setCoverageFloorOutput,
} from '../../../shared/schemas/kpis';
import { authedProcedure, roleProcedure, router } from '../../trpc/init';
import { sharedOutput } from '../../trpc/shared-output';
import {
  countOffTrack,
  getAgencyKpiSubmissions,
  getKpiDetailCached,
  getKpiOverviewCached,
  getScorecard,
  setCoverageFloor,
} from './service';

export const kpisRouter = router({
  /** National figures of every KPI: all signed-in users may read them. */
  overview: authedProcedure
    .input(kpiOverviewInput)
    .output(sharedOutput(kpiOverviewOutput))
    .query(({ ctx, input }) => getKpiOverviewCached(ctx.database.db, input)),
  /** One KPI with every agency ranked and the agency × period heatmap (oversight roles). */
  detail: roleProcedure(...KPI_DETAIL_ROLES)
    .input(kpiCodeInput)
    .output(sharedOutput(kpiDetail))
    .query(({ ctx, input }) => getKpiDetailCached(ctx.database.db, input.code)),
  /** One agency's submissions for a KPI: oversight roles, and the agency's own users (checked per row). */
  agencySubmissions: authedProcedure
    .input(kpiAgencyInput)
    .output(agencyKpiSubmissionsOutput)
    .query(({ ctx, input }) => getAgencyKpiSubmissions(ctx.database.db, ctx.user, input)),
  /** An agency's own scorecard: its users and oversight roles only. */
  scorecard: authedProcedure
    .input(scorecardInput)
    .output(scorecardOutput)
    .query(({ ctx, input }) => getScorecard(ctx.database.db, ctx.user, input.agencyId)),
  offTrackCount: authedProcedure
    .output(offTrackCountOutput)
    .query(({ ctx }) => countOffTrack(ctx.database.db)),
  /** The administrator sets the coverage at which a period not yet closed counts (policy in the service). */
  setCoverageFloor: roleProcedure('admin')
    .input(setCoverageFloorInput)
    .output(setCoverageFloorOutput)
    .mutation(({ ctx, input }) => setCoverageFloor(ctx.database.db, ctx.user, input)),
});
