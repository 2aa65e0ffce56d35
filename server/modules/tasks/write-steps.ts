import { and, asc, eq, exists, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../../../shared/errors';
import { PENDING_COMPLETION_STATES } from '../../../shared/task-status';
import type { Db } from '../../db/client';
import {
  completionReports,
  type extensionRequests,
  type progressUpdates,
  taskCoordinators,
  tasks,
} from '../../db/schema';
import type { Actor } from '../auth/actor';
import type { PolicyTask } from './policy';

/** The steps every task write shares: lock the task with what the policy needs, idempotency, the change event. */

export type LockedTask = typeof tasks.$inferSelect & PolicyTask;

/**
 * Tasks locked FOR UPDATE in id order (no deadlock between batches), each with its coordinating
 * agencies and whether a completion report awaits a decision (one statement).
 */
export function lockTasks(tx: Db, taskIds: readonly number[]): Promise<LockedTask[]> {
  return tx
    .select({
      ...getTableColumns(tasks),
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

/** The public part of a change to one task, and who may see its detail. */
export function taskChange(task: LockedTask, actor: Actor) {
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
export async function findByKey(
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
