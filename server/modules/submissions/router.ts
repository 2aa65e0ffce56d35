import { z } from 'zod';
import {
  complianceInput,
  periodKey,
  reopenSubmissionInput,
  saveDraftInput,
  submissionActionInput,
  submissionDecisionInput,
} from '../../../shared/schemas/reports';
import { authedProcedure, roleProcedure, router } from '../../trpc/init';
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
  reopenSubmission,
  reviewSubmission,
  saveDraft,
  submitSubmission,
} from './service';

export const submissionsRouter = router({
  templates: authedProcedure.query(({ ctx }) => listTemplates(ctx.database.db)),
  /** The user's agency's obligations: upcoming and overdue submissions first. */
  mine: authedProcedure.query(({ ctx }) => findMySubmissions(ctx.database.db, ctx.user)),
  /** The Office's reminder: reports past their deadline and not submitted, per regime. */
  overdueCount: roleProcedure('office', 'inspector', 'admin').query(({ ctx }) =>
    countOverdueSubmissions(ctx.database.db),
  ),
  /** The form of a report not yet started: the fields of the version collecting that period. */
  newForm: authedProcedure
    .input(z.object({ templateId: z.number().int().positive(), periodKey }))
    .query(({ ctx, input }) => getNewSubmissionForm(ctx.database.db, ctx.user, input)),
  get: authedProcedure
    .input(z.object({ id: z.number().int().positive() }))
    .query(({ ctx, input }) => getSubmission(ctx.database.db, ctx.user, input.id)),
  compliance: authedProcedure
    .input(complianceInput)
    .query(({ ctx, input }) => getComplianceCached(ctx.database.db, input)),

  saveDraft: roleProcedure('officer')
    .input(saveDraftInput)
    .mutation(({ ctx, input }) => saveDraft(ctx.database.db, ctx.user, input)),
  submit: roleProcedure('officer')
    .input(submissionActionInput)
    .mutation(({ ctx, input }) => submitSubmission(ctx.database.db, ctx.user, input)),
  approve: roleProcedure('leader')
    .input(submissionDecisionInput)
    .mutation(({ ctx, input }) => approveSubmission(ctx.database.db, ctx.user, input)),
  review: roleProcedure('office')
    .input(submissionDecisionInput)
    .mutation(({ ctx, input }) => reviewSubmission(ctx.database.db, ctx.user, input)),
  reopen: roleProcedure('office')
    .input(reopenSubmissionInput)
    .mutation(({ ctx, input }) => reopenSubmission(ctx.database.db, ctx.user, input)),
});
