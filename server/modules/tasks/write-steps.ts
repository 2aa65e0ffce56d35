import { and, asc, eq, exists, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { AgencyLevel } from '../../../shared/agencies';
import { AppError } from '../../../shared/errors';
import type { ChangeType } from '../../../shared/live-events';
import type { TaskAction } from '../../../shared/schemas/tasks';
import { PENDING_COMPLETION_STATES } from '../../../shared/task-status';
import { type Db, inTransaction } from '../../db/client';
import {
  agencies,
  completionReports,
  type extensionRequests,
  type progressUpdates,
  taskCoordinators,
  tasks,
} from '../../db/schema';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import { type ChangeInput, recordChanges } from '../live/record';
import { assertRequestDecision, assertTaskAction, type PolicyTask, type TaskParties } from './policy';

/**
 * The steps every task write shares: lock the task with what the policy needs, idempotency, the change
 * event; and the skeletons of filing a request on a task and deciding it.
 */

export type LockedTask = typeof tasks.$inferSelect & PolicyTask;

/**
 * Tasks locked FOR UPDATE in id order (no deadlock between batches), each with its coordinating
 * agencies and whether a completion report awaits a decision (one statement).
 */
export function lockTasks(tx: Db, taskIds: readonly number[]): Promise<LockedTask[]> {
  return tx
    .select({
      ...getTableColumns(tasks),
      leadParentId: sql<
        number | null
      >`(select ${agencies.parentId} from ${agencies} where ${agencies.id} = ${tasks.leadAgencyId})`,
      leadLevel: sql<AgencyLevel>`(select ${agencies.level} from ${agencies} where ${agencies.id} = ${tasks.leadAgencyId})`,
      coordinatorIds: sql<number[]>`array(${tx
        .select({ agencyId: taskCoordinators.agencyId })
        .from(taskCoordinators)
        .where(eq(taskCoordinators.taskId, tasks.id))
        .orderBy(asc(taskCoordinators.agencyId))})`,
      completionPending: exists(
        tx
          .select({ one: sql`1` })
          .from(completionReports)
          .where(
            and(
              eq(completionReports.taskId, tasks.id),
              inArray(completionReports.state, [...PENDING_COMPLETION_STATES]),
            ),
          ),
      ).mapWith(Boolean),
    })
    .from(tasks)
    .where(inArray(tasks.id, [...taskIds]))
    .orderBy(asc(tasks.id))
    .for('update');
}

export async function lockTask(tx: Db, taskId: number): Promise<LockedTask> {
  const [task] = await lockTasks(tx, [taskId]);
  if (!task) throw new AppError('NOT_FOUND');
  return task;
}

/**
 * The public part of a change to one task, and who may see its detail: the task's agencies and the
 * province over its lead (canReadTaskDetails).
 */
export function taskChange(task: LockedTask, actor: Actor) {
  return {
    taskId: task.id,
    documentId: task.documentId,
    agencyIds: detailReaders(task),
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

/** The agencies besides oversight that read a task's details (`canReadTaskDetails`), for a change's `agencyIds`. */
export function detailReaders(task: TaskParties): number[] {
  return [
    ...new Set(
      [task.leadAgencyId, ...task.coordinatorIds, task.leadParentId, task.issuerAgencyId].filter(
        (id): id is number => id !== null,
      ),
    ),
  ];
}

/**
 * A change to a part (a commune task a province broke its task down into) tells the parent's readers
 * too: the parent's page shows the parts' roll-up, and its cached detail is keyed on its own events.
 * None for a task without a parent. Recorded in the same write as the part's own change.
 */
export function parentChange(
  task: Pick<LockedTask, 'id' | 'parentTaskId' | 'documentId' | 'issuerAgencyId'>,
): ChangeInput[] {
  if (task.parentTaskId === null) return [];
  return [
    {
      type: 'task.partChanged',
      taskId: task.parentTaskId,
      documentId: task.documentId,
      agencyIds: task.issuerAgencyId === null ? [] : [task.issuerAgencyId],
      payload: { taskId: task.parentTaskId, documentId: task.documentId, partTaskId: task.id },
    },
  ];
}

type KeyedTable = typeof progressUpdates | typeof extensionRequests | typeof completionReports;

/** The record an earlier call with the same idempotency key made, if any. */
export async function findByKey(
  db: Db,
  table: KeyedTable,
  authorColumn: PgColumn,
  keyColumn: PgColumn,
  authorId: number,
  key: string,
) {
  const [row] = await db
    .select()
    .from(table as typeof progressUpdates)
    .where(and(eq(authorColumn, authorId), eq(keyColumn, key)))
    .limit(1);
  return row;
}

/**
 * A request filed on a task (an extension, a completion report): taken once per idempotency key (checked
 * before and again under the task's lock), by whom the policy lets, audited and announced in its write.
 */
export async function fileOnTask(
  db: Db,
  actor: Actor,
  r: { taskId: number; idempotencyKey: string },
  filing: {
    action: TaskAction;
    findByKey: (db: Db, key: string) => Promise<{ id: number } | undefined>;
    /** Whether the record saved under the key is this request (a retry), not another one reusing it. */
    same: (saved: Record<string, unknown>) => boolean;
    /** Checks what the request needs and inserts it. */
    insert: (tx: Db, task: LockedTask) => Promise<{ id: number } | undefined>;
    audit: string;
    change: { type: ChangeType; detail: Record<string, unknown> };
  },
) {
  // A retry gets the first answer; the same key sent with other content is refused, not ignored.
  const answer = (saved: { id: number }) => {
    if (!filing.same(saved as Record<string, unknown>))
      throw new AppError('CONFLICT', 'idempotencyKeyReused', { reason: 'idempotencyKeyReused' });
    return { id: saved.id, duplicate: true };
  };
  const existing = await filing.findByKey(db, r.idempotencyKey);
  if (existing) return answer(existing);
  return inTransaction(db, async (tx) => {
    const task = await lockTask(tx, r.taskId);
    assertTaskAction(actor, task, filing.action);
    const again = await filing.findByKey(tx, r.idempotencyKey);
    if (again) return answer(again);
    const row = await filing.insert(tx, task);
    if (!row) throw new AppError('INTERNAL');
    await appendAudit(tx, actor, { action: filing.audit, entityType: 'task', entityId: task.id, after: row });
    await recordChanges(tx, [{ ...taskChange(task, actor), ...filing.change }, ...parentChange(task)]);
    return { id: row.id, duplicate: false };
  });
}

/**
 * A decision on a task's request: the request and its task locked, the right checked, the request still
 * at `version` in state `from`; `decide` writes it, then it is audited and announced with its new state.
 */
export async function decideOnTask<
  R extends { taskId: number; version: number; state: string },
  S extends string,
>(
  db: Db,
  actor: Actor,
  d: { id: number; version: number },
  decision: {
    lock: (tx: Db) => Promise<R | undefined>;
    action: TaskAction;
    from: R['state'];
    decide: (tx: Db, request: R, task: LockedTask) => Promise<{ state: S; after: unknown }>;
    kind: 'extension' | 'completion';
  },
) {
  return inTransaction(db, async (tx) => {
    const request = await decision.lock(tx);
    if (!request) throw new AppError('NOT_FOUND');
    const task = await lockTask(tx, request.taskId);
    assertRequestDecision(actor, task, decision.action);
    if (request.version !== d.version || request.state !== decision.from) {
      throw new AppError('CONFLICT', 'staleVersion', {
        reason: 'staleVersion',
        currentVersion: request.version,
      });
    }
    const { state, after } = await decision.decide(tx, request, task);
    await appendAudit(tx, actor, {
      action: `${decision.kind}.${state}`,
      entityType: 'task',
      entityId: task.id,
      before: request,
      after,
    });
    const change = taskChange(task, actor);
    await recordChanges(tx, [
      { ...change, type: `${decision.kind}.decided`, payload: { ...change.payload, state } },
      ...parentChange(task),
    ]);
    return { id: d.id, state };
  });
}
