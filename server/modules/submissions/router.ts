import { AGENCY_ROLES, OVERSIGHT_ROLES } from '../../../shared/roles';
import {
  activeTemplatesOutput,
  complianceInput,
  complianceOutput,
  mySubmissionsOutput,
  newSubmissionFormInput,
  newSubmissionFormOutput,
  overdueCountOutput,
  provinceApprovalsOutput,
  reopenSubmissionInput,
  saveDraftInput,
  saveDraftOutput,
  sendUpInput,
  sendUpOutput,
  submissionActionInput,
  submissionDecisionInput,
  submissionDecisionOutput,
  submissionIdInput,
  submissionOutput,
  submissionWriteOutput,
} from '../../../shared/schemas/reports';
import { authedProcedure, reportProcedure, roleProcedure, router } from '../../trpc/init';
import { sharedOutput } from '../../trpc/shared-output';
import { submissionActionRole } from './policy';
import { getProvinceApprovals } from './province';
import {
  countOverdueSubmissions,
  findMySubmissions,
  getComplianceCached,
  getNewSubmissionForm,
  getSubmission,
  listTemplates,
} from './queries';
import {
  approveSubmission,
  provinceReviewSubmission,
  reopenSubmission,
  reviewSubmission,
  saveDraft,
  sendUpProvinceFigure,
  submitSubmission,
} from './service';

export const submissionsRouter = router({
  templates: authedProcedure.output(activeTemplatesOutput).query(({ ctx }) => listTemplates(ctx.database.db)),
  /** The user's agency's obligations: upcoming and overdue submissions first. */
  mine: authedProcedure
    .output(mySubmissionsOutput)
    .query(({ ctx }) => findMySubmissions(ctx.database.db, ctx.user)),
  /** The Office's reminder: reports past their deadline and not submitted, per regime. */
  overdueCount: reportProcedure(...OVERSIGHT_ROLES)
    .output(overdueCountOutput)
    .query(({ ctx }) => countOverdueSubmissions(ctx.readDb)),
  /** The form of a report not yet started: the fields of the version collecting that period. */
  newForm: authedProcedure
    .input(newSubmissionFormInput)
    .output(newSubmissionFormOutput)
    .query(({ ctx, input }) => getNewSubmissionForm(ctx.database.db, ctx.user, input)),
  get: authedProcedure
    .input(submissionIdInput)
    .output(submissionOutput)
    .query(({ ctx, input }) => getSubmission(ctx.database.db, ctx.user, input.id)),
  compliance: reportProcedure()
    .input(complianceInput)
    .output(sharedOutput(complianceOutput))
    .query(({ ctx, input }) => getComplianceCached(ctx.readDb, input)),

  saveDraft: roleProcedure(submissionActionRole('edit'))
    .input(saveDraftInput)
    .output(saveDraftOutput)
    .mutation(({ ctx, input }) => saveDraft(ctx.database.db, ctx.user, input)),
  submit: roleProcedure(submissionActionRole('submit'))
    .input(submissionActionInput)
    .output(submissionWriteOutput)
    .mutation(({ ctx, input }) => submitSubmission(ctx.database.db, ctx.user, input)),
  approve: roleProcedure(submissionActionRole('approve'))
    .input(submissionDecisionInput)
    .output(submissionDecisionOutput)
    .mutation(({ ctx, input }) => approveSubmission(ctx.database.db, ctx.user, input)),
  review: roleProcedure(submissionActionRole('review'))
    .input(submissionDecisionInput)
    .output(submissionDecisionOutput)
    .mutation(({ ctx, input }) => reviewSubmission(ctx.database.db, ctx.user, input)),
  /** A province's page of its communes' reports under the province chain (its officers and leaders). */
  provinceApprovals: roleProcedure(...AGENCY_ROLES)
    .output(provinceApprovalsOutput)
    .query(({ ctx }) => getProvinceApprovals(ctx.database.db, ctx.user)),
  /** The province's officer accepts or returns a commune's report (province chain). */
  provinceReview: roleProcedure(submissionActionRole('provinceReview'))
    .input(submissionDecisionInput)
    .output(submissionDecisionOutput)
    .mutation(({ ctx, input }) => provinceReviewSubmission(ctx.database.db, ctx.user, input)),
  /** The province's officer sends the Office the computed sum of its communes' accepted reports. */
  sendUp: roleProcedure(submissionActionRole('provinceReview'))
    .input(sendUpInput)
    .output(sendUpOutput)
    .mutation(({ ctx, input }) => sendUpProvinceFigure(ctx.database.db, ctx.user, input)),
  reopen: roleProcedure(submissionActionRole('reopen'))
    .input(reopenSubmissionInput)
    .output(submissionWriteOutput)
    .mutation(({ ctx, input }) => reopenSubmission(ctx.database.db, ctx.user, input)),
});
