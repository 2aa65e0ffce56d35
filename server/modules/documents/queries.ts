import { asc, count, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { foldVietnamese } from '../../../shared/text';
import type { Db } from '../../db/client';
import { documents, tasks } from '../../db/schema';

export async function findDocuments(db: Db, input: { q?: string; page: number; pageSize: number }) {
  const q = input.q ? foldVietnamese(input.q) : '';
  const where = q
    ? sql`${documents.searchText} like ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`
    : undefined;
  const taskCount =
    sql<number>`(select count(*) from ${tasks} where ${tasks.documentId} = ${documents.id})`.mapWith(Number);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: documents.id,
        number: documents.number,
        kind: documents.kind,
        issuedOn: documents.issuedOn,
        signer: documents.signer,
        title: documents.title,
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

export async function getDocument(db: Db, id: number) {
  const [doc] = await db
    .select({
      id: documents.id,
      number: documents.number,
      kind: documents.kind,
      issuedOn: documents.issuedOn,
      signer: documents.signer,
      title: documents.title,
      createdAt: documents.createdAt,
    })
    .from(documents)
    .where(eq(documents.id, id));
  if (!doc) throw new AppError('NOT_FOUND');
  return doc;
}
