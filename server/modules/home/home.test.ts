import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomeItem } from '../../../shared/schemas/home';
import { users } from '../../db/schema';
import { CAST, type Cast, ok, startCast, today, type Who } from '../../test/tasks';

type Summary = { items: { key: HomeItem; count: number }[] };
const countsOf = (summary: Summary) => Object.fromEntries(summary.items.map((i) => [i.key, i.count]));

/** The home page's counts: what awaits each role, scoped as the lists its links open, and equal to them. */
describe('home.summary', () => {
  let c: Cast;
  const made = { financeOverdue: 0, financeDueSoon: 0, healthOverdue: 0 };
  let returned: number;
  let awaitingOffice: number;
  let completed: number;
  let pendingExtension: number;

  beforeAll(async () => {
    c = await startCast();
    // Bộ Tài chính leads these (Hà Nội coordinates); Bộ Y tế one overdue task of its own.
    await c.createDocument([
      { deadline: today(-5) },
      { deadline: today(-2) },
      { deadline: today(2) },
      { deadline: today(40) },
      { deadline: today(-40), leadAgencyId: c.agency.health, coordinatorIds: [] },
    ]);
    made.financeOverdue = 2;
    made.financeDueSoon = 1;
    made.healthOverdue = 1;
    // A completion the leader sent back, one awaiting the Office, one accepted (its deadline the earliest).
    returned = await c.newTask({ deadline: today(20) });
    await c.reportCompletion(returned);
    const r = await c.latestCompletion(returned);
    ok(
      await c.mutate('leadLeader', 'tasks.approveCompletion', {
        id: r.id,
        version: r.version,
        decision: 'return',
        comment: 'Bổ sung văn bản kết quả',
      }),
    );
    awaitingOffice = await c.newTask({ deadline: today(25) });
    await c.reportCompletion(awaitingOffice);
    await c.leaderApproves(awaitingOffice);
    completed = await c.newTask({ deadline: today(-60) });
    await c.reportCompletion(completed, today(-61));
    await c.leaderApproves(completed);
    const done = await c.latestCompletion(completed);
    ok(
      await c.mutate('office', 'tasks.reviewCompletion', {
        id: done.id,
        version: done.version,
        decision: 'accept',
      }),
    );
    pendingExtension = await c.newTask({ deadline: today(10) });
    await c.requestExtension(pendingExtension);
  });
  afterAll(() => c.close());

  const summary = async (who: Who) => countsOf(ok(await c.query(who, 'home.summary')) as Summary);
  const inboxTotal = async (who: Who, input: Record<string, unknown>) =>
    (ok(await c.query(who, 'tasks.inbox', input)) as { total: number }).total;
  const listTotal = async (input: Record<string, unknown>) =>
    (ok(await c.query('office', 'tasks.list', input)) as { total: number }).total;

  it("counts an officer's own agency's tasks only, each count the total of the list its link opens", async () => {
    const finance = await summary('leadOfficer');
    expect(finance.myTasksOverdue).toBe(made.financeOverdue);
    expect(finance.myTasksDueSoon).toBe(made.financeDueSoon);
    expect(finance.myTasksReturned).toBe(1);
    expect(finance.myTasksOverdue).toBe(await inboxTotal('leadOfficer', { status: ['overdue'] }));
    expect(finance.myTasksDueSoon).toBe(await inboxTotal('leadOfficer', { dueSoon: true }));
    expect(finance.myTasksReturned).toBe(
      await inboxTotal('leadOfficer', {
        leadOnly: true,
        completion: ['returned_by_leader', 'returned_by_office'],
      }),
    );
    // Bộ Y tế's officer sees its own overdue task, not Bộ Tài chính's (nor the other way round).
    const health = await summary('otherOfficer');
    expect(health.myTasksOverdue).toBe(made.healthOverdue);
    expect(health.myTasksDueSoon).toBe(0);
    // Hà Nội coordinates Bộ Tài chính's tasks: they are its work too, but not its returned completions.
    const hanoi = await summary('coordOfficer');
    expect(hanoi.myTasksOverdue).toBe(made.financeOverdue);
    expect(hanoi.myTasksReturned).toBe(0);
  });

  it("gives a leader the completions awaiting their sign-off, and agency staff their reports' counts", async () => {
    const awaiting = await c.newTask({ deadline: today(15) });
    await c.reportCompletion(awaiting);
    const leader = await summary('leadLeader');
    expect(leader.myCompletionsToApprove).toBe(1);
    expect(leader.myCompletionsToApprove).toBe(
      await inboxTotal('leadLeader', { leadOnly: true, completion: ['awaiting_leader'] }),
    );
    expect((await summary('coordLeader')).myCompletionsToApprove).toBe(0);
    expect(leader).not.toHaveProperty('myTasksReturned');
    // The report counts are those of the agency's own list.
    const mine = ok(await c.query('leadOfficer', 'submissions.mine', undefined)) as {
      overdue: boolean;
      dueSoon: boolean;
      state: string;
    }[];
    const officer = await summary('leadOfficer');
    expect(officer.myReportsOverdue).toBe(mine.filter((r) => r.overdue).length);
    expect(officer.myReportsDueSoon).toBe(mine.filter((r) => r.dueSoon).length);
    expect(officer.myReportsReturned).toBe(mine.filter((r) => r.state === 'returned').length);
    expect(leader.myReportsToApprove).toBe(mine.filter((r) => r.state === 'submitted').length);
  });

  it('gives the Office the decisions awaiting it, nationwide, each equal to its list', async () => {
    const office = await summary('office');
    expect(office.extensionsToDecide).toBe(1);
    expect(office.completionsToReview).toBe(1);
    expect(office.extensionsToDecide).toBe(await listTotal({ extensionPending: true }));
    expect(office.completionsToReview).toBe(await listTotal({ completion: ['awaiting_office'] }));
    expect(office.tasksOverdue).toBe(made.financeOverdue + made.healthOverdue);
    expect(office.tasksOverdue).toBe(await listTotal({ status: ['overdue'] }));
    expect(office).toHaveProperty('submissionsToReview');
    expect(office).toHaveProperty('reportsMissing');
    expect(office).toHaveProperty('kpisOffTrack');
    const inspector = await summary('inspector');
    expect(inspector.tasksOverdue).toBe(office.tasksOverdue);
    expect(inspector).not.toHaveProperty('extensionsToDecide');
  });

  it('gives the administrator the accounts locked now, equal to the filtered user list', async () => {
    const before = (await summary('admin')).usersLocked ?? -1;
    await c.database.db
      .update(users)
      .set({ lockedUntil: sql`now() + interval '1 hour'` })
      .where(eq(users.username, CAST.otherOfficer.username));
    const after = await summary('admin');
    expect(after.usersLocked).toBe(before + 1);
    const list = ok(await c.query('admin', 'users.list', { locked: true })) as { total: number };
    expect(after.usersLocked).toBe(list.total);
    const failures = ok(await c.query('admin', 'users.loginFailures', { withinHours: 24 })) as {
      total: number;
    };
    expect(after.loginFailuresToday).toBe(failures.total);
  });
});

