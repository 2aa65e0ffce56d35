import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveTaskStatus } from '../../../shared/task-status';
import { shiftDate, vietnamDate } from '../../../shared/time';
import { agencies, documents, tasks, taskTallyState } from '../../db/schema';
import { createTestApp } from '../../test/app';
import type { TestApp } from '../../test/tasks';
import { statusClock } from './status-sql';
import { currentTallies, readTallies, type TallyCounts } from './tallies';

const DAY = 86_400_000;

/** Every non-zero count as "dimension/key/bucket" → n: the tallies and the recount in one shape. */
type Flat = Record<string, number>;

function flatten(counts: TallyCounts): Flat {
  const flat: Flat = {};
  const put = (name: string, n: number) => {
    if (n !== 0) flat[name] = (flat[name] ?? 0) + n;
  };
  for (const [id, tally] of counts.agencies) {
    for (const [status, n] of Object.entries(tally.counts)) put(`agency/${id}/${status}`, n);
    put(`agency/${id}/due_soon`, tally.dueSoon);
    put(`agency/${id}/stale`, tally.stale);
  }
  for (const [no, c] of counts.groups)
    for (const [status, n] of Object.entries(c)) put(`group/${no}/${status}`, n);
  for (const [status, n] of Object.entries(counts.keyTasks)) put(`key_task/${status}`, n);
  for (const { month, n } of counts.overdueByMonth) put(`overdue_month/${month}`, n);
  return flat;
}

