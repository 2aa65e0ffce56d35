import { changeCache } from '../live/change-cache';

/**
 * Totals of the task list, kept per filter until the next change event or Vietnam's next day
 * (`live/change-cache.ts`). Counting every matching task is the costly half of a list page at
 * national scale (a province filter matches ~40,000 of 200,000 tasks), and the same filter is counted
 * again for every page the reader turns and every refresh after a live event that did not touch
 * tasks. Every filter moves with the date only (staleness too counts whole Vietnam days), which the
 * mark holds.
 */
const totals = changeCache<number>({ maxAgeMs: 60_000, maxEntries: 500 });

export const cachedTaskCount = totals.get;
