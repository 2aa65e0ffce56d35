import { ne, type SQL, sql } from 'drizzle-orm';
import { emptyStatusCounts, type StatusCounts, type TaskStatus } from '../../../shared/task-status';
import { type Db, inTransaction } from '../../db/client';
import { together } from '../../db/group-commit';
import { isStandby } from '../../db/replica';
import { rowsOf, selectRows } from '../../db/rows';
import { taskTallies, taskTallyState } from '../../db/schema';
import { type JobDefinition, periodicJob } from '../../jobs/queue';
import { dueSoonCase, type StatusClock, staleOnCase, statusCase, statusClock } from './status-sql';

/**
 * The dashboard's task counts, maintained by the writes (issue 15; docs/decisions/0020-task-tallies.md).
 *
 * A trigger on `tasks` logs, in each write's transaction, the task's counted attributes before and
 * after whenever one of them moved (`task_tally_deltas`, migration 0016). A reader folds the log into
 * `task_tallies` (counts per agency, group, key task and overdue month, each by status) under the rules
 * of status-sql.ts as of Vietnam's date, deleting what it counted in the same statement: exactly once,
 * whoever folds. When the date moves (due soon, overdue and stale move at Vietnam midnight) the tallies
 * are rebuilt from the tasks once, by the first reader or the minute job. The dashboard then reads a
 * few thousand counts (O(agencies)) instead of aggregating every task of the country after each write.
 *
 * Consistency: writers never take a lock for the tallies; folds and rebuilds take `TALLY_LOCK` (one at a
 * time). A rebuild counts the tasks and deletes the deltas in one statement, so one snapshot: what it
 * counted is gone from the log, what committed after it stays there for the next fold.
 */
export const TALLY_LOCK = 2629_0002;

/** What the trigger logs, for every task: the rebuild counts these, with the same rules as the fold. */
const taskAttributes = sql`select 1 as sign, lead_agency_id, group_no, is_key, withdrawn, completed_on, deadline,
  ((coalesce(last_lead_update_at, created_at) at time zone 'UTC') + interval '7 hours')::date as active_on
  from tasks`;

/**
 * The counts of `source` (rows of counted attributes with a sign) as (dimension, key, bucket, n), the
 * buckets by status-sql.ts's rules as of `clock`: every task in its agency's status and its group's,
 * its key-task status, its agency's due-soon and stale flags, and its overdue month.
 */
function tallyRows(source: SQL, clock: StatusClock): SQL {
  const column = (name: string) => sql.raw(`s.${name}`);
  const attributes = {
    withdrawn: column('withdrawn'),
    completedOn: column('completed_on'),
    deadline: column('deadline'),
    activeOn: column('active_on'),
  };
  return sql`select k.dimension, k.key, k.bucket, sum(s.sign)::int as n
    from (${source}) as s
    cross join lateral (select ${statusCase(attributes, clock.today)} as status) as st
    cross join lateral (values
      ('agency', s.lead_agency_id::text, st.status),
      ('agency', s.lead_agency_id::text, case when ${dueSoonCase(attributes, clock)} then 'due_soon' end),
      ('agency', s.lead_agency_id::text, case when ${staleOnCase(attributes, clock)} then 'stale' end),
      ('group', coalesce(s.group_no, 0)::text, st.status),
      ('key_task', '', case when s.is_key then st.status end),
      ('overdue_month', to_char(s.deadline, 'YYYY-MM'), case when st.status = 'overdue' then 'overdue' end)
    ) as k(dimension, key, bucket)
    where k.bucket is not null
    group by 1, 2, 3
    having sum(s.sign) <> 0`;
}

export interface TallyState {
  /** The Vietnam date the tallies count as of. */
  day: string;
  /** Moves whenever a count does: what the dashboard's cache is keyed on. */
  version: number;
}

async function readState(db: Db) {
  const rows = await db
    .select({
      day: taskTallyState.day,
      version: taskTallyState.version,
      pending: sql<boolean>`exists (select 1 from task_tally_deltas)`,
    })
    .from(taskTallyState);
  return { ...stateOf(rows), pending: rows[0]?.pending ?? false };
}

function stateOf<R extends { day: string | null; version: number | string }>(rows: R[]) {
  const [row] = rows;
  if (!row) throw new Error('task_tally_state has no row: migration 0016 not applied');
  // Raw SQL returns the bigint version as text on PostgreSQL.
  return {
    ...row,
    day: row.day === null ? null : String(row.day).slice(0, 10),
    version: Number(row.version),
  };
}

/**
 * Brings the tallies to `clock`'s date with every committed write counted, and says as of what. Costs
 * one small read when nothing changed; after writes, a fold of what they logged; on a new date, one
 * count of every task (once a day nationally, whichever process comes first).
 */
