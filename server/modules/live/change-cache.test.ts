import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeType } from '../../../shared/live-events';
import { type Database, type Db, inTransaction } from '../../db/client';
import { createTestDatabase } from '../../test/db';
import { changeCache, changeMark, changeMarkOf, taskChangeMark } from './change-cache';
import { recordChange } from './record';

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
    const both = await Promise.all([
      cache.get(db, 'k', '5|2026-12-04', slow, 0),
      cache.get(db, 'k', '5|2026-12-04', slow, 1),
    ]);
    expect(both).toEqual([1, 1]);
    expect(runs).toBe(1);
  });

  it('says whether a read would be answered without computing', async () => {
    const cache = changeCache<number>({ maxAgeMs: 1000, maxEntries: 10 });
    const db = fakeDb();
    expect(cache.has(db, 'k', '5|2026-12-04', 0)).toBe(false);
    let finish = (_: number) => {};
    const running = cache.get(db, 'k', '5|2026-12-04', () => new Promise((r) => (finish = r)), 0);
    await new Promise((r) => setTimeout(r, 0));
    // Being computed: a read would wait for it.
    expect(cache.has(db, 'k', '5|2026-12-04', 5000)).toBe(true);
    finish(1);
    await running;
    expect(cache.has(db, 'k', '4|2026-12-04', 10)).toBe(true);
    expect(cache.has(db, 'k', '5|2026-12-04', 999)).toBe(true);
    expect(cache.has(db, 'k', '5|2026-12-04', 1000)).toBe(false);
    expect(cache.has(db, 'k', '6|2026-12-04', 10)).toBe(false);
    expect(cache.has(db, 'k', '5|2026-12-05', 10)).toBe(false);
    expect(cache.has(fakeDb(), 'k', '5|2026-12-04', 10)).toBe(false);
  });

  it('drops an entry older than its maximum age, even under the same mark', async () => {
    const cache = changeCache<number>({ maxAgeMs: 1000, maxEntries: 10 });
    const db = fakeDb();
    let runs = 0;
    const compute = async () => ++runs;
    await cache.get(db, 'k', '5|2026-12-04', compute, 0);
    expect(await cache.get(db, 'k', '5|2026-12-04', compute, 999)).toBe(1);
    expect(await cache.get(db, 'k', '5|2026-12-04', compute, 1000)).toBe(2);
  });

  it('keeps no failed computation: the next caller computes again', async () => {
    const cache = changeCache<number>({ maxAgeMs: 60_000, maxEntries: 10 });
    const db = fakeDb();
    await expect(
      cache.get(db, 'k', '5|2026-12-04', async () => Promise.reject(new Error('boom')), 0),
    ).rejects.toThrow('boom');
    expect(await cache.get(db, 'k', '5|2026-12-04', async () => 7, 1)).toBe(7);
  });

  it('holds at most maxEntries, letting the least recently computed go first', async () => {
    const cache = changeCache<string>({ maxAgeMs: 60_000, maxEntries: 2 });
    const db = fakeDb();
    const runs: string[] = [];
    const compute = (key: string) => async () => {
      runs.push(key);
      return key;
    };
    await cache.get(db, 'a', '5|2026-12-04', compute('a'), 0);
    await cache.get(db, 'b', '5|2026-12-04', compute('b'), 0);
    await cache.get(db, 'c', '5|2026-12-04', compute('c'), 0); // 'a' goes
    await cache.get(db, 'b', '5|2026-12-04', compute('b'), 0); // kept
    await cache.get(db, 'a', '5|2026-12-04', compute('a'), 0); // computed again
    expect(runs).toEqual(['a', 'b', 'c', 'a']);
  });

  it('serves a value computed under a newer mark to a caller that read an older one', async () => {
    const cache = changeCache<number>({ maxAgeMs: 60_000, maxEntries: 10 });
    const db = fakeDb();
    let runs = 0;
    const compute = async () => ++runs;
    await cache.get(db, 'k', '9|2026-12-04', compute, 0);
    expect(await cache.get(db, 'k', '8|2026-12-04', compute, 1)).toBe(1);
    expect(await cache.get(db, 'k', '9|2026-12-05', compute, 2)).toBe(2);
  });

  it('computes one at a time: newer marks wait for the running computation, then share one', async () => {
    const cache = changeCache<string>({ maxAgeMs: 60_000, maxEntries: 10 });
    const db = fakeDb();
    let running = 0;
    let most = 0;
    const runs: string[] = [];
    const compute = (mark: string) => async () => {
      running++;
      most = Math.max(most, running);
      runs.push(mark);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      return mark;
    };
    const first = cache.get(db, 'k', '1|2026-12-04', compute('1'), 0);
    await new Promise((r) => setTimeout(r, 5));
    // Two writes later, three readers arrive while the first computation runs.
    const later = await Promise.all([
      cache.get(db, 'k', '2|2026-12-04', compute('2'), 1),
      cache.get(db, 'k', '3|2026-12-04', compute('3'), 1),
      cache.get(db, 'k', '3|2026-12-04', compute('3'), 1),
    ]);
    expect(await first).toBe('1');
    expect(most).toBe(1);
    // Each reader gets a value at least as new as its mark; the one read under 3 is computed once.
    expect(later[1]).toBe('3');
    expect(later[2]).toBe('3');
    expect(['2', '3']).toContain(later[0]);
    expect(runs.filter((r) => r === '3')).toHaveLength(1);
    expect(runs.length).toBeLessThanOrEqual(3);
  });
});

describe('marks narrower than the newest change', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const record = (type: ChangeType, taskId?: number) =>
    inTransaction(database.db, (tx) => recordChange(tx, { type, taskId, payload: {} }));

  it('a mark of some types moves with those types only', async () => {
    const db = database.db;
    const now = new Date('2026-12-06T03:00:00Z');
    const kpi = () => changeMarkOf(db, ['kpi.changed', 'template.changed'], now);
    const before = await kpi();
    await record('task.progress', 1);
    await record('submission.changed');
    expect(await kpi()).toBe(before);
    await record('template.changed');
    const moved = await kpi();
    expect(moved).not.toBe(before);
    expect(Number(moved.split('|')[0])).toBe(Number((await changeMark(db, now)).split('|')[0]));
  });

  it("a task's mark moves with that task's changes only", async () => {
    const db = database.db;
    const before = await taskChangeMark(db, 7);
    await record('task.progress', 8);
    expect(await taskChangeMark(db, 7)).toBe(before);
    await record('task.updated', 7);
    expect(await taskChangeMark(db, 7)).not.toBe(before);
  });
});
