import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { BreakDown, CreateTask, TaskFields, UpdateTask } from '../../../shared/schemas/tasks';
import { foldVietnamese } from '../../../shared/text';
import { type Db, inTransaction } from '../../db/client';
import { agencies, documents, taskCoordinators, tasks } from '../../db/schema';
import { isCurrentAgency } from '../agencies/current';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import { recordChange, recordChanges } from '../live/record';
import { assertAssignable, assertTaskAction, issuerOf } from './policy';
import { detailReaders, lockTask, parentChange } from './write-steps';

/**
 * The agencies named (each once), with their parents; VALIDATION naming `field` when one does not exist
 * or is no longer a unit of today (tasks are given to today's units only: agencies/current.ts).
 */
async function assertAgenciesExist(tx: Db, ids: number[], field: string) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await tx
    .select({ id: agencies.id, parentId: agencies.parentId })
    .from(agencies)
    .where(and(inArray(agencies.id, unique), isCurrentAgency()));
  if (found.length !== unique.length) throw new AppError('VALIDATION', 'unknownAgency', { field });
  return found;
}

/** Who issues what `actor` assigns (policy `issuerOf`): null for the Government, else the actor's province. */
export async function issuerFor(tx: Db, actor: Actor): Promise<number | null> {
  // Only an officer's agency level matters: the Office issues for the Government, other roles never.
  if (actor.role !== 'officer') return issuerOf(actor, 'central');
  const [own] = await tx
    .select({ level: agencies.level })
    .from(agencies)
    .where(eq(agencies.id, actor.agencyId));
  return issuerOf(actor, own?.level ?? 'central');
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
  /** Who assigns it (null: the Government) and, for a part of a province's task, that task. */
  origin: { issuerAgencyId: number | null; parentTaskId?: number } = { issuerAgencyId: null },
) {
  if (t.coordinatorIds.includes(t.leadAgencyId)) {
    throw new AppError('VALIDATION', 'leadIsCoordinator', { field: 'coordinatorIds' });
  }
  const lead = await assertAgenciesExist(tx, [t.leadAgencyId], 'leadAgencyId');
  assertAssignable(origin.issuerAgencyId, lead, 'leadAgencyId');
  const coordinators = await assertAgenciesExist(tx, t.coordinatorIds, 'coordinatorIds');
  assertAssignable(origin.issuerAgencyId, coordinators, 'coordinatorIds');
  const [row] = await tx
    .insert(tasks)
    .values({
      documentId: document.id,
      issuerAgencyId: origin.issuerAgencyId,
      parentTaskId: origin.parentTaskId ?? null,
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

/**
 * The Office, or the province that issued the document, adds a task to it; the document's issuer
 * issues the task (a province's: to one of its communes).
 */
export async function createTask(db: Db, actor: Actor, input: CreateTask) {
  return inTransaction(db, async (tx) => {
    const issuer = await issuerFor(tx, actor);
    const [doc] = await tx.select().from(documents).where(eq(documents.id, input.documentId));
    if (!doc) throw new AppError('VALIDATION', 'unknownDocument', { field: 'documentId' });
    // A province adds only to its own documents; the Office to any (it keeps every right).
    if (issuer !== null && doc.issuerAgencyId !== issuer) throw new AppError('FORBIDDEN');
    const row = await insertTask(tx, actor, doc, input, { issuerAgencyId: doc.issuerAgencyId });
    await recordChange(tx, {
      type: 'task.created',
      taskId: row.id,
      documentId: doc.id,
      agencyIds: [
        row.leadAgencyId,
        ...input.coordinatorIds,
        ...(doc.issuerAgencyId ? [doc.issuerAgencyId] : []),
      ],
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
    // A province's task stays with the province's communes, whoever edits it; a task keeps the unit it
    // was given to (even one since merged) unless the lead is changed.
    if (fields.leadAgencyId && fields.leadAgencyId !== before.leadAgencyId)
      assertAssignable(
        before.issuerAgencyId,
        await assertAgenciesExist(tx, [fields.leadAgencyId], 'leadAgencyId'),
        'leadAgencyId',
      );
    if (coordinatorIds) {
      assertAssignable(
        before.issuerAgencyId,
        await assertAgenciesExist(tx, coordinatorIds, 'coordinatorIds'),
        'coordinatorIds',
      );
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
    await recordChanges(tx, [
      {
        type: 'task.updated',
        taskId: after.id,
        documentId: after.documentId,
        agencyIds: [...detailReaders(before), after.leadAgencyId, ...(coordinatorIds ?? [])],
        payload: {
          taskId: after.id,
          documentId: after.documentId,
          leadAgencyId: after.leadAgencyId,
          title: after.title,
        },
      },
      ...parentChange(after),
    ]);
    return { id: after.id, version: after.version };
  });
}

/**
 * A province breaks a task it leads down into a task of one of its communes: the part implements the
 * same document, the province issues it (and so decides its requests), and its deadline is not after
 * the task's. The parent's readers are told (its page rolls the parts up).
 */
export async function breakDownTask(db: Db, actor: Actor, input: BreakDown) {
  return inTransaction(db, async (tx) => {
    const { parentTaskId, ...fields } = input;
    const parent = await lockTask(tx, parentTaskId);
    assertTaskAction(actor, parent, 'breakDown');
    if (parent.deadline && (fields.deadline === null || fields.deadline > parent.deadline))
      throw new AppError('VALIDATION', 'deadlineAfterParent', {
        field: 'deadline',
        reason: 'deadlineAfterParent',
      });
    const [doc] = await tx.select().from(documents).where(eq(documents.id, parent.documentId));
    if (!doc) throw new AppError('INTERNAL');
    const row = await insertTask(tx, actor, doc, fields, {
      issuerAgencyId: parent.leadAgencyId,
      parentTaskId: parent.id,
    });
    await recordChanges(tx, [
      {
        type: 'task.created',
        taskId: row.id,
        documentId: doc.id,
        agencyIds: [row.leadAgencyId, ...fields.coordinatorIds, parent.leadAgencyId],
        payload: { taskId: row.id, documentId: doc.id, leadAgencyId: row.leadAgencyId, title: row.title },
      },
      ...parentChange(row),
    ]);
    return { id: row.id };
  });
}
