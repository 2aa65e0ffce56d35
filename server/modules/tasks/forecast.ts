import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { completedPace, type Forecast, forecastCompletion, medianPace } from '../../../shared/forecast';
import { vietnamDate } from '../../../shared/vietnam-date';
import type { Db } from '../../db/client';
import { selectRows } from '../../db/rows';
import { progressUpdates, taskCoordinators, tasks } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { changeCache, changeMarkOf } from '../live/change-cache';
import { canReadTaskDetails } from './policy';

/** A task's start as a Vietnam date: the day it was recorded (assigned). */
const startedOn = sql<string>`to_char(${tasks.createdAt} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`;

export interface SimilarPaces {
  /** Per task group (null: no group), the median pace of its completed tasks and how many. */
  byGroup: Map<number | null, { pace: number; tasks: number }>;
}

/**
 * The median pace of each group's completed tasks (shared/forecast.ts, "similar tasks"), kept until a
 * completion is decided or the date changes: about 100,000 completed tasks at national scale, one read.
 */
const similarPaces = changeCache<SimilarPaces>({ maxAgeMs: 60 * 60_000, maxEntries: 1 });

export async function readSimilarPaces(db: Db, now: Date): Promise<SimilarPaces> {
  return similarPaces.get(
    db,
    'all',
    changeMarkOf(db, ['completion.decided', 'task.updated'], now),
    async () => {
      const today = vietnamDate(now);
      const rows = await selectRows<{ group_no: number | null; started_on: string; completed_on: string }>(
        db,
        sql`select ${tasks.groupNo} as group_no, ${startedOn} as started_on, ${tasks.completedOn} as completed_on
        from ${tasks} where ${tasks.completedOn} is not null and ${tasks.completedOn} <= ${today}
        and not ${tasks.withdrawn}`,
      );
      const paces = new Map<number | null, number[]>();
      for (const r of rows) {
        const group = r.group_no === null ? null : Number(r.group_no);
        const list = paces.get(group) ?? [];
        list.push(completedPace(String(r.started_on), String(r.completed_on)));
        paces.set(group, list);
      }
      const byGroup = new Map<number | null, { pace: number; tasks: number }>();
      for (const [group, list] of paces) {
        const pace = medianPace(list.sort((a, b) => a - b));
        if (pace !== null) byGroup.set(group, { pace, tasks: list.length });
      }
      return { byGroup };
    },
  );
}

export interface TaskForecast {
  forecast: Forecast;
  /** The date the forecast is made on (Vietnam). */
  asOf: string;
}

/**
 * The early warning for one open task with a deadline, as `actor` may see it: null for a closed or
 * withdrawn task, one without a deadline, or a reader who may not see its progress (as its detail).
 */
export async function getTaskForecast(db: Db, actor: Actor, taskId: number, now = new Date()) {
  const [task] = await db
    .select({
      leadAgencyId: tasks.leadAgencyId,
      groupNo: tasks.groupNo,
      deadline: tasks.deadline,
      completedOn: tasks.completedOn,
      withdrawn: tasks.withdrawn,
      startedOn,
    })
    .from(tasks)
    .where(eq(tasks.id, taskId));
  if (!task) throw new AppError('NOT_FOUND');
  const coordinators = await db
    .select({ id: taskCoordinators.agencyId })
    .from(taskCoordinators)
    .where(eq(taskCoordinators.taskId, taskId));
  const parties = { leadAgencyId: task.leadAgencyId, coordinatorIds: coordinators.map((c) => c.id) };
  if (!canReadTaskDetails(actor, parties)) return null;
  if (task.completedOn || task.withdrawn || !task.deadline) return null;
  const today = vietnamDate(now);
  const [points, similar] = await Promise.all([
    db
      .select({
        on: sql<string>`to_char(${progressUpdates.createdAt} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`,
        percent: progressUpdates.percent,
      })
      .from(progressUpdates)
      .where(
        and(
          eq(progressUpdates.taskId, taskId),
          eq(progressUpdates.agencyId, task.leadAgencyId),
          eq(progressUpdates.kind, 'progress'),
        ),
      )
      .orderBy(asc(progressUpdates.createdAt)),
    readSimilarPaces(db, now),
  ]);
  const forecast = forecastCompletion({
    points,
    startedOn: task.startedOn,
    deadline: task.deadline,
    today,
    similar: similar.byGroup.get(task.groupNo) ?? null,
  });
  return { forecast, asOf: today } satisfies TaskForecast;
}
