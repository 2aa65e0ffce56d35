import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { CreateTask, TaskFields, UpdateTask } from '../../../shared/schemas/tasks';
import { foldVietnamese } from '../../../shared/text';
import { type Db, inTransaction } from '../../db/client';
import { agencies, documents, taskCoordinators, tasks } from '../../db/schema';
import { isCurrentAgency } from '../agencies/current';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import { recordChange } from '../live/record';
import { assertTaskAction } from './policy';
import { lockTask } from './write-steps';

/** Tasks are given to today's units only; a task keeps the unit it was given to (agencies/current.ts). */
async function assertAgenciesExist(tx: Db, ids: number[], field: string): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(inArray(agencies.id, unique), isCurrentAgency()));
  if (found.length !== unique.length) throw new AppError('VALIDATION', 'unknownAgency', { field });
}

function taskSearchText(title: string, documentNumber: string): string {
  return foldVietnamese(`${title} ${documentNumber}`);
}

/** One task of a document, with its coordinators and its audit entry, in the caller's transaction. */
export async function insertTask(
  tx: Db,
  actor: Actor,
  document: { id: number; number: string },
  t: TaskFields,
) {
  if (t.coordinatorIds.includes(t.leadAgencyId)) {
    throw new AppError('VALIDATION', 'leadIsCoordinator', { field: 'coordinatorIds' });
  }
  await assertAgenciesExist(tx, [t.leadAgencyId], 'leadAgencyId');
  await assertAgenciesExist(tx, t.coordinatorIds, 'coordinatorIds');
  const [row] = await tx
    .insert(tasks)
    .values({
      documentId: document.id,
      groupNo: t.groupNo,
      title: t.title,
      description: t.description,
      leadAgencyId: t.leadAgencyId,
      deadline: t.deadline,
      originalDeadline: t.deadline,
      priority: t.priority,
      isKey: t.isKey,
      searchText: taskSearchText(t.title, document.number),
      createdBy: actor.id,
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  const coordinatorIds = [...new Set(t.coordinatorIds)];
  if (coordinatorIds.length) {
    await tx
      .insert(taskCoordinators)
      .values(coordinatorIds.map((agencyId) => ({ taskId: row.id, agencyId })));
  }
  await appendAudit(tx, actor, {
    action: 'task.create',
    entityType: 'task',
    entityId: row.id,
    after: { ...row, coordinatorIds },
  });
  return row;
}

/** The Office adds a task to a registered document. */
export async function createTask(db: Db, actor: Actor, input: CreateTask) {
  return inTransaction(db, async (tx) => {
    const [doc] = await tx.select().from(documents).where(eq(documents.id, input.documentId));
    if (!doc) throw new AppError('VALIDATION', 'unknownDocument', { field: 'documentId' });
    const row = await insertTask(tx, actor, doc, input);
    await recordChange(tx, {
      type: 'task.created',
      taskId: row.id,
      documentId: doc.id,
      agencyIds: [row.leadAgencyId, ...input.coordinatorIds],
      payload: { taskId: row.id, documentId: doc.id, leadAgencyId: row.leadAgencyId, title: row.title },
    });
    return { id: row.id };
  });
}

/** Edits a task if nobody changed it since the version the user saw. */
export async function updateTask(db: Db, actor: Actor, u: UpdateTask) {
  return inTransaction(db, async (tx) => {
    const before = await lockTask(tx, u.id);
    assertTaskAction(actor, before, 'edit');
    if (before.version !== u.version) {
      throw new AppError('CONFLICT', 'staleVersion', {
        reason: 'staleVersion',
        currentVersion: before.version,
      });
    }
    const { coordinatorIds, ...fields } = u.patch;
    const leadAgencyId = fields.leadAgencyId ?? before.leadAgencyId;
    if (fields.leadAgencyId && fields.leadAgencyId !== before.leadAgencyId)
      await assertAgenciesExist(tx, [fields.leadAgencyId], 'leadAgencyId');
    if (coordinatorIds) {
      await assertAgenciesExist(tx, coordinatorIds, 'coordinatorIds');
      if (coordinatorIds.includes(leadAgencyId))
        throw new AppError('VALIDATION', 'leadIsCoordinator', { field: 'coordinatorIds' });
    }
    const [doc] = await tx
      .select({ number: documents.number })
      .from(documents)
      .where(eq(documents.id, before.documentId));
    const [after] = await tx
      .update(tasks)
      .set({
        ...fields,
        searchText: taskSearchText(fields.title ?? before.title, doc?.number ?? ''),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(tasks.id, u.id), eq(tasks.version, u.version)))
      .returning();
    if (!after) throw new AppError('CONFLICT', 'staleVersion', { reason: 'staleVersion' });
    if (coordinatorIds) {
      await tx.delete(taskCoordinators).where(eq(taskCoordinators.taskId, u.id));
      const unique = [...new Set(coordinatorIds)];
      if (unique.length)
        await tx.insert(taskCoordinators).values(unique.map((agencyId) => ({ taskId: u.id, agencyId })));
    }
    const { completionPending: _, ...beforeRow } = before;
    await appendAudit(tx, actor, {
      action: 'task.update',
      entityType: 'task',
      entityId: u.id,
      before: beforeRow,
      after: { ...after, coordinatorIds: coordinatorIds ?? before.coordinatorIds },
    });
    await recordChange(tx, {
      type: 'task.updated',
      taskId: after.id,
      documentId: after.documentId,
      agencyIds: [
        before.leadAgencyId,
        after.leadAgencyId,
        ...before.coordinatorIds,
        ...(coordinatorIds ?? []),
      ],
      payload: {
        taskId: after.id,
        documentId: after.documentId,
        leadAgencyId: after.leadAgencyId,
        title: after.title,
      },
    });
    return { id: after.id, version: after.version };
  });
}
