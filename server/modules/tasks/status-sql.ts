import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { DEFAULT_DUE_SOON_DAYS, DEFAULT_STALE_DAYS } from '../../../shared/task-status';
import { shiftDate, vietnamDate } from '../../../shared/time';
import { tasks } from '../../db/schema';

/**
 * shared/task-status.ts's rule in SQL, for filters and aggregates over many tasks. `today` is Vietnam's
 * calendar date computed by the same helper as the client's, passed in so both agree to the instant.
 * status-sql.test.ts checks, task by task, that this and deriveTaskStatus never disagree.
 */
export interface StatusClock {
  now: Date;
  today: string;
  dueSoonUntil: string;
  staleBefore: Date;
}

export function statusClock(
  now: Date,
  dueSoonDays = DEFAULT_DUE_SOON_DAYS,
  staleDays = DEFAULT_STALE_DAYS,
): StatusClock {
  const today = vietnamDate(now);
  return {
    now,
    today,
    dueSoonUntil: shiftDate(today, dueSoonDays),
    staleBefore: new Date(now.getTime() - staleDays * 86_400_000),
  };
}

export function statusSql(clock: StatusClock): SQL<string> {
  return statusCase(
    { withdrawn: tasks.withdrawn, completedOn: tasks.completedOn, deadline: tasks.deadline },
    clock.today,
  );
}

/** The rule over any expressions (e.g. a task's deadline and completion as of a past cut-off). */
export function statusCase(
  columns: { withdrawn: SQLWrapper; completedOn: SQLWrapper; deadline: SQLWrapper },
  today: string,
) {
  const { withdrawn, completedOn, deadline } = columns;
  return sql<string>`(case
    when ${withdrawn} then 'withdrawn'
    when ${completedOn} is not null then
      case when ${deadline} is null or ${completedOn} <= ${deadline} then 'completed_on_time' else 'completed_late' end
    when ${deadline} is null then 'no_deadline'
    when ${deadline} < ${today} then 'overdue'
    else 'in_progress' end)`;
}

export function dueSoonSql(clock: StatusClock): SQL<boolean> {
  return sql<boolean>`(not ${tasks.withdrawn} and ${tasks.completedOn} is null and ${tasks.deadline} is not null and ${tasks.deadline} >= ${clock.today} and ${tasks.deadline} <= ${clock.dueSoonUntil})`;
}

export function staleSql(clock: StatusClock): SQL<boolean> {
  return sql<boolean>`(not ${tasks.withdrawn} and ${tasks.completedOn} is null and coalesce(${tasks.lastLeadUpdateAt}, ${tasks.createdAt}) <= ${clock.staleBefore.toISOString()})`;
}
