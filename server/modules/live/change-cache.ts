import { max } from 'drizzle-orm';
import { vietnamDate } from '../../../shared/time';
import type { Db } from '../../db/client';
import { changeEvents } from '../../db/schema';

/**
 * Read results kept until the data under them can have changed. Every write a page shows records a
 * change event in its own transaction, in every server process (ADR 0003), and statuses move with
 * Vietnam's date; so a value computed under the mark "newest change-event id | today" stays right
 * until that mark moves. Reading the mark costs one index-only read. An entry is also dropped after
 * `maxAgeMs` (a user renamed without a change event, a due-soon or stale flag that moves with the
 * clock: seen within that bound) and the oldest goes when `maxEntries` are held. A computation that
 * fails is not kept. Values are per database (tests open many) and shared by every user: callers
 * keep per-user rules (who may see what) outside, applied to the shared value on each request.
 *
 * Used by the dashboard and its ranking, the task list's totals, task detail, the compliance heatmap
 * and the KPI pages: the reads that many users repeat, and that every open page repeats at once after
 * a live event.
 */
export async function changeMark(db: Db, now = new Date()): Promise<string> {
  const [latest] = await db.select({ id: max(changeEvents.id) }).from(changeEvents);
  return `${latest?.id ?? 0}|${vietnamDate(now)}`;
}

interface Entry<V> {
  mark: string;
  at: number;
  value: Promise<V>;
}

export interface ChangeCache<V> {
  /**
   * The value kept for `key` under `mark`, or `compute()`'s (kept for the next caller). `mark` may be a
   * promise, so callers can start other reads beside it.
   */
  get(
    db: Db,
    key: string,
    mark: string | Promise<string>,
    compute: () => Promise<V>,
    now?: number,
  ): Promise<V>;
}

export function changeCache<V>(options: { maxAgeMs: number; maxEntries: number }): ChangeCache<V> {
  const perDb = new WeakMap<Db, Map<string, Entry<V>>>();
  return {
    async get(db, key, mark, compute, now = Date.now()) {
      let entries = perDb.get(db);
      if (!entries) {
        entries = new Map();
        perDb.set(db, entries);
      }
      const current = await mark;
      const found = entries.get(key);
      if (found && found.mark === current && now - found.at < options.maxAgeMs) return found.value;
      const value = compute();
      const entry = { mark: current, at: now, value };
      // Re-inserted at the end: the Map's first key is the least recently computed.
      entries.delete(key);
      if (entries.size >= options.maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(key, entry);
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return value;
    },
  };
}
