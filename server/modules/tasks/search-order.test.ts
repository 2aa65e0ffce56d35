import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MovedTask, pageOfOrder, type SearchOrder, withMoved } from './search-order';

/** The order from scratch: key ascending (null first), then id. */
function sorted(tasks: Map<number, number | null>): SearchOrder {
  const entries = [...tasks].sort(
    ([aId, a], [bId, b]) => (a ?? Number.NEGATIVE_INFINITY) - (b ?? Number.NEGATIVE_INFINITY) || aId - bId,
  );
  return {
    ids: Int32Array.from(entries, ([id]) => id),
    keys: Float64Array.from(entries, ([, key]) => key ?? Number.NEGATIVE_INFINITY),
    progress: 7,
  };
}

describe("a search's kept order", () => {
  it('re-places moved tasks where an order read afresh puts them', () => {
    // Keys from a few values (ties broken by id), nulls among them: latest update, never updated.
    const key = fc.option(fc.integer({ min: 0, max: 5 }), { freq: 5 });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 0, maxLength: 40 }),
        fc.array(key, { minLength: 40, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(39), key), { maxLength: 12 }),
        (ids, keys, moves) => {
          const before = new Map(ids.map((id, i) => [id, keys[i] ?? null]));
          const moved: MovedTask[] = [];
          const after = new Map(before);
          for (const [at, newKey] of moves) {
            const id = ids[at];
            if (id === undefined || moved.some((m) => m.id === id)) continue;
            moved.push({ id, key: newKey });
            after.set(id, newKey);
          }
          const patched = withMoved(sorted(before), moved);
          const fresh = sorted(after);
          expect([...patched.ids]).toEqual([...fresh.ids]);
          expect([...(patched.keys ?? [])]).toEqual([...(fresh.keys ?? [])]);
          expect(patched.progress).toBe(7);
        },
      ),
    );
  });

  it('leaves the kept order as it was', () => {
    const kept = sorted(
      new Map<number, number | null>([
        [1, 10],
        [2, 20],
        [3, null],
      ]),
    );
    const patched = withMoved(kept, [{ id: 3, key: 30 }]);
    expect([...patched.ids]).toEqual([1, 2, 3]);
    expect([...kept.ids]).toEqual([3, 1, 2]);
  });

  it('gives a page from either end, short at the end and empty past it', () => {
    const order: SearchOrder = { ids: Int32Array.from([5, 3, 9, 1, 4]), keys: null, progress: 0 };
    expect(pageOfOrder(order, 0, 2, false)).toEqual([5, 3]);
    expect(pageOfOrder(order, 4, 2, false)).toEqual([4]);
    expect(pageOfOrder(order, 0, 2, true)).toEqual([4, 1]);
    expect(pageOfOrder(order, 4, 2, true)).toEqual([5]);
    expect(pageOfOrder(order, 5, 2, true)).toEqual([]);
  });
});
