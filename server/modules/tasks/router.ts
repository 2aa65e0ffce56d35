import { PAGE_ROLES } from '../../../shared/page-access';
import {
  agencyRankingInput,
  agencyRankingPage,
  breakDownInput,
  createDocumentInput,
  createDocumentResult,
  createTaskInput,
  createTaskResult,
  dashboardSummary,
  decideExtensionInput,
  decideExtensionResult,
  inboxInput,
  postProgressInput,
  reportCompletionInput,
  requestExtensionInput,
  reviewCompletionInput,
  reviewCompletionResult,
  taskCounts,
  taskDetail,
  taskDetailInput,
  taskFilterInput,
  taskForecast,
  taskForecastInput,
  taskListInput,
  taskListPage,
  updateTaskInput,
  updateTaskResult,
  writeResult,
} from '../../../shared/schemas/tasks';
import { authedProcedure, reportProcedure, roleProcedure, router } from '../../trpc/init';
import { sharedOutput } from '../../trpc/shared-output';
import { createDocument } from '../documents/service';
import { decideCompletion, reportCompletion } from './completions';
import { getAgencyRankingCached, getDashboardCached } from './dashboard-cache';
import { getTaskDetailCached } from './detail-cache';
import { decideExtension, requestExtension } from './extensions';
import { getTaskForecast } from './forecast';
import { postProgress } from './progress';
import { countByStatus, findTasks } from './queries';
import { statusClock } from './status-sql';
import { breakDownTask, createTask, updateTask } from './task-writes';

export const tasksRouter = router({
  list: authedProcedure
    .input(taskListInput)
    .output(taskListPage)
    .query(({ ctx, input }) => findTasks(ctx.database.db, input, statusClock(new Date()))),

  /**
   * The user's own agency's tasks (led or coordinated), open work first, soonest deadline first; or,
   * for a province, its communes' tasks (`scope: 'communes'`).
   */
  inbox: authedProcedure
    .input(inboxInput)
    .output(taskListPage)
    .query(({ ctx, input: { leadOnly, scope, ...input } }) =>
      findTasks(
        ctx.database.db,
        scope === 'communes'
          ? { ...input, communesOf: ctx.user.agencyId, agencyRole: 'lead' }
          : { ...input, agencyId: ctx.user.agencyId, agencyRole: leadOnly ? 'lead' : 'any' },
        statusClock(new Date()),
      ),
    ),

  counts: authedProcedure
    .input(taskFilterInput)
    .output(taskCounts)
    .query(({ ctx, input }) => countByStatus(ctx.database.db, input, statusClock(new Date()))),

  dashboard: reportProcedure()
    .output(sharedOutput(dashboardSummary))
    .query(({ ctx }) => getDashboardCached(ctx.readDb)),

  /** The whole agency ranking behind the dashboard's short list, a page at a time; readable as the dashboard is. */
  agencyRanking: reportProcedure()
    .input(agencyRankingInput)
    .output(agencyRankingPage)
    .query(({ ctx, input }) => getAgencyRankingCached(ctx.readDb, input)),

  get: authedProcedure
    .input(taskDetailInput)
    .output(taskDetail)
    .query(({ ctx, input }) => getTaskDetailCached(ctx.database.db, ctx.user, input.id, input.history)),

  /** The early warning: when the task will likely be done, and how that is worked out. */
  forecast: authedProcedure
    .input(taskForecastInput)
    .output(taskForecast)
    .query(({ ctx, input }) => getTaskForecast(ctx.database.db, ctx.user, input.id)),

  /** The Office, or a province's officer for its own communes (policy `issuerOf`). */
  createDocument: roleProcedure(...PAGE_ROLES['/documents/new'])
    .input(createDocumentInput)
    .output(createDocumentResult)
    .mutation(({ ctx, input }) => createDocument(ctx.database.db, ctx.user, input)),

  create: roleProcedure(...PAGE_ROLES['/documents/new'])
    .input(createTaskInput)
    .output(createTaskResult)
    .mutation(({ ctx, input }) => createTask(ctx.database.db, ctx.user, input)),

  /** A province's officer gives a part of a task the province leads to one of its communes. */
  breakDown: roleProcedure('officer')
    .input(breakDownInput)
    .output(createTaskResult)
    .mutation(({ ctx, input }) => breakDownTask(ctx.database.db, ctx.user, input)),

  update: roleProcedure('office')
    .input(updateTaskInput)
    .output(updateTaskResult)
    .mutation(({ ctx, input }) => updateTask(ctx.database.db, ctx.user, input)),

  postProgress: roleProcedure('officer')
    .input(postProgressInput)
    .output(writeResult)
    .mutation(({ ctx, input }) => postProgress(ctx.database.db, ctx.user, input)),

  requestExtension: roleProcedure('officer')
    .input(requestExtensionInput)
    .output(writeResult)
    .mutation(({ ctx, input }) => requestExtension(ctx.database.db, ctx.user, input)),

  /** The Office, or the province that assigned the task (policy `taskRights`). */
  decideExtension: roleProcedure('office', 'officer')
    .input(decideExtensionInput)
    .output(decideExtensionResult)
    .mutation(({ ctx, input }) => decideExtension(ctx.database.db, ctx.user, input)),

  reportCompletion: roleProcedure('officer')
    .input(reportCompletionInput)
    .output(writeResult)
    .mutation(({ ctx, input }) => reportCompletion(ctx.database.db, ctx.user, input)),

  /** The lead agency's leader signs off (accept) or sends back (return) a completion report. */
  approveCompletion: roleProcedure('leader')
    .input(reviewCompletionInput)
    .output(reviewCompletionResult)
    .mutation(({ ctx, input }) => decideCompletion(ctx.database.db, ctx.user, input, 'leader')),

  /**
   * The Government Office (or the province that assigned the task) accepts or returns a completion its
   * agency's leader signed off.
   */
  reviewCompletion: roleProcedure('office', 'officer')
    .input(reviewCompletionInput)
    .output(reviewCompletionResult)
    .mutation(({ ctx, input }) => decideCompletion(ctx.database.db, ctx.user, input, 'office')),
});
