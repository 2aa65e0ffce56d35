import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cast, ok, startCast } from '../../test/tasks';
import { DASHBOARD_MAX_AGE_MS, getDashboardCached } from './dashboard-cache';

const total = (d: { counts: object }) =>
  Object.values(d.counts as Record<string, number>).reduce((a, b) => a + b, 0);

/** The dashboard's figures are kept between writes, and never outlive a write. */
describe('dashboard cache', () => {
  let c: Cast;
  beforeAll(async () => {
    c = await startCast();
  });
  afterAll(() => c.close());

  it('answers from the cache while nothing changed', async () => {
    const first = ok(await c.query('office', 'tasks.dashboard', undefined));
    const second = ok(await c.query('office', 'tasks.dashboard', undefined));
    expect(new Date(second.asOf).getTime()).toBe(new Date(first.asOf).getTime());
  });

  it('a task write shows on the next read: new task, progress, completion', async () => {
    const before = ok(await c.query('office', 'tasks.dashboard', undefined));
    const taskId = await c.newTask();
    const afterCreate = ok(await c.query('office', 'tasks.dashboard', undefined));
    expect(total(afterCreate)).toBe(total(before) + 1);
    expect(afterCreate.counts.in_progress).toBe(before.counts.in_progress + 1);

    await c.reportCompletion(taskId);
    await c.leaderApproves(taskId);
    const r = await c.latestCompletion(taskId);
    ok(await c.mutate('office', 'tasks.reviewCompletion', { ...r, decision: 'accept' }));
    const afterAccept = ok(await c.query('office', 'tasks.dashboard', undefined));
    expect(afterAccept.counts.in_progress).toBe(before.counts.in_progress);
    expect(afterAccept.counts.completed_on_time).toBe(before.counts.completed_on_time + 1);
  });

  it('is recomputed once older than its maximum age, even without writes', async () => {
    const db = c.database.db;
    const now = new Date();
    const a = await getDashboardCached(db, now);
    const same = await getDashboardCached(db, new Date(now.getTime() + 1000));
    expect(same).toBe(a);
    const later = await getDashboardCached(db, new Date(now.getTime() + DASHBOARD_MAX_AGE_MS + 1));
    expect(later).not.toBe(a);
    expect(total(later)).toBe(total(a));
  });
});
