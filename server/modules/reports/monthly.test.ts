import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/errors';
import { periodContaining } from '../../../shared/reporting-periods';
import {
  type MonthlyReport,
  monthlyReportFromColumns,
  monthlyReportOutput,
  monthlyReportSchema,
} from '../../../shared/schemas/reports';
import { createTaskInput } from '../../../shared/schemas/tasks';
import type { StatusCounts } from '../../../shared/task-status';
import { shiftDate, vietnamDate, vietnamInstant } from '../../../shared/time';
import type { Database, Db } from '../../db/client';
import { selectRows } from '../../db/rows';
import {
  agencies,
  completionReports,
  documents,
  extensionRequests,
  monthlyReports,
  reportTemplates,
  tasks,
  users,
} from '../../db/schema';
import { seedIfEmpty } from '../../seed';
import { createTestDatabase } from '../../test/db';
import { runAtStart } from '../../test/jobs';
import { validToBreaches } from '../../test/task-states';
import {
  answerExplanation,
  decideExplanation,
  requestExplanation,
  requestReportExplanation,
} from '../accountability/explanations';
import { remindReports, sendReminder } from '../accountability/reminders';
import type { Actor } from '../auth/actor';
import { findReportObligations } from '../submissions/queries';
import { decideCompletion, reportCompletion } from '../tasks/completions';
import { decideExtension, requestExtension } from '../tasks/extensions';
import { postProgress } from '../tasks/progress';
import { getDashboard } from '../tasks/queries';
import { statusClock } from '../tasks/status-sql';
import { createTask, updateTask } from '../tasks/task-writes';
import { closedMonths, FREEZE_GRACE_MS, freezeClosedMonths, freezeJob } from './freeze-job';
import {
  computeClosedMonth,
  freezeMonthlyReport,
  getMonthlyReport,
  getMonthlyReportColumns,
  monthEnd,
} from './monthly';

/** The report month whose Decree 09 period contains the date. */
const monthOf = (date: string) => (periodContaining('month', date)?.end ?? date).slice(0, 7);
const DAY = 86_400_000;

/** What two computations of a month must agree on (not when or how it was computed). */
const figuresOf = (r: MonthlyReport) => ({ totals: r.totals, byAgency: r.byAgency });

const countsOf = (f: MonthlyReport['totals']): StatusCounts => ({
  completed_on_time: f.completedOnTime,
  completed_late: f.completedLate,
  in_progress: f.inProgress,
  overdue: f.overdue,
  no_deadline: f.noDeadline,
  withdrawn: f.withdrawn,
});

