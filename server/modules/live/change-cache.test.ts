import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { changeCache } from './change-cache';

// The cache never queries the database itself (the caller hands it the mark): any object is a `Db` key.
const fakeDb = () => ({}) as Db;

describe('changeCache', () => {
  it('computes once per key and mark, again when the mark moves', async () => {
    const cache = changeCache<number>({ maxAgeMs: 60_000, maxEntries: 10 });
    const db = fakeDb();
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cache.get(db, 'a', '1|2026-12-04', compute, 0)).toBe(1);
    expect(await cache.get(db, 'a', Promise.resolve('1|2026-12-04'), compute, 10)).toBe(1);
    expect(await cache.get(db, 'b', '1|2026-12-04', compute, 10)).toBe(2);
    expect(await cache.get(db, 'a', '2|2026-12-04', compute, 20)).toBe(3);
    expect(await cache.get(db, 'a', '2|2026-12-05', compute, 30)).toBe(4);
    // Another database never shares an entry.
    expect(await cache.get(fakeDb(), 'a', '2|2026-12-05', compute, 30)).toBe(5);
  });

  it('shares one computation between callers that arrive while it runs', async () => {
    const cache = changeCache<number>({ maxAgeMs: 60_000, maxEntries: 10 });
    const db = fakeDb();
    let runs = 0;
    const slow = () => new Promise<number>((r) => setTimeout(() => r(++runs), 20));
    const both = await Promise.all([cache.get(db, 'k', 'm', slow, 0), cache.get(db, 'k', 'm', slow, 1)]);
    expect(both).toEqual([1, 1]);
    expect(runs).toBe(1);
  });

  it('drops an entry older than its maximum age, even under the same mark', async () => {
    const cache = changeCache<number>({ maxAgeMs: 1000, maxEntries: 10 });
    const db = fakeDb();
    let runs = 0;
    const compute = async () => ++runs;
    await cache.get(db, 'k', 'm', compute, 0);
    expect(await cache.get(db, 'k', 'm', compute, 999)).toBe(1);
    expect(await cache.get(db, 'k', 'm', compute, 1000)).toBe(2);
  });

  it('keeps no failed computation: the next caller computes again', async () => {
    const cache = changeCache<number>({ maxAgeMs: 60_000, maxEntries: 10 });
    const db = fakeDb();
    await expect(cache.get(db, 'k', 'm', async () => Promise.reject(new Error('boom')), 0)).rejects.toThrow(
      'boom',
    );
    expect(await cache.get(db, 'k', 'm', async () => 7, 1)).toBe(7);
  });

  it('holds at most maxEntries, letting the least recently computed go first', async () => {
    const cache = changeCache<string>({ maxAgeMs: 60_000, maxEntries: 2 });
    const db = fakeDb();
    const runs: string[] = [];
    const compute = (key: string) => async () => {
      runs.push(key);
      return key;
    };
    await cache.get(db, 'a', 'm', compute('a'), 0);
    await cache.get(db, 'b', 'm', compute('b'), 0);
    await cache.get(db, 'c', 'm', compute('c'), 0); // 'a' goes
    await cache.get(db, 'b', 'm', compute('b'), 0); // kept
    await cache.get(db, 'a', 'm', compute('a'), 0); // computed again
    expect(runs).toEqual(['a', 'b', 'c', 'a']);
  });
});
