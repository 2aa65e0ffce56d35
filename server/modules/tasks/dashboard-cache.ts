import { max } from 'drizzle-orm';
import { vietnamDate } from '../../../shared/time';
import type { Db } from '../../db/client';
import { changeEvents } from '../../db/schema';
import { getDashboard } from './queries';
import { statusClock } from './status-sql';

/**
 * The Office dashboard aggregates every task in the country (200,000 at national scale): measured at
 * hundreds of milliseconds (see README, Performance). Between two writes it cannot change, and every
 * task write records a change event in its transaction, in every server process; so the figures are
 * kept per database and re-computed when the newest change event id or Vietnam's date differs, or
 * after MAX_AGE_MS at most (due-soon and stale flags move with the clock; an agency renamed without
 * a change event shows its new name within that bound). Checking costs one index-only read.
 */
export const DASHBOARD_MAX_AGE_MS = 60_000;

type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
interface Entry {
  key: string;
  at: number;
  value: Promise<Dashboard>;
}
const cache = new WeakMap<Db, Entry>();

export async function getDashboardCached(db: Db, now = new Date()): Promise<Dashboard> {
  const [latest] = await db.select({ id: max(changeEvents.id) }).from(changeEvents);
  const key = `${latest?.id ?? 0}|${vietnamDate(now)}`;
  const entry = cache.get(db);
  if (entry && entry.key === key && now.getTime() - entry.at < DASHBOARD_MAX_AGE_MS) return entry.value;
  const value = getDashboard(db, statusClock(now));
  cache.set(db, { key, at: now.getTime(), value });
  // A failed computation is not kept.
  value.catch(() => {
    if (cache.get(db)?.value === value) cache.delete(db);
  });
  return value;
}
