import { SEEN_CHANGE_HEADER } from '../../../shared/live-events';

/**
 * The newest change event this page's live stream told it of. Sent with every API call, so that a page
 * told of a change never reads a report from a replica that has not replayed it yet (the refetch a live
 * event causes would otherwise show the old figures, with no later event to correct them).
 */
let newest = 0;

export function noteChangeSeen(id: string): void {
  const n = Number(id);
  if (Number.isSafeInteger(n) && n > newest) newest = n;
}

export function seenChangeHeaders(): Record<string, string> {
  return newest > 0 ? { [SEEN_CHANGE_HEADER]: String(newest) } : {};
}
