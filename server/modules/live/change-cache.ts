import { eq, max, sql } from 'drizzle-orm';
import type { ChangeType } from '../../../shared/live-events';
import { vietnamDate } from '../../../shared/time';
import type { Db } from '../../db/client';
import { preparedFor } from '../../db/prepared';
import { selectRows } from '../../db/rows';
import { changeEvents } from '../../db/schema';

/**
 * Read results kept until the data under them can have changed. Every write a page shows records a
 * change event in its own transaction, in every server process (ADR 0003), and statuses move with
 * Vietnam's date; so a value computed under the mark "newest change-event id | today" stays right
 * until that mark moves. Reading the mark costs one index-only read. An entry is also dropped after
 * `maxAgeMs` (a user renamed without a change event, a due-soon or stale flag that moves with the
 * clock: seen within that bound) and the oldest goes when `maxEntries` are held. A computation that
 * fails is not kept. Values are per database (tests open many) and shared by every user: callers
 * keep per-user rules (who may see what) outside, applied to the shared value on each request, and
 * must never change a value they got: it is frozen, which also lets the API encode it once
 * (`server/trpc/transformer.ts`).
 *
 * Used by the task list's totals, task detail (on its own task's mark, `taskChangeMark`), the
 * compliance heatmap and the KPI pages: the reads that many users repeat, and that every open page
 * repeats at once after a live event. The dashboard is keyed on its tallies' version instead
 * (tasks/tallies.ts), which moves only when a count does.
 */
export async function changeMark(db: Db, now = new Date()): Promise<string> {
  const [latest] = await latestChange(db).execute();
  return `${latest?.id ?? 0}|${vietnamDate(now)}`;
}

// Read before every cached value, so built once. Without parameters, PostgreSQL keeps its plan whatever
// the connection's plan cache setting.
const latestChange = preparedFor('custom', (db) =>
  db
    .select({ id: max(changeEvents.id) })
    .from(changeEvents)
    .prepare('change_mark'),
);

/**
 * The mark of the changes of some types only: a value that no other change can move (the KPI pages,
 * the compliance heatmap, the task lists) is then kept while, say, progress flows. One probe of the
 * index on (type, id) per type.
 */
export async function changeMarkOf(db: Db, types: readonly ChangeType[], now = new Date()): Promise<string> {
  const newest = types.map(
    (type) => sql`(select max(${changeEvents.id}) from ${changeEvents} where ${changeEvents.type} = ${type})`,
  );
  const [row] = await selectRows<{ id: number | string | null }>(
    db,
    sql`select greatest(${sql.join(newest, sql`, `)}) as id`,
  );
  return `${Number(row?.id ?? 0)}|${vietnamDate(now)}`;
}

/**
 * The mark of one task's own changes: its newest change event (every write to a task, its progress,
 * extensions and completion records one naming it) and Vietnam's date. A value that shows one task
 * only (its detail page) keyed on it is kept while writes flow elsewhere in the country. One probe of
 * the index on (task_id, id).
 */
export async function taskChangeMark(db: Db, taskId: number, now = new Date()): Promise<string> {
  const [latest] = await latestTaskChange(db).execute({ taskId });
  return `${latest?.id ?? 0}|${vietnamDate(now)}`;
}

// Read before a task's detail, so built once. By the task's key: the same plan for every task, so kept
// (docs/decisions/0019-prepared-statements.md).
const latestTaskChange = preparedFor('generic', (db) =>
  db
    .select({ id: max(changeEvents.id) })
    .from(changeEvents)
    .where(eq(changeEvents.taskId, sql.placeholder('taskId')))
    .prepare('task_change_mark'),
);

interface Entry<V> {
  /** The change-event id and Vietnam date the value was computed under. */
  id: number;
  day: string;
  at: number;
  value: Promise<V>;
  settled: boolean;
}

export interface ChangeCache<V> {
  /**
   * The value kept for `key` that is at least as new as `mark`, or `compute()`'s (kept for the next
   * caller). `mark` may be a promise, so callers can start other reads beside it.
   */
  get(
    db: Db,
    key: string,
    mark: string | Promise<string>,
    compute: () => Promise<V>,
    now?: number,
  ): Promise<V>;
  /**
   * Whether `get` under `mark` would answer without computing: a value is kept for it (or being
   * computed). For a caller that has a cheaper way to answer when nothing is kept.
   */
  has(db: Db, key: string, mark: string, now?: number): boolean;
}

function parseMark(mark: string): { id: number; day: string } {
  const cut = mark.indexOf('|');
  return { id: Number(mark.slice(0, cut)), day: mark.slice(cut + 1) };
}

/**
 * One computation per key at a time: a caller whose mark is newer than a computation still running
 * waits for it to end, and then the callers of the newest mark share one computation. Under a stream
 * of writes a costly aggregate (the dashboard) is then computed back to
 * back, never many at once, and no reader gets a value older than the mark it read.
 */
export function changeCache<V>(options: { maxAgeMs: number; maxEntries: number }): ChangeCache<V> {
  const perDb = new WeakMap<Db, Map<string, Entry<V>>>();
  const answers = (found: Entry<V> | undefined, wanted: { id: number; day: string }, now: number) =>
    Boolean(
      found &&
        found.day === wanted.day &&
        found.id >= wanted.id &&
        (!found.settled || now - found.at < options.maxAgeMs),
    );
  return {
    has(db, key, mark, now = Date.now()) {
      return answers(perDb.get(db)?.get(key), parseMark(mark), now);
    },
    async get(db, key, mark, compute, now = Date.now()) {
      let entries = perDb.get(db);
      if (!entries) {
        entries = new Map();
        perDb.set(db, entries);
      }
      const wanted = parseMark(await mark);
      for (;;) {
        const found = entries.get(key);
        if (found && answers(found, wanted, now)) return found.value;
        if (!found || found.settled) break;
        // An older computation is running: wait for it (its outcome is not ours), then look again.
        await found.value.catch(() => undefined);
      }
      const entry: Entry<V> = { ...wanted, at: now, value: compute(), settled: false };
      // Re-inserted at the end: the Map's first key is the least recently computed.
      entries.delete(key);
      if (entries.size >= options.maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(key, entry);
      // Attached first, so these run before any waiter resumes. A failed computation is not kept.
      entry.value.then(
        (value) => {
          entry.settled = true;
          if (typeof value === 'object' && value !== null) Object.freeze(value);
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return entry.value;
    },
  };
}
