import { z } from 'zod';
import { authedProcedure, router } from '../../trpc/init';
import { findTasks } from '../tasks/queries';
import { statusClock } from '../tasks/status-sql';
import { findDocuments, getDocument } from './queries';

export const documentsRouter = router({
  list: authedProcedure
    .input(
      z.object({
        q: z.string().trim().max(200).optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(100).default(25),
      }),
    )
    .query(({ ctx, input }) => findDocuments(ctx.database.db, input)),

  /** A directive document with its tasks and their statuses. */
  get: authedProcedure.input(z.object({ id: z.number().int().positive() })).query(async ({ ctx, input }) => {
    const document = await getDocument(ctx.database.db, input.id);
    const tasks = await findTasks(
      ctx.database.db,
      {
        documentId: input.id,
        sort: 'deadline',
        direction: 'asc',
        page: 1,
        pageSize: 200,
        agencyRole: 'lead',
      },
      statusClock(new Date()),
    );
    return { document, tasks: tasks.items, asOf: tasks.asOf };
  }),
});
