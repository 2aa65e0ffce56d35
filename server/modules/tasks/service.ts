import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../../../shared/errors';
import type {
  CreateDocumentInput,
  CreateTaskInput,
  DecideExtensionInput,
  ReportCompletionInput,
  RequestExtensionInput,
  ReviewCompletionInput,
  UpdateTaskInput,
} from '../../../shared/schemas/tasks';
import {
  createDocumentInput,
  createTaskInput,
  decideExtensionInput,
  type postProgressInput,
  reportCompletionInput,
  requestExtensionInput,
  reviewCompletionInput,
  updateTaskInput,
} from '../../../shared/schemas/tasks';
import { foldVietnamese } from '../../../shared/text';
import { vietnamDate } from '../../../shared/time';
import type { Db } from '../../db/client';
import { together } from '../../db/group-commit';
import {
  agencies,
  completionReports,
  documents,
  evidenceFiles,
  extensionRequests,
  progressUpdates,
  taskCoordinators,
  tasks,
} from '../../db/schema';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import { type ChangeInput, recordChange } from '../live/record';

type ProgressInput = ReturnType<typeof postProgressInput.parse>;

import { assertTaskAction, type TaskParties } from './permissions';

type TaskRow = typeof tasks.$inferSelect;

/** The task row locked for this transaction, with its coordinating agencies (one statement). */
/** Tasks with their coordinating agencies, locked FOR UPDATE in id order (no deadlock between batches). */
export function lockTasks(tx: Db, taskIds: readonly number[]) {
  return tx
    .select({
      ...getTableColumns(tasks),
      coordinatorIds: sql<number[]>`array(select ${taskCoordinators.agencyId} from ${taskCoordinators}
        where ${taskCoordinators.taskId} = ${tasks.id} order by 1)`,
    })
    .from(tasks)
    .where(inArray(tasks.id, [...taskIds]))
    .orderBy(asc(tasks.id))
    .for('update');
}

async function lockTask(tx: Db, taskId: number): Promise<TaskRow & TaskParties> {
  const [task] = await lockTasks(tx, [taskId]);
  if (!task) throw new AppError('NOT_FOUND');
  return task;
}

async function assertAgenciesExist(tx: Db, ids: number[], field: string): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await tx.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, unique));
  if (found.length !== unique.length) throw new AppError('VALIDATION', 'unknownAgency', { field });
}

export function assertOpen(task: TaskRow): void {
  if (task.withdrawn || task.completedOn)
    throw new AppError('CONFLICT', 'taskClosed', { reason: 'taskClosed' });
}

function taskSearchText(title: string, documentNumber: string): string {
  return foldVietnamese(`${title} ${documentNumber}`);
}

