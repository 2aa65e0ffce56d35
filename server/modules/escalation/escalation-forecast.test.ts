import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastCompletion } from '../../../shared/forecast';
import { shiftDate, vietnamInstant } from '../../../shared/time';
import { explanationRequests, progressUpdates, taskEscalations, tasks } from '../../db/schema';
import { type Cast, ok, startCast, today } from '../../test/tasks';
import { evaluateEscalations } from './evaluate';

/** Vietnam's midnight starting `date`. */
const midnightOf = (date: string) => new Date(`${shiftDate(date, -1)}T17:00:00Z`);

/**
 * Issue 16, point 6: "Flags feed the escalation rules." The early warning's forecast, made by the job for
 * every open task at once (sums in SQL, the rule of shared/forecast.ts), colours a task yellow with its
 * reason, and may ask for an explanation before the deadline.
 */
describe('the early warning as an escalation rule', () => {
  let c: Cast;
  const rule = async (kind: string, enabled: boolean, params: Record<string, number>) => {
    const rules = ok(await c.query('admin', 'escalation.rules')) as { kind: string; version: number }[];
    const version = rules.find((r) => r.kind === kind)?.version ?? 0;
    return ok(await c.mutate('admin', 'escalation.updateRule', { kind, enabled, params, version }));
  };
  const escalationOf = async (taskId: number) =>
    (await c.database.db.select().from(taskEscalations).where(eq(taskEscalations.taskId, taskId)))[0];

  /** A task assigned 60 days ago, due in 30, whose lead reported 20 % 40 days ago and 40 % 20 days ago. */
  async function slowTask(): Promise<number> {
    const taskId = await c.newTask({ deadline: today(30) });
    await c.database.db
      .update(tasks)
      .set({ createdAt: vietnamInstant(today(-60), 10) })
      .where(eq(tasks.id, taskId));
    for (const [days, percent] of [
      [-40, 20],
      [-20, 40],
    ] as const) {
      await c.postProgress(taskId, percent);
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
    return taskId;
  }

  beforeAll(async () => {
    c = await startCast();
    // Only the forecast colours yellow here (the half-time rule would catch these slow tasks first).
    await rule('half_time_low_progress', false, { elapsedPercent: 50, progressBelow: 50 });
    await rule('likely_late', true, { minDaysLate: 7 });
  });
  afterAll(() => c.close());

  it('colours a task flagged likely late yellow, with the forecast it rests on; an overdue task stays red', async () => {
    const slow = await slowTask();
    const overdue = await slowTask();
    await c.database.db.execute(
      sql`update tasks set deadline = ${today(-3)}, original_deadline = ${today(-3)} where id = ${overdue}`,
    );
    // Nothing reported, no similar tasks done: nothing to go on, no flag.
    const unknown = await c.newTask({ deadline: today(30) });

    const day = today(1);
    const run = await evaluateEscalations(c.database.db, midnightOf(day));
    expect(run.flagged).toBeGreaterThanOrEqual(1);
    // The task page's rule, from the reports themselves: one point a day, 60 left, 31 days late.
    const expected = forecastCompletion({
      points: [
        { on: today(-40), percent: 20 },
        { on: today(-20), percent: 40 },
      ],
      startedOn: today(-60),
      deadline: today(30),
      today: day,
      similar: null,
    });
    expect(expected).toMatchObject({ lateByDays: 31, flagged: true });
    const yellow = await escalationOf(slow);
    expect(yellow).toMatchObject({ level: 'yellow', rule: 'likely_late', since: day });
    expect(yellow?.facts).toEqual({
      deadline: today(30),
      lateByDays: expected.lateByDays,
      expectedOn: expected.expectedOn,
      method: 'own',
      basis: 2,
      minDaysLate: 7,
    });
    expect(await escalationOf(overdue)).toMatchObject({ level: 'red', rule: 'overdue' });
    expect(await escalationOf(unknown)).toBeUndefined();

    // The next day it is still flagged: yellow since the first day it was.
    await evaluateEscalations(c.database.db, midnightOf(today(2)));
    expect(await escalationOf(slow)).toMatchObject({ level: 'yellow', since: day });

    // The task's agencies and oversight read the forecast; another agency reads the level and deadline.
    const lead = ok(await c.query('leadOfficer', 'escalation.forTask', { taskId: slow }));
    expect(lead).toMatchObject({ level: 'yellow', rule: 'likely_late', facts: { method: 'own' } });
    expect(lead.facts.lateByDays).toBeGreaterThanOrEqual(7);
    const other = ok(await c.query('otherOfficer', 'escalation.forTask', { taskId: slow }));
    expect(other).toMatchObject({ level: 'yellow', rule: 'likely_late', facts: { deadline: today(30) } });
    expect(Object.keys(other.facts)).toEqual(['deadline']);

    // A higher threshold than the forecast's 31 days: no longer yellow.
    await rule('likely_late', true, { minDaysLate: 40 });
    await evaluateEscalations(c.database.db, midnightOf(day));
    expect(await escalationOf(slow)).toBeUndefined();
    await rule('likely_late', true, { minDaysLate: 7 });

    // Progress catches up: the forecast is back within the deadline and the level goes.
    await c.postProgress(slow, 95);
    await evaluateEscalations(c.database.db, midnightOf(today(2)));
    expect(await escalationOf(slow)).toBeUndefined();
    expect(await escalationOf(overdue)).toMatchObject({ level: 'red' });
  });

  it('asks for an explanation of a task at risk once per deadline, when that rule is on', async () => {
    const taskId = await slowTask();
    const asked = async () =>
      c.database.db.select().from(explanationRequests).where(eq(explanationRequests.taskId, taskId));
    await evaluateEscalations(c.database.db, midnightOf(today(1)));
    expect(await asked()).toHaveLength(0);

    await rule('explanation_when_likely_late', true, { answerWorkingDays: 5 });
    const run = await evaluateEscalations(c.database.db, midnightOf(today(1)));
    expect(run.atRiskExplanationsOpened).toBeGreaterThanOrEqual(1);
    const [request] = await asked();
    expect(request).toMatchObject({ automatic: true, state: 'awaiting_answer' });
    expect(request?.reason).toMatch(/dự báo nhiệm vụ trễ khoảng \d+ ngày/);
    const again = await evaluateEscalations(c.database.db, midnightOf(today(2)));
    expect(again.atRiskExplanationsOpened).toBe(0);
    expect(await asked()).toHaveLength(1);
    const steps = ok(await c.query('leadLeader', 'escalation.forTask', { taskId })).steps;
    expect(steps.map((s: { kind: string }) => s.kind)).toEqual(['at_risk']);
    expect((await c.query('otherOfficer', 'escalation.forTask', { taskId })).data?.steps).toEqual([]);
  });
});