/** Lists put open work first: by deadline, the overdue, then the rest, completed and withdrawn last. */
describe('open work first', () => {
  let c: Cast;
  beforeAll(async () => {
    c = await startCast();
  });
  afterAll(() => c.close());

  it('orders the inbox and the task list open tasks first, however early a closed deadline', async () => {
    const done = await c.newTask({ deadline: today(-90) });
    await c.reportCompletion(done, today(-91));
    await c.leaderApproves(done);
    const report = await c.latestCompletion(done);
    ok(
      await c.mutate('office', 'tasks.reviewCompletion', {
        id: report.id,
        version: report.version,
        decision: 'accept',
      }),
    );
    const open = [await c.newTask({ deadline: today(9) }), await c.newTask({ deadline: today(-3) })];
    const noDeadline = await c.newTask({ deadline: null });
    const expected = [open[1], open[0], noDeadline, done];
    const inbox = ok(await c.query('leadOfficer', 'tasks.inbox', {})) as {
      items: { id: number; status: string }[];
    };
    expect(inbox.items.map((t) => t.id)).toEqual(expected);
    expect(inbox.items[0]?.status).toBe('overdue');
    const list = ok(await c.query('office', 'tasks.list', {})) as { items: { id: number }[] };
    expect(list.items.map((t) => t.id)).toEqual(expected);
    // Newest deadline first still keeps the closed task last.
    const desc = ok(await c.query('office', 'tasks.list', { direction: 'desc' })) as {
      items: { id: number }[];
    };
    expect(desc.items.at(-1)?.id).toBe(done);
  });
});
