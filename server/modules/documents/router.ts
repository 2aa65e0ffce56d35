import {
  documentDetail,
  documentIdInput,
  documentListInput,
  documentListPage,
} from '../../../shared/schemas/documents';
import { authedProcedure, router } from '../../trpc/init';
import { findDocuments, getDocumentWithTasks } from './queries';

export const documentsRouter = router({
  list: authedProcedure
    .input(documentListInput)
    .output(documentListPage)
    .query(({ ctx, input }) => findDocuments(ctx.database.db, input)),

  /** A directive document with its tasks and their statuses. */
  get: authedProcedure
    .input(documentIdInput)
    .output(documentDetail)
    .query(({ ctx, input }) => getDocumentWithTasks(ctx.database.db, input.id)),
});
