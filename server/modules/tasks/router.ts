import { z } from 'zod';
import {
  agencyRankingInput,
  createDocumentInput,
  createTaskInput,
  decideExtensionInput,
  postProgressInput,
  reportCompletionInput,
  requestExtensionInput,
  reviewCompletionInput,
  taskDetailInput,
  taskFilterInput,
  taskListInput,
  updateTaskInput,
} from '../../../shared/schemas/tasks';
import { authedProcedure, roleProcedure, router } from '../../trpc/init';
import { agencyRankingPage } from './agency-ranking';
import { getAgencyRankingCached, getDashboardCached } from './dashboard-cache';
import { getTaskDetailCached } from './detail-cache';
import { postProgress } from './progress-batch';
import { countByStatus, findTasks } from './queries';
import {
  createDocument,
  createTask,
  decideCompletion,
  decideExtension,
  reportCompletion,
  requestExtension,
  updateTask,
} from './service';
import { statusClock } from './status-sql';

const writeResult = z.object({ id: z.number(), duplicate: z.boolean() });

export const tasksRouter = router({
  list: authedProcedure
    .input(taskListInput)
    .query(({ ctx, input }) => findTasks(ctx.database.db, input, statusClock(new Date()))),

  /** The user's own agency's tasks (led or coordinated), soonest deadline first. */
  inbox: authedProcedure
    .input(taskListInput.omit({ agencyId: true, agencyRole: true }))
    .query(({ ctx, input }) =>
      findTasks(
        ctx.database.db,
        { ...input, agencyId: ctx.user.agencyId, agencyRole: 'any' },
        statusClock(new Date()),
      ),
    ),

  counts: authedProcedure
    .input(taskFilterInput)
    .query(({ ctx, input }) => countByStatus(ctx.database.db, input, statusClock(new Date()))),

  dashboard: authedProcedure.query(({ ctx }) => getDashboardCached(ctx.database.db)),

  /** The whole agency ranking behind the dashboard's short list, a page at a time; readable as the dashboard is. */
  agencyRanking: authedProcedure
    .input(agencyRankingInput)
    .output(agencyRankingPage)
    .query(({ ctx, input }) => getAgencyRankingCached(ctx.database.db, input)),

  get: authedProcedure
    .input(taskDetailInput)
    .query(({ ctx, input }) => getTaskDetailCached(ctx.database.db, ctx.user, input.id, input.history)),

  createDocument: roleProcedure('office')
    .input(createDocumentInput)
    .output(z.object({ id: z.number(), taskIds: z.array(z.number()) }))
    .mutation(({ ctx, input }) => createDocument(ctx.database.db, ctx.user, input)),

  create: roleProcedure('office')
    .input(createTaskInput)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => createTask(ctx.database.db, ctx.user, input)),

  update: roleProcedure('office')
    .input(updateTaskInput)
    .output(z.object({ id: z.number(), version: z.number() }))
    .mutation(({ ctx, input }) => updateTask(ctx.database.db, ctx.user, input)),

  postProgress: roleProcedure('officer')
    .input(postProgressInput)
    .output(writeResult)
    .mutation(({ ctx, input }) => postProgress(ctx.database.db, ctx.user, input)),

  requestExtension: roleProcedure('officer')
    .input(requestExtensionInput)
    .output(writeResult)
    .mutation(({ ctx, input }) => requestExtension(ctx.database.db, ctx.user, input)),

  decideExtension: roleProcedure('office')
    .input(decideExtensionInput)
    .mutation(({ ctx, input }) => decideExtension(ctx.database.db, ctx.user, input)),

  reportCompletion: roleProcedure('officer')
    .input(reportCompletionInput)
    .output(writeResult)
    .mutation(({ ctx, input }) => reportCompletion(ctx.database.db, ctx.user, input)),

  /** The lead agency's leader signs off (accept) or sends back (return) a completion report. */
  approveCompletion: roleProcedure('leader')
    .input(reviewCompletionInput)
    .mutation(({ ctx, input }) => decideCompletion(ctx.database.db, ctx.user, input, 'leader')),

  /** The Government Office accepts or returns a completion its agency's leader signed off. */
  reviewCompletion: roleProcedure('office')
    .input(reviewCompletionInput)
    .mutation(({ ctx, input }) => decideCompletion(ctx.database.db, ctx.user, input, 'office')),
});
