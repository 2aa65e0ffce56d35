import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import {
  completedPace,
  type Forecast,
  forecastCompletion,
  forecastFromSummary,
  medianPace,
  RECENT_DAYS,
} from '../../../shared/forecast';
import { shiftDate, vietnamInstant } from '../../../shared/time';
import { vietnamDate } from '../../../shared/vietnam-date';
import type { Db } from '../../db/client';
import { selectRows } from '../../db/rows';
import { progressUpdates, tasks } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { changeCache, changeMarkOf } from '../live/change-cache';
import { findTaskParties } from './parties';
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
  const parties = await findTaskParties(db, taskId);
  if (!parties || !canReadTaskDetails(actor, parties)) return null;
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

/** An open task the early warning flags, with what the escalation rule records of its forecast. */
export interface FlaggedTask {
  id: number;
  deadline: string;
  lateByDays: number | null;
  expectedOn: string | null;
  method: Forecast['method'];
  basis: number;
}

/**
 * The early warning over every open task with a deadline on or after `from` (the escalation job's
 * `likely_late` rule), by the task page's own rule (`forecastFromSummary`): the database sums each
 * task's lead reports (count, span, latest percent, least-squares sums of the last 90 days and of all),
 * so 200,000 tasks' two million reports never leave it; the forecasts are made here. Returns the flagged
 * tasks, and how many were forecast.
 */
export async function forecastOpenTasks(
  db: Db,
  now: Date,
  options: { from: string | null; flagDays: number },
): Promise<{ forecast: number; flagged: FlaggedTask[] }> {
  const today = vietnamDate(now);
  const endOfToday = vietnamInstant(shiftDate(today, 1)).toISOString();
  const [rows, similar] = await Promise.all([
    selectRows<{
      id: number;
      group_no: number | null;
      deadline: string;
      started_on: string;
      n: number | null;
      span: number | null;
      current: number | null;
      rn: number | null;
      rsx: number | null;
      rsy: number | null;
      rsxx: number | null;
      rsxy: number | null;
      sx: number | null;
      sy: number | null;
      sxx: number | null;
      sxy: number | null;
    }>(
      db,
      // Per task through its index (task, time): each task's few reports are summed where they lie, in
      // their order, with no sort or hash of two million rows (that plan took 3–8 s, this one 2.7 s at
      // national scale on the loaded bench machine).
      sql`with open as (
        select t.id, t.lead_agency_id, t.group_no, t.deadline,
          to_char(t.created_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as started_on
        from ${tasks} t
        where not t.withdrawn and t.completed_on is null and t.deadline is not null
          ${options.from ? sql`and t.deadline >= ${options.from}::date` : sql``}
      )
      select o.id, o.group_no, o.deadline::text as deadline, o.started_on, s.*
      from open o cross join lateral (
        select count(*)::int as n, (max(x) - min(x))::int as span,
          (array_agg(y order by created_at desc, id desc))[1] as current,
          count(*) filter (where x >= ${-RECENT_DAYS})::int as rn,
          coalesce(sum(x) filter (where x >= ${-RECENT_DAYS}), 0)::float8 as rsx,
          coalesce(sum(y) filter (where x >= ${-RECENT_DAYS}), 0)::float8 as rsy,
          coalesce(sum(x * x) filter (where x >= ${-RECENT_DAYS}), 0)::float8 as rsxx,
          coalesce(sum(x * y) filter (where x >= ${-RECENT_DAYS}), 0)::float8 as rsxy,
          coalesce(sum(x), 0)::float8 as sx, coalesce(sum(y), 0)::float8 as sy,
          coalesce(sum(x * x), 0)::float8 as sxx, coalesce(sum(x * y), 0)::float8 as sxy
        from (
          select p.percent::int as y, p.created_at, p.id,
            ((p.created_at at time zone 'Asia/Ho_Chi_Minh')::date - ${today}::date) as x
          from ${progressUpdates} p
          where p.task_id = o.id and p.agency_id = o.lead_agency_id and p.kind = 'progress'
            and p.created_at < ${endOfToday}::timestamptz
          -- Computed once per report, not once per aggregate that reads it.
          offset 0
        ) q
      ) s`,
    ),
    readSimilarPaces(db, now),
  ]);
  const flagged: FlaggedTask[] = [];
  for (const r of rows) {
    const n = Number(r.n ?? 0);
    const group = r.group_no === null ? null : Number(r.group_no);
    const forecast = forecastFromSummary({
      summary: {
        reports: n,
        spanDays: Number(r.span ?? 0),
        current: Number(r.current ?? 0),
        recent: {
          n: Number(r.rn ?? 0),
          sx: Number(r.rsx ?? 0),
          sy: Number(r.rsy ?? 0),
          sxx: Number(r.rsxx ?? 0),
          sxy: Number(r.rsxy ?? 0),
        },
        all: {
          n,
          sx: Number(r.sx ?? 0),
          sy: Number(r.sy ?? 0),
          sxx: Number(r.sxx ?? 0),
          sxy: Number(r.sxy ?? 0),
        },
      },
      startedOn: String(r.started_on),
      deadline: String(r.deadline),
      today,
      similar: similar.byGroup.get(group) ?? null,
      flagDays: options.flagDays,
    });
    if (forecast.flagged)
      flagged.push({
        id: Number(r.id),
        deadline: String(r.deadline),
        lateByDays: forecast.lateByDays,
        expectedOn: forecast.expectedOn,
        method: forecast.method,
        basis: forecast.basis,
      });
  }
  return { forecast: rows.length, flagged };
}
