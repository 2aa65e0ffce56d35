import { and, desc, eq, ne } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiSource, MATURITY_FIELD_KPI, MATURITY_THRESHOLDS } from '../../../shared/kpi-catalog';
import {
  agencySharesAtPeriods,
  aggregateShare,
  figuresFromValues,
  percentOf,
  summariseSeries,
} from '../../../shared/kpi-math';
import { isObliged } from '../../../shared/obligations';
import { parsePeriodKey } from '../../../shared/reporting-periods';
import type { KpiSummary } from '../../../shared/schemas/kpis';
import { shiftDate, vietnamDate, vietnamInstant } from '../../../shared/time';
import {
  agencies,
  changeEvents,
  progressUpdates,
  reportTemplates,
  submissionRevisions,
  submissions,
  tasks,
  templateFields,
} from '../../db/schema';
import { DEMO_PASSWORD } from '../../seed/demo';
import { seedIfEmpty } from '../../seed/index';
import { createTestApp } from '../../test/app';
import { isCurrentAgency } from '../agencies/current';
import { getCompliance } from '../submissions/queries';

/**
 * Recomputes every national value independently: straight from the accepted submissions' current
 * revisions and the template fields, through the pure functions, without kpi_figures.
 */
async function recompute(db: Awaited<ReturnType<typeof createTestApp>>['database']['db']) {
  const rows = await db
    .select({
      templateId: submissions.templateId,
      agencyId: submissions.agencyId,
      periodKey: submissions.periodKey,
      periodEnd: submissions.periodEnd,
      values: submissionRevisions.values,
    })
    .from(submissions)
    .innerJoin(
      submissionRevisions,
      and(
        eq(submissionRevisions.submissionId, submissions.id),
        eq(submissionRevisions.revision, submissions.currentRevision),
      ),
    )
    .where(eq(submissions.state, 'accepted'));
  const fields = await db
    .select({
      templateId: templateFields.templateId,
      code: templateFields.code,
      kpiCode: templateFields.kpiCode,
      kpiRole: templateFields.kpiRole,
    })
    .from(templateFields);
  const figures = rows.flatMap((r) =>
    figuresFromValues(
      fields.filter((f) => f.templateId === r.templateId),
      r.values,
    ).map((f) => ({ ...f, agencyId: r.agencyId, periodKey: r.periodKey, periodEnd: r.periodEnd })),
  );
  // Who must state a condition or maturity KPI: by the JS rule, over the templates carrying its field.
  const templates = await db
    .select({ id: reportTemplates.id, obligation: reportTemplates.obligation })
    .from(reportTemplates);
  // Today's units: those the obligations bind (docs/decisions/0028-time-versioned-agencies.md).
  const allAgencies = await db
    .select({ id: agencies.id, level: agencies.level })
    .from(agencies)
    .where(isCurrentAgency());
  const obligedFor = (code: string) => {
    const fieldKpi = code in MATURITY_THRESHOLDS ? MATURITY_FIELD_KPI : code;
    const carrying = templates.filter((t) =>
      fields.some((f) => f.templateId === t.id && f.kpiCode === fieldKpi),
    );
    return allAgencies.filter((a) => carrying.some((t) => isObliged(t.obligation, a))).map((a) => a.id);
  };
  const result = new Map<string, Map<string, number | null>>();
  for (const code of new Set(figures.map((f) => f.kpiCode))) {
    const own = figures.filter((f) => f.kpiCode === code);
    const periods = [
      ...new Map(own.map((f) => [f.periodKey, { key: f.periodKey, end: f.periodEnd }])).values(),
    ];
    const byPeriod = new Map<string, number | null>();
    if (kpiSource(code) === 'share') {
      for (const p of periods)
        byPeriod.set(p.key, aggregateShare(own.filter((f) => f.periodKey === p.key)).value);
    } else {
      for (const a of agencySharesAtPeriods(
        periods,
        obligedFor(code),
        own.map((f) => ({ agencyId: f.agencyId, periodEnd: f.periodEnd, met: f.numerator > 0 })),
      ))
        byPeriod.set(a.periodKey, a.value);
    }
    result.set(code, byPeriod);
  }
  return result;
}

