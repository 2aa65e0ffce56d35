import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { selectRows } from '../db/rows';

/** A change the seeded history makes to a task at an instant (an approved extension, an accepted completion, a withdrawal). */
export interface TaskEvent {
  taskId: number;
  at: Date;
  change: { deadline?: string | null; completedOn?: string | null; withdrawn?: boolean };
}

const ROWS_PER_STATEMENT = 500;

/**
 * The one way the seeds write a task's history: seeded tasks are inserted as they were assigned (the
 * original deadline, not completed, not withdrawn), then each event is applied as the services apply
 * it, an update of the task whose `updated_at` is the event's instant, so the task_states trigger
 * (migration 0009) records the history exactly as it records a user's write. Per task the events go
 * oldest first; events of one task at the same instant are one update. Every event must come after
 * its task's creation (and its previous event): an update at an earlier instant is refused.
 */
export async function replayTaskEvents(db: Db, events: readonly TaskEvent[]): Promise<void> {
  const byTask = new Map<number, TaskEvent[]>();
  for (const e of events) {
    const list = byTask.get(e.taskId) ?? [];
    const same = list.find((other) => other.at.getTime() === e.at.getTime());
    if (same) same.change = { ...same.change, ...e.change };
    else list.push({ ...e, change: { ...e.change } });
    byTask.set(e.taskId, list);
  }
  const rounds: TaskEvent[][] = [];
  for (const list of byTask.values()) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime());
    list.forEach((e, k) => {
      rounds[k] ??= [];
      rounds[k].push(e);
    });
  }
  for (const round of rounds) {
    for (let i = 0; i < round.length; i += ROWS_PER_STATEMENT) {
      const chunk = round.slice(i, i + ROWS_PER_STATEMENT);
      const values: SQL[] = chunk.map(
        ({ taskId, at, change: c }) =>
          sql`(${taskId}::int, ${at.toISOString()}::timestamptz,
            ${'deadline' in c}::boolean, ${c.deadline ?? null}::date,
            ${'completedOn' in c}::boolean, ${c.completedOn ?? null}::date,
            ${c.withdrawn ?? null}::boolean)`,
      );
      const updated = await selectRows<{ id: number }>(
        db,
        sql`update tasks t set
          deadline = case when v.set_deadline then v.deadline else t.deadline end,
          completed_on = case when v.set_completed then v.completed_on else t.completed_on end,
          withdrawn = coalesce(v.withdrawn, t.withdrawn),
          updated_at = v.at,
          version = t.version + 1
        from (values ${sql.join(values, sql`, `)})
          as v(id, at, set_deadline, deadline, set_completed, completed_on, withdrawn)
        where t.id = v.id and v.at > t.updated_at
        returning t.id`,
      );
      if (updated.length !== chunk.length) {
        throw new Error(
          'Seeded task events must come after the task was created and after its previous event',
        );
      }
    }
  }
}
