import { desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamInstant } from '../../../shared/time';
import { progressUpdates, tasks } from '../../db/schema';
import { type Cast, newKey, ok, startCast, today, type Who } from '../../test/tasks';

/**
 * The early warning as the task page reads it (`tasks.forecast`): the lead agency's own reports dated in
 * Vietnam time give the pace (a coordinator's contribution does not), similar tasks stand in for a task
 * with too few reports, and only those who may read the task's progress are told.
 */
describe('tasks.forecast', () => {
  let c: Cast;
  const forecastOf = async (taskId: number, who: Who = 'office') =>
    ok(await c.query(who, 'tasks.forecast', { id: taskId }));

  beforeAll(async () => {
    c = await startCast();
    // Five tasks of group 9 done in 50 days each, completed before today: a pace of 2 points a day.
    const { taskIds } = await c.createDocument(Array.from({ length: 5 }, () => ({ groupNo: 9 })));
    await c.database.db
      .update(tasks)
      .set({ createdAt: vietnamInstant(today(-100), 10), completedOn: today(-50), latestPercent: 100 })
      .where(inArray(tasks.id, taskIds));
  });
  afterAll(() => c.close());

  /** The lead officer's reports of `percent` on the given days from today, dated there at 10:00. */
  async function reportsOn(taskId: number, reports: [days: number, percent: number][]) {
    for (const [days, percent] of reports) {
      ok(
        await c.mutate('leadOfficer', 'tasks.postProgress', {
          taskId,
          percent,
          narrative: `Đạt ${percent}%`,
          idempotencyKey: newKey('p'),
        }),
      );
      const [latest] = await c.database.db
        .select({ id: progressUpdates.id })
        .from(progressUpdates)
        .where(eq(progressUpdates.taskId, taskId))
        .orderBy(desc(progressUpdates.id))
        .limit(1);
      await c.database.db
        .update(progressUpdates)
        .set({ createdAt: vietnamInstant(today(days), 10) })
        .where(eq(progressUpdates.id, latest?.id ?? 0));
    }
  }

  it("projects the lead's own pace: one point a day, 60 left, 30 days after a deadline in 30", async () => {
    const taskId = await c.newTask({ deadline: today(30), groupNo: 9 });
    await c.database.db
      .update(tasks)
      .set({ createdAt: vietnamInstant(today(-60), 10) })
      .where(eq(tasks.id, taskId));
    await reportsOn(taskId, [
      [-40, 20],
      [-20, 40],
    ]);
    // A coordinator's contribution says nothing of the lead's pace.
    ok(
      await c.mutate('coordOfficer', 'tasks.postProgress', {
        taskId,
        percent: 95,
        narrative: 'Phần phối hợp đã xong',
        idempotencyKey: newKey('c'),
      }),
    );
    const { forecast, asOf } = await forecastOf(taskId);
    expect(asOf).toBe(today());
    expect(forecast).toMatchObject({
      method: 'own',
      expectedOn: today(60),
      lateByDays: 30,
      basis: 2,
      flagged: true,
    });
    expect(forecast.pacePerWeek).toBeCloseTo(7, 6);
  });

  it('stands in similar tasks (same group, completed) for a task without reports', async () => {
    const taskId = await c.newTask({ deadline: today(30), groupNo: 9 });
    const { forecast } = await forecastOf(taskId);
    // 100 points at 2 a day from today.
    expect(forecast).toMatchObject({ method: 'similar', expectedOn: today(50), lateByDays: 20, basis: 5 });
    const elsewhere = await c.newTask({ deadline: today(30), groupNo: 2 });
    expect((await forecastOf(elsewhere)).forecast).toMatchObject({ method: 'none', flagged: false });
  });

  it("tells only readers of the task's progress, and nothing of a closed task", async () => {
    const taskId = await c.newTask({ deadline: today(30) });
    expect(await forecastOf(taskId, 'inspector')).not.toBeNull();
    expect(await forecastOf(taskId, 'coordOfficer')).not.toBeNull();
    expect(await forecastOf(taskId, 'otherOfficer')).toBeNull();
    await c.completeTask(taskId);
    expect(await forecastOf(taskId)).toBeNull();
    expect((await c.query('office', 'tasks.forecast', { id: 999_999 })).error?.data?.code).toBe('NOT_FOUND');
  });
});
