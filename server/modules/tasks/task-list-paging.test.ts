import { inArray } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskListInput } from '../../../shared/schemas/tasks';
import { TASK_SORTS } from '../../../shared/task-sorts';
import { deriveTaskStatus, type TaskStatus } from '../../../shared/task-status';
import { foldVietnamese } from '../../../shared/text';
import { shiftDate, vietnamDate } from '../../../shared/time';
import type { Database, Db } from '../../db/client';
import * as schema from '../../db/schema';
import { agencies, changeEvents, documents, taskCoordinators, tasks } from '../../db/schema';
import { createTestDatabase } from '../../test/db';
import { findTasks } from './queries';
import { statusClock } from './status-sql';

/**
 * Paging through a task list, whatever the filter and sort, gives every matching task exactly once, in
 * the list's order. The data is skewed as the country is: one agency (the capital) leads nearly half
 * the tasks, so its lists are long and walked from either end; many tasks tie on each sort key. The
 * expected list is the same filter and order computed here, task by task.
 */
const NOW = new Date('2026-12-06T03:00:00Z');
const clock = statusClock(NOW);
const today = vietnamDate(NOW);
const TASKS = 700;
const TITLES = ['bao cao', 'co so du lieu', 'dich vu cong', 'ha tang so', 'nen tang', 'an toan thong tin'];

interface Row {
  id: number;
  leadAgencyId: number;
  coordinators: number[];
  title: string;
  deadline: string | null;
  completedOn: string | null;
  withdrawn: boolean;
  latestPercent: number;
  lastLeadUpdateAt: Date | null;
  createdAt: Date;
  groupNo: number | null;
  isKey: boolean;
}

/** A small deterministic generator (the data is the same on every run; the queries vary). */
function random(seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
  return { next, pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T };
}

