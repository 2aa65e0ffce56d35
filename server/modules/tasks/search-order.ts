/**
 * A search's matches in list order, kept in memory (queries.ts `findTasks`): a page of a broad search
 * is then a slice of it, whatever its depth. `ids` ascend in the order's sort key, then id; an order
 * whose descending is the exact reverse of its ascending is kept once and read from the end.
 *
 * Orders that a progress post moves (percent, latest update) keep each match's sort key beside it
 * (`keys`: a number, null as -Infinity, the order's nulls-first ascending) and `progress`, the newest
 * progress change event the order reflects: the tasks posted since are re-placed (`withMoved`) instead
 * of every match being read and sorted again on every post.
 */
export interface SearchOrder {
  readonly ids: Int32Array;
  readonly keys: Float64Array | null;
  readonly progress: number;
}

export interface MovedTask {
  id: number;
  key: number | null;
}

const keyOf = (key: number | null) => (key === null ? Number.NEGATIVE_INFINITY : key);

function before(aKey: number, aId: number, bKey: number, bId: number): boolean {
  return aKey < bKey || (aKey === bKey && aId < bId);
}

/**
 * `order` with `moved` (tasks whose key may have changed, with their key now, those that match the
 * search) taken out and merged back in at their place. Linear in the matches; the arrays are new, the
 * kept order is left as it was (its `progress` still says what it reflects).
 */
export function withMoved(order: SearchOrder, moved: readonly MovedTask[]): SearchOrder {
  const keys = order.keys;
  if (!keys) throw new Error('an order without keys cannot take moved tasks');
  const movedIds = new Set(moved.map((m) => m.id));
  const incoming = moved
    .map((m) => ({ id: m.id, key: keyOf(m.key) }))
    .sort((a, b) => (before(a.key, a.id, b.key, b.id) ? -1 : before(b.key, b.id, a.key, a.id) ? 1 : 0));
  let kept = 0;
  for (const id of order.ids) if (!movedIds.has(id)) kept++;
  const ids = new Int32Array(kept + incoming.length);
  const nextKeys = new Float64Array(kept + incoming.length);
  let out = 0;
  let next = 0;
  for (let i = 0; i < order.ids.length; i++) {
    const id = order.ids[i] as number;
    if (movedIds.has(id)) continue;
    const key = keys[i] as number;
    for (let m = incoming[next]; m && before(m.key, m.id, key, id); m = incoming[++next]) {
      ids[out] = m.id;
      nextKeys[out++] = m.key;
    }
    ids[out] = id;
    nextKeys[out++] = key;
  }
  for (let m = incoming[next]; m; m = incoming[++next]) {
    ids[out] = m.id;
    nextKeys[out++] = m.key;
  }
  return { ids, keys: nextKeys, progress: order.progress };
}

/** The ids of one page: `limit` from `offset`, counted from the end when `fromEnd`. */
export function pageOfOrder(order: SearchOrder, offset: number, limit: number, fromEnd: boolean): number[] {
  const n = order.ids.length;
  const page: number[] = [];
  for (let i = offset; i < Math.min(n, offset + limit); i++)
    page.push(order.ids[fromEnd ? n - 1 - i : i] as number);
  return page;
}
