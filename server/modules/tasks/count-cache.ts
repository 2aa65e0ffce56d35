import { max } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { changeEvents } from '../../db/schema';
import type { StatusClock } from './status-sql';

/**
 * Totals of the task list, kept per database and filter by the rule of the dashboard's cache
 * (`dashboard-cache.ts`): every task write records a change event in its transaction, in every server
 * process, and statuses move with Vietnam's date; so a total is reused while the newest change-event
 * id and the date are the same, for at most MAX_AGE_MS. Counting every matching task is the costly
 * half of a list page at national scale (a province filter matches ~40,000 of 200,000 tasks), and the
 * same filter is counted again for every page the reader turns and every refresh after a live event
 * that did not touch tasks. Filters on the instant (stale: no update for 30 days) are never cached.
 */
const MAX_AGE_MS = 60_000;
const MAX_FILTERS = 500;

interface Entry {
  mark: string;
  at: number;
  value: Promise<number>;
}
const caches = new WeakMap<Db, Map<string, Entry>>();

/** The change-event mark a cached total is valid for (one index-only read). */
export async function taskChangeMark(db: Db, clock: StatusClock): Promise<string> {
  const [latest] = await db.select({ id: max(changeEvents.id) }).from(changeEvents);
  return `${latest?.id ?? 0}|${clock.today}`;
}

export async function cachedTaskCount(
  db: Db,
  filterKey: string,
  mark: Promise<string>,
  count: () => Promise<number>,
): Promise<number> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const current = await mark;
  const now = Date.now();
  const entry = cache.get(filterKey);
  if (entry && entry.mark === current && now - entry.at < MAX_AGE_MS) return entry.value;
  const value = count();
  cache.delete(filterKey);
  if (cache.size >= MAX_FILTERS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(filterKey, { mark: current, at: now, value });
  value.catch(() => {
    if (cache.get(filterKey)?.value === value) cache.delete(filterKey);
  });
  return value;
}