describe('paging through the task lists', () => {
  let database: Database;
  let rows: Row[] = [];
  let capital: number;
  const levelOf = new Map<number, string>();

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const all = await db
      .select({ id: agencies.id, level: agencies.level, name: agencies.nameVi })
      .from(agencies);
    for (const a of all) levelOf.set(a.id, a.level);
    capital = all.find((a) => a.name === 'Thành phố Hà Nội')?.id as number;
    const byLevel = (level: string) => all.filter((a) => a.level === level && a.id !== capital).slice(0, 4);
    const others = [...byLevel('central'), ...byLevel('provincial'), ...byLevel('commune')].map((a) => a.id);
    expect(others).toHaveLength(12);
    const [doc] = await db
      .insert(documents)
      .values({
        number: '1/QĐ-TTg',
        kind: 'decision',
        issuedOn: '2026-01-05',
        signer: 'Thủ tướng Chính phủ',
        title: 'Kế hoạch',
        searchText: 'ke hoach',
      })
      .returning({ id: documents.id });
    const r = random(2629);
    const day = (n: number) => shiftDate(today, n);
    // Few distinct values per key, so that ties (and the id that breaks them) matter on every sort.
    const deadlines = Array.from({ length: 30 }, (_, i) => day(i * 9 - 150));
    const instants = Array.from({ length: 25 }, (_, i) => new Date(NOW.getTime() - i * 3 * 86_400_000));
    const values = Array.from({ length: TASKS }, () => {
      const deadline = r.next() < 0.1 ? null : r.pick(deadlines);
      const completed = r.next() < 0.3;
      return {
        documentId: doc?.id as number,
        title: r.pick(TITLES),
        leadAgencyId: r.next() < 0.45 ? capital : r.pick(others),
        deadline,
        completedOn: completed ? day(-Math.floor(r.next() * 200)) : null,
        withdrawn: r.next() < 0.04,
        latestPercent: Math.floor(r.next() * 11) * 10,
        lastLeadUpdateAt: r.next() < 0.2 ? null : r.pick(instants),
        createdAt: r.pick(instants),
        groupNo: r.next() < 0.1 ? null : 1 + Math.floor(r.next() * 3),
        isKey: r.next() < 0.2,
      };
    });
    const inserted = await db
      .insert(tasks)
      .values(values.map((v) => ({ ...v, searchText: foldVietnamese(`${v.title} nhiem vu`) })))
      .returning({ id: tasks.id });
    const links: { taskId: number; agencyId: number }[] = [];
    rows = inserted.map(({ id }, i) => {
      const v = values[i] as (typeof values)[number];
      // The capital coordinates a share of the others' tasks, and (as no screen would let it) a few of
      // its own: the inbox must still list those once.
      const coordinators = [
        ...(r.next() < 0.25 ? [r.pick(others)] : []),
        ...(v.leadAgencyId !== capital
          ? r.next() < 0.15
            ? [capital]
            : []
          : r.next() < 0.05
            ? [capital]
            : []),
      ].filter((a, k, xs) => xs.indexOf(a) === k);
      for (const agencyId of coordinators) links.push({ taskId: id, agencyId });
      return { id, coordinators, ...v };
    });
    await db.insert(taskCoordinators).values(links);
  });
  afterAll(() => database.close());

  const closed = (t: Row) => (t.completedOn !== null || t.withdrawn ? 1 : 0);
  const cmp = <T>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);

  /** The lists' order, as the screens promise it (queries.ts `listOrder`). */
  function compare(sort: (typeof TASK_SORTS)[number], direction: 'asc' | 'desc') {
    const sign = direction === 'desc' ? -1 : 1;
    return (a: Row, b: Row): number => {
      let by = 0;
      if (sort === 'deadline') {
        // Open first and no deadline after the dated ones, whichever the direction.
        by =
          closed(a) - closed(b) ||
          (a.deadline === null || b.deadline === null
            ? Number(a.deadline === null) - Number(b.deadline === null)
            : sign * cmp(a.deadline, b.deadline));
      } else if (sort === 'lastUpdate') {
        // Never updated counts as the oldest update.
        by = sign * cmp(a.lastLeadUpdateAt?.getTime() ?? -1, b.lastLeadUpdateAt?.getTime() ?? -1);
      } else if (sort === 'createdAt') by = sign * cmp(a.createdAt.getTime(), b.createdAt.getTime());
      else if (sort === 'title') by = sign * cmp(a.title, b.title);
      else by = sign * cmp(a.latestPercent, b.latestPercent);
      return by || sign * (a.id - b.id);
    };
  }

  const statusOf = (t: Row): TaskStatus =>
    deriveTaskStatus({ ...t, originalDeadline: null }, { now: NOW }).status;

  /** The lists the screens ask for, and which tasks each must hold. */
  const FILTERS: [string, () => Partial<TaskListInput>, (t: Row) => boolean][] = [
    ['everything', () => ({}), () => true],
    ['the capital', () => ({ agencyId: capital }), (t) => t.leadAgencyId === capital],
    [
      'the capital, open',
      () => ({ agencyId: capital, status: ['in_progress', 'overdue'] }),
      (t) => t.leadAgencyId === capital && ['in_progress', 'overdue'].includes(statusOf(t)),
    ],
    [
      'the capital, group 2, key tasks',
      () => ({ agencyId: capital, groupNo: 2, isKey: true }),
      (t) => t.leadAgencyId === capital && t.groupNo === 2 && t.isKey,
    ],
    [
      'led or coordinated by the capital (its inbox)',
      () => ({ agencyId: capital, agencyRole: 'any' }),
      (t) => t.leadAgencyId === capital || t.coordinators.includes(capital),
    ],
    [
      'its inbox, overdue',
      () => ({ agencyId: capital, agencyRole: 'any', status: ['overdue'] }),
      (t) => (t.leadAgencyId === capital || t.coordinators.includes(capital)) && statusOf(t) === 'overdue',
    ],
    [
      'provincial level',
      () => ({ agencyLevel: 'provincial' }),
      (t) => levelOf.get(t.leadAgencyId) === 'provincial',
    ],
    [
      'commune level, completed',
      () => ({ agencyLevel: 'commune', status: ['completed_on_time', 'completed_late'] }),
      (t) => levelOf.get(t.leadAgencyId) === 'commune' && statusOf(t).startsWith('completed'),
    ],
    ['searched', () => ({ q: 'Cơ sở dữ liệu' }), (t) => t.title === 'co so du lieu'],
    [
      'searched in its inbox',
      () => ({ q: 'du lieu', agencyId: capital, agencyRole: 'any' }),
      (t) => t.title === 'co so du lieu' && (t.leadAgencyId === capital || t.coordinators.includes(capital)),
    ],
    [
      'a deadline range',
      () => ({ deadlineFrom: shiftDate(today, -60), deadlineTo: shiftDate(today, 30) }),
      (t) => t.deadline !== null && t.deadline >= shiftDate(today, -60) && t.deadline <= shiftDate(today, 30),
    ],
  ];

  /** Every page in turn, one past the end too; far pages (from `farPageRows` in) are read from the nearer end. */
  async function pageThrough(input: TaskListInput, pageSize: number, farPageRows: number, db = database.db) {
    const ids: number[] = [];
    for (let page = 1; ; page++) {
      const result = await findTasks(db, { ...input, page, pageSize }, clock, { farPageRows });
      if (result.items.length === 0) return { ids, total: result.total, pages: page - 1 };
      expect(result.items.length).toBeLessThanOrEqual(pageSize);
      ids.push(...result.items.map((t) => t.id));
    }
  }

  it('the data is skewed: the capital leads nearly half the tasks and coordinates others', () => {
    const led = rows.filter((t) => t.leadAgencyId === capital).length;
    expect(led / TASKS).toBeGreaterThan(0.4);
    expect(
      rows.filter((t) => t.leadAgencyId !== capital && t.coordinators.includes(capital)).length,
    ).toBeGreaterThan(30);
    expect(
      rows.filter((t) => t.leadAgencyId === capital && t.coordinators.includes(capital)).length,
    ).toBeGreaterThan(0);
  });

  it('gives every matching task once, in order, for any filter, sort, direction and page size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: FILTERS.length - 1 }),
        fc.constantFrom(...TASK_SORTS),
        fc.constantFrom('asc' as const, 'desc' as const),
        fc.constantFrom(7, 25, 60),
        fc.constantFrom(0, 50, 1000),
        async (f, sort, direction, pageSize, farPageRows) => {
          const [, filter, holds] = FILTERS[f] as (typeof FILTERS)[number];
          const expected = rows
            .filter(holds)
            .sort(compare(sort, direction))
            .map((t) => t.id);
          const got = await pageThrough({ ...filter(), sort, direction }, pageSize, farPageRows);
          expect(got.total).toBe(expected.length);
          expect(got.ids).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  it.each(TASK_SORTS.flatMap((sort) => [`${sort} asc`, `${sort} desc`]))(
    "pages through the capital's inbox by %s from both ends alike",
    async (order) => {
      const [sort, direction] = order.split(' ') as [(typeof TASK_SORTS)[number], 'asc' | 'desc'];
      const input = { agencyId: capital, agencyRole: 'any' as const, sort, direction };
      const forwards = await pageThrough(input, 25, Number.POSITIVE_INFINITY);
      const nearerEnd = await pageThrough(input, 25, 0);
      expect(new Set(forwards.ids).size).toBe(forwards.total);
      expect(nearerEnd.ids).toEqual(forwards.ids);
    },
  );

  /** The same database as a `Db` of its own (nothing kept yet), its statements' text in `statements`. */
  function loggedDb(statements: string[]): Db {
    const logger = { logQuery: (query: string) => statements.push(query) };
    if (database.pglite) return drizzlePglite(database.pglite, { schema, logger }) as unknown as Db;
    return drizzlePostgres(database.pg as NonNullable<Database['pg']>, { schema, logger }) as unknown as Db;
  }
  /** The statements that read a search's matches (the posted tasks' re-read names the change events). */
  const matchReads = (statements: string[]) =>
    statements.filter((s) => / like /.test(s) && !/change_events/.test(s));

  it("reads a search's matches once per order, then any page in either direction from them", async () => {
    const statements: string[] = [];
    const db = loggedDb(statements);
    const searched = rows.filter((t) => t.title === 'co so du lieu');
    const last = Math.ceil(searched.length / 7);
    const read = async (sort: (typeof TASK_SORTS)[number], direction: 'asc' | 'desc', page: number) => {
      const got = await findTasks(db, { q: 'co so du lieu', pageSize: 7, sort, direction, page }, clock);
      const expected = [...searched]
        .sort(compare(sort, direction))
        .slice((page - 1) * 7, page * 7)
        .map((t) => t.id);
      expect({ sort, direction, page, ids: got.items.map((t) => t.id), total: got.total }).toEqual({
        sort,
        direction,
        page,
        ids: expected,
        total: searched.length,
      });
    };
    // The first pages read the matches (the first page alone does not: the planner's page and the total).
    for (const sort of TASK_SORTS)
      for (const direction of ['asc', 'desc'] as const) await read(sort, direction, 2);
    // By deadline, ascending and descending are two orders (open work first either way); the others one.
    expect(matchReads(statements)).toHaveLength(TASK_SORTS.length + 1);
    statements.length = 0;
    for (const sort of TASK_SORTS)
      for (const direction of ['asc', 'desc'] as const)
        for (const page of [1, 2, 3, Math.ceil(last / 2), last - 1, last, last + 1])
          await read(sort, direction, page);
    expect(matchReads(statements)).toEqual([]);
  });

  it('answers a page past the end with no tasks and the total', async () => {
    const { total } = await findTasks(database.db, { agencyId: capital, page: 1, pageSize: 25 }, clock);
    const past = await findTasks(
      database.db,
      { agencyId: capital, page: Math.ceil(total / 25) + 3, pageSize: 25 },
      clock,
      { farPageRows: 0 },
    );
    expect(past.items).toEqual([]);
    expect(past.total).toBe(total);
  });

  it('lists a task the capital leads and also coordinates once in its inbox', async () => {
    const both = rows.filter((t) => t.leadAgencyId === capital && t.coordinators.includes(capital));
    expect(both.length).toBeGreaterThan(0);
    const inbox = await pageThrough({ agencyId: capital, agencyRole: 'any' }, 60, 0);
    for (const task of both) expect(inbox.ids.filter((id) => id === task.id)).toHaveLength(1);
  });

  // Last: it posts progress (as progress.ts does: the task's percent and latest update, and a change
  // event in the same transaction), and the rows above follow.
  it('keeps a search by percent or latest update in order through progress posts, reading it once', async () => {
    const statements: string[] = [];
    const db = loggedDb(statements);
    const searched = rows.filter((t) => t.title === 'co so du lieu');
    const readAll = async (sort: 'percent' | 'lastUpdate', direction: 'asc' | 'desc') => {
      for (const pageSize of [7, 60]) {
        const got = await pageThrough({ q: 'co so du lieu', sort, direction }, pageSize, 0, db);
        expect(got.ids).toEqual([...searched].sort(compare(sort, direction)).map((t) => t.id));
      }
    };
    const orders = [
      ['percent', 'asc'],
      ['percent', 'desc'],
      ['lastUpdate', 'asc'],
      ['lastUpdate', 'desc'],
    ] as const;
    for (const [sort, direction] of orders) await readAll(sort, direction);
    statements.length = 0;
    const r = random(15);
    for (let round = 0; round < 3; round++) {
      // Tasks the search matches and others; to the top, the bottom or a tie with many others.
      const posted = Array.from({ length: 8 }, () => r.pick(round === 2 ? searched : rows));
      for (const [i, task] of posted.entries()) {
        task.latestPercent = r.pick([0, 50, 100, Math.floor(r.next() * 11) * 10]);
        task.lastLeadUpdateAt = new Date(NOW.getTime() - (round * 8 + i) * 1000);
        await database.db
          .update(tasks)
          .set({ latestPercent: task.latestPercent, lastLeadUpdateAt: task.lastLeadUpdateAt })
          .where(inArray(tasks.id, [task.id]));
        await database.db
          .insert(changeEvents)
          .values({ type: 'task.progress', taskId: task.id, payload: {} });
      }
      for (const [sort, direction] of orders) await readAll(sort, direction);
    }
    // Only the posted tasks were read again (by their key, naming the change events).
    expect(matchReads(statements)).toEqual([]);
    expect(statements.filter((s) => / like /.test(s))).not.toEqual([]);
  });
});
