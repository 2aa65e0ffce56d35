import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overdueCutoff, workingDaysOverdue } from '../../../shared/escalation';
import { addWorkingDays, workingCalendar } from '../../../shared/reporting-periods';
import { shiftDate } from '../../../shared/time';
import {
  auditLog,
  changeEvents,
  escalationSteps,
  explanationRequests,
  holidays,
  notifications,
  taskEscalations,
  users,
} from '../../db/schema';
import { runAtStart } from '../../test/jobs';
import { type Cast, ok, startCast, today } from '../../test/tasks';
import { escalationJob, evaluateEscalations, SYSTEM_REQUESTER } from './evaluate';

/** The instant one second before Vietnam's midnight that starts `date` (UTC 16:59:59 the day before). */
const justBefore = (date: string) => new Date(`${shiftDate(date, -1)}T16:59:59Z`);
/** Vietnam's midnight starting `date`: UTC 17:00:00 the day before. */
const midnightOf = (date: string) => new Date(`${shiftDate(date, -1)}T17:00:00Z`);

/** The first Thursday at least `days` days from today (Vietnam). */
function thursdayAfter(days: number): string {
  let d = today(days);
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 4) d = shiftDate(d, 1);
  return d;
}

describe('escalation rules', () => {
  let c: Cast;
  const rule = async (kind: string, enabled: boolean, params: Record<string, number>) => {
    const rules = ok(await c.query('admin', 'escalation.rules')) as { kind: string; version: number }[];
    const version = rules.find((r) => r.kind === kind)?.version ?? 0;
    return c.mutate('admin', 'escalation.updateRule', { kind, enabled, params, version });
  };
  const escalationOf = async (taskId: number) =>
    (await c.database.db.select().from(taskEscalations).where(eq(taskEscalations.taskId, taskId)))[0];
  const requestsOf = async (taskId: number) =>
    c.database.db.select().from(explanationRequests).where(eq(explanationRequests.taskId, taskId));
  const notesOf = async (taskId: number, kind: string) =>
    c.database.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.taskId, taskId), eq(notifications.kind, kind)));

  beforeAll(async () => {
    c = await startCast();
  });
  afterAll(() => c.close());

  it('turns a task red at Vietnam midnight after its deadline, not a second before', async () => {
    const deadline = today(3);
    const taskId = await c.newTask({ deadline });

    await evaluateEscalations(c.database.db, justBefore(shiftDate(deadline, 1)));
    // Created today, nothing posted, the deadline's day: more than half the time gone with 0 %.
    expect(await escalationOf(taskId)).toMatchObject({ level: 'yellow', rule: 'half_time_low_progress' });

    await evaluateEscalations(c.database.db, midnightOf(shiftDate(deadline, 1)));
    const red = await escalationOf(taskId);
    expect(red).toMatchObject({ level: 'red', rule: 'overdue', since: shiftDate(deadline, 1) });
    expect(red?.facts).toEqual({ deadline });

    // What the task page reads: the level, since when, and the working days overdue on that day.
    const seen = ok(await c.query('leadOfficer', 'escalation.forTask', { taskId }));
    expect(seen).toMatchObject({ level: 'red', since: shiftDate(deadline, 1), rule: 'overdue' });
  });

  it('colours yellow once the share of time has passed with low progress, and clears when progress catches up', async () => {
    expect(
      (await rule('half_time_low_progress', true, { elapsedPercent: 50, progressBelow: 40 })).status,
    ).toBe(200);
    const start = today();
    const deadline = today(10);
    const taskId = await c.newTask({ deadline });
    // Half of the ten days is the fifth day: not on the fourth (its last second), yes at the fifth's midnight.
    await evaluateEscalations(c.database.db, justBefore(shiftDate(start, 5)));
    expect(await escalationOf(taskId)).toBeUndefined();
    await evaluateEscalations(c.database.db, midnightOf(shiftDate(start, 5)));
    const yellow = await escalationOf(taskId);
    expect(yellow).toMatchObject({ level: 'yellow', since: shiftDate(start, 5) });
    expect(yellow?.facts).toMatchObject({ percent: 0, elapsedPercent: 50, progressBelow: 40, deadline });

    await c.postProgress(taskId, 40);
    await evaluateEscalations(c.database.db, midnightOf(shiftDate(start, 6)));
    expect(await escalationOf(taskId)).toBeUndefined();
  });

  it('opens one explanation request N working days after the deadline, counted over the holiday calendar, then tells the Office once', async () => {
    // Thursday's deadline; Friday is a day off: working days after it are Monday (1) and Tuesday (2).
    const deadline = thursdayAfter(8);
    const friday = shiftDate(deadline, 1);
    const tuesday = shiftDate(deadline, 5);
    await c.database.db
      .insert(holidays)
      .values({ date: friday, nameVi: 'Nghỉ bù', nameEn: 'Day off' })
      .onConflictDoNothing();
    expect(
      (await rule('explanation_after_overdue', true, { workingDays: 2, answerWorkingDays: 3 })).status,
    ).toBe(200);
    expect((await rule('office_after_explanation', true, { moreWorkingDays: 1 })).status).toBe(200);
    const taskId = await c.newTask({ deadline });

    // Monday's last second: one working day overdue, no request yet (without the holiday it would be due).
    await evaluateEscalations(c.database.db, justBefore(tuesday));
    expect(await requestsOf(taskId)).toHaveLength(0);

    const atTuesday = midnightOf(tuesday);
    const run = await evaluateEscalations(c.database.db, atTuesday);
    expect(run.explanationsOpened).toBeGreaterThanOrEqual(1);
    const [request] = await requestsOf(taskId);
    expect(request).toMatchObject({ automatic: true, state: 'awaiting_answer', agencyId: c.agency.finance });
    const calendar = workingCalendar([{ date: friday, kind: 'public_holiday' }]);
    expect(request?.dueDate).toBe(addWorkingDays(tuesday, 3, calendar));
    const [requester] = await c.database.db
      .select()
      .from(users)
      .where(eq(users.id, request?.requestedBy ?? 0));
    expect(requester).toMatchObject({ username: SYSTEM_REQUESTER, role: 'office', active: false });
    // The lead agency's leader (and officer) are told; the Office not yet.
    const leader = await c.database.db.select().from(users).where(eq(users.username, 'btc.ld'));
    expect((await notesOf(taskId, 'explanation.requested')).map((n) => n.userId)).toContain(leader[0]?.id);
    expect(await notesOf(taskId, 'escalation.office')).toHaveLength(0);

    // Again at the same instant, and later that day: nothing more is opened, written or announced.
    const before = await counts(taskId);
    const again = await evaluateEscalations(c.database.db, atTuesday);
    expect(again).toMatchObject({
      levelsWritten: 0,
      levelsCleared: 0,
      explanationsOpened: 0,
      officeNotified: 0,
    });
    await evaluateEscalations(c.database.db, new Date(atTuesday.getTime() + 3_600_000));
    expect(await counts(taskId)).toEqual(before);

    // One more working day (Wednesday): the Office's users are told, once.
    const wednesday = shiftDate(tuesday, 1);
    await evaluateEscalations(c.database.db, justBefore(wednesday));
    expect(await notesOf(taskId, 'escalation.office')).toHaveLength(0);
    await evaluateEscalations(c.database.db, midnightOf(wednesday));
    const office = await c.database.db.select().from(users).where(eq(users.username, 'vpcp'));
    expect((await notesOf(taskId, 'escalation.office')).map((n) => n.userId)).toEqual([office[0]?.id]);
    await evaluateEscalations(c.database.db, midnightOf(shiftDate(wednesday, 1)));
    expect(await notesOf(taskId, 'escalation.office')).toHaveLength(1);
    expect(await requestsOf(taskId)).toHaveLength(1);

    // The task page's reader: working days overdue on Wednesday are three (Mon, Tue, Wed); the steps
    // are the lead agency's and oversight's, not another agency's.
    expect(workingDaysOverdue(deadline, wednesday, calendar)).toBe(3);
    const lead = ok(await c.query('leadLeader', 'escalation.forTask', { taskId }));
    expect(lead.steps.map((s: { kind: string }) => s.kind).sort()).toEqual(['explanation', 'office']);
    const other = ok(await c.query('otherOfficer', 'escalation.forTask', { taskId }));
    expect(other).toMatchObject({ level: 'red', steps: [] });

    async function counts(id: number) {
      const [n] = await c.database.db
        .select({ n: count() })
        .from(notifications)
        .where(eq(notifications.taskId, id));
      const [e] = await c.database.db.select({ n: count() }).from(changeEvents);
      const [s] = await c.database.db.select({ n: count() }).from(escalationSteps);
      return { notifications: n?.n, events: e?.n, steps: s?.n, requests: (await requestsOf(id)).length };
    }
  });

  it('the cut-off deadline for N working days is the latest whose N-th working day after it has come', () => {
    const calendar = workingCalendar([{ date: '2026-12-04', kind: 'public_holiday' }]);
    // Friday 4 December off: from Thursday 3rd to Sunday 6th, the second working day after is Tuesday 8th.
    expect(overdueCutoff('2026-12-08', 2, calendar)).toBe('2026-12-06');
    expect(overdueCutoff('2026-12-07', 2, calendar)).toBe('2026-12-02');
    for (const day of ['2026-12-07', '2026-12-08', '2026-12-14']) {
      const cutoff = overdueCutoff(day, 3, calendar);
      expect(addWorkingDays(cutoff, 3, calendar) <= day).toBe(true);
      expect(addWorkingDays(shiftDate(cutoff, 1), 3, calendar) > day).toBe(true);
    }
  });

  it('runs as a scheduled job on the queue at start', async () => {
    const taskId = await c.newTask({ deadline: today(20) });
    // Overdue since yesterday, as if the deadline had passed (the API takes no past deadline).
    await c.database.db.execute(
      sql`update tasks set deadline = ${today(-1)}, original_deadline = ${today(-1)} where id = ${taskId}`,
    );
    await runAtStart(c.database, [escalationJob(c.database.db)]);
    expect(await escalationOf(taskId)).toMatchObject({ level: 'red', since: today() });
    const events = await c.database.db
      .select()
      .from(changeEvents)
      .where(inArray(changeEvents.type, ['escalation.changed']));
    expect(events.length).toBeGreaterThan(0);
  });

  it('only the administrator reads and edits the rules; edits are validated, versioned and audited', async () => {
    for (const who of ['office', 'leadOfficer', 'inspector'] as const) {
      expect((await c.query(who, 'escalation.rules')).error?.data?.appCode).toBe('FORBIDDEN');
      expect(
        (
          await c.mutate(who, 'escalation.updateRule', {
            kind: 'overdue',
            enabled: false,
            params: {},
            version: 0,
          })
        ).error?.data?.appCode,
      ).toBe('FORBIDDEN');
    }
    const bad = await rule('half_time_low_progress', true, { elapsedPercent: 0, progressBelow: 150 });
    expect(bad.error?.data?.appCode).toBe('VALIDATION');
    expect(bad.error?.data?.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'params.elapsedPercent',
      'params.progressBelow',
    ]);
    const stale = await c.mutate('admin', 'escalation.updateRule', {
      kind: 'overdue',
      enabled: false,
      params: {},
      version: 99,
    });
    expect(stale.error?.data?.appCode).toBe('CONFLICT');
    const saved = ok(await rule('overdue', false, {}));
    expect(saved).toMatchObject({ kind: 'overdue', enabled: false });
    const audits = await c.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'escalation.rule.update'));
    expect(audits.map((a) => a.entityId)).toContain('overdue');

    // Switched off: the next run clears every red level it had set.
    const taskId = await c.newTask({ deadline: today(1) });
    await evaluateEscalations(c.database.db, midnightOf(today(5)));
    expect((await escalationOf(taskId))?.level).not.toBe('red');
    expect((await c.query('office', 'escalation.forTask', { taskId: 2_000_000 })).error?.data?.appCode).toBe(
      'NOT_FOUND',
    );
  });
});
