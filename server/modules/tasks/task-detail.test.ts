import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK_HISTORY_PAGE } from '../../../shared/schemas/tasks';
import { type Cast, ok, startCast } from '../../test/tasks';
import { getTaskDetailCached } from './detail-cache';

/** A task's page loads its latest history and says how much there is; earlier entries on request. */
describe('task detail history', () => {
  let c: Cast;
  let taskId: number;
  beforeAll(async () => {
    c = await startCast();
    taskId = await c.newTask();
    for (const percent of [10, 20, 30, 40, 50]) await c.postProgress(taskId, percent);
  });
  afterAll(() => c.close());

  it('returns the latest entries first, as many as asked, with the totals', async () => {
    const two = ok(await c.query('office', 'tasks.get', { id: taskId, history: 2 }));
    expect(two.progress.map((p: { percent: number }) => p.percent)).toEqual([50, 40]);
    expect(two.progressTotal).toBe(5);
    expect(two.audit).toHaveLength(2);
    expect(two.auditTotal).toBeGreaterThanOrEqual(6); // the creation and five updates
    const all = ok(await c.query('office', 'tasks.get', { id: taskId }));
    expect(all.progress).toHaveLength(5);
    expect(all.audit).toHaveLength(all.auditTotal);
    expect(TASK_HISTORY_PAGE).toBeGreaterThanOrEqual(all.auditTotal);
  });

  it('refuses a history size out of range, naming the field', async () => {
    const res = await c.query('office', 'tasks.get', { id: taskId, history: 0 });
    expect(res.error.data.appCode).toBe('VALIDATION');
    expect(res.error.data.issues[0].path).toBe('history');
  });

  it('an agency not concerned sees neither the history nor how long it is', async () => {
    const other = ok(await c.query('otherOfficer', 'tasks.get', { id: taskId }));
    expect(other.detailsVisible).toBe(false);
    expect(other.progress).toEqual([]);
    expect(other.progressTotal).toBe(0);
    expect(other.auditTotal).toBe(0);
  });

  it('is kept between reads but never outlives a write, and who sees what is decided per request', async () => {
    // The lead agency's read fills the shared entry; the agency not concerned still sees no history.
    const lead = ok(await c.query('leadOfficer', 'tasks.get', { id: taskId }));
    expect(lead.detailsVisible).toBe(true);
    const other = ok(await c.query('otherOfficer', 'tasks.get', { id: taskId }));
    expect(other.detailsVisible).toBe(false);
    expect(other.progress).toEqual([]);
    expect(other.audit).toEqual([]);
    expect(other.allowedActions).toEqual([]);
    expect(lead.allowedActions).toContain('postProgress');

    // The next read after a write shows it, for every reader, with its totals.
    const before = ok(await c.query('office', 'tasks.get', { id: taskId }));
    await c.postProgress(taskId, 77);
    const after = ok(await c.query('office', 'tasks.get', { id: taskId }));
    expect(after.progress[0].percent).toBe(77);
    expect(after.progressTotal).toBe(before.progressTotal + 1);
    expect(after.auditTotal).toBe(before.auditTotal + 1);
    expect(after.task.latestPercent).toBe(77);
    const leadAfter = ok(await c.query('leadOfficer', 'tasks.get', { id: taskId }));
    expect(leadAfter.progress[0].percent).toBe(77);
  });

  it("a write to another task leaves this task's kept detail in place; its own write does not", async () => {
    const office = { id: 0, username: 'vpcp', role: 'office' as const, agencyId: c.agency.office };
    const db = c.database.db;
    const first = await getTaskDetailCached(db, office, taskId, TASK_HISTORY_PAGE);
    const elsewhere = await c.newTask();
    await c.postProgress(elsewhere, 15);
    // The same computation (the loaded task is the very same object): not re-read.
    expect((await getTaskDetailCached(db, office, taskId, TASK_HISTORY_PAGE)).task).toBe(first.task);
    await c.postProgress(taskId, 88);
    const after = await getTaskDetailCached(db, office, taskId, TASK_HISTORY_PAGE);
    expect(after.task).not.toBe(first.task);
    expect(after.task.latestPercent).toBe(88);
  });

  it('an unknown task is not found, and stays so for the next reader', async () => {
    for (const who of ['office', 'leadOfficer'] as const) {
      const res = await c.query(who, 'tasks.get', { id: 987_654_321 });
      expect(res.error.data.appCode).toBe('NOT_FOUND');
    }
  });
});
