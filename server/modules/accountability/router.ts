import {
  accountabilitySummary,
  agencyAccountability,
  agencyAccountabilityInput,
  answerExplanationInput,
  decideExplanationInput,
  explanationWriteResult,
  markReadInput,
  markReadResult,
  NOTIFICATIONS_PAGE,
  notificationsPage,
  remindMatchingInput,
  remindReportsInput,
  reportAccountability,
  reportObligationInput,
  reportsToRemindInput,
  reportsToRemindResult,
  requestExplanationInput,
  requestReportExplanationInput,
  sendReminderInput,
  sendReminderResult,
  taskAccountability,
  taskAccountabilityInput,
} from '../../../shared/schemas/accountability';
import { authedProcedure, reportProcedure, roleProcedure, router } from '../../trpc/init';
import { sharedOutput } from '../../trpc/shared-output';
import {
  answerExplanation,
  decideExplanation,
  requestExplanation,
  requestReportExplanation,
} from './explanations';
import {
  findAgencyAccountability,
  findNotifications,
  findReportAccountability,
  findTaskAccountability,
  markNotificationsRead,
} from './queries';
import { findReportsToRemind, remindMatching, remindReports, sendReminder } from './reminders';
import { getAccountabilitySummaryCached } from './summary';

/** Reminders, explanation requests and the notification centre (issue 16). */
export const accountabilityRouter = router({
  forTask: authedProcedure
    .input(taskAccountabilityInput)
    .output(taskAccountability)
    .query(({ ctx, input }) => findTaskAccountability(ctx.database.db, ctx.user, input.taskId)),

  remind: roleProcedure('office')
    .input(sendReminderInput)
    .output(sendReminderResult)
    .mutation(({ ctx, input }) => sendReminder(ctx.database.db, ctx.user, input)),

  /** Every open task of a task list's filter (e.g. a ministry's overdue tasks), at most 1,000. */
  remindMatching: roleProcedure('office')
    .input(remindMatchingInput)
    .output(sendReminderResult)
    .mutation(({ ctx, input }) => remindMatching(ctx.database.db, ctx.user, input)),

  requestExplanation: roleProcedure('office')
    .input(requestExplanationInput)
    .output(explanationWriteResult)
    .mutation(({ ctx, input }) => requestExplanation(ctx.database.db, ctx.user, input)),

  /** A report obligation's reminders and requests: the obliged agency and oversight roles read them. */
  forReport: authedProcedure
    .input(reportObligationInput)
    .output(reportAccountability)
    .query(({ ctx, input }) => findReportAccountability(ctx.database.db, ctx.user, input)),

  /** Missing reports of a regime: one agency's for one period, or a selection (a period, agencies). */
  remindReports: roleProcedure('office')
    .input(remindReportsInput)
    .output(sendReminderResult)
    .mutation(({ ctx, input }) => remindReports(ctx.database.db, ctx.user, input)),

  /** The agencies a reminder of a whole period would reach: the Office confirms their number first. */
  reportsToRemind: roleProcedure('office')
    .input(reportsToRemindInput)
    .output(reportsToRemindResult)
    .query(({ ctx, input }) => findReportsToRemind(ctx.database.db, ctx.user, input)),

  /** Only for a late or missing report. */
  requestReportExplanation: roleProcedure('office')
    .input(requestReportExplanationInput)
    .output(explanationWriteResult)
    .mutation(({ ctx, input }) => requestReportExplanation(ctx.database.db, ctx.user, input)),

  answerExplanation: roleProcedure('officer')
    .input(answerExplanationInput)
    .output(explanationWriteResult)
    .mutation(({ ctx, input }) => answerExplanation(ctx.database.db, ctx.user, input)),

  /** The agency leader approves or sends back; the Office accepts or asks again. */
  decideExplanation: roleProcedure('leader', 'office')
    .input(decideExplanationInput)
    .output(explanationWriteResult)
    .mutation(({ ctx, input }) => decideExplanation(ctx.database.db, ctx.user, input)),

  /** The dashboard's figures: overdue tasks without an accepted explanation, requests by state. */
  summary: reportProcedure()
    .output(sharedOutput(accountabilitySummary))
    .query(({ ctx }) => getAccountabilitySummaryCached(ctx.readDb)),

  /** An agency's scorecard: reminders received and explanations asked of it, tasks and reports apart. */
  forAgency: authedProcedure
    .input(agencyAccountabilityInput)
    .output(agencyAccountability)
    .query(({ ctx, input }) => findAgencyAccountability(ctx.database.db, ctx.user, input.agencyId)),

  notifications: authedProcedure
    .output(notificationsPage)
    .query(({ ctx }) => findNotifications(ctx.database.db, ctx.user.id, NOTIFICATIONS_PAGE)),

  markRead: authedProcedure
    .input(markReadInput)
    .output(markReadResult)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.database.db, ctx.user.id, input)),
});
