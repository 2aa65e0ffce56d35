import { max } from 'drizzle-orm';
import { vietnamDate } from '../../../shared/time';
import type { Db } from '../../db/client';
import { preparedFor } from '../../db/prepared';
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
 * Used by the dashboard and its ranking, the task list's totals, task detail, the compliance heatmap
 * and the KPI pages: the reads that many users repeat, and that every open page repeats at once after
 * a live event.
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
  return {
    async get(db, key, mark, compute, now = Date.now()) {
      let entries = perDb.get(db);
      if (!entries) {
        entries = new Map();
        perDb.set(db, entries);
      }
      const wanted = parseMark(await mark);
      for (;;) {
        const found = entries.get(key);
        const covers = found && found.day === wanted.day && found.id >= wanted.id;
        if (found && covers && (!found.settled || now - found.at < options.maxAgeMs)) return found.value;
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
