import { eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DerivedStatus,
  deriveTaskStatus,
  TASK_STATUSES,
  type TaskDates,
} from '../../../shared/task-status';
import { shiftDate, vietnamDate, vietnamInstant } from '../../../shared/time';
import { agencies, documents, tasks } from '../../db/schema';
import { createTestApp, createUser } from '../../test/app';
import { ok, type TestApp } from '../../test/tasks';
import { dueSoonSql, staleSql, statusClock, statusSql } from './status-sql';

/**
 * The status rule exists twice: deriveTaskStatus (shared, per task) and statusSql/dueSoonSql/staleSql
 * (SQL, for filters and aggregates). Here both judge the same rows at the same instants and must agree.
 */
const DAY = 86_400_000;

/** Instants chosen for Vietnam-time edges (UTC+7, no daylight saving). */
const NOWS: [string, Date][] = [
  ['00:30 in Vietnam, still the previous day in UTC', new Date('2026-03-10T17:30:00Z')],
  ['the last millisecond of a Vietnam day', new Date('2026-03-10T16:59:59.999Z')],
  ['Vietnam midnight', new Date('2026-03-10T17:00:00Z')],
  ['midday', new Date('2026-06-15T05:00:00Z')],
  ['00:30 on New Year’s Day in Vietnam (31 December in UTC)', new Date('2026-12-31T17:30:00Z')],
  ['a leap day in Vietnam', new Date('2028-02-28T18:00:00Z')],
];

interface Case {
  name: string;
  row: Partial<TaskDates>;
  expected: Partial<DerivedStatus>;
}

/** Every category and the date edges, relative to `now`'s date in Vietnam. */
function edgeCases(now: Date): Case[] {
  const today = vietnamDate(now);
  const d = (days: number) => shiftDate(today, days);
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  return [
    { name: 'deadline today', row: { deadline: d(0) }, expected: { status: 'in_progress', dueSoon: true } },
    { name: 'deadline yesterday', row: { deadline: d(-1) }, expected: { status: 'overdue', dueSoon: false } },
    {
      name: 'deadline tomorrow',
      row: { deadline: d(1) },
      expected: { status: 'in_progress', dueSoon: true },
    },
    {
      name: 'deadline in 3 days',
      row: { deadline: d(3) },
      expected: { status: 'in_progress', dueSoon: true },
    },
    {
      name: 'deadline in 4 days',
      row: { deadline: d(4) },
      expected: { status: 'in_progress', dueSoon: false },
    },
    { name: 'no deadline', row: { deadline: null }, expected: { status: 'no_deadline', dueSoon: false } },
    {
      name: 'completed before the deadline',
      row: { deadline: d(-2), completedOn: d(-5) },
      expected: { status: 'completed_on_time', dueSoon: false, stale: false },
    },
    {
      name: 'completed on the deadline day',
      row: { deadline: d(-2), completedOn: d(-2) },
      expected: { status: 'completed_on_time' },
    },
    {
      name: 'completed the day after the deadline',
      row: { deadline: d(-2), completedOn: d(-1) },
      expected: { status: 'completed_late' },
    },
    {
      name: 'completed, due soon no longer applies',
      row: { deadline: d(2), completedOn: d(0) },
      expected: { status: 'completed_on_time', dueSoon: false },
    },
    {
      name: 'completed without a deadline',
      row: { deadline: null, completedOn: d(-1) },
      expected: { status: 'completed_on_time' },
    },
    {
      name: 'withdrawn, overdue and silent for long',
      row: { deadline: d(-10), withdrawn: true, lastLeadUpdateAt: ago(90) },
      expected: { status: 'withdrawn', dueSoon: false, stale: false },
    },
    {
      name: 'withdrawn after completion',
      row: { deadline: d(-10), completedOn: d(-12), withdrawn: true },
      expected: { status: 'withdrawn' },
    },
    {
      name: 'extended: counts against the current deadline',
      row: { deadline: d(10), originalDeadline: d(-5) },
      expected: { status: 'in_progress', dueSoon: false },
    },
    { name: 'last lead update 29 days ago', row: { lastLeadUpdateAt: ago(29) }, expected: { stale: false } },
    {
      name: 'last lead update exactly 30 days ago',
      row: { lastLeadUpdateAt: ago(30) },
      expected: { stale: true },
    },
    { name: 'last lead update 31 days ago', row: { lastLeadUpdateAt: ago(31) }, expected: { stale: true } },
    // Counted in Vietnam days, like deadlines: stale from the midnight 30 days after the last update.
    {
      name: 'last lead update at 23:59 Vietnam time, 29 days before today',
      row: { lastLeadUpdateAt: vietnamInstant(d(-29), 23, 59) },
      expected: { stale: false },
    },
    {
      name: 'last lead update at 23:59 Vietnam time, 30 days before today',
      row: { lastLeadUpdateAt: vietnamInstant(d(-30), 23, 59) },
      expected: { stale: true },
    },
    {
      name: 'last lead update at 00:00 Vietnam time, 30 days before today',
      row: { lastLeadUpdateAt: vietnamInstant(d(-30)) },
      expected: { stale: true },
    },
    {
      name: 'never updated, created 31 days ago',
      row: { lastLeadUpdateAt: null, createdAt: ago(31) },
      expected: { stale: true },
    },
    {
      name: 'never updated, created 29 days ago',
      row: { lastLeadUpdateAt: null, createdAt: ago(29) },
      expected: { stale: false },
    },
    {
      name: 'recent update on an old task is not stale',
      row: { lastLeadUpdateAt: ago(2), createdAt: ago(400) },
      expected: { stale: false },
    },
    {
      name: 'overdue and stale at once',
      row: { deadline: d(-40), lastLeadUpdateAt: ago(45) },
      expected: { status: 'overdue', stale: true },
    },
    {
      name: 'stale without a deadline',
      row: { deadline: null, lastLeadUpdateAt: ago(60) },
      expected: { status: 'no_deadline', stale: true },
    },
    {
      name: 'completed long ago is not stale',
      row: { deadline: d(-100), completedOn: d(-100), lastLeadUpdateAt: ago(100) },
      expected: { stale: false },
    },
  ];
}

