import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { CreateDocument } from '../../../shared/schemas/tasks';
import { foldVietnamese } from '../../../shared/text';
import { type Db, inTransaction } from '../../db/client';
import { documents } from '../../db/schema';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import { recordChange } from '../live/record';
import { insertTask, issuerFor } from '../tasks/task-writes';

/**
 * The Government Office, or a province's officer, registers a directive document and, in the same
 * transaction, the tasks it assigns (a province's: to its own communes only; policy `issuerOf`).
 */
export async function createDocument(db: Db, actor: Actor, d: CreateDocument) {
  return inTransaction(db, async (tx) => {
    const issuerAgencyId = await issuerFor(tx, actor);
    const [existing] = await tx
      .select({ id: documents.id })
      .from(documents)
      .where(eq(documents.number, d.number));
    if (existing)
      throw new AppError('CONFLICT', 'documentNumberTaken', {
        field: 'number',
        reason: 'documentNumberTaken',
      });
    const [doc] = await tx
      .insert(documents)
      .values({
        number: d.number,
        kind: d.kind,
        issuedOn: d.issuedOn,
        signer: d.signer,
        title: d.title,
        searchText: foldVietnamese(`${d.number} ${d.title}`),
        issuerAgencyId,
        createdBy: actor.id,
      })
      .returning();
    if (!doc) throw new AppError('INTERNAL');
    await appendAudit(tx, actor, {
      action: 'document.create',
      entityType: 'document',
      entityId: doc.id,
      after: doc,
    });
    const taskIds: number[] = [];
    for (const task of d.tasks) taskIds.push((await insertTask(tx, actor, doc, task, { issuerAgencyId })).id);
    await recordChange(tx, {
      type: 'document.created',
      documentId: doc.id,
      agencyIds: [
        ...d.tasks.flatMap((t) => [t.leadAgencyId, ...t.coordinatorIds]),
        ...(issuerAgencyId === null ? [] : [issuerAgencyId]),
      ],
      payload: { documentId: doc.id, title: doc.title },
    });
    return { id: doc.id, taskIds };
  });
}