async function insertTask(
  tx: Db,
  actor: Actor,
  documentId: number,
  documentNumber: string,
  input: CreateTaskInput,
) {
  const t = createTaskInput.parse({ ...input, documentId });
  if (t.coordinatorIds.includes(t.leadAgencyId)) {
    throw new AppError('VALIDATION', 'leadIsCoordinator', { field: 'coordinatorIds' });
  }
  await assertAgenciesExist(tx, [t.leadAgencyId], 'leadAgencyId');
  await assertAgenciesExist(tx, t.coordinatorIds, 'coordinatorIds');
  const [row] = await tx
    .insert(tasks)
    .values({
      documentId,
      groupNo: t.groupNo,
      title: t.title,
      description: t.description,
      leadAgencyId: t.leadAgencyId,
      deadline: t.deadline,
      originalDeadline: t.deadline,
      priority: t.priority,
      isKey: t.isKey,
      searchText: taskSearchText(t.title, documentNumber),
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

/** The Government Office registers a directive document and, in the same transaction, the tasks it assigns. */
export async function createDocument(db: Db, actor: Actor, input: CreateDocumentInput) {
  const d = createDocumentInput.parse(input);
  return db.transaction(async (txx) => {
    const tx = txx as unknown as Db;
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
    const created = [];
    for (const task of d.tasks)
      created.push(await insertTask(tx, actor, doc.id, doc.number, { ...task, documentId: doc.id }));
    await recordChange(tx, {
      type: 'document.created',
      documentId: doc.id,
      agencyIds: d.tasks.flatMap((t) => [t.leadAgencyId, ...t.coordinatorIds]),
      payload: { documentId: doc.id, title: doc.title },
    });
    return { id: doc.id, taskIds: created.map((t) => t.id) };
  });
}

export async function createTask(db: Db, actor: Actor, input: CreateTaskInput) {
  return db.transaction(async (txx) => {
    const tx = txx as unknown as Db;
    const [doc] = await tx.select().from(documents).where(eq(documents.id, input.documentId));
    if (!doc) throw new AppError('VALIDATION', 'unknownDocument', { field: 'documentId' });
    const row = await insertTask(tx, actor, doc.id, doc.number, input);
    await recordChange(tx, {
      type: 'task.created',
      taskId: row.id,
      documentId: doc.id,
      agencyIds: [row.leadAgencyId, ...(input.coordinatorIds ?? [])],
      payload: { taskId: row.id, documentId: doc.id, leadAgencyId: row.leadAgencyId, title: row.title },
    });
    return { id: row.id };
  });
}

/** Edits a task if nobody changed it since the version the user saw. */
export async function updateTask(db: Db, actor: Actor, input: UpdateTaskInput) {
  const u = updateTaskInput.parse(input);
  return db.transaction(async (txx) => {
    const tx = txx as unknown as Db;
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
    if (fields.leadAgencyId) await assertAgenciesExist(tx, [fields.leadAgencyId], 'leadAgencyId');
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
    await appendAudit(tx, actor, {
      action: 'task.update',
      entityType: 'task',
      entityId: u.id,
      before,
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

/**
 * One progress update (the checked input) in the transaction or savepoint it is given: the path a
 * batch falls back to (`progress-batch.ts`), one update at a time.
 */
export async function saveProgress(tx: Db, actor: Actor, p: ProgressInput) {
  const task = await lockTask(tx, p.taskId);
  const kind = progressKind(actor, task);
  assertOpen(task);
  if (p.evidenceFileId) {
    const [file] = await tx
      .select({ uploadedBy: evidenceFiles.uploadedBy })
      .from(evidenceFiles)
      .where(eq(evidenceFiles.id, p.evidenceFileId));
    assertOwnFile(actor, file?.uploadedBy);
  }
  const [row] = await tx
    .insert(progressUpdates)
    .values(progressRow(actor, task, kind, p))
    // Two sends of one update that both passed the check in postProgress (a double click, maybe in
    // this very batch): the unique (author, key) index keeps the first; the second answers with it.
    .onConflictDoNothing({ target: [progressUpdates.authorId, progressUpdates.idempotencyKey] })
    .returning();
  if (!row) {
    const first = await findProgressByKey(tx, actor, p.idempotencyKey);
    if (!first) throw new AppError('INTERNAL');
    return { id: first.id, duplicate: true };
  }
  // Three independent steps, sent together (each of the last two takes the write-order lock first).
  await together(
    kind === 'progress'
      ? tx
          .update(tasks)
          .set({ latestPercent: p.percent, lastLeadUpdateAt: row.createdAt, updatedAt: row.createdAt })
          .where(eq(tasks.id, task.id))
      : undefined,
    appendAudit(tx, actor, progressAudit(task, row)),
    recordChange(tx, progressChange(task, actor, row)),
  );
  return { id: row.id, duplicate: false };
}

type ProgressKind = 'progress' | 'contribution';
type ProgressRow = typeof progressUpdates.$inferSelect;

/** The lead agency posts progress, a coordinating agency a contribution; anyone else is refused. */
export function progressKind(actor: Actor, task: TaskRow & TaskParties): ProgressKind {
  const kind = actor.agencyId === task.leadAgencyId ? 'progress' : 'contribution';
  assertTaskAction(actor, task, kind === 'progress' ? 'postProgress' : 'postContribution');
  return kind;
}

/** Evidence attached to an update must be a file its author uploaded. */
export function assertOwnFile(actor: Actor, uploadedBy: number | undefined): void {
  if (uploadedBy !== actor.id) throw new AppError('VALIDATION', 'unknownFile', { field: 'evidenceFileId' });
}

export function progressRow(actor: Actor, task: TaskRow, kind: ProgressKind, p: ProgressInput) {
  return {
    taskId: task.id,
    agencyId: actor.agencyId,
    authorId: actor.id,
    kind,
    percent: p.percent,
    narrative: p.narrative,
    evidenceUrl: p.evidenceUrl,
    evidenceFileId: p.evidenceFileId,
    idempotencyKey: p.idempotencyKey,
    // The moment of this write, not its transaction's start (now()): updates keep their order.
    createdAt: sql`clock_timestamp()`,
  };
}

export function progressAudit(task: TaskRow, row: ProgressRow) {
  return { action: `task.${row.kind}`, entityType: 'task', entityId: task.id, after: row };
}

export function progressChange(task: TaskRow & TaskParties, actor: Actor, row: ProgressRow): ChangeInput {
  const change = taskChange(task, actor);
  return {
    ...change,
    type: row.kind === 'progress' ? 'task.progress' : 'task.contribution',
    payload: { ...change.payload, percent: row.percent },
    detail: { narrative: row.narrative.slice(0, 300) },
  };
}

function findProgressByKey(db: Db, actor: Actor, key: string) {
  return findByKey(
    db,
    progressUpdates,
    progressUpdates.authorId,
    progressUpdates.idempotencyKey,
    actor.id,
    key,
  );
}

export async function requestExtension(db: Db, actor: Actor, input: RequestExtensionInput) {
  const r = requestExtensionInput.parse(input);
  const existing = await findByKey(
    db,
    extensionRequests,
    extensionRequests.requestedBy,
    extensionRequests.idempotencyKey,
    actor.id,
    r.idempotencyKey,
  );
  if (existing) return { id: existing.id, duplicate: true };
  return db.transaction(async (txx) => {
    const tx = txx as unknown as Db;
    const task = await lockTask(tx, r.taskId);
    assertTaskAction(actor, task, 'requestExtension');
    assertOpen(task);
    const again = await findByKey(
      tx,
      extensionRequests,
      extensionRequests.requestedBy,
      extensionRequests.idempotencyKey,
      actor.id,
      r.idempotencyKey,
    );
    if (again) return { id: again.id, duplicate: true };
    if (task.deadline && r.requestedDeadline <= task.deadline) {
      throw new AppError('VALIDATION', 'extensionNotLater', { field: 'requestedDeadline' });
    }
    const [pending] = await tx
      .select({ id: extensionRequests.id })
      .from(extensionRequests)
      .where(and(eq(extensionRequests.taskId, task.id), eq(extensionRequests.state, 'pending')));
    if (pending) throw new AppError('CONFLICT', 'extensionPending', { reason: 'extensionPending' });
    const [row] = await tx
      .insert(extensionRequests)
      .values({
        taskId: task.id,
        requestedBy: actor.id,
        reason: r.reason,
        currentDeadline: task.deadline,
        requestedDeadline: r.requestedDeadline,
        idempotencyKey: r.idempotencyKey,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await appendAudit(tx, actor, {
      action: 'extension.request',
      entityType: 'task',
      entityId: task.id,
      after: row,
    });
    await recordChange(tx, {
      ...taskChange(task, actor),
      type: 'extension.requested',
      detail: { reason: r.reason.slice(0, 300), requestedDeadline: r.requestedDeadline },
    });
    return { id: row.id, duplicate: false };
  });
}

/** The Government Office approves (moving the deadline; the original stays on record) or refuses. */
export async function decideExtension(db: Db, actor: Actor, input: DecideExtensionInput) {
  const d = decideExtensionInput.parse(input);
  return db.transaction(async (txx) => {
    const tx = txx as unknown as Db;
    const [request] = await tx
      .select()
      .from(extensionRequests)
      .where(eq(extensionRequests.id, d.id))
      .for('update');
    if (!request) throw new AppError('NOT_FOUND');
    const task = await lockTask(tx, request.taskId);
    assertTaskAction(actor, task, 'decideExtension');
    if (request.version !== d.version || request.state !== 'pending') {
      throw new AppError('CONFLICT', 'staleVersion', {
        reason: 'staleVersion',
        currentVersion: request.version,
      });
    }
    const [after] = await tx
      .update(extensionRequests)
      .set({
        state: d.decision,
        decidedBy: actor.id,
        decidedAt: new Date(),
        decisionComment: d.comment || null,
        version: request.version + 1,
      })
      .where(eq(extensionRequests.id, d.id))
      .returning();
    if (d.decision === 'approved') {
      await tx
        .update(tasks)
        .set({ deadline: request.requestedDeadline, version: task.version + 1, updatedAt: new Date() })
        .where(eq(tasks.id, task.id));
    }
    await appendAudit(tx, actor, {
      action: `extension.${d.decision}`,
      entityType: 'task',
      entityId: task.id,
      before: request,
      after,
    });
    const extensionChange = taskChange(task, actor);
    await recordChange(tx, {
      ...extensionChange,
      type: 'extension.decided',
      payload: { ...extensionChange.payload, state: d.decision },
    });
    return { id: d.id, state: d.decision };
  });
}

export async function reportCompletion(db: Db, actor: Actor, input: ReportCompletionInput) {
  const r = reportCompletionInput.parse(input);
  const existing = await findByKey(
    db,
    completionReports,
    completionReports.reportedBy,
    completionReports.idempotencyKey,
    actor.id,
    r.idempotencyKey,
  );
  if (existing) return { id: existing.id, duplicate: true };
  return db.transaction(async (txx) => {
    const tx = txx as unknown as Db;
    const task = await lockTask(tx, r.taskId);
    assertTaskAction(actor, task, 'reportCompletion');
    assertOpen(task);
    const again = await findByKey(
      tx,
      completionReports,
      completionReports.reportedBy,
      completionReports.idempotencyKey,
      actor.id,
      r.idempotencyKey,
    );
    if (again) return { id: again.id, duplicate: true };
    if (r.completionDate > vietnamDate(new Date()))
      throw new AppError('VALIDATION', 'dateInFuture', { field: 'completionDate' });
    const [open] = await tx
      .select({ id: completionReports.id })
      .from(completionReports)
      .where(
        and(
          eq(completionReports.taskId, task.id),
          inArray(completionReports.state, ['awaiting_leader', 'awaiting_office']),
        ),
      );
    if (open) throw new AppError('CONFLICT', 'completionPending', { reason: 'completionPending' });
    const [row] = await tx
      .insert(completionReports)
      .values({
        taskId: task.id,
        reportedBy: actor.id,
        result: r.result,
        completionDate: r.completionDate,
        evidenceUrl: r.evidenceUrl,
        idempotencyKey: r.idempotencyKey,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await appendAudit(tx, actor, {
      action: 'completion.report',
      entityType: 'task',
      entityId: task.id,
      after: row,
    });
    await recordChange(tx, {
      ...taskChange(task, actor),
      type: 'completion.reported',
      detail: { result: r.result.slice(0, 300) },
    });
    return { id: row.id, duplicate: false };
  });
}

/**
 * The agency leader signs off the completion report (it goes to the Office) or sends it back; then the
 * Office accepts it (the task is completed with the reported date) or returns it (in progress again).
 */
export async function decideCompletion(
  db: Db,
  actor: Actor,
  input: ReviewCompletionInput,
  stage: 'leader' | 'office',
) {
  const d = reviewCompletionInput.parse(input);
  return db.transaction(async (txx) => {
    const tx = txx as unknown as Db;
    const [report] = await tx
      .select()
      .from(completionReports)
      .where(eq(completionReports.id, d.id))
      .for('update');
    if (!report) throw new AppError('NOT_FOUND');
    const task = await lockTask(tx, report.taskId);
    assertTaskAction(actor, task, stage === 'leader' ? 'approveCompletion' : 'reviewCompletion');
    const expected = stage === 'leader' ? 'awaiting_leader' : 'awaiting_office';
    if (report.version !== d.version || report.state !== expected) {
      throw new AppError('CONFLICT', 'staleVersion', {
        reason: 'staleVersion',
        currentVersion: report.version,
      });
    }
    const now = new Date();
    const state =
      stage === 'leader'
        ? d.decision === 'accept'
          ? 'awaiting_office'
          : 'returned_by_leader'
        : d.decision === 'accept'
          ? 'accepted'
          : 'returned_by_office';
    const [after] = await tx
      .update(completionReports)
      .set(
        stage === 'leader'
          ? {
              state,
              leaderId: actor.id,
              leaderAt: now,
              leaderComment: d.comment || null,
              version: report.version + 1,
            }
          : {
              state,
              reviewerId: actor.id,
              reviewedAt: now,
              reviewComment: d.comment || null,
              version: report.version + 1,
            },
      )
      .where(eq(completionReports.id, d.id))
      .returning();
    if (state === 'accepted') {
      await tx
        .update(tasks)
        .set({
          completedOn: report.completionDate,
          latestPercent: 100,
          version: task.version + 1,
          updatedAt: now,
        })
        .where(eq(tasks.id, task.id));
    }
    await appendAudit(tx, actor, {
      action: `completion.${state}`,
      entityType: 'task',
      entityId: task.id,
      before: report,
      after,
    });
    const completionChange = taskChange(task, actor);
    await recordChange(tx, {
      ...completionChange,
      type: 'completion.decided',
      payload: { ...completionChange.payload, state },
    });
    return { id: d.id, state };
  });
}

/** The public part of a change to one task, and who may see its detail. */
export function taskChange(task: TaskRow & TaskParties, actor: Actor) {
  return {
    taskId: task.id,
    documentId: task.documentId,
    agencyIds: [task.leadAgencyId, ...task.coordinatorIds],
    payload: {
      taskId: task.id,
      documentId: task.documentId,
      leadAgencyId: task.leadAgencyId,
      title: task.title,
      agencyNameVi: actor.agencyNameVi,
      agencyNameEn: actor.agencyNameEn,
    },
  };
}

type KeyedTable = typeof progressUpdates | typeof extensionRequests | typeof completionReports;

/** The record an earlier call with the same idempotency key made, if any. */
async function findByKey(
  db: Db,
  table: KeyedTable,
  authorColumn: PgColumn,
  keyColumn: PgColumn,
  authorId: number,
  key: string,
) {
  const [row] = await db
    .select({ id: table.id })
    .from(table as typeof progressUpdates)
    .where(and(eq(authorColumn, authorId), eq(keyColumn, key)))
    .limit(1);
  return row;
}