describe('KPI attainment', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: string;
  let inspector: string;
  let hanoiOfficer: string;
  let hanoiLeader: string;
  let btcOfficer: string;
  let hanoiId: number;
  let btcId: number;

  beforeAll(async () => {
    t = await createTestApp();
    await seedIfEmpty(t.database.db, { communes: 0, demo: true, today: vietnamDate(new Date()) });
    office = await t.login('vpcp', DEMO_PASSWORD);
    inspector = await t.login('thanhtra', DEMO_PASSWORD);
    hanoiOfficer = await t.login('hanoi.chuyenvien', DEMO_PASSWORD);
    hanoiLeader = await t.login('hanoi.lanhdao', DEMO_PASSWORD);
    btcOfficer = await t.login('btc.chuyenvien', DEMO_PASSWORD);
    const named = await t.database.db.select({ id: agencies.id, nameVi: agencies.nameVi }).from(agencies);
    hanoiId = named.find((a) => a.nameVi === 'Thành phố Hà Nội')?.id ?? 0;
    btcId = named.find((a) => a.nameVi === 'Bộ Tài chính')?.id ?? 0;
  }, 180_000);
  afterAll(() => t.close());

  it('shows the demo history’s lagging KPIs off track, far below the planned path', async () => {
    const res = await t.trpc('kpis.overview', { status: 'off_track' }, { method: 'GET', cookie: inspector });
    const codes = (res.data.items as KpiSummary[]).map((k) => k.code);
    expect(codes).toEqual(expect.arrayContaining(['DV-02', 'NL-01']));
  });

  it('national values agree with an independent recomputation from accepted submissions', async () => {
    const res = await t.trpc('kpis.overview', {}, { method: 'GET', cookie: hanoiOfficer });
    expect(res.status).toBe(200);
    const items: KpiSummary[] = res.data.items;
    expect(items).toHaveLength(20);
    const expected = await recompute(t.database.db);
    let compared = 0;
    for (const item of items.filter((k) => k.source !== 'system')) {
      const byPeriod = expected.get(item.code);
      expect(byPeriod, item.code).toBeDefined();
      expect(item.series.map((p) => p.periodKey).sort()).toEqual([...(byPeriod?.keys() ?? [])].sort());
      for (const point of item.series) {
        expect(point.value, `${item.code} ${point.periodKey}`).toBeCloseTo(
          byPeriod?.get(point.periodKey) ?? -1,
          9,
        );
        compared++;
      }
      expect(item.latest?.value).toBeCloseTo(
        percentOf(item.latest?.numerator ?? 0, item.latest?.denominator ?? 0) ?? -1,
        9,
      );
    }
    expect(compared).toBeGreaterThanOrEqual(18 * 2);
    // Every KPI says how it stands, with a reason in both languages.
    for (const item of items) {
      expect(['on_track', 'at_risk', 'off_track', 'insufficient_data']).toContain(item.status);
      expect(item.statusReason.vi.length).toBeGreaterThan(10);
      expect(item.targets.length).toBeGreaterThan(0);
    }
    const filtered = await t.trpc('kpis.overview', { pillar: 'data' }, { method: 'GET', cookie: office });
    expect(filtered.data.items.map((k: KpiSummary) => k.code)).toEqual([
      'DL-01',
      'DL-02',
      'DL-03',
      'DL-04',
      'DL-05',
      'DL-06',
      'DL-07',
    ]);
    const counts = await t.trpc('kpis.offTrackCount', undefined, { method: 'GET', cookie: office });
    expect(counts.data.total).toBe(20);
    expect(counts.data.offTrack).toBe(items.filter((k) => k.status === 'off_track').length);
  });

  it('maturity shares are nested: level 5 ≤ level 4+ ≤ level 3+', async () => {
    const res = await t.trpc('kpis.overview', { pillar: 'data' }, { method: 'GET', cookie: office });
    const by = Object.fromEntries(res.data.items.map((k: KpiSummary) => [k.code, k.latest?.value ?? 0]));
    expect(by['DL-06']).toBeLessThanOrEqual(by['DL-05']);
    expect(by['DL-05']).toBeLessThanOrEqual(by['DL-04']);
  });

  it('measures VH-03 as agencies report it, and punctuality as a system indicator, as a recount finds', async () => {
    const db = t.database.db;
    // VH-03 is the agencies' reporting regimes run through the Reporting Information System: a reported
    // share, Σ regimes through the system / Σ regimes, from the quarterly report.
    const vh03 = await t.trpc('kpis.detail', { code: 'VH-03' }, { method: 'GET', cookie: inspector });
    expect(vh03.status).toBe(200);
    expect(vh03.data.source).toBe('share');
    const regimes = await db
      .select({ values: submissionRevisions.values })
      .from(submissions)
      .innerJoin(
        submissionRevisions,
        and(
          eq(submissionRevisions.submissionId, submissions.id),
          eq(submissionRevisions.revision, submissions.currentRevision),
        ),
      )
      .where(and(eq(submissions.state, 'accepted'), eq(submissions.periodKey, vh03.data.latest.periodKey)));
    const quarterly = regimes.filter((r) => r.values.vh_03_den !== undefined);
    expect(quarterly.length).toBe(vh03.data.latest.agencies);
    expect({ n: vh03.data.latest.numerator, d: vh03.data.latest.denominator }).toEqual(
      quarterly.reduce(
        (sum, r) => ({ n: sum.n + Number(r.values.vh_03_num), d: sum.d + Number(r.values.vh_03_den) }),
        { n: 0, d: 0 },
      ),
    );
    for (const r of quarterly)
      expect(Number(r.values.vh_03_num)).toBeLessThanOrEqual(Number(r.values.vh_03_den));

    // The punctuality the product used to call VH-03 is a system indicator (HT-01), not a Program KPI:
    // reports submitted by their deadline / reports due, per quarter; recounted with the compliance report.
    const overview = await t.trpc('kpis.overview', {}, { method: 'GET', cookie: inspector });
    expect(overview.data.items.map((k: KpiSummary) => k.code)).not.toContain('HT-01');
    const [onTime] = overview.data.indicators;
    expect(onTime).toMatchObject({
      code: 'HT-01',
      nameEn: 'Periodic reports submitted on time through the system',
    });
    expect(onTime).not.toHaveProperty('status');
    expect(onTime).not.toHaveProperty('targets');
    const quarter = parsePeriodKey(onTime.latest.periodKey);
    let expected = 0;
    let inTime = 0;
    let late = 0;
    for (const template of await db.select().from(reportTemplates)) {
      const report = await getCompliance(db, { templateId: template.id });
      const inQuarter = new Set(
        report.periods.filter((p) => p.end >= quarter.start && p.end <= quarter.end).map((p) => p.key),
      );
      for (const a of report.agencies)
        for (const [key, cell] of Object.entries(a.cells)) {
          if (!inQuarter.has(key) || cell.state === 'pending' || cell.state === 'early') continue;
          expected++;
          if (cell.state === 'on_time') inTime++;
          if (cell.state === 'late') late++;
        }
    }
    expect(expected).toBeGreaterThan(0);
    // The seeded history has late reports: they are not counted as on time.
    expect(late).toBeGreaterThan(0);
    expect({ n: onTime.latest.numerator, d: onTime.latest.denominator }).toEqual({ n: inTime, d: expected });
    const filtered = await t.trpc(
      'kpis.overview',
      { status: 'off_track' },
      { method: 'GET', cookie: inspector },
    );
    expect(filtered.data.indicators).toEqual([]);

    const vh04 = await t.trpc('kpis.detail', { code: 'VH-04' }, { method: 'GET', cookie: inspector });
    const q4 = parsePeriodKey(vh04.data.latest.periodKey);
    const from = vietnamInstant(q4.start).getTime();
    const to = vietnamInstant(shiftDate(q4.end, 1)).getTime();
    const allTasks = await db.select().from(tasks);
    const updates = await db.select().from(progressUpdates);
    const open = allTasks.filter(
      (task) =>
        !task.withdrawn &&
        task.createdAt.getTime() < to &&
        (!task.completedOn || task.completedOn >= q4.start),
    );
    const followed = open.filter(
      (task) =>
        (task.completedOn !== null && task.completedOn >= q4.start && task.completedOn <= q4.end) ||
        updates.some(
          (u) =>
            u.taskId === task.id &&
            u.agencyId === task.leadAgencyId &&
            u.createdAt.getTime() >= from &&
            u.createdAt.getTime() < to,
        ),
    );
    expect(open.length).toBeGreaterThan(0);
    expect({ n: vh04.data.latest.numerator, d: vh04.data.latest.denominator }).toEqual({
      n: followed.length,
      d: open.length,
    });
  });

  it('ranks every agency lowest first for oversight roles, and refuses officers', async () => {
    const res = await t.trpc('kpis.detail', { code: 'DV-01' }, { method: 'GET', cookie: inspector });
    expect(res.status).toBe(200);
    const values = res.data.ranking
      .map((r: { value: number | null }) => r.value)
      .filter((v: number | null) => v !== null);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(res.data.heatmap.periods).toEqual(res.data.series.map((p: { periodKey: string }) => p.periodKey));
    expect(res.data.heatmap.rows).toHaveLength(res.data.ranking.length);
    const denied = await t.trpc('kpis.detail', { code: 'DV-01' }, { method: 'GET', cookie: hanoiOfficer });
    expect(denied.error.data.appCode).toBe('FORBIDDEN');
    const bad = await t.trpc('kpis.detail', { code: 'nope' }, { method: 'GET', cookie: inspector });
    expect(bad.error.data.appCode).toBe('VALIDATION');
    const missing = await t.trpc('kpis.detail', { code: 'XX-99' }, { method: 'GET', cookie: inspector });
    expect(missing.error.data.appCode).toBe('NOT_FOUND');
    const anonymous = await t.trpc('kpis.overview', {}, { method: 'GET' });
    expect(anonymous.error.data.appCode).toBe('UNAUTHENTICATED');
  });

  it("keeps an agency's scorecard and submissions to its own users and oversight", async () => {
    const own = await t.trpc(
      'kpis.scorecard',
      { agencyId: hanoiId },
      { method: 'GET', cookie: hanoiOfficer },
    );
    expect(own.status).toBe(200);
    expect(own.data.items).toHaveLength(20);
    expect(own.data.agency.nameVi).toBe('Thành phố Hà Nội');
    // Its DV-01 is the one of its latest accepted quarterly report.
    const [latest] = await t.database.db
      .select({ periodKey: submissions.periodKey, values: submissionRevisions.values })
      .from(submissions)
      .innerJoin(
        submissionRevisions,
        and(
          eq(submissionRevisions.submissionId, submissions.id),
          eq(submissionRevisions.revision, submissions.currentRevision),
        ),
      )
      .innerJoin(reportTemplates, eq(reportTemplates.id, submissions.templateId))
      .where(
        and(
          eq(submissions.agencyId, hanoiId),
          eq(submissions.state, 'accepted'),
          eq(reportTemplates.code, 'BC-CPS-QUY'),
        ),
      )
      .orderBy(desc(submissions.periodEnd))
      .limit(1);
    const dv01 = own.data.items.find((i: { code: string }) => i.code === 'DV-01');
    expect(dv01.agencyPeriodKey).toBe(latest?.periodKey);
    expect(dv01.agencyValue).toBeCloseTo(
      percentOf(Number(latest?.values.dv_01_num), Number(latest?.values.dv_01_den)) ?? -1,
      9,
    );
    const other = await t.trpc(
      'kpis.scorecard',
      { agencyId: btcId },
      { method: 'GET', cookie: hanoiOfficer },
    );
    // Out of scope reads as missing, like every read of what one may not see.
    expect(other.error.data.appCode).toBe('NOT_FOUND');
    const otherSubs = await t.trpc(
      'kpis.agencySubmissions',
      { code: 'DV-01', agencyId: btcId },
      { method: 'GET', cookie: hanoiOfficer },
    );
    expect(otherSubs.error.data.appCode).toBe('NOT_FOUND');
    const asInspector = await t.trpc(
      'kpis.agencySubmissions',
      { code: 'DV-01', agencyId: btcId },
      { method: 'GET', cookie: inspector },
    );
    expect(asInspector.status).toBe(200);
    expect(asInspector.data.rows.length).toBeGreaterThan(0);
    const ownSubs = await t.trpc(
      'kpis.agencySubmissions',
      { code: 'DV-01', agencyId: btcId },
      { method: 'GET', cookie: btcOfficer },
    );
    expect(ownSubs.status).toBe(200);
    const audit = await t.trpc(
      'audit.forEntity',
      { entityType: 'submission', entityId: asInspector.data.rows[0].submissionId },
      { method: 'GET', cookie: hanoiOfficer },
    );
    expect(audit.error.data.appCode).toBe('FORBIDDEN');
  });

  // The scorecard's "national status" column showed the agency's own status: the two are told apart here.
  it("gives each scorecard row the KPI's national status and, apart, the agency's own", async () => {
    const get = (path: string, input: unknown) =>
      t.trpc(path, input, { method: 'GET', cookie: hanoiOfficer });
    const card = await get('kpis.scorecard', { agencyId: hanoiId });
    const overview = await get('kpis.overview', {});
    const national = new Map(overview.data.items.map((k: KpiSummary) => [k.code, k.status]));
    type Row = { code: string; nationalStatus: string; agencyStatus: string; targets: KpiSummary['targets'] };
    const rows = card.data.items as Row[];
    expect(rows.map((r) => [r.code, r.nationalStatus])).toEqual(
      rows.map((r) => [r.code, national.get(r.code)]),
    );
    // The agency's own status: the same rule on its own accepted figures, recomputed from its submissions.
    const dv01 = rows.find((r) => r.code === 'DV-01');
    const subs = await get('kpis.agencySubmissions', { code: 'DV-01', agencyId: hanoiId });
    const series = (
      subs.data.rows as { state: string; periodKey: string; periodEnd: string; value: number | null }[]
    )
      .filter((r) => r.state === 'accepted')
      .sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : 1))
      .map(({ periodKey, periodEnd, value }) => ({ periodKey, periodEnd, value }));
    expect(series.length).toBeGreaterThan(0);
    expect(dv01?.agencyStatus).toBe(summariseSeries(series, dv01?.targets ?? []).status);
  });

  it('a corrected submission, accepted, changes the national value and announces kpi.changed', async () => {
    const db = t.database.db;
    const [template] = await db.select().from(reportTemplates).where(eq(reportTemplates.code, 'BC-CPS-QUY'));
    const [target] = await db
      .select()
      .from(submissions)
      .where(
        and(
          eq(submissions.agencyId, hanoiId),
          eq(submissions.templateId, template?.id ?? 0),
          eq(submissions.state, 'accepted'),
        ),
      )
      .orderBy(desc(submissions.periodEnd))
      .limit(1);
    if (!target) throw new Error('no accepted Hà Nội report in the seed');
    const [revision] = await db
      .select()
      .from(submissionRevisions)
      .where(eq(submissionRevisions.submissionId, target.id));
    const before = await t.trpc('kpis.detail', { code: 'DV-01' }, { method: 'GET', cookie: office });
    const point = (d: typeof before) =>
      d.data.series.find((p: { periodKey: string }) => p.periodKey === target.periodKey)?.value as number;
    const old = { n: Number(revision?.values.dv_01_num), d: Number(revision?.values.dv_01_den) };

    const reopened = await t.trpc(
      'submissions.reopen',
      { id: target.id, version: target.version, reason: 'Số liệu DV-01 chưa chính xác' },
      { cookie: office },
    );
    expect(reopened.status).toBe(200);
    const [reopenEvent] = await db
      .select()
      .from(changeEvents)
      .where(eq(changeEvents.type, 'kpi.changed'))
      .orderBy(desc(changeEvents.id))
      .limit(1);
    expect(reopenEvent?.payload).toMatchObject({ submissionId: target.id, agencyId: hanoiId });
    const withoutHanoi = await t.trpc('kpis.detail', { code: 'DV-01' }, { method: 'GET', cookie: office });
    const ranking = withoutHanoi.data.ranking.find((r: { agencyId: number }) => r.agencyId === hanoiId);
    expect(ranking.periodKey).not.toBe(target.periodKey);

    // The corrected figures: every procedure online (numerator = denominator), a jump the agency explains.
    const values = { ...(revision?.values ?? {}), dv_01_num: old.d };
    const explanations = {
      dv_01_change: 'Toàn bộ thủ tục đủ điều kiện đã được cung cấp trực tuyến toàn trình.',
    };
    const saved = await t.trpc(
      'submissions.saveDraft',
      {
        templateId: target.templateId,
        periodKey: target.periodKey,
        values,
        explanations,
        version: reopened.data.version,
      },
      { cookie: hanoiOfficer },
    );
    expect(saved.status).toBe(200);
    const submitted = await t.trpc(
      'submissions.submit',
      { id: target.id, version: saved.data.version },
      { cookie: hanoiOfficer },
    );
    const approved = await t.trpc(
      'submissions.approve',
      { id: target.id, version: submitted.data.version, decision: 'accept' },
      { cookie: hanoiLeader },
    );
    const accepted = await t.trpc(
      'submissions.review',
      { id: target.id, version: approved.data.version, decision: 'accept' },
      { cookie: office },
    );
    expect(accepted.data.state).toBe('accepted');

    const after = await t.trpc('kpis.detail', { code: 'DV-01' }, { method: 'GET', cookie: office });
    const latestFor = (d: typeof before) =>
      d.data.series.find((p: { periodKey: string }) => p.periodKey === target.periodKey);
    // National numerator rose by exactly the correction; the value is Σ/Σ again.
    const beforeNational = await nationalSums(target.periodKey);
    expect(point(after)).toBeCloseTo(percentOf(beforeNational.n, beforeNational.d) ?? -1, 9);
    if (old.n !== old.d) expect(point(after)).not.toBeCloseTo(point(before), 9);
    expect(latestFor(after)).toBeDefined();
    const events = await db
      .select()
      .from(changeEvents)
      .where(eq(changeEvents.type, 'kpi.changed'))
      .orderBy(desc(changeEvents.id))
      .limit(1);
    expect(events[0]?.payload).toMatchObject({ submissionId: target.id, agencyId: hanoiId });
    expect((events[0]?.payload as { kpiCodes?: string[] } | undefined)?.kpiCodes).toContain('DV-01');
    const drill = await t.trpc(
      'kpis.agencySubmissions',
      { code: 'DV-01', agencyId: hanoiId },
      { method: 'GET', cookie: inspector },
    );
    const row = drill.data.rows.find((r: { submissionId: number }) => r.submissionId === target.id);
    expect(row).toMatchObject({
      revision: 2,
      numerator: old.d,
      denominator: old.d,
      value: 100,
      state: 'accepted',
    });
    const audit = await t.trpc(
      'audit.forEntity',
      { entityType: 'submission', entityId: target.id },
      { method: 'GET', cookie: inspector },
    );
    expect(audit.data.map((a: { action: string }) => a.action).slice(0, 2)).toEqual([
      'submission.accepted',
      'submission.leader_accept',
    ]);

    async function nationalSums(periodKey: string) {
      const accepted = await db
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
            eq(submissions.templateId, target?.templateId ?? 0),
            eq(submissions.periodKey, periodKey),
            eq(submissions.state, 'accepted'),
          ),
        );
      return accepted.reduce(
        (s, x) => ({ n: s.n + Number(x.values.dv_01_num), d: s.d + Number(x.values.dv_01_den) }),
        { n: 0, d: 0 },
      );
    }
  });

  it('exports each level as CSV and Excel, with the procedures’ permissions', async () => {
    const csv = await t.app.inject({ url: '/export/kpis.csv', headers: { cookie: hanoiOfficer } });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toContain('"Mã"');
    expect(lines.some((l) => l.startsWith('"DV-01"'))).toBe(true);
    // The overview's filters, as the page sends them, choose the rows.
    const filtered = await t.app.inject({
      url: '/export/kpis.csv?pillar=data&lang=vi',
      headers: { cookie: hanoiOfficer },
    });
    const data = await t.trpc('kpis.overview', { pillar: 'data' }, { method: 'GET', cookie: hanoiOfficer });
    const rows = filtered.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    expect(data.data.items.length).toBeGreaterThan(0);
    expect(rows.map((l) => l.split(',')[0])).toEqual(
      data.data.items.map((k: { code: string }) => `"${k.code}"`),
    );

    const ranking = await t.app.inject({
      url: '/export/kpis/DV-01/ranking.xlsx?lang=en',
      headers: { cookie: inspector },
    });
    expect(ranking.statusCode).toBe(200);
    expect(ranking.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(ranking.rawPayload as unknown as ArrayBuffer);
    const detail = await t.trpc('kpis.detail', { code: 'DV-01' }, { method: 'GET', cookie: inspector });
    expect((workbook.worksheets[0]?.rowCount ?? 0) - 3).toBe(detail.data.ranking.length);
    expect(workbook.worksheets[0]?.getRow(3).getCell(1).value).toBe('Rank');

    const refused = await t.app.inject({
      url: '/export/kpis/DV-01/ranking.csv',
      headers: { cookie: hanoiOfficer },
    });
    expect(refused.statusCode).toBe(403);
    const anonymous = await t.app.inject({ url: '/export/kpis.csv' });
    expect(anonymous.statusCode).toBe(401);

    const mine = await t.app.inject({
      url: `/export/kpis/DV-01/agencies/${hanoiId}.csv`,
      headers: { cookie: hanoiOfficer },
    });
    expect(mine.statusCode).toBe(200);
    const subs = await t.trpc(
      'kpis.agencySubmissions',
      { code: 'DV-01', agencyId: hanoiId },
      { method: 'GET', cookie: hanoiOfficer },
    );
    expect(mine.body.trim().split('\r\n')).toHaveLength(subs.data.rows.length + 1);
    const theirs = await t.app.inject({
      url: `/export/kpis/DV-01/agencies/${btcId}.xlsx`,
      headers: { cookie: hanoiOfficer },
    });
    expect(theirs.statusCode).toBe(404);
    const bad = await t.app.inject({
      url: `/export/kpis/bad/agencies/${btcId}.csv`,
      headers: { cookie: inspector },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('exports one submission’s revisions and audit entries, to whoever may open it', async () => {
    const [accepted] = await t.database.db
      .select({ id: submissions.id })
      .from(submissions)
      .where(and(eq(submissions.agencyId, btcId), eq(submissions.state, 'accepted')))
      .limit(1);
    const csv = await t.app.inject({
      url: `/export/submissions/${accepted?.id}/history.csv`,
      headers: { cookie: inspector },
    });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toContain('Người thực hiện');
    expect(lines.filter((l) => l.includes('Gửi báo cáo'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('Lãnh đạo duyệt'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('VPCP chấp nhận'))).toHaveLength(1);
    // The seeded history has its audit trail: submit, leader's approval, the Office's acceptance.
    expect(lines.filter((l) => l.startsWith('"Nhật ký"')).map((l) => l.split('","')[4])).toEqual([
      'submission.submit',
      'submission.leader_accept',
      'submission.accepted',
    ]);
    const xlsx = await t.app.inject({
      url: `/export/submissions/${accepted?.id}/history.xlsx?lang=en`,
      headers: { cookie: office },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');

    const [draft] = await t.database.db
      .select({ id: submissions.id })
      .from(submissions)
      .where(and(ne(submissions.agencyId, hanoiId), ne(submissions.state, 'accepted')))
      .limit(1);
    expect(draft).toBeDefined();
    const theirs = await t.app.inject({
      url: `/export/submissions/${draft?.id}/history.csv`,
      headers: { cookie: hanoiOfficer },
    });
    expect(theirs.statusCode).toBe(404);
    expect((await t.app.inject({ url: `/export/submissions/${accepted?.id}/history.csv` })).statusCode).toBe(
      401,
    );
    expect(
      (await t.app.inject({ url: '/export/submissions/abc/history.csv', headers: { cookie: inspector } }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await t.app.inject({
          url: '/export/submissions/99999999/history.csv',
          headers: { cookie: inspector },
        })
      ).statusCode,
    ).toBe(404);
  });
});
