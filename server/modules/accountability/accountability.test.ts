import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explanationRequests, notifications, reminders, users } from '../../db/schema';
import { type Cast, newKey, ok, startCast, today, type Who } from '../../test/tasks';
import type { Actor } from '../auth/actor';
import { requestExplanation } from './explanations';

/**
 * Issue 16, points 1 and 2: the Office reminds agencies and asks them to explain; only the lead agency's
 * officer answers, only its leader approves, only the Office decides; inspectors read; the agency's
 * staff are notified at each step; a refused step changes nothing.
 */
describe('reminders and explanation requests', () => {
  let c: Cast;

  beforeAll(async () => {
    c = await startCast();
  });
  afterAll(() => c.close());

  const forTask = async (who: Who, taskId: number) =>
    ok(await c.query(who, 'accountability.forTask', { taskId }));
  const unread = async (who: Who) => ok(await c.query(who, 'accountability.notifications')).unread as number;
  const ask = (taskId: number, workingDays = 5) =>
    c.mutate('office', 'accountability.requestExplanation', {
      taskId,
      reason: 'Nhiệm vụ đã quá hạn, đề nghị giải trình',
      workingDays,
      idempotencyKey: newKey('ask'),
    });
  const answer = (who: Who, id: number, version: number, committedDate = today(15)) =>
    c.mutate(who, 'accountability.answerExplanation', {
      id,
      version,
      cause: 'Chờ ý kiến thẩm định của Bộ Tư pháp',
      remedy: 'Đã có văn bản đôn đốc, họp liên ngành tuần tới',
      committedDate,
    });
  const decide = (who: Who, id: number, version: number, step: string, comment = '') =>
    c.mutate(who, 'accountability.decideExplanation', { id, version, step, comment });
  async function rowsOf(taskId: number) {
    return c.database.db.select().from(explanationRequests).where(eq(explanationRequests.taskId, taskId));
  }

  it('goes from the request to an accepted answer, each step by whom the rules say, with notifications', async () => {
    const taskId = await c.newTask({ deadline: today(-3) });
    const officerUnread = await unread('leadOfficer');
    const leaderUnread = await unread('leadLeader');
    const asked = ok(await ask(taskId));
    expect(asked.state).toBe('awaiting_answer');
    // The lead agency's officer and leader hear of it; the coordinating agency does not.
    expect(await unread('leadOfficer')).toBe(officerUnread + 1);
    expect(await unread('leadLeader')).toBe(leaderUnread + 1);
    const officerView = await forTask('leadOfficer', taskId);
    expect(officerView.explanations[0]).toMatchObject({ state: 'awaiting_answer', allowedSteps: ['answer'] });
    expect(officerView.canRequestExplanation).toBe(false);
    // A second request while one is in progress is refused.
    expect((await ask(taskId)).error?.data?.details?.reason).toBe('explanationOpen');

    // Only the lead agency's officer answers: the coordinator and another agency do not see it, the
    // leader may not answer, and a committed date in the past is refused. None of it changes the row.
    const before = await rowsOf(taskId);
    expect((await answer('coordOfficer', asked.id, 1)).status).toBe(404);
    expect((await answer('otherOfficer', asked.id, 1)).status).toBe(404);
    expect((await answer('leadLeader', asked.id, 1)).status).toBe(403);
    const past = await answer('leadOfficer', asked.id, 1, today(-1));
    expect(past.status).toBe(400);
    expect(past.error?.data?.details?.field).toBe('committedDate');
    expect(await rowsOf(taskId)).toEqual(before);

    expect(ok(await answer('leadOfficer', asked.id, 1)).state).toBe('awaiting_leader');
    // The Office cannot skip the leader (the request is not yet its to decide); the leader approves.
    expect((await decide('office', asked.id, 2, 'accept')).status).toBe(409);
    expect((await decide('coordLeader', asked.id, 2, 'approve')).status).toBe(404);
    expect(ok(await decide('leadLeader', asked.id, 2, 'approve')).state).toBe('awaiting_office');
    // Asking again needs a reason; then it is a new round with a new date and an empty answer.
    expect((await decide('office', asked.id, 3, 'askAgain')).error?.data?.details?.field).toBe('comment');
    expect(ok(await decide('office', asked.id, 3, 'askAgain', 'Chưa nêu rõ nguyên nhân')).state).toBe(
      'awaiting_answer',
    );
    const second = (await forTask('office', taskId)).explanations[0];
    expect(second).toMatchObject({ round: 2, cause: null, committedDate: null, version: 4 });
    expect(ok(await answer('leadOfficer', asked.id, 4)).state).toBe('awaiting_leader');
    // The leader may send it back to the officer, with a reason.
    expect(ok(await decide('leadLeader', asked.id, 5, 'sendBack', 'Bổ sung số liệu')).state).toBe(
      'awaiting_answer',
    );
    ok(await answer('leadOfficer', asked.id, 6));
    ok(await decide('leadLeader', asked.id, 7, 'approve'));
    // A stale form is refused.
    expect((await decide('office', asked.id, 7, 'accept')).status).toBe(409);
    expect(ok(await decide('office', asked.id, 8, 'accept')).state).toBe('accepted');

    // The inspector reads the whole story and may act on none of it.
    const inspector = await forTask('inspector', taskId);
    expect(inspector.explanations[0]).toMatchObject({
      state: 'accepted',
      round: 2,
      allowedSteps: [],
      cause: 'Chờ ý kiến thẩm định của Bộ Tư pháp',
      committedDate: today(15),
    });
    expect(inspector.explanations[0].answered?.name).toBeTruthy();
    expect(inspector.explanations[0].decided?.name).toBeTruthy();
    expect(inspector.canRequestExplanation).toBe(false);
    // Accepted: the Office may ask again about the same task later.
    expect((await forTask('office', taskId)).canRequestExplanation).toBe(true);
  });

  it('counts the answer due in working days over the holiday calendar, and says when it is late', async () => {
    const [office] = await c.database.db.select().from(users).where(eq(users.username, 'vpcp'));
    if (!office) throw new Error('no office user');
    const actor: Actor = {
      id: office.id,
      username: office.username,
      role: 'office',
      agencyId: office.agencyId,
    };
    // Wednesday 8 January 2031 is declared a day off: five working days from Monday the 6th end on
    // Tuesday the 14th (7, 9, 10, 13, 14), not Monday the 13th.
    ok(
      await c.mutate('admin', 'holidays.add', {
        date: '2031-01-08',
        nameVi: 'Ngày nghỉ thử',
        nameEn: 'Trial day off',
      }),
    );
    const monday = new Date('2031-01-06T03:00:00Z');
    const taskId = await c.newTask();
    const { id } = await requestExplanation(
      c.database.db,
      actor,
      { taskId, reason: 'Chậm tiến độ', workingDays: 5, idempotencyKey: newKey('due') },
      monday,
    );
    const [row] = await c.database.db
      .select()
      .from(explanationRequests)
      .where(eq(explanationRequests.id, id));
    expect(row?.dueDate).toBe('2031-01-14');

    // A request asked long ago and never answered is late.
    const old = await c.newTask();
    await requestExplanation(
      c.database.db,
      actor,
      { taskId: old, reason: 'Chậm tiến độ', workingDays: 2, idempotencyKey: newKey('late') },
      new Date(Date.now() - 20 * 86_400_000),
    );
    expect((await forTask('office', old)).explanations[0]?.late).toBe(true);
    expect((await forTask('office', taskId)).explanations[0]?.late).toBe(false);
  });

  it('refuses a request on a closed task, and to anyone but the Office', async () => {
    const taskId = await c.newTask();
    await c.completeTask(taskId);
    expect((await ask(taskId)).error?.data?.details?.reason).toBe('taskClosed');
    const open = await c.newTask();
    for (const who of ['leadOfficer', 'leadLeader', 'inspector', 'admin'] as const) {
      const res = await c.mutate(who, 'accountability.requestExplanation', {
        taskId: open,
        reason: 'x',
        workingDays: 5,
        idempotencyKey: newKey('no'),
      });
      expect(res.status, who).toBe(403);
    }
    expect(await rowsOf(open)).toEqual([]);
  });

  it('reminds a selection once per key, records it on each task and tells each lead agency', async () => {
    const first = await c.newTask({ deadline: today(-5) });
    const second = await c.newTask({ deadline: today(-1), leadAgencyId: c.agency.hanoi, coordinatorIds: [] });
    const financeBefore = await unread('leadOfficer');
    const hanoiBefore = await unread('coordOfficer');
    const healthBefore = await unread('otherOfficer');
    const key = newKey('remind');
    const input = {
      taskIds: [first, second],
      message: 'Đề nghị khẩn trương hoàn thành',
      idempotencyKey: key,
    };
    expect(ok(await c.mutate('office', 'accountability.remind', input))).toEqual({
      reminded: 2,
      duplicate: false,
    });
    expect(ok(await c.mutate('office', 'accountability.remind', input))).toEqual({
      reminded: 0,
      duplicate: true,
    });
    ok(
      await c.mutate('office', 'accountability.remind', {
        taskIds: [first],
        message: 'Nhắc lần hai',
        idempotencyKey: newKey('remind'),
      }),
    );
    const view = await forTask('leadOfficer', first);
    expect(view.reminders.count).toBe(2);
    expect(view.reminders.last?.message).toBe('Nhắc lần hai');
    expect((await forTask('coordOfficer', second)).reminders.count).toBe(1);
    expect(await unread('leadOfficer')).toBe(financeBefore + 2);
    expect(await unread('coordOfficer')).toBe(hanoiBefore + 1);
    expect(await unread('otherOfficer')).toBe(healthBefore);
    // Another agency's staff do not see the task's reminders.
    expect((await c.query('otherOfficer', 'accountability.forTask', { taskId: first })).status).toBe(404);
  });

  it('reminds every open task of a list filter, and refuses a filter that matches none', async () => {
    const { id: documentId, taskIds } = await c.createDocument([
      { deadline: today(-4) },
      { deadline: today(-2) },
      { deadline: today(10) },
    ]);
    const [late, later, current] = taskIds as [number, number, number];
    await c.completeTask(later);
    const res = ok(
      await c.mutate('office', 'accountability.remindMatching', {
        filter: { documentId },
        message: 'Đề nghị hoàn thành trước cuối tháng',
        idempotencyKey: newKey('matching'),
      }),
    );
    // The completed task is not reminded.
    expect(res).toEqual({ reminded: 2, duplicate: false });
    expect((await forTask('office', late)).reminders.count).toBe(1);
    expect((await forTask('office', current)).reminders.count).toBe(1);
    expect((await forTask('office', later)).reminders.count).toBe(0);
    const none = await c.mutate('office', 'accountability.remindMatching', {
      filter: { documentId, status: ['withdrawn'] },
      message: 'Nhắc',
      idempotencyKey: newKey('matching'),
    });
    expect(none.status).toBe(400);
    expect(none.error?.data?.details).toMatchObject({ reason: 'nothingToRemind' });
    expect(none.error?.message).toBe('nothingToRemind');
  });

  it('reminds nobody when one task of the selection is closed', async () => {
    const open = await c.newTask();
    const closed = await c.newTask();
    await c.completeTask(closed);
    const res = await c.mutate('office', 'accountability.remind', {
      taskIds: [open, closed],
      message: 'Nhắc',
      idempotencyKey: newKey('closed'),
    });
    expect(res.error?.data?.details?.reason).toBe('taskClosed');
    const [n] = await c.database.db.select({ n: count() }).from(reminders).where(eq(reminders.taskId, open));
    expect(n?.n).toBe(0);
  });

  it('counts overdue tasks without an accepted explanation, moving as soon as one is accepted', async () => {
    const summary = async () => ok(await c.query('office', 'accountability.summary'));
    const before = await summary();
    const taskId = await c.newTask({ deadline: today(-2) });
    const afterOverdue = await summary();
    expect(afterOverdue.overdue).toBe(before.overdue + 1);
    expect(afterOverdue.overdueUnexplained).toBe(before.overdueUnexplained + 1);
    const asked = ok(await ask(taskId));
    expect((await summary()).explanations.awaitingAnswer).toBe(before.explanations.awaitingAnswer + 1);
    ok(await answer('leadOfficer', asked.id, 1));
    ok(await decide('leadLeader', asked.id, 2, 'approve'));
    expect((await summary()).explanations.awaitingOffice).toBe(before.explanations.awaitingOffice + 1);
    // Still unexplained until the Office accepts the answer.
    expect((await summary()).overdueUnexplained).toBe(before.overdueUnexplained + 1);
    ok(await decide('office', asked.id, 3, 'accept'));
    const after = await summary();
    expect(after.overdue).toBe(before.overdue + 1);
    expect(after.overdueUnexplained).toBe(before.overdueUnexplained);
    expect(after.explanations.accepted).toBe(before.explanations.accepted + 1);
    expect(after.overdueAgencies).toBeGreaterThanOrEqual(1);
  });

  it('lets a user mark only their own notifications read', async () => {
    const taskId = await c.newTask();
    ok(await ask(taskId));
    const mine = ok(await c.query('leadOfficer', 'accountability.notifications'));
    expect(mine.unread).toBeGreaterThan(0);
    expect(mine.items[0]).toMatchObject({ kind: 'explanation.requested', taskId, readAt: null });
    const leaderBefore = await unread('leadLeader');
    // The leader names the officer's notification: nothing of the officer's changes.
    expect(
      ok(await c.mutate('leadLeader', 'accountability.markRead', { ids: [mine.items[0].id] })).marked,
    ).toBe(0);
    expect(await unread('leadOfficer')).toBe(mine.unread);
    ok(await c.mutate('leadOfficer', 'accountability.markRead', { upTo: mine.items[0].id }));
    expect(await unread('leadOfficer')).toBe(0);
    expect(await unread('leadLeader')).toBe(leaderBefore);
    const [left] = await c.database.db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.taskId, taskId)));
    expect(left?.n).toBe(2);
  });
});
