import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { selectRows } from '../db/rows';

/**
 * How far task_states' `valid_to` is from what it must be (migration 0010): each state valid until the
 * next state's instant, the last one open (null). Counts the states that break it, the tasks with other
 * than one open state, and the tasks with no state at all.
 */
export async function validToBreaches(
  db: Db,
): Promise<{ wrong: number; notOneOpen: number; noState: number }> {
  const [row] = await selectRows<{ wrong: number; not_one_open: number; no_state: number }>(
    db,
    sql`select
      (select count(*) from (
        select valid_to, lead(valid_from) over (partition by task_id order by valid_from) as next_from
        from task_states) s
        where valid_to is distinct from next_from)::int as wrong,
      (select count(*) from (
        select task_id from task_states group by task_id having count(*) filter (where valid_to is null) <> 1) o)::int
        as not_one_open,
      (select count(*) from tasks t where not exists (select 1 from task_states s where s.task_id = t.id))::int
        as no_state`,
  );
  return { wrong: row?.wrong ?? -1, notOneOpen: row?.not_one_open ?? -1, noState: row?.no_state ?? -1 };
}
