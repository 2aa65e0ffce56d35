import {
  bigint,
  bigserial,
  boolean,
  date,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
} from 'drizzle-orm/pg-core';

/**
 * The task counts the dashboard and its agency ranking show, kept up to date by the writes instead of
 * recounted over every task after each one (issue 15; docs/decisions/0020-task-tallies.md).
 * `dimension` / `key` / `bucket`: ('agency', agency id, a status or 'due_soon' / 'stale'),
 * ('group', group number or 0, a status), ('key_task', '', a status), ('overdue_month', 'YYYY-MM',
 * 'overdue'). Counted as of `task_tally_state.day`; server/modules/tasks/tallies.ts derives them.
 */
export const taskTallies = pgTable(
  'task_tallies',
  {
    dimension: text('dimension').notNull(),
    key: text('key').notNull(),
    bucket: text('bucket').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dimension, t.key, t.bucket] })],
);

/**
 * What a task write changed, as the task's counted attributes before (sign -1) and after (+1): logged
 * by a trigger on `tasks` (migration 0016) in the write's own transaction, only when one of them moved,
 * and folded into `task_tallies` by the next reader (or the minute job), exactly once (the fold deletes
 * what it counts, in one transaction). The trigger applies no rule and takes no lock: writers never
 * wait on the counters, and the status rule stays in one place (status-sql.ts).
 */
export const taskTallyDeltas = pgTable('task_tally_deltas', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  sign: smallint('sign').notNull(),
  leadAgencyId: integer('lead_agency_id').notNull(),
  groupNo: smallint('group_no'),
  isKey: boolean('is_key').notNull(),
  withdrawn: boolean('withdrawn').notNull(),
  completedOn: date('completed_on', { mode: 'string' }),
  deadline: date('deadline', { mode: 'string' }),
  /** Vietnam date of the lead agency's last update (or of the task's creation): what staleness counts from. */
  activeOn: date('active_on', { mode: 'string' }).notNull(),
});

/**
 * One row: the Vietnam date the tallies count as of (null: to be rebuilt, e.g. after a TRUNCATE), and a
 * version moved by every fold or rebuild that changed a count, which the dashboard's cache is keyed on.
 */
export const taskTallyState = pgTable('task_tally_state', {
  id: smallint('id').primaryKey(),
  day: date('day', { mode: 'string' }),
  version: bigint('version', { mode: 'number' }).notNull(),
});
