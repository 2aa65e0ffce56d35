import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workingCalendar } from '../../../shared/reporting-periods';
import { shiftDate, vietnamInstant } from '../../../shared/time';
import {
  explanationRequests,
  holidays,
  notifications,
  reportEscalationSteps,
  reportTemplates,
  submissions,
  users,
} from '../../db/schema';
import { type Cast, ok, startCast, today } from '../../test/tasks';
import { loadHolidays } from '../holidays/queries';
import { getCompliance } from '../submissions/queries';
import { evaluateEscalations } from './evaluate';

/** The instant one second before Vietnam's midnight that starts `date`. */
const justBefore = (date: string) => new Date(`${shiftDate(date, -1)}T16:59:59Z`);
/** Vietnam's midnight starting `date`. */
const midnightOf = (date: string) => new Date(`${shiftDate(date, -1)}T17:00:00Z`);

/**
 * Issue 16: "an explanation request opened automatically N working days after … a report is missed, the
 * agency leader notified, then the Office's leadership". The quarterly regime is owed by two agencies
 * here (Bộ Tài chính, Hà Nội); the monthly one is switched off, so every request is one of these.
 */
describe('escalation rules for missed periodic reports', () => {
  let c: Cast;
  let templateId: number;
  /** The regime's periods of 2026 with their deadlines (over the seeded calendar). */
  let periods: { key: string; end: string; deadline: string }[];
  const period = (key: string) => {
    const p = periods.find((x) => x.key === key);
    if (!p) throw new Error(`no period ${key}`);
    return p;
  };

  const rule = async (kind: string, enabled: boolean, params: Record<string, number>) => {
    const rules = ok(await c.query('admin', 'escalation.rules')) as { kind: string; version: number }[];
    const version = rules.find((r) => r.kind === kind)?.version ?? 0;
    return ok(await c.mutate('admin', 'escalation.updateRule', { kind, enabled, params, version }));
  };
  const requestsOf = (agencyId: number, periodKey: string) =>
    c.database.db
      .select()
      .from(explanationRequests)
      .where(
        and(
          eq(explanationRequests.templateId, templateId),
          eq(explanationRequests.agencyId, agencyId),
          eq(explanationRequests.periodKey, periodKey),
        ),
      );
  const officeNotesOf = (periodKey: string) =>
    c.database.db
      .select({ userId: notifications.userId, params: notifications.params })
      .from(notifications)
      .where(and(eq(notifications.kind, 'escalation.office'), isNull(notifications.taskId)))
      .then((rows) => rows.filter((r) => (r.params as { periodKey?: string }).periodKey === periodKey));
  /** The agency's report of the period, first sent at `sentAt`. */
  const send = (agencyId: number, key: string, sentAt: Date) =>
    c.database.db.insert(submissions).values({
      templateId,
      agencyId,
      periodKey: key,
      periodEnd: period(key).end,
      deadline: period(key).deadline,
      state: 'submitted',
      firstSubmittedAt: sentAt,
    });

  beforeAll(async () => {
    c = await startCast();
    const db = c.database.db;
    await db.update(reportTemplates).set({ active: false }).where(eq(reportTemplates.code, 'BC-NV-THANG'));
    const [quarterly] = await db
      .update(reportTemplates)
      .set({ obligation: { agencyIds: [c.agency.finance, c.agency.hanoi] } })
      .where(eq(reportTemplates.code, 'BC-CPS-QUY'))
      .returning({ id: reportTemplates.id });
    templateId = quarterly?.id ?? 0;
    const compliance = await getCompliance(db, { templateId }, new Date('2027-02-01T03:00:00Z'));
    periods = compliance.periods
      .filter((p) => p.key >= '2026-Q1' && p.key <= '2026-Q4')
      .map((p) => ({ key: p.key, end: p.end, deadline: p.deadline }));
    // Hà Nội sends Q1–Q3 on their deadline's morning; Bộ Tài chính sends Q1 a day late, Q2 and Q3 never.
    for (const p of periods.filter((x) => x.key !== '2026-Q4'))
      await send(c.agency.hanoi, p.key, vietnamInstant(p.deadline, 9));
    await send(c.agency.finance, '2026-Q1', vietnamInstant(shiftDate(period('2026-Q1').deadline, 1), 9));
  });
  afterAll(() => c.close());

  it('asks once for a report still missing N working days after its deadline, counted over the holidays, then tells the Office once', async () => {
    const q3 = period('2026-Q3');
    // A day off on the first working day after the deadline: the second working day moves one further.
    let dayOff = shiftDate(q3.deadline, 1);
    while (!isWorkingDay(dayOff, await loadHolidays(c.database.db))) dayOff = shiftDate(dayOff, 1);
    await c.database.db
      .insert(holidays)
      .values({ date: dayOff, nameVi: 'Nghỉ bù', nameEn: 'Day off' })
      .onConflictDoNothing();
    const calendar = await loadHolidays(c.database.db);
    const due = addWorkingDays(q3.deadline, 2, calendar);
    expect(due > addWorkingDays(q3.deadline, 2, workingCalendar([]))).toBe(true);
    await rule('explanation_after_missed_report', true, { workingDays: 2, answerWorkingDays: 3 });
    await rule('office_after_missed_report', true, { moreWorkingDays: 1 });

    // The last second before: Q2's report (long missing) is asked about; Q3's not yet.
    const before = await evaluateEscalations(c.database.db, justBefore(due));
    expect(before.reportExplanationsOpened).toBe(1);
    expect(await requestsOf(c.agency.finance, '2026-Q2')).toHaveLength(1);
    expect(await requestsOf(c.agency.finance, '2026-Q3')).toHaveLength(0);

    const at = midnightOf(due);
    const run = await evaluateEscalations(c.database.db, at);
    expect(run.reportExplanationsOpened).toBe(1);
    const [request] = await requestsOf(c.agency.finance, '2026-Q3');
    expect(request).toMatchObject({ automatic: true, state: 'awaiting_answer', agencyId: c.agency.finance });
    expect(request?.dueDate).toBe(addWorkingDays(due, 3, calendar));
    expect(request?.reason).toContain('báo cáo chưa gửi sau hạn 2 ngày làm việc');
    // The agency's leader hears of it, naming the report and its period.
    const [leader] = await c.database.db.select().from(users).where(eq(users.username, 'btc.ld'));
    const told = await c.database.db
      .select({ params: notifications.params })
      .from(notifications)
      .where(and(eq(notifications.userId, leader?.id ?? 0), eq(notifications.kind, 'explanation.requested')));
    expect(told.map((n) => (n.params as { periodKey: string }).periodKey)).toContain('2026-Q3');

    // Again at the same instant and the next day: nothing more asked. A report sent on time (Hà Nội's)
    // or sent late before the rule's day (Bộ Tài chính's Q1) is never asked about.
    const again = await evaluateEscalations(c.database.db, at);
    expect(again.reportExplanationsOpened).toBe(0);
    expect(await requestsOf(c.agency.finance, '2026-Q3')).toHaveLength(1);
    for (const key of ['2026-Q1', '2026-Q2', '2026-Q3'])
      expect(await requestsOf(c.agency.hanoi, key)).toHaveLength(0);
    expect(await requestsOf(c.agency.finance, '2026-Q1')).toHaveLength(0);

    // One more working day: the Office's users are told of Q3, once (the rules' own account is not).
    const officeDay = addWorkingDays(due, 1, calendar);
    await evaluateEscalations(c.database.db, justBefore(officeDay));
    expect(await officeNotesOf('2026-Q3')).toHaveLength(0);
    const office = await evaluateEscalations(c.database.db, midnightOf(officeDay));
    expect(office.reportOfficeNotified).toBeGreaterThanOrEqual(1);
    await evaluateEscalations(c.database.db, midnightOf(shiftDate(officeDay, 1)));
    const [vpcp] = await c.database.db.select().from(users).where(eq(users.username, 'vpcp'));
    const notes = await officeNotesOf('2026-Q3');
    expect(notes.map((n) => n.userId)).toEqual([vpcp?.id]);
    expect(notes[0]?.params).toMatchObject({
      subject: 'report',
      templateId,
      agencyId: c.agency.finance,
      dueDate: q3.deadline,
      workingDays: 3,
    });
    expect(await requestsOf(c.agency.finance, '2026-Q3')).toHaveLength(1);

    // The opened cell says what the rules did, to the agency and oversight; to another agency nothing.
    const key = { templateId, agencyId: c.agency.finance, periodKey: '2026-Q3' };
    const seen = ok(await c.query('leadLeader', 'escalation.forReport', key));
    expect(seen.steps.map((s: { kind: string }) => s.kind).sort()).toEqual(['explanation', 'office']);
    expect(seen.steps.find((s: { kind: string }) => s.kind === 'explanation')?.facts).toEqual({
      deadline: q3.deadline,
      workingDays: 2,
    });
    expect(ok(await c.query('inspector', 'escalation.forReport', key)).steps).toHaveLength(2);
    expect((await c.query('otherOfficer', 'escalation.forReport', key)).status).toBe(404);
  });

  it('tells the Office only of a report still unexplained; switched off, the rules do nothing', async () => {
    // Neither agency sends Q4: both are asked, two working days after its deadline.
    const calendar = await loadHolidays(c.database.db);
    const due = addWorkingDays(period('2026-Q4').deadline, 2, calendar);
    const run = await evaluateEscalations(c.database.db, midnightOf(due));
    expect(run.reportExplanationsOpened).toBe(2);
    const [finance] = await requestsOf(c.agency.finance, '2026-Q4');
    expect(await requestsOf(c.agency.hanoi, '2026-Q4')).toHaveLength(1);
    // Bộ Tài chính explains, its leader approves, the Office accepts.
    const id = finance?.id ?? 0;
    ok(
      await c.mutate('leadOfficer', 'accountability.answerExplanation', {
        id,
        version: 1,
        cause: 'Chưa tổng hợp xong số liệu của các đơn vị trực thuộc',
        remedy: 'Giao Văn phòng Bộ tổng hợp, gửi trong tuần',
        committedDate: today(7),
      }),
    );
    ok(
      await c.mutate('leadLeader', 'accountability.decideExplanation', {
        id,
        version: 2,
        step: 'approve',
        comment: '',
      }),
    );
    ok(
      await c.mutate('office', 'accountability.decideExplanation', {
        id,
        version: 3,
        step: 'accept',
        comment: '',
      }),
    );

    // One working day later: the Office hears of Hà Nội's report, not of the one explained.
    await evaluateEscalations(c.database.db, midnightOf(addWorkingDays(due, 1, calendar)));
    const notes = await officeNotesOf('2026-Q4');
    expect(notes.map((n) => (n.params as { agencyId: number }).agencyId)).toEqual([c.agency.hanoi]);

    await rule('explanation_after_missed_report', false, { workingDays: 2, answerWorkingDays: 3 });
    await rule('office_after_missed_report', false, { moreWorkingDays: 1 });
    const steps = await c.database.db.select().from(reportEscalationSteps);
    const off = await evaluateEscalations(c.database.db, midnightOf('2027-06-01'));
    expect(off).toMatchObject({ reportExplanationsOpened: 0, reportOfficeNotified: 0 });
    expect(await c.database.db.select().from(reportEscalationSteps)).toHaveLength(steps.length);
  });
});
