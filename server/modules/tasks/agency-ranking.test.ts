import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cast, EVERYONE, ok, startCast, today } from '../../test/tasks';
import { MIN_TASKS_TO_RANK, SHORT_RANKING_LENGTH } from './agency-ranking';

interface Row {
  agencyId: number;
  rank: number | null;
  ranked: boolean;
  assigned: number;
  overdueRate: number | null;
  counts: Record<string, number>;
}

/**
 * The dashboard carries the worst few agencies only; `tasks.agencyRanking` pages the whole ranking,
 * from the same cached computation. Fixture: Hà Nội 5 tasks all overdue (rate 1), Bộ Tài chính 6 with
 * 3 overdue (0.5), Bộ Y tế 5 with 1 overdue (0.2), the Inspectorate 2 (too few to rank).
 */
describe('agency ranking', () => {
  let c: Cast;
  const page = async (input: Record<string, unknown>) =>
    ok(await c.query('office', 'tasks.agencyRanking', input)) as { items: Row[]; total: number };
  const ids = (rows: Row[]) => rows.map((r) => r.agencyId);

  beforeAll(async () => {
    c = await startCast();
    const tasks = (leadAgencyId: number, overdue: number, open: number) => [
      ...Array.from({ length: overdue }, () => ({ leadAgencyId, coordinatorIds: [], deadline: today(-3) })),
      ...Array.from({ length: open }, () => ({ leadAgencyId, coordinatorIds: [], deadline: today(30) })),
    ];
    await c.createDocument([
      ...tasks(c.agency.hanoi, 5, 0),
      ...tasks(c.agency.finance, 3, 3),
      ...tasks(c.agency.health, 1, 4),
      ...tasks(c.agency.inspectorate, 0, 2),
    ]);
  });
  afterAll(() => c.close());

  it('ranks by overdue rate, highest first, and lists agencies with too few tasks apart', async () => {
    expect(MIN_TASKS_TO_RANK).toBe(5);
    const ranked = await page({});
    expect(ids(ranked.items)).toEqual([c.agency.hanoi, c.agency.finance, c.agency.health]);
    expect(ranked.items.map((r) => [r.rank, r.overdueRate])).toEqual([
      [1, 1],
      [2, 0.5],
      [3, 0.2],
    ]);
    expect(ranked.total).toBe(3);
    const unranked = await page({ ranked: false });
    expect(unranked.items).toMatchObject([{ agencyId: c.agency.inspectorate, rank: null, ranked: false }]);
    expect(unranked.items[0]?.assigned).toBe(2);
  });

  it('the dashboard carries the worst few and the counts, not the whole ranking', async () => {
    const dash = ok(await c.query('office', 'tasks.dashboard', undefined));
    expect(dash.ranking).toMatchObject({ rankedCount: 3, unrankedCount: 1, minTasksToRank: 5 });
    expect(ids(dash.ranking.worst)).toEqual([c.agency.hanoi, c.agency.finance, c.agency.health]);
    expect(SHORT_RANKING_LENGTH).toBeGreaterThanOrEqual(3);
  });

  it('pages, each page continuing the ranks of the one before', async () => {
    const first = await page({ pageSize: 2 });
    const second = await page({ pageSize: 2, page: 2 });
    expect(first.total).toBe(3);
    expect(first.items.map((r) => r.rank)).toEqual([1, 2]);
    expect(second.items.map((r) => [r.agencyId, r.rank])).toEqual([[c.agency.health, 3]]);
    const past = await page({ pageSize: 2, page: 3 });
    expect(past).toMatchObject({ items: [], total: 3 });
  });

  it('filters by level, ranking within that level', async () => {
    const central = await page({ level: 'central' });
    expect(central.items.map((r) => [r.agencyId, r.rank])).toEqual([
      [c.agency.finance, 1],
      [c.agency.health, 2],
    ]);
    const provincial = await page({ level: 'provincial' });
    expect(provincial.items.map((r) => [r.agencyId, r.rank])).toEqual([[c.agency.hanoi, 1]]);
    expect(await page({ level: 'commune' })).toMatchObject({ items: [], total: 0 });
    expect(ids((await page({ level: 'provincial', ranked: false })).items)).toEqual([]);
    expect(ids((await page({ level: 'central', ranked: false })).items)).toEqual([c.agency.inspectorate]);
  });

  it('finds an agency by name without diacritics, keeping its rank', async () => {
    const found = await page({ q: 'bo tai chinh' });
    expect(found.items.map((r) => [r.agencyId, r.rank])).toEqual([[c.agency.finance, 2]]);
    expect(found.total).toBe(1);
    expect(ids((await page({ q: 'Hà Nội' })).items)).toEqual([c.agency.hanoi]);
    expect(await page({ q: 'khong co co quan nay' })).toMatchObject({ items: [], total: 0 });
  });

  it('sends only the ranking row, nothing used internally for search', async () => {
    const [row] = (await page({ pageSize: 1 })).items;
    expect(Object.keys(row ?? {}).sort()).toEqual(
      [
        'agencyId',
        'validTo',
        'formerUnits',
        'nameVi',
        'nameEn',
        'level',
        'counts',
        'total',
        'assigned',
        'completed',
        'ofDue',
        'ofAssigned',
        'onTimeOfCompleted',
        'overdueRate',
        'ranked',
        'rank',
      ].sort(),
    );
  });

  it('a task write shows on the next page read, as on the dashboard', async () => {
    const before = (await page({ q: 'y te' })).items[0];
    await c.newTask({ leadAgencyId: c.agency.health, deadline: today(-2) });
    const after = (await page({ q: 'y te' })).items[0];
    expect(after?.assigned).toBe((before?.assigned ?? 0) + 1);
    expect(after?.counts.overdue).toBe((before?.counts.overdue ?? 0) + 1);
  });

  it('refuses a malformed request with VALIDATION, naming the field', async () => {
    for (const [input, field] of [
      [{ pageSize: 101 }, 'pageSize'],
      [{ pageSize: 0 }, 'pageSize'],
      [{ page: 0 }, 'page'],
      [{ level: 'district' }, 'level'],
      [{ q: 'x'.repeat(101) }, 'q'],
    ] as const) {
      const res = await c.query('office', 'tasks.agencyRanking', input);
      expect(res.status).toBe(400);
      expect(res.error.data.appCode).toBe('VALIDATION');
      expect(res.error.data.issues.map((i: { path: string }) => i.path)).toEqual([field]);
    }
  });

  describe('who may read it: exactly who may read the dashboard', () => {
    it('without a session answers 401', async () => {
      const res = await c.query(null, 'tasks.agencyRanking', {});
      expect(res.status).toBe(401);
      expect(res.error.data.appCode).toBe('UNAUTHENTICATED');
    });

    it.each(EVERYONE)('%s gets the same answer as from tasks.dashboard', async (who) => {
      const dashboard = await c.query(who, 'tasks.dashboard', undefined);
      const ranking = await c.query(who, 'tasks.agencyRanking', {});
      expect(ranking.status).toBe(dashboard.status);
      if (dashboard.status === 200) {
        expect(ids(ranking.data.items).slice(0, 3)).toEqual(ids(dashboard.data.ranking.worst).slice(0, 3));
      } else {
        expect(ranking.error.data.appCode).toBe(dashboard.error.data.appCode);
      }
    });
  });
});
