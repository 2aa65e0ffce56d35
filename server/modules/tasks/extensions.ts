import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { DecideExtension, RequestExtension } from '../../../shared/schemas/tasks';
import type { Db } from '../../db/client';
import { extensionRequests, tasks } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { decideOnTask, fileOnTask, findByKey } from './write-steps';

/** The lead agency asks for a later deadline; one request may be pending at a time. */
export function requestExtension(db: Db, actor: Actor, r: RequestExtension) {
  return fileOnTask(db, actor, r, {
    action: 'requestExtension',
    findByKey: (db, key) =>
      findByKey(
        db,
        extensionRequests,
        extensionRequests.requestedBy,
        extensionRequests.idempotencyKey,
        actor.id,
        key,
      ),
    same: (saved) =>
      saved.taskId === r.taskId &&
      saved.requestedDeadline === r.requestedDeadline &&
      saved.reason === r.reason,
    insert: async (tx, task) => {
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
      return row;
    },
    audit: 'extension.request',
    change: {
      type: 'extension.requested',
      detail: { reason: r.reason.slice(0, 300), requestedDeadline: r.requestedDeadline },
    },
  });
}

/** The Government Office approves (moving the deadline; the original stays on record) or refuses. */
export function decideExtension(db: Db, actor: Actor, d: DecideExtension) {
  return decideOnTask(db, actor, d, {
    lock: async (tx) => {
      const [request] = await tx
        .select()
        .from(extensionRequests)
        .where(eq(extensionRequests.id, d.id))
        .for('update');
      return request;
    },
    action: 'decideExtension',
    from: 'pending',
    kind: 'extension',
    decide: async (tx, request, task) => {
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
      return { state: d.decision, after };
    },
  });
}
