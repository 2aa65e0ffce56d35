import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cast, ok, startCast } from '../../test/tasks';

/** Task-list totals are kept between writes, per filter, and never outlive a write. */
describe('task list totals cache', () => {
  let c: Cast;
  beforeAll(async () => {
    c = await startCast();
  });
  afterAll(() => c.close());

  const total = async (filter: object) =>
    ok(await c.query('office', 'tasks.list', { pageSize: 1, ...filter })).total as number;

  it('a task write changes the total on the next read, for every filter it concerns', async () => {
    const all = await total({});
    const open = await total({ status: ['in_progress', 'overdue'] });
    // Same filter in another order, other pages and sorts: the same total.
    expect(await total({ status: ['overdue', 'in_progress'], page: 2, sort: 'title' })).toBe(open);
    const completed = await total({ status: ['completed_on_time'] });

    const taskId = await c.newTask();
    expect(await total({})).toBe(all + 1);
    expect(await total({ status: ['in_progress', 'overdue'] })).toBe(open + 1);

    await c.reportCompletion(taskId);
    await c.leaderApproves(taskId);
    const r = await c.latestCompletion(taskId);
    ok(await c.mutate('office', 'tasks.reviewCompletion', { ...r, decision: 'accept' }));
    expect(await total({ status: ['in_progress', 'overdue'] })).toBe(open);
    expect(await total({ status: ['completed_on_time'] })).toBe(completed + 1);
  });

  it('keeps filters apart: a total is never served for another filter', async () => {
    const none = await total({ q: 'không có nhiệm vụ nào tên như thế này' });
    expect(none).toBe(0);
    const all = await total({});
    expect((await total({ isKey: true })) + (await total({ isKey: false }))).toBe(all);
  });
});
