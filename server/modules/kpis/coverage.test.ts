import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isObliged } from '../../../shared/obligations';
import { periodsBetween } from '../../../shared/reporting-periods';
import type { KpiSummary } from '../../../shared/schemas/kpis';
import { vietnamInstant } from '../../../shared/time';
import {
  agencies,
  auditLog,
  changeEvents,
  kpiFigures,
  reportTemplates,
  submissionRevisions,
  submissions,
} from '../../db/schema';
import { DEMO_PASSWORD } from '../../seed/demo';
import { seedIfEmpty } from '../../seed/index';
import { createTestApp } from '../../test/app';
import { isCurrentAgency } from '../agencies/current';
import { countOffTrack, getKpiDetail, getKpiOverview } from './service';

/**
 * Issue 12, point 3: one agency's report for a quarter that has not closed must not become "the
 * national value". The demo history is seeded as of 6 December 2026: 2026-Q3 closed (deadline day 20,
 * a Sunday, moved to Monday 21 September), 2026-Q4 running (cut-off 14 December, deadline Sunday 20
 * December moved to Monday 21 December by the working calendar).
 */
const SEEDED_ON = '2026-12-06';
const before = vietnamInstant(SEEDED_ON, 10);
/** The day after Q4's deadline: the quarter is closed, whatever its coverage. */
const afterDeadline = vietnamInstant('2026-12-22', 10);

