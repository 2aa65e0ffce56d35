import { asc, count, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { DocumentListQuery } from '../../../shared/schemas/documents';
import { foldVietnamese } from '../../../shared/text';
import type { Db } from '../../db/client';
import { documents, tasks } from '../../db/schema';
import { documentHeaderColumns, findTasks } from '../tasks/queries';
import { statusClock } from '../tasks/status-sql';

export async function findDocuments(db: Db, input: DocumentListQuery) {
  const q = input.q ? foldVietnamese(input.q) : '';
  const where = q
    ? sql`${documents.searchText} like ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`
    : undefined;
  // A subquery built with the query builder names its columns with their tables: in a raw sql
  // template on a one-table select they lose them, and `id` meant the task's own id.
  const taskCount = sql<number>`(${db
    .select({ n: count() })
    .from(tasks)
    .where(eq(tasks.documentId, documents.id))})`.mapWith(Number);
  const [items, [total]] = await Promise.all([
    db
      .select({
        ...documentHeaderColumns,
        taskCount,
      })
      .from(documents)
      .where(where)
      .orderBy(desc(documents.issuedOn), asc(documents.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(documents).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

async function getDocument(db: Db, id: number) {
  const [doc] = await db
    .select({
      ...documentHeaderColumns,
      createdAt: documents.createdAt,
    })
    .from(documents)
    .where(eq(documents.id, id));
  if (!doc) throw new AppError('NOT_FOUND');
  return doc;
}

/** A directive document with its tasks (up to 200, soonest deadline first) and their statuses. */
export async function getDocumentWithTasks(db: Db, id: number, now = new Date()) {
  const document = await getDocument(db, id);
  const tasks = await findTasks(
    db,
    { documentId: id, sort: 'deadline', direction: 'asc', page: 1, pageSize: 200, agencyRole: 'lead' },
    statusClock(now),
  );
  return { document, tasks: tasks.items, asOf: tasks.asOf };
}