describe('status SQL agrees with deriveTaskStatus', () => {
  let t: TestApp;
  let cookie: string;
  let documentId: number;
  let leadAgencyIds: number[];

  beforeAll(async () => {
    t = await createTestApp();
    const office = await createUser(t.database, {
      username: 'vpcp',
      role: 'office',
      agency: 'Văn phòng Chính phủ',
    });
    cookie = await t.login('vpcp');
    const [doc] = await t.database.db
      .insert(documents)
      .values({
        number: '2629/QĐ-TTg',
        kind: 'decision',
        issuedOn: '2020-06-03',
        signer: 'Thủ tướng Chính phủ',
        title: 'Chương trình Chuyển đổi số quốc gia',
        searchText: '2629/qd-ttg chuong trinh chuyen doi so quoc gia',
        createdBy: office.id,
      })
      .returning();
    if (!doc) throw new Error('no document');
    documentId = doc.id;
    const named = await t.database.db
      .select({ id: agencies.id })
      .from(agencies)
      .where(inArray(agencies.nameVi, ['Bộ Tài chính', 'Bộ Y tế', 'Thành phố Hà Nội']));
    const commune = await t.database.db
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.level, 'commune'))
      .limit(1);
    leadAgencyIds = [...named, ...commune].map((a) => a.id);
    expect(leadAgencyIds).toHaveLength(4);
  });
  afterAll(() => t.close());

  /** Inserts tasks with the given dates (defaults: in progress, due in 20 days, updated yesterday). */
  async function insertTasks(now: Date, rows: (Partial<TaskDates> & { title: string; isKey?: boolean })[]) {
    const yesterday = new Date(now.getTime() - DAY);
    const inserted = await t.database.db
      .insert(tasks)
      .values(
        rows.map((row, i) => {
          const deadline = row.deadline === undefined ? shiftDate(vietnamDate(now), 20) : row.deadline;
          return {
            documentId,
            title: row.title,
            leadAgencyId: leadAgencyIds[i % leadAgencyIds.length] as number,
            groupNo: i % 10 === 0 ? null : (i % 9) + 1,
            isKey: row.isKey ?? i % 3 === 0,
            deadline,
            originalDeadline: row.originalDeadline === undefined ? deadline : row.originalDeadline,
            completedOn: row.completedOn ?? null,
            withdrawn: row.withdrawn ?? false,
            lastLeadUpdateAt: row.lastLeadUpdateAt === undefined ? yesterday : row.lastLeadUpdateAt,
            createdAt: row.createdAt ?? new Date(now.getTime() - 60 * DAY),
            searchText: row.title.toLowerCase(),
          };
        }),
      )
      .returning({ id: tasks.id });
    return inserted.map((r) => r.id);
  }

  /** Each row's status by SQL and by the shared function, at `now`. */
  async function judge(
    now: Date,
    ids?: number[],
    options: { dueSoonDays?: number; staleDays?: number } = {},
  ) {
    const clock = statusClock(now, options.dueSoonDays, options.staleDays);
    const rows = await t.database.db
      .select({
        id: tasks.id,
        title: tasks.title,
        deadline: tasks.deadline,
        originalDeadline: tasks.originalDeadline,
        completedOn: tasks.completedOn,
        withdrawn: tasks.withdrawn,
        lastLeadUpdateAt: tasks.lastLeadUpdateAt,
        createdAt: tasks.createdAt,
        status: statusSql(clock).mapWith(String),
        dueSoon: dueSoonSql(clock).mapWith(Boolean),
        stale: staleSql(clock).mapWith(Boolean),
      })
      .from(tasks)
      .where(ids ? inArray(tasks.id, ids) : undefined);
    return rows.map((row) => {
      const fn = deriveTaskStatus(row, { now, ...options });
      return {
        id: row.id,
        title: row.title,
        sql: { status: row.status, dueSoon: row.dueSoon, stale: row.stale },
        fn: { status: fn.status, dueSoon: fn.dueSoon, stale: fn.stale },
      };
    });
  }

  describe.each(NOWS)('at %s', (label, now) => {
    let ids: number[];
    const cases = edgeCases(now);

    beforeAll(async () => {
      ids = await insertTasks(
        now,
        cases.map((c) => ({ ...c.row, title: `${label}: ${c.name}` })),
      );
    });

    it.each(cases)('$name', async ({ expected }) => {
      const index = cases.findIndex((c) => c.expected === expected);
      const [judged] = await judge(now, [ids[index] as number]);
      expect(judged?.sql).toMatchObject(expected);
      expect(judged?.sql).toEqual(judged?.fn);
    });

    it('agrees on every task in the table, not only this instant’s own', async () => {
      const judged = await judge(now);
      expect(judged.length).toBeGreaterThanOrEqual(cases.length);
      expect(judged.filter((j) => JSON.stringify(j.sql) !== JSON.stringify(j.fn))).toEqual([]);
    });
  });

  it('00:30 in Vietnam is already the next day: a deadline of the UTC date is overdue', async () => {
    const now = new Date('2026-03-10T17:30:00Z');
    expect(vietnamDate(now)).toBe('2026-03-11');
    const [id] = await insertTasks(now, [{ title: 'hạn theo ngày UTC', deadline: '2026-03-10' }]);
    const [judged] = await judge(now, [id as number]);
    expect(judged?.sql.status).toBe('overdue');
    expect(judged?.fn.status).toBe('overdue');
    // …while at 23:59 Vietnam time the same day the deadline has not passed.
    const [before] = await judge(new Date('2026-03-10T16:59:00Z'), [id as number]);
    expect(before?.sql).toMatchObject({ status: 'in_progress', dueSoon: true });
  });

  it('agrees on generated tasks, instants and settings (fast-check)', async () => {
    const offset = fc.integer({ min: -45, max: 45 });
    const silence = fc.oneof(
      fc.integer({ min: 0, max: 90 * DAY }),
      fc.constantFrom(30 * DAY - 1, 30 * DAY, 30 * DAY + 1, 3 * DAY, 7 * DAY),
    );
    const row = fc.record({
      deadline: fc.option(offset, { nil: null }),
      extendedBy: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
      // Mostly open work: completed one time in four, withdrawn one time in seven.
      completedAt: fc.oneof(
        { arbitrary: fc.constant(null), weight: 3 },
        { arbitrary: fc.integer({ min: -10, max: 10 }), weight: 1 },
      ),
      withdrawn: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
      updatedAgo: fc.option(silence, { nil: null }),
      createdAgo: silence,
      isKey: fc.boolean(),
    });
    const instant = fc.oneof(
      fc.date({
        min: new Date('2024-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      // Near Vietnam midnight (17:00 UTC), where the two calendars disagree.
      fc
        .tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: -90, max: 90 }))
        .map(([day, minutes]) => new Date(Date.parse('2025-01-01T17:00:00Z') + day * DAY + minutes * 60_000)),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 12 }),
        instant,
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 60 }),
        async (rows, now, dueSoonDays, staleDays) => {
          run++;
          const today = vietnamDate(now);
          const ids = await insertTasks(
            now,
            rows.map((r, i) => {
              const deadline = r.deadline === null ? null : shiftDate(today, r.deadline);
              return {
                title: `sinh ngẫu nhiên ${run}.${i}`,
                deadline,
                originalDeadline: deadline && r.extendedBy ? shiftDate(deadline, -r.extendedBy) : deadline,
                completedOn: r.completedAt === null ? null : shiftDate(deadline ?? today, r.completedAt),
                withdrawn: r.withdrawn,
                lastLeadUpdateAt: r.updatedAgo === null ? null : new Date(now.getTime() - r.updatedAgo),
                createdAt: new Date(now.getTime() - r.createdAgo),
                isKey: r.isKey,
              };
            }),
          );
          const judged = await judge(now, ids, { dueSoonDays, staleDays });
          expect(judged.filter((j) => JSON.stringify(j.sql) !== JSON.stringify(j.fn))).toEqual([]);
        },
      ),
      { numRuns: 60, seed: 2629 },
    );
  });

  describe('figures over the API reconcile (the dashboard’s counts checked against the task list)', () => {
    const list = async (filter: Record<string, unknown>) =>
      ok(await t.trpc('tasks.list', { pageSize: 1, ...filter }, { method: 'GET', cookie })).total as number;
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

    it('tasks.counts buckets sum to the total, overall and per agency', async () => {
      const total = await list({});
      expect(total).toBeGreaterThan(200);
      const all = ok(await t.trpc('tasks.counts', {}, { method: 'GET', cookie }));
      expect(sum(all.counts)).toBe(total);
      expect(all.rates.total).toBe(total);
      for (const agencyId of leadAgencyIds) {
        const one = ok(await t.trpc('tasks.counts', { agencyId }, { method: 'GET', cookie }));
        expect(sum(one.counts)).toBe(await list({ agencyId }));
      }
    });

    it('tasks.dashboard counts equal tasks.list totals filtered by each status and flag', async () => {
      const dash = ok(await t.trpc('tasks.dashboard', undefined, { method: 'GET', cookie }));
      const total = await list({});
      expect(sum(dash.counts)).toBe(total);
      for (const status of TASK_STATUSES) {
        expect({ status, n: dash.counts[status] }).toEqual({ status, n: await list({ status: [status] }) });
        expect({ status, key: dash.keyCounts[status] }).toEqual({
          status,
          key: await list({ status: [status], isKey: true }),
        });
      }
      expect(dash.counts.overdue).toBeGreaterThan(0);
      expect(dash.dueSoon).toBe(await list({ dueSoon: true }));
      expect(dash.stale).toBe(await list({ stale: true }));
      const completed = dash.counts.completed_on_time + dash.counts.completed_late;
      expect(dash.rates.ofDue).toBeCloseTo(completed / (completed + dash.counts.overdue));
      // Every breakdown reconciles with the total.
      expect(
        dash.byLevel.reduce((n: number, l: { counts: Record<string, number> }) => n + sum(l.counts), 0),
      ).toBe(total);
      expect(
        dash.byGroup.reduce((n: number, g: { counts: Record<string, number> }) => n + sum(g.counts), 0),
      ).toBe(total);
      // The whole agency ranking (ranked and too few to rank), page by page, reconciles agency by agency.
      const agencies: { agencyId: number; counts: Record<string, number> }[] = [];
      for (const ranked of [true, false]) {
        for (let page = 1; ; page++) {
          const input = { ranked, page, pageSize: 100 };
          const res = ok(await t.trpc('tasks.agencyRanking', input, { method: 'GET', cookie }));
          agencies.push(...res.items);
          if (page * 100 >= res.total) break;
        }
      }
      expect(agencies.length).toBe(dash.ranking.rankedCount + dash.ranking.unrankedCount);
      expect(agencies.reduce((n, a) => n + sum(a.counts), 0)).toBe(total);
      for (const agency of agencies)
        expect(sum(agency.counts)).toBe(await list({ agencyId: agency.agencyId }));
      const overdueByMonth = dash.overdueByMonth.reduce((n: number, m: { n: number }) => n + m.n, 0);
      expect(overdueByMonth).toBe(dash.counts.overdue);
    });

    it('the task list’s status column is the same rule as its status filter', async () => {
      for (const status of TASK_STATUSES) {
        const page = ok(
          await t.trpc('tasks.list', { status: [status], pageSize: 200 }, { method: 'GET', cookie }),
        );
        expect(page.items.every((i: { status: string }) => i.status === status)).toBe(true);
      }
    });
  });
});
