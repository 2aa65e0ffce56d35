import { type Placeholder, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { DEFAULT_DUE_SOON_DAYS, DEFAULT_STALE_DAYS, type TaskStatus } from '../../../shared/task-status';
import { shiftDate, vietnamDate, vietnamInstant } from '../../../shared/time';
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
  /** The last Vietnam date of a lead update (or creation) that leaves an open task stale today. */
  staleOnOrBefore: string;
  /** The same as an instant: activity before it is stale (midnight after `staleOnOrBefore`). */
  staleBefore: Date;
}

export function statusClock(
  now: Date,
  dueSoonDays = DEFAULT_DUE_SOON_DAYS,
  staleDays = DEFAULT_STALE_DAYS,
): StatusClock {
  const today = vietnamDate(now);
  // Counted in Vietnam days, like deadlines (deriveTaskStatus): a task turns stale at midnight, so the
  // tallies move with the date only (tallies.ts).
  const staleOnOrBefore = shiftDate(today, -staleDays);
  return {
    now,
    today,
    dueSoonUntil: shiftDate(today, dueSoonDays),
    staleOnOrBefore,
    staleBefore: vietnamInstant(shiftDate(staleOnOrBefore, 1)),
  };
}

/**
 * The clock as a statement reads it: its values, or placeholders a prepared statement fills in at each
 * execution with `clockValues` (a task's detail and the list pages, built once: server/db/prepared.ts).
 */
export interface ClockSql {
  today: string | Placeholder;
  dueSoonUntil: string | Placeholder;
  staleBefore: Date | Placeholder;
}

export const clockPlaceholders = {
  today: sql.placeholder('today'),
  dueSoonUntil: sql.placeholder('dueSoonUntil'),
  staleBefore: sql.placeholder('staleBefore'),
} satisfies ClockSql;

/** The values of `clockPlaceholders`, as `staleSql` passes its instant. */
export function clockValues(clock: StatusClock) {
  return {
    today: clock.today,
    dueSoonUntil: clock.dueSoonUntil,
    staleBefore: clock.staleBefore.toISOString(),
  };
}

export function statusSql(clock: ClockSql): SQL<string> {
  return statusCase(
    { withdrawn: tasks.withdrawn, completedOn: tasks.completedOn, deadline: tasks.deadline },
    clock.today,
  );
}

/** The rule over any expressions (e.g. a task's deadline and completion as of a past cut-off). */
export function statusCase(
  columns: { withdrawn: SQLWrapper; completedOn: SQLWrapper; deadline: SQLWrapper },
  today: string | Placeholder,
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

/**
 * "Status is one of …" as plain column predicates, the same rule as `statusCase`: the planner can
 * estimate them from column statistics and use indexes, where it must guess (one row in 200) for a
 * CASE expression, and then picked plans that read every task of the filter (README, Performance).
 */
export function statusIn(statuses: readonly TaskStatus[], clock: ClockSql): SQL<boolean> {
  const { withdrawn, completedOn, deadline } = tasks;
  const open = sql`not ${withdrawn} and ${completedOn} is null`;
  const each: Record<TaskStatus, SQL> = {
    withdrawn: sql`${withdrawn}`,
    completed_on_time: sql`(not ${withdrawn} and ${completedOn} is not null and (${deadline} is null or ${completedOn} <= ${deadline}))`,
    completed_late: sql`(not ${withdrawn} and ${completedOn} is not null and ${completedOn} > ${deadline})`,
    no_deadline: sql`(${open} and ${deadline} is null)`,
    overdue: sql`(${open} and ${deadline} < ${clock.today})`,
    in_progress: sql`(${open} and ${deadline} >= ${clock.today})`,
  };
  const unique = [...new Set(statuses)];
  if (unique.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(
    unique.map((s) => each[s]),
    sql` or `,
  )})`;
}

export function dueSoonSql(clock: ClockSql): SQL<boolean> {
  return dueSoonCase(tasks, clock);
}

/** Due soon over any expressions (the tallies' logged attributes, tallies.ts). */
export function dueSoonCase(
  columns: { withdrawn: SQLWrapper; completedOn: SQLWrapper; deadline: SQLWrapper },
  clock: ClockSql,
): SQL<boolean> {
  const { withdrawn, completedOn, deadline } = columns;
  return sql<boolean>`(not ${withdrawn} and ${completedOn} is null and ${deadline} is not null and ${deadline} >= ${clock.today} and ${deadline} <= ${clock.dueSoonUntil})`;
}

/** Stale, on the instant form of the activity (what the list's index holds). */
export function staleSql(clock: ClockSql): SQL<boolean> {
  const before = clock.staleBefore instanceof Date ? clock.staleBefore.toISOString() : clock.staleBefore;
  return sql<boolean>`(not ${tasks.withdrawn} and ${tasks.completedOn} is null and coalesce(${tasks.lastLeadUpdateAt}, ${tasks.createdAt}) < ${before})`;
}

/** Stale, on the Vietnam date of the activity (the tallies' logged attribute): the same rule as `staleSql`. */
export function staleOnCase(
  columns: { withdrawn: SQLWrapper; completedOn: SQLWrapper; activeOn: SQLWrapper },
  clock: StatusClock,
): SQL<boolean> {
  const { withdrawn, completedOn, activeOn } = columns;
  return sql<boolean>`(not ${withdrawn} and ${completedOn} is null and ${activeOn} <= ${clock.staleOnOrBefore})`;
}
