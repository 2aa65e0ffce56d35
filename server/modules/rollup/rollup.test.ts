import { and, asc, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvinceRollup } from '../../../shared/schemas/rollup';
import { completionRates, type StatusCounts, TASK_STATUSES } from '../../../shared/task-status';
import { agencies } from '../../db/schema';
import { createUser, TEST_PASSWORD } from '../../test/app';
import { type Cast, ok, startCast, today } from '../../test/tasks';
import type { AgencyTally } from '../tasks/tallies';
import { ROLLUP_LIST_LIMIT, rollUpTallies } from './service';

const counts = fc.record(
  Object.fromEntries(TASK_STATUSES.map((s) => [s, fc.nat(40)])) as Record<
    keyof StatusCounts,
    fc.Arbitrary<number>
  >,
);
const tally: fc.Arbitrary<AgencyTally> = fc.record({ counts, dueSoon: fc.nat(10), stale: fc.nat(10) });

const ONE_OF_EACH: StatusCounts = {
  completed_on_time: 1,
  completed_late: 1,
  in_progress: 1,
  overdue: 1,
  no_deadline: 1,
  withdrawn: 1,
};

describe('a province adds up its communes', () => {
  it("has, for every status, the sum of its communes' counts (with the former units they took over), and rates from the sums", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(tally, { nil: undefined }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(tally, fc.nat()), { maxLength: 10 }),
        (tallies, formers) => {
          const communes = tallies.map((_, i) => ({
            id: i + 1,
            nameVi: `Xã ${i + 1}`,
            nameEn: `Commune ${i + 1}`,
          }));
          const map = new Map<number, AgencyTally>();
          tallies.forEach((t, i) => {
            if (t) map.set(i + 1, t);
          });
          // Former units (ids from 500) merged into one of the communes: today's borders count them there.
          const successors = new Map<number, number>();
          formers.forEach(([t, target], j) => {
            map.set(500 + j, t);
            successors.set(500 + j, (target % communes.length) + 1);
          });
          // Another province's commune in the tallies must not count.
          map.set(999, { counts: { ...ONE_OF_EACH }, dueSoon: 1, stale: 1 });
          const rolled = rollUpTallies(communes, map, successors);
          const all = [...tallies, ...formers.map(([t]) => t)];
          for (const status of TASK_STATUSES) {
            expect(rolled.counts[status]).toBe(all.reduce((n, t) => n + (t?.counts[status] ?? 0), 0));
          }
          // The communes' lines add up to the province's figures.
          const sum = (f: (c: (typeof rolled.communes)[number]) => number) =>
            rolled.communes.reduce((n, c) => n + f(c), 0);
          expect(sum((c) => c.total)).toBe(rolled.rates.total);
          expect(sum((c) => c.assigned)).toBe(rolled.rates.assigned);
          expect(sum((c) => c.overdue)).toBe(rolled.counts.overdue);
          expect(rolled.dueSoon).toBe(all.reduce((n, t) => n + (t?.dueSoon ?? 0), 0));
          expect(rolled.stale).toBe(all.reduce((n, t) => n + (t?.stale ?? 0), 0));
          expect(rolled.communes.reduce((n, c) => n + c.formerUnits, 0)).toBe(formers.length);
          expect(rolled.rates).toEqual(completionRates(rolled.counts));
          // Every commune listed once, those without tasks too; ranks 1…n among the ranked.
          expect(rolled.communes.map((c) => c.agencyId).sort((x, y) => x - y)).toEqual(
            communes.map((c) => c.id),
          );
          const ranks = rolled.communes.filter((c) => c.ranked).map((c) => c.rank);
          expect(ranks).toEqual(ranks.map((_, i) => i + 1));
        },
      ),
    );
  });
});

