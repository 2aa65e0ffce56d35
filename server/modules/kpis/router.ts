import { KPI_DETAIL_ROLES } from '../../../shared/page-access';
import {
  agencyKpiSubmissionsOutput,
  kpiAgencyInput,
  kpiDetail,
  kpiDetailInput,
  kpiOverviewInput,
  kpiOverviewOutput,
  offTrackCountOutput,
  scorecardInput,
  scorecardOutput,
  setCoverageFloorInput,
  setCoverageFloorOutput,
} from '../../../shared/schemas/kpis';
import { reportProcedure, roleProcedure, router } from '../../trpc/init';
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
  overview: reportProcedure()
    .input(kpiOverviewInput)
    .output(sharedOutput(kpiOverviewOutput))
    .query(({ ctx, input }) => getKpiOverviewCached(ctx.readDb, input)),
  /** One KPI with every agency ranked and the agency × period heatmap (oversight roles). */
  detail: reportProcedure(...KPI_DETAIL_ROLES)
    .input(kpiDetailInput)
    .output(sharedOutput(kpiDetail))
    .query(({ ctx, input }) => getKpiDetailCached(ctx.readDb, input.code, new Date(), input.borders)),
  /** One agency's submissions for a KPI: oversight roles, and the agency's own users (checked per row). */
  agencySubmissions: reportProcedure()
    .input(kpiAgencyInput)
    .output(agencyKpiSubmissionsOutput)
    .query(({ ctx, input }) => getAgencyKpiSubmissions(ctx.readDb, ctx.user, input)),
  /** An agency's own scorecard: its users and oversight roles only. */
  scorecard: reportProcedure()
    .input(scorecardInput)
    .output(scorecardOutput)
    .query(({ ctx, input }) => getScorecard(ctx.readDb, ctx.user, input.agencyId)),
  offTrackCount: reportProcedure()
    .output(offTrackCountOutput)
    .query(({ ctx }) => countOffTrack(ctx.readDb)),
  /** The administrator sets the coverage at which a period not yet closed counts (policy in the service). */
  setCoverageFloor: roleProcedure('admin')
    .input(setCoverageFloorInput)
    .output(setCoverageFloorOutput)
    .mutation(({ ctx, input }) => setCoverageFloor(ctx.database.db, ctx.user, input)),
});
