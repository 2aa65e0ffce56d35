import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamInstant } from '../../../shared/time';
import { auditLog, explanationRequests, reportTemplates, submissions } from '../../db/schema';
import { type Cast, newKey, ok, startCast, today, type Who } from '../../test/tasks';
import { getCompliance } from '../submissions/queries';

/**
 * Issue 16, points 1 and 2, for periodic reports: the Office reminds agencies of missing reports and asks
 * them to explain a late or missing one, through the same workflow and rules as for a task; a report sent
 * on time, or not yet due, is not asked about; the dashboard counts late or missing reports without an
 * accepted explanation.
 */
describe('reminders and explanation requests about reports', () => {
  let c: Cast;
  let templateId: number;
  /** The earliest due period of the quarterly report and the latest one (the fixture's own for each test). */
  let duePeriods: { key: string; deadline: string }[];
  let pendingPeriod: string | undefined;

  beforeAll(async () => {
    c = await startCast();
    const [quarterly] = await c.database.db
      .select({ id: reportTemplates.id })
      .from(reportTemplates)
      .where(eq(reportTemplates.code, 'BC-CPS-QUY'));
    templateId = quarterly?.id ?? 0;
    const compliance = await getCompliance(c.database.db, { templateId });
    duePeriods = compliance.periods.filter((p) => p.due).map((p) => ({ key: p.key, deadline: p.deadline }));
    pendingPeriod = compliance.periods.find((p) => !p.due)?.key;
    if (duePeriods.length < 3) throw new Error('the fixture needs three due periods of BC-CPS-QUY');
  });
  afterAll(() => c.close());

  const period = (i: number) => duePeriods[i]?.key ?? '';
  const forReport = async (who: Who, agencyId: number, periodKey: string) =>
    ok(await c.query(who, 'accountability.forReport', { templateId, agencyId, periodKey }));
  const unread = async (who: Who) => ok(await c.query(who, 'accountability.notifications')).unread as number;
  const ask = (agencyId: number, periodKey: string, who: Who = 'office') =>
    c.mutate(who, 'accountability.requestReportExplanation', {
      templateId,
      agencyId,
      periodKey,
      reason: 'Báo cáo quý chưa được gửi đúng hạn, đề nghị giải trình',
      workingDays: 5,
      idempotencyKey: newKey('ask-report'),
    });
  const answer = (who: Who, id: number, version: number) =>
    c.mutate(who, 'accountability.answerExplanation', {
      id,
      version,
      cause: 'Chưa tổng hợp xong số liệu của các đơn vị trực thuộc',
      remedy: 'Giao Văn phòng Bộ tổng hợp, gửi trong tuần',
      committedDate: today(7),
    });
  const decide = (who: Who, id: number, version: number, step: string, comment = '') =>
    c.mutate(who, 'accountability.decideExplanation', { id, version, step, comment });
  /** The agency's report of the period, first sent at `sentAt`. */
  async function sendReport(agencyId: number, periodKey: string, sentAt: Date) {
    await c.database.db.insert(submissions).values({
      templateId,
      agencyId,
      periodKey,
      periodEnd: today(-1),
      deadline: today(-1),
      state: 'submitted',
      firstSubmittedAt: sentAt,
    });
  }

  it('goes from the request about a missing report to an accepted answer, as for a task', async () => {
    const key = period(0);
    const finance = c.agency.finance;
    const officerUnread = await unread('leadOfficer');
    const leaderUnread = await unread('leadLeader');
    const otherUnread = await unread('otherOfficer');
    expect((await forReport('office', finance, key)).canRequestExplanation).toBe(true);
    const asked = ok(await ask(finance, key));
    expect(asked.state).toBe('awaiting_answer');
    // The obliged agency's officer and leader hear of it, naming the report and period; others do not.
    expect(await unread('leadOfficer')).toBe(officerUnread + 1);
    expect(await unread('leadLeader')).toBe(leaderUnread + 1);
    expect(await unread('otherOfficer')).toBe(otherUnread);
    const [notice] = ok(await c.query('leadOfficer', 'accountability.notifications')).items;
    expect(notice).toMatchObject({
      kind: 'explanation.requested',
      taskId: null,
      params: { subject: 'report', periodKey: key, templateCode: 'BC-CPS-QUY' },
    });
    // One request in progress per report.
    expect((await ask(finance, key)).error?.data?.details?.reason).toBe('explanationOpen');

    // Another agency does not see it; the leader may not answer; the officer does.
    expect(
      (
        await c.query('otherOfficer', 'accountability.forReport', {
          templateId,
          agencyId: finance,
          periodKey: key,
        })
      ).status,
    ).toBe(404);
    expect((await answer('otherOfficer', asked.id, 1)).status).toBe(404);
    expect((await answer('leadLeader', asked.id, 1)).status).toBe(403);
    expect((await forReport('leadOfficer', finance, key)).explanations[0]?.allowedSteps).toEqual(['answer']);
    expect(ok(await answer('leadOfficer', asked.id, 1)).state).toBe('awaiting_leader');
    expect((await decide('coordLeader', asked.id, 2, 'approve')).status).toBe(404);
    expect((await decide('office', asked.id, 2, 'accept')).status).toBe(409);
    expect(ok(await decide('leadLeader', asked.id, 2, 'approve')).state).toBe('awaiting_office');
    expect(ok(await decide('office', asked.id, 3, 'accept')).state).toBe('accepted');

    // The inspector reads the story and may act on none of it.
    const inspector = await forReport('inspector', finance, key);
    expect(inspector.explanations[0]).toMatchObject({
      state: 'accepted',
      allowedSteps: [],
      cause: 'Chưa tổng hợp xong số liệu của các đơn vị trực thuộc',
      committedDate: today(7),
    });
    expect(inspector.canRequestExplanation).toBe(false);
    // Every step is on the report obligation's audit trail.
    const trail = await c.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, 'report_obligation'),
          eq(auditLog.entityId, `${templateId}:${finance}:${key}`),
        ),
      );
    expect(trail.map((e) => e.action)).toEqual([
      'explanation.request',
      'explanation.answer',
      'explanation.approve',
      'explanation.accept',
    ]);
  });

  it('asks about a late report, refuses one sent on time or not yet due, and only the Office asks', async () => {
    const key = period(1);
    const due = duePeriods[1]?.deadline ?? '';
    await sendReport(c.agency.health, key, vietnamInstant(due, 9));
    await sendReport(c.agency.hanoi, key, vietnamInstant(due, 9 + 24));
    const onTime = await ask(c.agency.health, key);
    expect(onTime.status).toBe(409);
    expect(onTime.error?.data?.details).toMatchObject({ reason: 'reportNotLate', state: 'on_time' });
    expect((await forReport('office', c.agency.health, key)).canRequestExplanation).toBe(false);
    if (pendingPeriod) {
      expect((await ask(c.agency.finance, pendingPeriod)).error?.data?.details).toMatchObject({
        reason: 'reportNotLate',
        state: 'pending',
      });
    }
    // Sent a day after its deadline: late, and may be asked about.
    expect(ok(await ask(c.agency.hanoi, key)).state).toBe('awaiting_answer');
    for (const who of ['leadOfficer', 'leadLeader', 'inspector', 'admin'] as const) {
      expect((await ask(c.agency.finance, key, who)).status, who).toBe(403);
    }
    const rows = await c.database.db
      .select({ agencyId: explanationRequests.agencyId })
      .from(explanationRequests)
      .where(eq(explanationRequests.periodKey, key));
    expect(rows).toEqual([{ agencyId: c.agency.hanoi }]);
  });

  it('reminds one missing report or every missing report of a period, never one already sent', async () => {
    const key = period(2);
    const due = duePeriods[2]?.deadline ?? '';
    await sendReport(c.agency.health, key, vietnamInstant(due, 9));
    const financeBefore = await unread('leadOfficer');
    const one = {
      templateId,
      periodKey: key,
      agencyIds: [c.agency.finance],
      message: 'Đề nghị gửi báo cáo quý',
      idempotencyKey: newKey('remind-report'),
    };
    expect(ok(await c.mutate('office', 'accountability.remindReports', one))).toEqual({
      reminded: 1,
      duplicate: false,
    });
    expect(ok(await c.mutate('office', 'accountability.remindReports', one))).toEqual({
      reminded: 0,
      duplicate: true,
    });
    expect(await unread('leadOfficer')).toBe(financeBefore + 1);
    const sent = await c.mutate('office', 'accountability.remindReports', {
      ...one,
      agencyIds: [c.agency.health],
      idempotencyKey: newKey('remind-report'),
    });
    expect(sent.error?.data?.details).toMatchObject({ reason: 'nothingToRemind' });

    // Every missing report of the period: as many as the compliance grid shows missing.
    const missing = (await getCompliance(c.database.db, { templateId })).agencies.filter(
      (a) => a.cells[key]?.state === 'missing',
    ).length;
    const all = ok(
      await c.mutate('office', 'accountability.remindReports', {
        templateId,
        periodKey: key,
        message: 'Đề nghị các cơ quan gửi báo cáo quý',
        idempotencyKey: newKey('remind-report'),
      }),
    );
    expect(all.reminded).toBe(missing);
    const view = await forReport('leadOfficer', c.agency.finance, key);
    expect(view.reminders.count).toBe(2);
    expect(view.reminders.last?.message).toBe('Đề nghị các cơ quan gửi báo cáo quý');
    expect((await forReport('office', c.agency.health, key)).reminders.count).toBe(0);
    expect(
      (
        await c.mutate('leadOfficer', 'accountability.remindReports', {
          ...one,
          idempotencyKey: newKey('remind-report'),
        })
      ).status,
    ).toBe(403);
  });

  it('tallies an agency’s reminders and requests on its scorecard, tasks and reports apart', async () => {
    const tally = async (who: Who, agencyId = c.agency.health) =>
      ok(await c.query(who, 'accountability.forAgency', { agencyId }));
    const before = await tally('otherOfficer');
    const key = period(0);
    ok(
      await c.mutate('office', 'accountability.remindReports', {
        templateId,
        periodKey: key,
        agencyIds: [c.agency.health],
        message: 'Nhắc gửi báo cáo',
        idempotencyKey: newKey('remind-report'),
      }),
    );
    ok(await ask(c.agency.health, key));
    const after = await tally('otherOfficer');
    expect(after.reports.reminders).toBe(before.reports.reminders + 1);
    expect(after.reports.lastReminderAt).not.toBeNull();
    expect(after.reports.explanationsOpen).toBe(before.reports.explanationsOpen + 1);
    expect(after.tasks).toEqual(before.tasks);
    expect((await tally('inspector')).reports.explanationsOpen).toBe(after.reports.explanationsOpen);
    expect(
      (await c.query('leadOfficer', 'accountability.forAgency', { agencyId: c.agency.health })).status,
    ).toBe(404);
  });

  it('counts late or missing reports without an accepted explanation on the dashboard', async () => {
    const summary = async () => ok(await c.query('office', 'accountability.summary')).reports;
    const key = period(2);
    const before = await summary();
    expect(before.lateOrMissing).toBeGreaterThan(0);
    const asked = ok(await ask(c.agency.hanoi, key));
    expect((await summary()).explanationsOpen).toBe(before.explanationsOpen + 1);
    ok(await answer('coordOfficer', asked.id, 1));
    ok(await decide('coordLeader', asked.id, 2, 'approve'));
    expect((await summary()).unexplained).toBe(before.unexplained);
    ok(await decide('office', asked.id, 3, 'accept'));
    const after = await summary();
    expect(after.lateOrMissing).toBe(before.lateOrMissing);
    expect(after.unexplained).toBe(before.unexplained - 1);
    expect(after.explanationsOpen).toBe(before.explanationsOpen);
    // A report sent late stays late; the task figures do not count reports.
    const tasks = ok(await c.query('office', 'accountability.summary'));
    expect(tasks.explanations.accepted).toBe(0);
    ok(
      await c.mutate('office', 'accountability.remindReports', {
        templateId,
        periodKey: key,
        agencyIds: [c.agency.finance],
        message: 'Nhắc',
        idempotencyKey: newKey('remind-report'),
      }),
    );
    expect((await summary()).remindersLast30Days).toBe(before.remindersLast30Days + 1);
    expect(ok(await c.query('office', 'accountability.summary')).remindersLast30Days).toBe(
      tasks.remindersLast30Days,
    );
  });

  it('tells the Office who a whole period’s reminder would reach, of one level or all, and only the Office', async () => {
    const key = period(1);
    const toRemind = async (level?: 'central' | 'provincial') =>
      ok(
        await c.query('office', 'accountability.reportsToRemind', {
          templateId,
          periodKey: key,
          ...(level ? { level } : {}),
        }),
      ) as { agencyIds: number[]; max: number };
    const missingOf = async (level?: 'central' | 'provincial') =>
      (await getCompliance(c.database.db, { templateId, ...(level ? { level } : {}) })).agencies
        .filter((a) => a.cells[key]?.state === 'missing')
        .map((a) => a.agencyId)
        .sort((a, b) => a - b);

    const all = await toRemind();
    expect(all.max).toBe(1000);
    expect(all.agencyIds).toEqual(await missingOf());
    expect(all.agencyIds).toContain(c.agency.finance);
    const central = await toRemind('central');
    expect(central.agencyIds).toEqual(await missingOf('central'));
    expect(central.agencyIds).toContain(c.agency.finance);
    const provincial = await toRemind('provincial');
    expect(provincial.agencyIds).toEqual(await missingOf('provincial'));
    expect(provincial.agencyIds.filter((id) => central.agencyIds.includes(id))).toEqual([]);
    expect([...central.agencyIds, ...provincial.agencyIds].every((id) => all.agencyIds.includes(id))).toBe(
      true,
    );

    // A report sent meanwhile is no longer counted; the selection reminds exactly the rest.
    await sendReport(c.agency.finance, key, new Date());
    const rest = await toRemind();
    expect(rest.agencyIds).toEqual(all.agencyIds.filter((id) => id !== c.agency.finance));
    const sent = ok(
      await c.mutate('office', 'accountability.remindReports', {
        templateId,
        periodKey: key,
        agencyIds: rest.agencyIds,
        message: 'Đề nghị các cơ quan gửi báo cáo quý',
        idempotencyKey: newKey('remind-period'),
      }),
    );
    expect(sent).toEqual({ reminded: rest.agencyIds.length, duplicate: false });

    for (const who of ['leadOfficer', 'leadLeader', 'inspector', 'admin'] as const) {
      const refused = await c.query(who, 'accountability.reportsToRemind', { templateId, periodKey: key });
      expect(refused.status, who).toBe(403);
    }
    const bad = await c.query('office', 'accountability.reportsToRemind', { templateId, periodKey: ' ' });
    expect(bad.status).toBe(400);
  });
});