describe('monthly monitoring report from the recorded history', () => {
  let database: Database;
  let db: Db;
  // Seeded 75 days ago, so that there is a month closed after the seed, and time after its cut-off
  // to edit the history in, all before the real clock (PostgreSQL's now() is the real clock).
  const realNow = new Date();
  const seedDay = shiftDate(vietnamDate(realNow), -75);
  const month = monthOf(shiftDate(seedDay, 3));
  const end = monthEnd(month);
  const cutoff = shiftDate(vietnamDate(end), -1);
  const nextMonth = monthOf(shiftDate(cutoff, 1));
  let office: Actor;
  const staff = new Map<string, Actor>();
  let leadAgencyIds: number[] = [];
  let documentId = 0;

  /** The writes below run with the application's clock at `at`: their history is dated then. */
  async function at<T>(instant: Date, write: () => Promise<T>): Promise<T> {
    vi.useFakeTimers({ toFake: ['Date'], now: instant });
    try {
      return await write();
    } finally {
      vi.useRealTimers();
    }
  }

  async function current(taskId: number) {
    const [row] = await db.select().from(tasks).where(eq(tasks.id, taskId));
    if (!row) throw new Error(`no task ${taskId}`);
    return row;
  }
  const staffOf = (agencyId: number, role: 'officer' | 'leader') => staff.get(`${agencyId}:${role}`);

  /** The edits a month's history can see, through the services users call. */
  const edits = {
    withdraw: async (taskId: number) => {
      const t = await current(taskId);
      await updateTask(db, office, { id: taskId, version: t.version, patch: { withdrawn: true } });
    },
    moveDeadline: async (taskId: number, days: number) => {
      const t = await current(taskId);
      const deadline = shiftDate(t.deadline ?? vietnamDate(new Date()), days);
      await updateTask(db, office, { id: taskId, version: t.version, patch: { deadline } });
    },
    changeLead: async (taskId: number, pick: number) => {
      const t = await current(taskId);
      const others = leadAgencyIds.filter((id) => id !== t.leadAgencyId);
      const lead = others[pick % others.length] ?? t.leadAgencyId;
      await updateTask(db, office, { id: taskId, version: t.version, patch: { leadAgencyId: lead } });
    },
    extend: async (taskId: number, days: number) => {
      const t = await current(taskId);
      const officer = staffOf(t.leadAgencyId, 'officer');
      if (!officer || !t.deadline) return;
      const { id } = await requestExtension(db, officer, {
        taskId,
        requestedDeadline: shiftDate(t.deadline, days),
        reason: 'Cần thêm thời gian phối hợp.',
        idempotencyKey: `ext-${taskId}-${Date.now()}-${Math.random()}`,
      });
      const [request] = await db.select().from(extensionRequests).where(eq(extensionRequests.id, id));
      await decideExtension(db, office, {
        id,
        version: request?.version ?? 1,
        decision: 'approved',
        comment: '',
      });
    },
    complete: async (taskId: number, daysAgo: number) => {
      const t = await current(taskId);
      const officer = staffOf(t.leadAgencyId, 'officer');
      const leader = staffOf(t.leadAgencyId, 'leader');
      if (!officer || !leader) return;
      const { id } = await reportCompletion(db, officer, {
        taskId,
        result: 'Đã hoàn thành.',
        completionDate: shiftDate(vietnamDate(new Date()), -(daysAgo % 20)),
        evidenceUrl: null,
        idempotencyKey: `done-${taskId}-${Date.now()}-${Math.random()}`,
      });
      const version = async () =>
        (await db.select().from(completionReports).where(eq(completionReports.id, id)))[0]?.version ?? 1;
      const decide = { id, decision: 'accept', comment: '' } as const;
      await decideCompletion(db, leader, { ...decide, version: await version() }, 'leader');
      await decideCompletion(db, office, { ...decide, version: await version() }, 'office');
    },
    newTask: async (pick: number, days: number) => {
      const lead = leadAgencyIds[pick % leadAgencyIds.length] ?? office.agencyId;
      const input = createTaskInput.parse({
        documentId,
        title: `Nhiệm vụ giao sau ngày chốt ${pick}`,
        leadAgencyId: lead,
        deadline: shiftDate(vietnamDate(new Date()), days - 30),
      });
      await createTask(db, office, input);
    },
  };

  /** Tasks whose state as of an instant matches, oldest first. */
  async function tasksAsOf(instant: Date, where: 'open_overdue' | 'open'): Promise<number[]> {
    const rows = await selectRows<{ task_id: number }>(
      db,
      openAsOf(instant, where === 'open_overdue' ? cutoff : undefined),
    );
    return rows.map((r) => r.task_id);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await seedIfEmpty(db, { communes: 68, demo: true, today: seedDay });
    const people = await db
      .select({ id: users.id, username: users.username, role: users.role, agencyId: users.agencyId })
      .from(users)
      .orderBy(asc(users.id));
    for (const p of people) {
      if (p.role === 'officer' || p.role === 'leader') staff.set(`${p.agencyId}:${p.role}`, p);
    }
    const officeUser = people.find((p) => p.role === 'office');
    if (!officeUser) throw new Error('no office user');
    office = officeUser;
    leadAgencyIds = (
      await db
        .select({ id: agencies.id })
        .from(agencies)
        .where(inArray(agencies.level, ['central', 'provincial']))
        .orderBy(asc(agencies.id))
    )
      .map((a) => a.id)
      .filter((id) => staff.has(`${id}:officer`) && staff.has(`${id}:leader`));
    documentId = (await db.select({ id: documents.id }).from(documents).limit(1))[0]?.id ?? 0;
  }, 120_000);
  afterAll(() => database.close());
  afterEach(() => vi.useRealTimers());

  it('reconciles: the buckets sum to the tasks assigned by the cut-off, per agency and in total', async () => {
    const report = await getMonthlyReport(db, month, realNow);
    const t = report.totals;
    expect(t.assigned).toBeGreaterThan(0);
    expect(t.completedOnTime + t.completedLate + t.inProgress + t.overdue + t.noDeadline).toBe(t.assigned);
    expect(report.byAgency.reduce((s, a) => s + a.assigned, 0)).toBe(t.assigned);
    const completed = t.completedOnTime + t.completedLate;
    expect(t.ofDue).toBeCloseTo(completed / (completed + t.overdue));
  });

  it('computes a closed month not yet frozen from history, as of the end of its cut-off day, and stores nothing', async () => {
    const report = await getMonthlyReport(db, month, realNow);
    expect(report).toMatchObject({ source: 'history', frozen: false, frozenAt: null, cutoff });
    expect(report.asOf).toEqual(vietnamInstant(shiftDate(cutoff, 1)));
    expect(monthlyReportSchema.safeParse(report).success).toBe(true);
    const [stored] = await db.select({ n: count() }).from(monthlyReports);
    expect(stored?.n).toBe(0);
  });

  it('uses a deadline the Office moved before the cut-off', async () => {
    const [taskId] = await tasksAsOf(end, 'open_overdue');
    if (!taskId) throw new Error('the seed has no task overdue at the cut-off');
    const before = await computeClosedMonth(db, month);
    // The day before the cut-off, the Office moves the deadline a month past it.
    await at(vietnamInstant(shiftDate(cutoff, -1), 10), async () => {
      const t = await current(taskId);
      await updateTask(db, office, {
        id: taskId,
        version: t.version,
        patch: { deadline: shiftDate(cutoff, 30) },
      });
    });
    const after = await computeClosedMonth(db, month);
    expect(after.totals.overdue).toBe(before.totals.overdue - 1);
    expect(after.totals.inProgress).toBe(before.totals.inProgress + 1);
    expect(after.totals.assigned).toBe(before.totals.assigned);
  });

  it('a withdrawal dated after the cut-off leaves the closed month as it was, and counts in the next', async () => {
    const [taskId] = await tasksAsOf(end, 'open');
    if (!taskId) throw new Error('the seed has no task open at the cut-off');
    const closed = await getMonthlyReport(db, month, realNow);
    const next = await computeClosedMonth(db, nextMonth);
    await at(new Date(end.getTime() + 5 * DAY + 3 * 3_600_000), () => edits.withdraw(taskId));
    expect(figuresOf(await getMonthlyReport(db, month, realNow))).toEqual(figuresOf(closed));
    const nextAfter = await computeClosedMonth(db, nextMonth);
    expect(nextAfter.totals.withdrawn).toBe(next.totals.withdrawn + 1);
    expect(nextAfter.totals.assigned).toBe(next.totals.assigned - 1);
  });

  it('counts reminders, explanation requests and overdue tasks without an accepted explanation as of the cut-off', async () => {
    const overdue = await tasksAsOf(end, 'open_overdue');
    const withStaff = [];
    for (const id of overdue) {
      const t = await current(id);
      if (staffOf(t.leadAgencyId, 'officer') && staffOf(t.leadAgencyId, 'leader')) withStaff.push(t);
      if (withStaff.length === 2) break;
    }
    const [before, after] = withStaff;
    if (!before || !after) throw new Error('the seed has too few overdue tasks of agencies with staff');
    /** The Office reminds, asks, and accepts the answer: the whole story of one task, at one time. */
    const explainFully = async (task: typeof before) => {
      const officer = staffOf(task.leadAgencyId, 'officer');
      const leader = staffOf(task.leadAgencyId, 'leader');
      if (!officer || !leader) throw new Error('no staff');
      const key = `${task.id}-${Date.now()}-${Math.random()}`;
      await sendReminder(db, office, {
        taskIds: [task.id],
        message: 'Đề nghị khẩn trương',
        idempotencyKey: key,
      });
      const { id } = await requestExplanation(db, office, {
        taskId: task.id,
        reason: 'Quá hạn',
        workingDays: 5,
        idempotencyKey: key,
      });
      await answerExplanation(db, officer, {
        id,
        version: 1,
        cause: 'Thiếu nhân lực',
        remedy: 'Bổ sung',
        committedDate: shiftDate(vietnamDate(new Date()), 10),
      });
      await decideExplanation(db, leader, { id, version: 2, step: 'approve', comment: '', workingDays: 5 });
      await decideExplanation(db, office, { id, version: 3, step: 'accept', comment: '', workingDays: 5 });
    };
    const agencyRow = (r: MonthlyReport, agencyId: number) => r.byAgency.find((a) => a.agencyId === agencyId);
    const closed = await computeClosedMonth(db, month);
    // Before the cut-off: counted in the month (one reminder, one request, one overdue task explained).
    await at(vietnamInstant(shiftDate(cutoff, -1), 9), () => explainFully(before));
    const moved = await computeClosedMonth(db, month);
    expect(moved.totals.remindersInPeriod).toBe((closed.totals.remindersInPeriod ?? 0) + 1);
    expect(moved.totals.explanationsInPeriod).toBe((closed.totals.explanationsInPeriod ?? 0) + 1);
    expect(moved.totals.overdueUnexplained).toBe((closed.totals.overdueUnexplained ?? 0) - 1);
    expect(moved.totals.overdue).toBe(closed.totals.overdue);
    expect(agencyRow(moved, before.leadAgencyId)?.remindersInPeriod).toBe(
      (agencyRow(closed, before.leadAgencyId)?.remindersInPeriod ?? 0) + 1,
    );
    // After the cut-off: the closed month reads as it did.
    await at(new Date(end.getTime() + 2 * DAY), () => explainFully(after));
    expect(figuresOf(await computeClosedMonth(db, month))).toEqual(figuresOf(moved));
    // The unexplained never exceed the overdue, per agency and in total.
    for (const row of [moved.totals, ...moved.byAgency])
      expect(row.overdueUnexplained ?? 0).toBeLessThanOrEqual(row.overdue);
  });

  it('counts report reminders, report requests and late or missing reports without an accepted explanation, apart from the tasks', async () => {
    const when = vietnamInstant(shiftDate(cutoff, -1), 9);
    const regimes = await db
      .select({ id: reportTemplates.id })
      .from(reportTemplates)
      .where(eq(reportTemplates.code, 'BC-CPS-QUY'));
    const templateId = regimes[0]?.id ?? 0;
    const owed = (await findReportObligations(db, { templateId }, when)).filter(
      (o) => o.state === 'missing' && staffOf(o.agencyId, 'officer') && staffOf(o.agencyId, 'leader'),
    );
    const [missing] = owed;
    if (!missing) throw new Error('the seed has no missing report of an agency with staff at the cut-off');
    const officer = staffOf(missing.agencyId, 'officer');
    const leader = staffOf(missing.agencyId, 'leader');
    if (!officer || !leader) throw new Error('no staff');
    const closed = await computeClosedMonth(db, month);
    const key = `report-${Date.now()}-${Math.random()}`;
    await at(when, async () => {
      await remindReports(db, office, {
        templateId,
        periodKey: missing.periodKey,
        agencyIds: [missing.agencyId],
        message: 'Đề nghị gửi báo cáo',
        idempotencyKey: key,
      });
      const { id } = await requestReportExplanation(db, office, {
        templateId,
        agencyId: missing.agencyId,
        periodKey: missing.periodKey,
        reason: 'Quá hạn chưa gửi báo cáo',
        workingDays: 5,
        idempotencyKey: key,
      });
      await answerExplanation(db, officer, {
        id,
        version: 1,
        cause: 'Chưa tổng hợp xong',
        remedy: 'Gửi trong tuần',
        committedDate: shiftDate(vietnamDate(new Date()), 3),
      });
      await decideExplanation(db, leader, { id, version: 2, step: 'approve', comment: '', workingDays: 5 });
      await decideExplanation(db, office, { id, version: 3, step: 'accept', comment: '', workingDays: 5 });
    });
    const moved = await computeClosedMonth(db, month);
    expect(moved.totals.reportRemindersInPeriod).toBe((closed.totals.reportRemindersInPeriod ?? 0) + 1);
    expect(moved.totals.reportExplanationsInPeriod).toBe((closed.totals.reportExplanationsInPeriod ?? 0) + 1);
    expect(moved.totals.reportsUnexplained).toBe((closed.totals.reportsUnexplained ?? 0) - 1);
    // The task figures count tasks only.
    expect(moved.totals.remindersInPeriod).toBe(closed.totals.remindersInPeriod);
    expect(moved.totals.explanationsInPeriod).toBe(closed.totals.explanationsInPeriod);
    const row = (r: MonthlyReport) => r.byAgency.find((a) => a.agencyId === missing.agencyId);
    expect(row(moved)?.reportsUnexplained).toBe((row(closed)?.reportsUnexplained ?? 0) - 1);
    // The rows are the agencies with tasks; the total also counts obliged agencies with none.
    expect(moved.byAgency.reduce((sum, a) => sum + (a.reportsUnexplained ?? 0), 0)).toBeLessThanOrEqual(
      moved.totals.reportsUnexplained ?? 0,
    );
  });

  it('every task writer dates the history at its own instant; progress and other fields add none', async () => {
    const ids = await tasksAsOf(new Date(end.getTime() + 5 * DAY), 'open');
    const withLeader = [];
    for (const id of ids) {
      const t = await current(id);
      if (staffOf(t.leadAgencyId, 'leader')) withLeader.push(id);
    }
    const [a, b, c, d, e, f] = withLeader;
    if (!a || !b || !c || !d || !e || !f) throw new Error('the seed has too few open tasks');
    const newest = async (taskId: number) =>
      (
        await selectRows<{ valid_from: string; n: number }>(
          db,
          sql`select max(valid_from)::text as valid_from, count(*)::int as n from task_states where task_id = ${taskId}`,
        )
      )[0];
    const writers: [number, () => Promise<void>][] = [
      [a, () => edits.withdraw(a)],
      [b, () => edits.moveDeadline(b, 10)],
      [c, () => edits.changeLead(c, c + 1)],
      [d, () => edits.extend(d, 15)],
      [e, () => edits.complete(e, 0)],
    ];
    for (const [i, [taskId, write]] of writers.entries()) {
      const instant = new Date(end.getTime() + 5 * DAY + 4 * 3_600_000 + i * 60_000);
      await at(instant, write);
      const state = await newest(taskId);
      expect(new Date(state?.valid_from ?? 0)).toEqual(instant);
      expect((await current(taskId)).updatedAt).toEqual(instant);
    }
    const before = await newest(f);
    const officer = staffOf((await current(f)).leadAgencyId, 'officer');
    if (!officer) throw new Error('no officer');
    await at(new Date(end.getTime() + 5 * DAY + 5 * 3_600_000), async () => {
      await postProgress(db, officer, {
        taskId: f,
        percent: 40,
        narrative: 'Đang triển khai.',
        evidenceUrl: null,
        evidenceFileId: null,
        idempotencyKey: `progress-${f}-${Date.now()}`,
      });
      const t = await current(f);
      await updateTask(db, office, { id: f, version: t.version, patch: { title: `${t.title} (sửa)` } });
    });
    expect(await newest(f)).toEqual(before);
  });

  it('property: no sequence of edits dated after a cut-off changes that cut-off’s report', async () => {
    const baseline = figuresOf(await getMonthlyReport(db, month, realNow));
    const taskIds = (await db.select({ id: tasks.id }).from(tasks).orderBy(asc(tasks.id))).map((t) => t.id);
    const edit = fc.record({
      kind: fc.constantFrom('withdraw', 'moveDeadline', 'extend', 'complete', 'newTask', 'changeLead'),
      task: fc.nat(),
      days: fc.integer({ min: 1, max: 60 }),
      // Each edit a while after the one before (a writer's clock moves forward).
      afterMs: fc.integer({ min: 1, max: 2 * 3_600_000 }),
    });
    // From after the withdrawal above; 25 runs of at most 6 edits end within 13 days, long before
    // the real clock (the seed is 75 days old).
    let clock = end.getTime() + 6 * DAY;
    let made = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (sequence) => {
        for (const e of sequence) {
          const taskId = taskIds[e.task % taskIds.length] ?? 0;
          clock += e.afterMs;
          await at(new Date(clock), async () => {
            try {
              if (e.kind === 'newTask') await edits.newTask(e.task, e.days);
              else if (e.kind === 'changeLead') await edits.changeLead(taskId, e.task);
              else await edits[e.kind](taskId, e.days);
              made++;
            } catch (error) {
              // An edit the task's state refuses (closed, a request pending) is an edit not made.
              if (!(error instanceof AppError)) throw error;
            }
          });
        }
        expect(figuresOf(await getMonthlyReport(db, month, realNow))).toEqual(baseline);
      }),
      { numRuns: 25 },
    );
    // Most edits were made (some were refused by the task's state), and the history holds them.
    const [changed] = await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from task_states where valid_from >= ${new Date(end.getTime() + 6 * DAY).toISOString()}`,
    );
    expect(made).toBeGreaterThan(40);
    expect(changed?.n).toBeGreaterThan(40);
    // Every state the edits added closed the one before it.
    expect(await validToBreaches(db)).toEqual({ wrong: 0, notOneOpen: 0, noState: 0 });
  }, 180_000);

  it('a writer whose clock is behind the history records after it; two writes at one instant are one state', async () => {
    const [taskId] = await tasksAsOf(new Date(), 'open');
    if (!taskId) throw new Error('the seed has no open task');
    const states = () =>
      selectRows<{ valid_from: string; valid_to: string | null; deadline: string | null; step: string }>(
        db,
        sql`select valid_from::text, valid_to::text, deadline::text,
            (valid_from - lag(valid_from) over (order by valid_from))::text as step
          from task_states where task_id = ${taskId} order by valid_from`,
      );
    const before = await states();
    const latest = before.at(-1);
    if (!latest) throw new Error('a task without history');
    const t = await current(taskId);
    // updated_at an hour before the latest state: the new state goes 1 µs after it, closing it.
    const behind = new Date(new Date(latest.valid_from).getTime() - 3_600_000);
    await db
      .update(tasks)
      .set({ deadline: shiftDate(t.deadline ?? cutoff, 7), updatedAt: behind })
      .where(eq(tasks.id, taskId));
    const after = await states();
    expect(after).toHaveLength(before.length + 1);
    const [closed, added] = after.slice(-2);
    expect(added?.step).toBe('00:00:00.000001');
    expect(closed?.valid_to).toBe(added?.valid_from);
    expect(added?.valid_to).toBeNull();
    // Two changes in one transaction (one now()): the second replaces the first's state.
    await db.transaction(async (tx) => {
      await tx.execute(sql`update tasks set deadline = deadline + 1 where id = ${taskId}`);
      await tx.execute(sql`update tasks set deadline = deadline + 1 where id = ${taskId}`);
    });
    const twice = await states();
    expect(twice).toHaveLength(after.length + 1);
    expect(twice.at(-1)?.deadline).toBe(shiftDate(shiftDate(t.deadline ?? cutoff, 7), 2));
    expect(twice.at(-2)?.valid_to).toBe(twice.at(-1)?.valid_from);
    expect(await validToBreaches(db)).toEqual({ wrong: 0, notOneOpen: 0, noState: 0 });
  });

  it('the running month equals the live dashboard at the same instant', async () => {
    // A few writes now, through the services (their history is dated by the real clock).
    const open = await db
      .select({ id: tasks.id })
      .from(tasks)
      .where(eq(tasks.withdrawn, false))
      .orderBy(asc(tasks.id));
    const ids = open.map((t) => t.id);
    for (const [i, taskId] of ids.slice(0, 12).entries()) {
      try {
        if (i % 3 === 0) await edits.withdraw(taskId);
        else if (i % 3 === 1) await edits.extend(taskId, 20);
        else await edits.complete(taskId, 1);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
    const now = new Date();
    const running = monthOf(vietnamDate(now));
    const report = await getMonthlyReport(db, running, now);
    expect(report).toMatchObject({ source: 'live', frozen: false });
    expect(report.asOf).toEqual(now);
    const { summary, ranking } = await getDashboard(db, statusClock(now));
    expect(countsOf(report.totals)).toEqual(summary.counts);
    const dashboardAgencies = [...ranking.recorded.lists.all.ranked, ...ranking.recorded.lists.all.unranked]
      .map((e) => [e.row.agencyId, e.row.counts] as const)
      .sort((a, b) => a[0] - b[0]);
    expect(report.byAgency.map((a) => [a.agencyId, countsOf(a)] as const)).toEqual(dashboardAgencies);
  });

  it('the freeze job freezes every closed month once, and a frozen month never changes', async () => {
    const months = await closedMonths(db, realNow);
    expect(months).toContain(month);
    expect(months).toContain(nextMonth);
    expect(months).not.toContain(monthOf(vietnamDate(realNow)));
    // Not within the grace after the cut-off day ends; then it is.
    expect(await closedMonths(db, new Date(end.getTime() + FREEZE_GRACE_MS - 1))).not.toContain(month);
    expect(await closedMonths(db, new Date(end.getTime() + FREEZE_GRACE_MS))).toContain(month);

    const fromHistory = await getMonthlyReport(db, month, realNow);
    const frozenNow = await freezeClosedMonths(db, realNow);
    expect(frozenNow).toEqual(months);
    expect(await freezeClosedMonths(db, realNow)).toEqual([]);
    expect(await freezeMonthlyReport(db, month, realNow)).toBe(false);
    const [stored] = await db.select().from(monthlyReports).where(eq(monthlyReports.month, month));

    const frozen = await getMonthlyReport(db, month, realNow);
    expect(frozen).toMatchObject({ source: 'frozen', frozen: true, frozenAt: stored?.frozenAt });
    expect(frozen.asOf).toEqual(fromHistory.asOf);
    expect(figuresOf(frozen)).toEqual(figuresOf(fromHistory));
    expect(monthlyReportSchema.safeParse(frozen).success).toBe(true);
    // Read once, then kept as one shared value that nobody can change.
    expect(Object.isFrozen(frozen) && Object.isFrozen(frozen.byAgency[0])).toBe(true);
    expect(await getMonthlyReport(db, month, realNow)).toBe(frozen);
    // The API's columns: the same report, made once and shared too.
    const columns = await getMonthlyReportColumns(db, month, realNow);
    expect(monthlyReportOutput.safeParse(columns).success).toBe(true);
    expect(columns.byAgency.agencyId).toHaveLength(frozen.byAgency.length);
    expect(monthlyReportFromColumns(columns)).toEqual(frozen);
    expect(Object.isFrozen(columns) && Object.isFrozen(columns.byAgency.nameVi)).toBe(true);
    expect(await getMonthlyReportColumns(db, month, realNow)).toBe(columns);
    // A month from history: columns made per read, the same report back.
    const history = await getMonthlyReportColumns(db, nextMonth, realNow);
    expect(monthlyReportFromColumns(history)).toEqual(await getMonthlyReport(db, nextMonth, realNow));

    // The history changes after the cut-off (now): the stored month does not, nor does what it reads.
    const [taskId] = await tasksAsOf(new Date(), 'open');
    if (taskId) await edits.withdraw(taskId);
    await freezeClosedMonths(db, new Date(realNow.getTime() + 40 * DAY));
    const [again] = await db.select().from(monthlyReports).where(eq(monthlyReports.month, month));
    expect(again).toEqual(stored);
    expect(figuresOf(await getMonthlyReport(db, month, new Date()))).toEqual(figuresOf(fromHistory));
  });
});

/**
 * Tasks open now whose latest state recorded before the instant was open with a deadline (before
 * `overdueBefore`, when given), oldest first.
 */
function openAsOf(instant: Date, overdueBefore?: string) {
  return sql`
    select task_id from (
      select distinct on (task_id) task_id, deadline, completed_on, withdrawn from task_states
      where valid_from < ${instant.toISOString()} order by task_id, valid_from desc
    ) s
    where not withdrawn and completed_on is null and deadline is not null
      ${overdueBefore ? sql`and deadline < ${overdueBefore}` : sql``}
      and exists (select 1 from tasks t where t.id = s.task_id and not t.withdrawn and t.completed_on is null)
    order by task_id`;
}

describe('the freeze job of the server process', () => {
  it('freezes the closed months when the server starts, and logs them', async () => {
    const database = await createTestDatabase();
    try {
      const frozen: string[][] = [];
      const job = freezeJob(database.db, {
        log: { info: (d: object) => frozen.push((d as { months: string[] }).months), error: () => {} },
      });
      await runAtStart(database, [job]);
      const months = await closedMonths(database.db);
      expect(months.length).toBeGreaterThan(0);
      expect(frozen).toEqual([months]);
      const [stored] = await database.db.select({ n: count() }).from(monthlyReports);
      expect(stored?.n).toBe(months.length);
      // All frozen: another run freezes nothing.
      expect(await freezeClosedMonths(database.db)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
