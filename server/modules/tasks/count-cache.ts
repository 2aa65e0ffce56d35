import { changeCache } from '../live/change-cache';

/**
 * Totals of the task list, kept per filter until the next change event or Vietnam's next day
 * (`live/change-cache.ts`). Counting every matching task is the costly half of a list page at
 * national scale (a province filter matches ~40,000 of 200,000 tasks), and the same filter is counted
 * again for every page the reader turns and every refresh after a live event that did not touch
 * tasks. Filters on the instant (stale: no update for 30 days) are never cached (the caller's rule).
 */
const totals = changeCache<number>({ maxAgeMs: 60_000, maxEntries: 500 });

export const cachedTaskCount = totals.get;