describe('coverage behind every national figure', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let db: Awaited<ReturnType<typeof createTestApp>>['database']['db'];
  let hanoiId: number;
  let obligedIds: number[];
  let initial: KpiSummary[];
  let initialOffTrack: Awaited<ReturnType<typeof countOffTrack>>;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.database.db;
    await seedIfEmpty(db, { communes: 0, demo: true, today: SEEDED_ON });
    const all = await db
      .select({ id: agencies.id, level: agencies.level, nameVi: agencies.nameVi })
      .from(agencies)
      .where(isCurrentAgency());
    hanoiId = all.find((a) => a.nameVi === 'Thành phố Hà Nội')?.id ?? 0;
    const [quarterly] = await db.select().from(reportTemplates).where(eq(reportTemplates.code, 'BC-CPS-QUY'));
    if (!quarterly) throw new Error('no quarterly report in the seed');
    obligedIds = all.filter((a) => isObliged(quarterly.obligation, a)).map((a) => a.id);
    initial = (await getKpiOverview(db, {}, before)).items;
    initialOffTrack = await countOffTrack(db, before);

    // Hà Nội reports Q4 early (its latest accepted figures again), its leader approves, the Office accepts.
    const officer = await t.login('hanoi.chuyenvien', DEMO_PASSWORD);
    const leader = await t.login('hanoi.lanhdao', DEMO_PASSWORD);
    const office = await t.login('vpcp', DEMO_PASSWORD);
    const [previous] = await db
      .select({ values: submissionRevisions.values })
      .from(submissions)
      .innerJoin(
        submissionRevisions,
        and(
          eq(submissionRevisions.submissionId, submissions.id),
          eq(submissionRevisions.revision, submissions.currentRevision),
        ),
      )
      .where(
        and(
          eq(submissions.agencyId, hanoiId),
          eq(submissions.templateId, quarterly.id),
          eq(submissions.state, 'accepted'),
        ),
      )
      .orderBy(desc(submissions.periodEnd))
      .limit(1);
    const saved = await t.trpc(
      'submissions.saveDraft',
      { templateId: quarterly.id, periodKey: '2026-Q4', values: previous?.values ?? {} },
      { cookie: officer },
    );
    expect(saved.status).toBe(200);
    const sent = await t.trpc(
      'submissions.submit',
      { id: saved.data.id, version: saved.data.version },
      { cookie: officer },
    );
    const approved = await t.trpc(
      'submissions.approve',
      { id: saved.data.id, version: sent.data.version, decision: 'accept' },
      { cookie: leader },
    );
    const accepted = await t.trpc(
      'submissions.review',
      { id: saved.data.id, version: approved.data.version, decision: 'accept' },
      { cookie: office },
    );
    expect(accepted.data.state).toBe('accepted');
  }, 180_000);
  afterAll(() => t.close());

  /** Accepted figures of a KPI in a period, per agency, straight from the figures table. */
  async function reporters(code: string, periodKey: string) {
    const rows = await db
      .select({ agencyId: kpiFigures.agencyId })
      .from(kpiFigures)
      .where(and(eq(kpiFigures.kpiCode, code), eq(kpiFigures.periodKey, periodKey)));
    return new Set(rows.map((r) => r.agencyId));
  }

  it('the closed quarter stays the national value; the early report is provisional: 1 of M', async () => {
    const after = (await getKpiOverview(db, {}, before)).items;
    const dv01 = after.find((k) => k.code === 'DV-01');
    const was = initial.find((k) => k.code === 'DV-01');
    expect(dv01?.latest).toEqual(was?.latest);
    expect(dv01?.latest).toMatchObject({ periodKey: '2026-Q3', closed: true, closesOn: '2026-09-21' });
    // N of M: the agencies with an accepted Q3 figure, of those the quarterly report obliges.
    const q3 = await reporters('DV-01', '2026-Q3');
    expect(dv01?.latest?.agencies).toBe(q3.size);
    expect(dv01?.latest?.obliged).toBe(obligedIds.length);
    expect(dv01?.latest?.coverage).toBeCloseTo((100 * q3.size) / obligedIds.length, 9);
    expect(dv01?.provisional).toMatchObject({
      periodKey: '2026-Q4',
      agencies: 1,
      obliged: obligedIds.length,
      closed: false,
      closesOn: '2026-12-21',
    });
    expect(dv01?.provisional?.coverage).toBeCloseTo(100 / obligedIds.length, 9);
    expect(dv01?.coverageFloor).toBe(80);
    // Nothing judged moved: series, forecast and status of every KPI, and the off-track count.
    for (const kpi of after) {
      const old = initial.find((k) => k.code === kpi.code);
      expect(kpi.series, kpi.code).toEqual(old?.series);
      expect(kpi.status, kpi.code).toBe(old?.status);
      expect(kpi.forecast, kpi.code).toEqual(old?.forecast);
      if (kpi.source !== 'system') expect(kpi.provisional?.periodKey, kpi.code).toBe('2026-Q4');
    }
    expect(await countOffTrack(db, before)).toEqual(initialOffTrack);
  });

  it('lists who is missing, for the national value and for the provisional period', async () => {
    const detail = await getKpiDetail(db, 'DV-01', before);
    const q3 = await reporters('DV-01', '2026-Q3');
    expect(detail.coverageDetail.latest?.periodKey).toBe('2026-Q3');
    expect(detail.coverageDetail.latest?.missing.map((m) => m.agencyId).sort()).toEqual(
      obligedIds.filter((id) => !q3.has(id)).sort(),
    );
    const provisional = detail.coverageDetail.provisional;
    expect(provisional?.periodKey).toBe('2026-Q4');
    expect(provisional?.missing).toHaveLength(obligedIds.length - 1);
    expect(provisional?.missing.map((m) => m.agencyId)).not.toContain(hanoiId);
    expect(provisional?.missing.every((m) => m.nameVi.length > 0 && m.carriedFrom === null)).toBe(true);
    // The heatmap shows the provisional quarter as its last column, apart from the series.
    expect(detail.heatmap.periods).toEqual([...detail.series.map((p) => p.periodKey), '2026-Q4']);
    expect(detail.heatmap.provisionalPeriod).toBe('2026-Q4');
    // The ranking is as of the national value's quarter: Hà Nội's Q4 figure is not in it.
    const hanoi = detail.ranking.find((r) => r.agencyId === hanoiId);
    expect(hanoi?.periodKey).not.toBe('2026-Q4');
  });

  it('carried-forward statements of "share of agencies" KPIs say their period and age', async () => {
    const detail = await getKpiDetail(db, 'DL-01', before);
    expect(detail.source).toBe('agency_condition');
    const reference = detail.latest?.periodKey ?? '';
    expect(reference).toBe('2026-Q3');
    const figures = await db
      .select({
        agencyId: kpiFigures.agencyId,
        periodKey: kpiFigures.periodKey,
        periodEnd: kpiFigures.periodEnd,
      })
      .from(kpiFigures)
      .where(eq(kpiFigures.kpiCode, 'DL-01'));
    let carried = 0;
    for (const id of obligedIds) {
      const own = figures
        .filter((f) => f.agencyId === id && f.periodEnd <= (detail.latest?.periodEnd ?? ''))
        .sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : 1));
      const used = own.at(-1);
      const row = detail.ranking.find((r) => r.agencyId === id);
      expect(row?.periodKey ?? null, String(id)).toBe(used?.periodKey ?? null);
      const age = used ? periodsBetween(used.periodKey, reference) : null;
      expect(row?.age ?? null).toBe(age);
      expect(row?.carriedForward).toBe(age !== null && age > 0);
      if (age !== null && age > 0) carried++;
    }
    // The seeded history has quarters an agency missed or that the Office has not accepted yet.
    expect(carried).toBeGreaterThan(0);
    expect(detail.latest?.carriedForward).toBe(carried);
    expect((detail.latest?.agencies ?? 0) + carried).toBe(
      detail.ranking.filter((r) => r.periodKey !== null).length,
    );
    // Those missing from the quarter show which earlier statement still counts.
    const missing = detail.coverageDetail.latest?.missing ?? [];
    expect(missing.filter((m) => m.carriedFrom !== null)).toHaveLength(carried);
    // Q4: Hà Nội stated it, every other statement is carried.
    expect(detail.provisional).toMatchObject({ periodKey: '2026-Q4', agencies: 1 });
    expect(detail.provisional?.carriedForward).toBe(
      new Set(
        figures
          .filter((f) => f.agencyId !== hanoiId && obligedIds.includes(f.agencyId))
          .map((f) => f.agencyId),
      ).size,
    );
  });

  it('the quarter becomes the national value once its deadline has passed', async () => {
    const dv01 = (await getKpiOverview(db, {}, afterDeadline)).items.find((k) => k.code === 'DV-01');
    expect(dv01?.latest).toMatchObject({ periodKey: '2026-Q4', agencies: 1, closed: true });
    expect(dv01?.provisional).toBeNull();
    expect(dv01?.series.at(-1)?.periodKey).toBe('2026-Q4');
  });

  it('or once its coverage reaches the floor the administrator sets', async () => {
    const admin = await t.login('quantri', DEMO_PASSWORD);
    const office = await t.login('vpcp', DEMO_PASSWORD);
    const refused = await t.trpc(
      'kpis.setCoverageFloor',
      { code: 'DV-01', coverageFloor: 1 },
      { cookie: office },
    );
    expect(refused.error.data.appCode).toBe('FORBIDDEN');
    const bad = await t.trpc(
      'kpis.setCoverageFloor',
      { code: 'DV-01', coverageFloor: 120 },
      { cookie: admin },
    );
    expect(bad.error.data.appCode).toBe('VALIDATION');

    // 1 of M is over a 1 % floor: Q4 counts before its deadline, without being closed.
    const set = await t.trpc('kpis.setCoverageFloor', { code: 'DV-01', coverageFloor: 1 }, { cookie: admin });
    expect(set.data).toEqual({ code: 'DV-01', coverageFloor: 1 });
    const [event] = await db.select().from(changeEvents).orderBy(desc(changeEvents.id)).limit(1);
    expect(event).toMatchObject({ type: 'kpi.changed', payload: { kpiCodes: ['DV-01'] } });
    const [audit] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ action: 'kpi.coverage_floor', entityId: 'DV-01', after: set.data });
    const overview = await getKpiOverview(db, {}, before);
    const dv01 = overview.items.find((k) => k.code === 'DV-01');
    expect(dv01).toMatchObject({ coverageFloor: 1, provisional: null });
    expect(dv01?.latest).toMatchObject({ periodKey: '2026-Q4', agencies: 1, closed: false });
    // Only that KPI: the others keep Q4 provisional.
    expect(overview.items.find((k) => k.code === 'DV-02')?.provisional?.periodKey).toBe('2026-Q4');

    await t.trpc('kpis.setCoverageFloor', { code: 'DV-01', coverageFloor: 80 }, { cookie: admin });
    const restored = (await getKpiOverview(db, {}, before)).items.find((k) => k.code === 'DV-01');
    expect(restored?.latest?.periodKey).toBe('2026-Q3');
  });
});