describe('task tallies (tallies.ts)', () => {
  let t: TestApp;
  let documentId: number;
  let agencyIds: number[];

  beforeAll(async () => {
    t = await createTestApp();
    const [doc] = await t.database.db
      .insert(documents)
      .values({
        number: '99/TB-VPCP',
        kind: 'conclusion_notice',
        issuedOn: '2026-01-05',
        signer: 'Phó Thủ tướng',
        title: 'Thông báo kết luận',
        searchText: '99/tb-vpcp thong bao ket luan',
      })
      .returning({ id: documents.id });
    documentId = doc?.id as number;
    const some = await t.database.db.select({ id: agencies.id }).from(agencies).limit(5);
    agencyIds = some.map((a) => a.id);
    expect(agencyIds).toHaveLength(5);
  });
  afterAll(() => t.close());

  /**
   * The counts recomputed from the base table task by task, with the shared rule (deriveTaskStatus),
   * not with the SQL the tallies use: an independent recount.
   */
  async function recount(now: Date): Promise<Flat> {
    const rows = await t.database.db.select().from(tasks);
    const flat: Flat = {};
    const put = (name: string) => {
      flat[name] = (flat[name] ?? 0) + 1;
    };
    for (const row of rows) {
      const d = deriveTaskStatus(row, { now });
      put(`agency/${row.leadAgencyId}/${d.status}`);
      if (d.dueSoon) put(`agency/${row.leadAgencyId}/due_soon`);
      if (d.stale) put(`agency/${row.leadAgencyId}/stale`);
      put(`group/${row.groupNo ?? 0}/${d.status}`);
      if (row.isKey) put(`key_task/${d.status}`);
      if (d.status === 'overdue') put(`overdue_month/${row.deadline?.slice(0, 7)}`);
    }
    return flat;
  }

  async function tallied(now: Date): Promise<Flat> {
    await currentTallies(t.database.db, statusClock(now));
    return flatten(await readTallies(t.database.db, statusClock(now)));
  }

  const write = fc.oneof(
    fc.record({
      kind: fc.constant('insert' as const),
      agency: fc.integer({ min: 0, max: 4 }),
      groupNo: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
      isKey: fc.boolean(),
      deadline: fc.option(fc.integer({ min: -40, max: 40 }), { nil: null }),
      completed: fc.option(fc.integer({ min: -10, max: 10 }), { nil: null }),
      withdrawn: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
      updatedAgo: fc.option(fc.integer({ min: 0, max: 60 * DAY }), { nil: null }),
    }),
    fc.record({
      kind: fc.constantFrom(
        'progress' as const,
        'extend' as const,
        'complete' as const,
        'reopen' as const,
        'withdraw' as const,
        'move' as const,
        'regroup' as const,
        'key' as const,
      ),
      pick: fc.nat(),
      value: fc.integer({ min: -40, max: 40 }),
    }),
  );

  it('after random writes and Vietnam-midnight rollovers, every tally equals a recount from the tasks', async () => {
    const start = Date.parse('2026-03-01T16:30:00Z');
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            // Minutes from the start: ± a few days, often across Vietnam's midnight (17:00 UTC).
            minutes: fc.integer({ min: -3 * 1440, max: 3 * 1440 }),
            writes: fc.array(write, { maxLength: 6 }),
            concurrentReads: fc.integer({ min: 1, max: 3 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        async (steps) => {
          const db = t.database.db;
          for (const step of steps) {
            const now = new Date(start + step.minutes * 60_000);
            const today = vietnamDate(now);
            for (const w of step.writes) {
              if (w.kind === 'insert') {
                const deadline = w.deadline === null ? null : shiftDate(today, w.deadline);
                await db.insert(tasks).values({
                  documentId,
                  title: 'Nhiệm vụ sinh ngẫu nhiên',
                  searchText: 'nhiem vu sinh ngau nhien',
                  leadAgencyId: agencyIds[w.agency] as number,
                  groupNo: w.groupNo,
                  isKey: w.isKey,
                  deadline,
                  originalDeadline: deadline,
                  completedOn: w.completed === null ? null : shiftDate(deadline ?? today, w.completed),
                  withdrawn: w.withdrawn,
                  lastLeadUpdateAt: w.updatedAgo === null ? null : new Date(now.getTime() - w.updatedAgo),
                  createdAt: new Date(now.getTime() - 60 * DAY),
                });
                continue;
              }
              const ids = (await db.select({ id: tasks.id }).from(tasks).orderBy(tasks.id)).map((r) => r.id);
              if (ids.length === 0) continue;
              const id = ids[w.pick % ids.length] as number;
              const set: Partial<typeof tasks.$inferInsert> =
                w.kind === 'progress'
                  ? { lastLeadUpdateAt: new Date(now.getTime() - Math.abs(w.value) * 3_600_000) }
                  : w.kind === 'extend'
                    ? { deadline: shiftDate(today, w.value) }
                    : w.kind === 'complete'
                      ? { completedOn: shiftDate(today, -Math.abs(w.value)) }
                      : w.kind === 'reopen'
                        ? { completedOn: null }
                        : w.kind === 'withdraw'
                          ? { withdrawn: w.value % 2 === 0 }
                          : w.kind === 'move'
                            ? { leadAgencyId: agencyIds[Math.abs(w.value) % agencyIds.length] as number }
                            : w.kind === 'regroup'
                              ? { groupNo: w.value % 3 === 0 ? null : (Math.abs(w.value) % 9) + 1 }
                              : { isKey: w.value % 2 === 0 };
              await db.update(tasks).set(set).where(eq(tasks.id, id));
            }
            // Several readers at once fold the same log: each write is still counted once.
            await Promise.all(
              Array.from({ length: step.concurrentReads }, () => currentTallies(db, statusClock(now))),
            );
            expect(await tallied(now)).toEqual(await recount(now));
          }
        },
      ),
      { numRuns: 25, seed: 2629 },
    );
  });

  it('a progress post on a current task moves no count: the version the dashboard is keyed on stays', async () => {
    const db = t.database.db;
    const now = new Date('2026-03-10T03:00:00Z');
    const [task] = await db
      .insert(tasks)
      .values({
        documentId,
        title: 'Nhiệm vụ đang làm',
        searchText: 'nhiem vu dang lam',
        leadAgencyId: agencyIds[0] as number,
        deadline: '2026-06-30',
        originalDeadline: '2026-06-30',
        lastLeadUpdateAt: new Date(now.getTime() - 3_600_000),
      })
      .returning({ id: tasks.id });
    const taskId = task?.id as number;
    const before = await currentTallies(db, statusClock(now));
    // Another post the same Vietnam day: no attribute the tallies count moved.
    await db.update(tasks).set({ lastLeadUpdateAt: now, latestPercent: 40 }).where(eq(tasks.id, taskId));
    expect(await currentTallies(db, statusClock(now))).toEqual(before);
    // Its completion moves its agency's and its group's counts.
    await db.update(tasks).set({ completedOn: '2026-03-10' }).where(eq(tasks.id, taskId));
    const after = await currentTallies(db, statusClock(now));
    expect(after.version).toBeGreaterThan(before.version);
    expect(await tallied(now)).toEqual(await recount(now));
  });

  it('the next Vietnam date rebuilds the counts once: overdue, due soon and stale move at midnight', async () => {
    const db = t.database.db;
    const evening = new Date('2026-04-14T16:59:00Z'); // 23:59 on 14 April in Vietnam
    const [task] = await db
      .insert(tasks)
      .values({
        documentId,
        title: 'Nhiệm vụ hạn hôm nay',
        searchText: 'nhiem vu han hom nay',
        leadAgencyId: agencyIds[1] as number,
        deadline: '2026-04-14',
        originalDeadline: '2026-04-14',
        lastLeadUpdateAt: new Date('2026-03-15T10:00:00Z'),
      })
      .returning({ id: tasks.id });
    const agency = agencyIds[1] as number;
    const before = await tallied(evening);
    const midnight = new Date('2026-04-14T17:00:00Z');
    const after = await tallied(midnight);
    expect(after).toEqual(await recount(midnight));
    expect(
      (after[`agency/${agency}/overdue`] ?? 0) - (before[`agency/${agency}/overdue`] ?? 0),
    ).toBeGreaterThanOrEqual(1);
    const [state] = await db.select().from(taskTallyState);
    expect(state?.day).toBe('2026-04-15');
    expect(task).toBeDefined();
  });

  it('read without folding (as on a read replica): the folded counts plus the log, or every task on a new date', async () => {
    const db = t.database.db;
    const now = new Date('2026-04-20T03:00:00Z');
    await currentTallies(db, statusClock(now));
    const [task] = await db
      .insert(tasks)
      .values({
        documentId,
        title: 'Nhiệm vụ chưa gộp',
        searchText: 'nhiem vu chua gop',
        leadAgencyId: agencyIds[2] as number,
        deadline: '2026-04-21',
        originalDeadline: '2026-04-21',
        isKey: true,
      })
      .returning({ id: tasks.id });
    await db
      .update(tasks)
      .set({ withdrawn: true })
      .where(eq(tasks.id, task?.id as number));
    await db
      .update(tasks)
      .set({ withdrawn: false, deadline: '2026-04-19' })
      .where(eq(tasks.id, task?.id as number));
    // Nothing folded: the log is read beside the tallies.
    const readOnly = async (at: Date) => flatten(await readTallies(db, statusClock(at), { readOnly: true }));
    expect(await readOnly(now)).toEqual(await recount(now));
    // The next day, before any rollover: every task counted.
    const nextDay = new Date('2026-04-21T03:00:00Z');
    expect(await readOnly(nextDay)).toEqual(await recount(nextDay));
    const [state] = await db.select().from(taskTallyState);
    expect(state?.day).toBe('2026-04-20');
  });

  it('a TRUNCATE (no row triggers) is caught: the tallies are rebuilt from what is left', async () => {
    const db = t.database.db;
    const now = new Date('2026-05-02T05:00:00Z');
    await currentTallies(db, statusClock(now));
    await db.execute(sql`truncate tasks cascade`);
    expect(await tallied(now)).toEqual({});
  });
});
