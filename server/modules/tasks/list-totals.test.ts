import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskFilterInput } from '../../../shared/schemas/tasks';
import { documents, tasks } from '../../db/schema';
import { type Cast, ok, startCast } from '../../test/tasks';
import { changesMovingTotal } from './queries';

const DAY = 86_400_000;

/**
 * The list's totals are kept per filter until a change that can move them (`changesMovingTotal`):
 * progress, the most frequent write, leaves them kept, except under the stale filter.
 */
describe('task list totals', () => {
  let c: Cast;
  let tasksOf: number[];
  const filters = (): TaskFilterInput[] => [
    {},
    { stale: true },
    { extensionPending: true },
    { completion: ['awaiting_leader'] },
    { completion: ['awaiting_office'] },
    { agencyId: c.agency.finance },
    { status: ['in_progress'] },
  ];

  beforeAll(async () => {
    c = await startCast();
    tasksOf = [await c.newTask(), await c.newTask(), await c.newTask()];
    // The first has had no word from its lead agency for 40 days (set before any list is read).
    await c.database.db
      .update(tasks)
      .set({ lastLeadUpdateAt: null, createdAt: new Date(Date.now() - 40 * DAY) })
      .where(eq(tasks.id, tasksOf[0] as number));
  });
  afterAll(() => c.close());

  /** Every filter's list total equals its status counts' sum (counted afresh, never kept). */
  async function expectTotalsRight() {
    for (const filter of filters()) {
      const list = ok(await c.query('office', 'tasks.list', { ...filter, page: 1, pageSize: 10 }));
      const counts = ok(await c.query('office', 'tasks.counts', filter));
      const fresh = Object.values(counts.counts as Record<string, number>).reduce((a, b) => a + b, 0);
      expect({ filter, total: list.total }).toEqual({ filter, total: fresh });
    }
  }

  it('stay right through every kind of task write', async () => {
    const [stale, other] = tasksOf as [number, number];
    await expectTotalsRight();
    await c.postProgress(stale, 10); // no longer stale
    await expectTotalsRight();
    await c.requestExtension(other);
    await expectTotalsRight();
    const extension = await c.latestExtension(other);
    ok(
      await c.mutate('office', 'tasks.decideExtension', {
        id: extension.id,
        version: extension.version,
        decision: 'approved',
        comment: 'Đồng ý gia hạn',
      }),
    );
    await expectTotalsRight();
    await c.reportCompletion(stale);
    await expectTotalsRight();
    await c.leaderApproves(stale);
    await expectTotalsRight();
  });

  it('a progress post leaves a total kept; a new task moves it', async () => {
    const db = c.database.db;
    const read = async () =>
      ok(await c.query('office', 'tasks.list', { page: 1, pageSize: 10 })).total as number;
    const before = await read();
    // A row slipped in without a change event is not seen while the total is kept …
    const [doc] = await db.select({ id: documents.id }).from(documents).limit(1);
    await db.insert(tasks).values({
      documentId: doc?.id as number,
      title: 'Nhiệm vụ chèn thẳng',
      searchText: 'nhiem vu chen thang',
      leadAgencyId: c.agency.health,
    });
    await c.postProgress(tasksOf[2] as number, 30);
    expect(await read()).toBe(before);
    // … and a change that can move the total (a new task) has it counted afresh.
    await c.newTask();
    expect(await read()).toBe(before + 2);
  });

  it('a search’s kept order takes in a new or renamed match at once', async () => {
    const search = { q: 'sổ tay điện tử', sort: 'title', direction: 'asc', page: 1, pageSize: 10 };
    const titles = async () =>
      (ok(await c.query('office', 'tasks.list', search)).items as { title: string }[]).map((t) => t.title);
    expect(await titles()).toEqual([]);
    const first = await c.newTask({ title: 'Xây dựng sổ tay điện tử B' });
    expect(await titles()).toEqual(['Xây dựng sổ tay điện tử B']);
    await c.postProgress(first, 20);
    const other = await c.newTask({ title: 'Nhiệm vụ khác' });
    const { version } = (await c.getTask(other)).task;
    ok(
      await c.mutate('office', 'tasks.update', {
        id: other,
        version,
        patch: { title: 'Ban hành sổ tay điện tử A' },
      }),
    );
    expect(await titles()).toEqual(['Ban hành sổ tay điện tử A', 'Xây dựng sổ tay điện tử B']);
  });

  it('a search by percent or latest update takes in a progress post at once', async () => {
    // A task a page: the first page is chosen afresh, the others from the search's kept order.
    const order = async (sort: 'percent' | 'lastUpdate') => {
      const letters: string[] = [];
      for (const page of [1, 2, 3]) {
        const input = { q: 'nhật ký tiến độ', sort, direction: 'desc', page, pageSize: 1 };
        const { items } = ok(await c.query('office', 'tasks.list', input)) as { items: { title: string }[] };
        letters.push(...items.map((t) => t.title.slice(-1)));
      }
      return letters;
    };
    const a = await c.newTask({ title: 'Lập nhật ký tiến độ A' });
    await c.newTask({ title: 'Lập nhật ký tiến độ B' });
    const last = await c.newTask({ title: 'Lập nhật ký tiến độ C' });
    // None has progress yet: ties go by id, newest first.
    expect(await order('percent')).toEqual(['C', 'B', 'A']);
    expect(await order('lastUpdate')).toEqual(['C', 'B', 'A']);
    await c.postProgress(a, 40);
    expect(await order('percent')).toEqual(['A', 'C', 'B']);
    expect(await order('lastUpdate')).toEqual(['A', 'C', 'B']);
    await c.postProgress(last, 20);
    expect(await order('percent')).toEqual(['A', 'C', 'B']);
    expect(await order('lastUpdate')).toEqual(['C', 'A', 'B']);
  });

  it('progress moves only the stale filter’s total', () => {
    expect(changesMovingTotal({})).not.toContain('task.progress');
    expect(changesMovingTotal({ stale: true })).toContain('task.progress');
    expect(changesMovingTotal({ extensionPending: true })).toContain('extension.requested');
    expect(changesMovingTotal({ completion: ['awaiting_office'] })).toContain('completion.reported');
  });
});
