import type { Db } from '../../db/client';
import type { Actor } from '../auth/actor';
import { changeCache, taskChangeMark } from '../live/change-cache';
import { type LoadedTaskDetail, loadTaskDetail, taskDetailFor } from './queries';
import { statusClock } from './status-sql';

/**
 * Task detail, kept per task and history length until the task's next change event
 * (`live/change-cache.ts`, `taskChangeMark`): writes to other tasks leave it cached.
 * A live event about a task makes every page open on it refetch at once (the lead agency, its
 * coordinators, the Office, inspectors): one computation serves them all. What each reader may see
 * (`taskDetailFor`) is applied to the shared value on every request.
 */
const details = changeCache<LoadedTaskDetail>({ maxAgeMs: 60_000, maxEntries: 200 });

export async function getTaskDetailCached(
  db: Db,
  actor: Actor,
  taskId: number,
  history: number,
  now = new Date(),
) {
  const loaded = await details.get(
    db,
    `${taskId}|${history}`,
    taskChangeMark(db, taskId, now),
    () => loadTaskDetail(db, taskId, statusClock(now), history),
    now.getTime(),
  );
  return taskDetailFor(actor, loaded);
}