export async function currentTallies(db: Db, clock: StatusClock): Promise<TallyState> {
  const seen = await readState(db);
  if (seen.day === clock.today && !seen.pending) return { day: seen.day, version: seen.version };
  return inTransaction(db, async (tx) => {
    // One round trip: the lock, then the fold (if the tallies count as of today) returning the state.
    const [, folded] = await together(
      tx.execute(sql`select pg_advisory_xact_lock(${TALLY_LOCK})`),
      tx.execute(sql`with moved as (delete from task_tally_deltas
          where (select day from task_tally_state where id = 1) = ${clock.today} returning *),
        counted as (${tallyRows(sql`select * from moved`, clock)}),
        applied as (insert into task_tallies (dimension, key, bucket, n) select * from counted
          on conflict (dimension, key, bucket) do update set n = task_tallies.n + excluded.n returning 1)
        update task_tally_state set version = version + (exists (select 1 from applied))::int where id = 1
        returning day, version`),
    );
    let state = stateOf(rowsOf<{ day: string | null; version: number | string }>(folded));
    if (state.day !== clock.today) {
      // Another date: every task counted afresh, and the log it covers deleted, in one snapshot.
      await tx.delete(taskTallies);
      await tx.execute(sql`with counted as (${tallyRows(taskAttributes, clock)}),
        counted_in as (insert into task_tallies (dimension, key, bucket, n) select * from counted),
        folded as (delete from task_tally_deltas)
        update task_tally_state set day = ${clock.today}, version = version + 1 where id = 1`);
      state = await readState(tx);
    }
    return { day: state.day ?? clock.today, version: state.version };
  });
}

export interface AgencyTally {
  counts: StatusCounts;
  dueSoon: number;
  stale: number;
}

export interface TallyCounts {
  /** Per agency id: its tasks by status, and its due-soon and stale ones. */
  agencies: Map<number, AgencyTally>;
  /** Per group number (0: no group): tasks by status. */
  groups: Map<number, StatusCounts>;
  keyTasks: StatusCounts;
  /** Overdue tasks per deadline month (YYYY-MM), in month order. */
  overdueByMonth: { month: string; n: number }[];
}

/**
 * On a standby (a read replica) nothing can be folded: the counts are the tallies plus the log not yet
 * folded, in one read-only statement, or, before the primary has rolled the tallies over to `clock`'s
 * date, every task counted (the plan skips whichever branch its condition rules out).
 */
function countsOnStandby(clock: StatusClock): SQL {
  const current = sql`(select day from task_tally_state where id = 1) = ${clock.today}`;
  return sql`select dimension, key, bucket, sum(n)::int as n from (
      select dimension, key, bucket, n from task_tallies where ${current}
      union all select * from (${tallyRows(sql`select * from task_tally_deltas`, clock)}) as pending where ${current}
      union all select * from (${tallyRows(taskAttributes, clock)}) as every_task where not coalesce(${current}, false)
    ) as counts group by 1, 2, 3 having sum(n) <> 0`;
}

/** Every non-zero count as of `clock` (brought up to date first on the primary: `currentTallies`). */
export async function readTallies(
  db: Db,
  clock: StatusClock,
  { readOnly = isStandby(db) } = {},
): Promise<TallyCounts> {
  const rows = readOnly
    ? await selectRows<{ dimension: string; key: string; bucket: string; n: number }>(
        db,
        countsOnStandby(clock),
      )
    : await db
        .select({
          dimension: taskTallies.dimension,
          key: taskTallies.key,
          bucket: taskTallies.bucket,
          n: taskTallies.n,
        })
        .from(taskTallies)
        .where(ne(taskTallies.n, 0));
  const counts: TallyCounts = {
    agencies: new Map(),
    groups: new Map(),
    keyTasks: emptyStatusCounts(),
    overdueByMonth: [],
  };
  const agencyOf = (id: number) => {
    let tally = counts.agencies.get(id);
    if (!tally) {
      tally = { counts: emptyStatusCounts(), dueSoon: 0, stale: 0 };
      counts.agencies.set(id, tally);
    }
    return tally;
  };
  const groupOf = (no: number) => {
    let group = counts.groups.get(no);
    if (!group) {
      group = emptyStatusCounts();
      counts.groups.set(no, group);
    }
    return group;
  };
  for (const { dimension, key, bucket, n } of rows) {
    if (dimension === 'agency') {
      const agency = agencyOf(Number(key));
      if (bucket === 'due_soon') agency.dueSoon += n;
      else if (bucket === 'stale') agency.stale += n;
      else agency.counts[bucket as TaskStatus] += n;
    } else if (dimension === 'group') groupOf(Number(key))[bucket as TaskStatus] += n;
    else if (dimension === 'key_task') counts.keyTasks[bucket as TaskStatus] += n;
    else if (dimension === 'overdue_month') counts.overdueByMonth.push({ month: key, n });
  }
  counts.overdueByMonth.sort((a, b) => a.month.localeCompare(b.month));
  return counts;
}

/**
 * Folds the log and rolls the date over at start and every minute, on one server process at a time
 * (server/jobs/queue.ts), so the log stays short and the midnight rebuild is not left to a user's
 * first look at the dashboard. Readers fold too: a late or skipped run only leaves them more to do.
 */
export function tallyJob(db: Db): JobDefinition {
  return periodicJob({
    name: 'tasks.tallies',
    cron: '* * * * *',
    failure: 'updating the task tallies failed',
    run: async () => {
      await currentTallies(db, statusClock(new Date()));
    },
  });
}