describe('rollup.province', () => {
  let c: Cast;
  let hanoiCommunes: { id: number; nameVi: string }[];
  let otherCommune: { id: number; nameVi: string } | undefined;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    c = await startCast();
    const db = c.database.db;
    hanoiCommunes = await db
      .select({ id: agencies.id, nameVi: agencies.nameVi })
      .from(agencies)
      // Its communes, not its departments (docs/decisions/0032): the roll-up is of the communes.
      .where(and(eq(agencies.parentId, c.agency.hanoi), eq(agencies.level, 'commune')))
      .orderBy(asc(agencies.id));
    const [haiPhong] = await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.nameVi, 'Thành phố Hải Phòng'));
    [otherCommune] = await db
      .select({ id: agencies.id, nameVi: agencies.nameVi })
      .from(agencies)
      .where(eq(agencies.parentId, haiPhong?.id ?? 0))
      .limit(1);
    const first = hanoiCommunes[0];
    if (!first || !otherCommune || hanoiCommunes.length < 2)
      throw new Error('the seed gives Hà Nội communes');
    for (const [username, agency] of [
      ['xa.hn', first.nameVi],
      ['xa.hp', otherCommune.nameVi],
      ['hp.cv', 'Thành phố Hải Phòng'],
    ] as const) {
      await createUser(c.database, { username, role: 'officer', agency });
      cookies[username] = await c.t.login(username, TEST_PASSWORD);
    }
    // Hà Nội's communes lead: two overdue, one due in a month, one without deadline; Hải Phòng's one overdue.
    const [a, b] = hanoiCommunes;
    if (!a || !b || !otherCommune) throw new Error('the seed gives Hà Nội communes');
    await c.createDocument([
      { leadAgencyId: a.id, coordinatorIds: [], deadline: today(-20), title: 'Xã A quá hạn lâu' },
      { leadAgencyId: b.id, coordinatorIds: [], deadline: today(-3), title: 'Xã B quá hạn' },
      { leadAgencyId: a.id, coordinatorIds: [], deadline: today(30) },
      { leadAgencyId: b.id, coordinatorIds: [], deadline: null },
      { leadAgencyId: otherCommune.id, coordinatorIds: [], deadline: today(-9), title: 'Hải Phòng quá hạn' },
    ]);
  });
  afterAll(() => c.close());

  const rollup = async (cookie: string | undefined, provinceId: number) =>
    c.t.trpc('rollup.province', { provinceId }, { method: 'GET', ...(cookie ? { cookie } : {}) });

  it("gives Hà Nội's officer its communes' tasks: each status the sum of the communes' own lists", async () => {
    const r = ok(await rollup(c.cookie.coordOfficer, c.agency.hanoi)) as ProvinceRollup;
    expect(r.province.id).toBe(c.agency.hanoi);
    expect(r.communeCount).toBe(hanoiCommunes.length);
    expect(r.tasks.counts.overdue).toBe(2);
    expect(r.tasks.counts.in_progress).toBe(1);
    expect(r.tasks.counts.no_deadline).toBe(1);
    // The tallies agree with each commune's own task counts, read from the tasks.
    for (const commune of hanoiCommunes) {
      const own = ok(
        await c.query('office', 'tasks.counts', { agencyId: commune.id, agencyRole: 'lead' }),
      ) as {
        counts: StatusCounts;
      };
      const row = r.tasks.communes.find((x) => x.agencyId === commune.id);
      const rates = completionRates(own.counts);
      expect([row?.total, row?.assigned, row?.overdue]).toEqual([
        rates.total,
        rates.assigned,
        own.counts.overdue,
      ]);
    }
    // The longest overdue first; another province's commune never.
    expect(r.tasks.overdue.map((t) => t.title)).toEqual(['Xã A quá hạn lâu', 'Xã B quá hạn']);
    expect(r.tasks.listLimit).toBe(ROLLUP_LIST_LIMIT);
    expect(Number.isNaN(Date.parse(String(r.asOf)))).toBe(false);
  });

  it('is read by the oversight roles and the province’s leader; the Office reads any province', async () => {
    for (const who of ['office', 'inspector', 'admin', 'coordLeader'] as const) {
      expect((await rollup(c.cookie[who], c.agency.hanoi)).status, who).toBe(200);
    }
  });

  it('is NOT_FOUND to a commune, a sibling province, a ministry, and for an id that is not a province', async () => {
    expect((await rollup(cookies['xa.hn'], c.agency.hanoi)).status).toBe(404);
    expect((await rollup(cookies['xa.hp'], c.agency.hanoi)).status).toBe(404);
    expect((await rollup(cookies['hp.cv'], c.agency.hanoi)).status).toBe(404);
    expect((await rollup(c.cookie.leadOfficer, c.agency.hanoi)).status).toBe(404);
    expect((await rollup(c.cookie.office, c.agency.finance)).status).toBe(404);
    expect((await rollup(c.cookie.office, 2_000_000)).status).toBe(404);
    expect((await rollup(undefined, c.agency.hanoi)).status).toBe(401);
  });
});
