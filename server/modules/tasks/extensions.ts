import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { DecideExtension, RequestExtension } from '../../../shared/schemas/tasks';
import type { Db } from '../../db/client';
import { extensionRequests, tasks } from '../../db/schema';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import { recordChange } from '../live/record';
import { assertTaskAction } from './policy';
import { findByKey, lockTask, taskChange } from './write-steps';

const findRequestByKey = (db: Db, actor: Actor, key: string) =>
  findByKey(
    db,
    extensionRequests,
    extensionRequests.requestedBy,
    extensionRequests.idempotencyKey,
    actor.id,
    key,
  );

/** The lead agency asks for a later deadline; one request may be pending at a time. */
export async function requestExtension(db: Db, actor: Actor, r: RequestExtension) {
  const existing = await findRequestByKey(db, actor, r.idempotencyKey);
  if (existing) return { id: existing.id, duplicate: true };
  return db.transaction(async (txx) => {
    const tx = txx as unknown as Db;
    const task = await lockTask(tx, r.taskId);
    assertTaskAction(actor, task, 'requestExtension');
    const again = await findRequestByKey(tx, actor, r.idempotencyKey);
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
export async function decideExtension(db: Db, actor: Actor, d: DecideExtension) {
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
    const change = taskChange(task, actor);
    await recordChange(tx, {
      ...change,
      type: 'extension.decided',
      payload: { ...change.payload, state: d.decision },
    });
    return { id: d.id, state: d.decision };
  });
}
