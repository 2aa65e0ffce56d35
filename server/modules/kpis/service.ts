import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AgencyBorders, AgencyLevel } from '../../../shared/agencies';
import { regroupFigures } from '../../../shared/agency-lineage';
import { AppError } from '../../../shared/errors';
import { kpiDefinition, kpiSource, MATURITY_FIELD_KPI, SYSTEM_INDICATORS } from '../../../shared/kpi-catalog';
import {
  aggregateShare,
  figuresFromValues,
  isPublishedPeriod,
  percentOf,
  splitProvisional,
  summariseSeries,
  trendOf,
} from '../../../shared/kpi-math';
import type { KpiSource, Pillar } from '../../../shared/kpi-vocabulary';
import { periodsBetween } from '../../../shared/reporting-periods';
import type {
  AgencyKpiRow,
  AgencyKpiSubmissions,
  KpiDetail,
  KpiOverviewInput,
  KpiPeriodCoverage,
  KpiPeriodValue,
  KpiSummary,
  Scorecard,
  SystemIndicatorSummary,
} from '../../../shared/schemas/kpis';
import type { PublishedAgencyFigure, PublishedKpi } from '../../../shared/schemas/open-data';
import { vietnamDate } from '../../../shared/time';
import { type Db, inTransaction } from '../../db/client';
import {
  agencies,
  kpis,
  reportTemplates,
  submissionRevisions,
  submissions,
  templateFields,
} from '../../db/schema';
import { loadSuccessors } from '../agencies/lineage';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import { changeCache, changeMarkOf } from '../live/change-cache';
import { recordChange } from '../live/record';
import { currentRevisionOf } from '../submissions/current-revision';
import { assertMayReadAgencyKpis, canSetCoverageFloor } from './policy';
import {
  type AgencyFigure,
  agencyFigures,
  eventMarks,
  loadCatalog,
  obligedAgencyIds,
  type PeriodAggregate,
  rankingAgencies,
  reportedAggregates,
  systemFigures,
} from './queries';

type CatalogKpi = Awaited<ReturnType<typeof loadCatalog>>[number];

/** National Σ/Σ per period of the system-computed KPIs (the same sum as the share KPIs). */
function systemAggregates(rows: readonly AgencyFigure[]): PeriodAggregate[] {
  const groups = new Map<string, AgencyFigure[]>();
  for (const r of rows) {
    const key = `${r.kpiCode}|${r.periodKey}|${r.periodEnd}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.entries()]
    .map(([key, list]) => {
      const [kpiCode = '', periodKey = '', periodEnd = ''] = key.split('|');
      const agg = aggregateShare(list);
      return { kpiCode, periodKey, periodEnd, ...agg, obliged: null, carriedForward: null, closesOn: null };
    })
    .sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : 1));
}

/** A period's national value with what it rests on. */
function periodValue(a: PeriodAggregate & { coverage: number | null; closed: boolean }): KpiPeriodValue {
  const numerator = Number(a.numerator);
  const denominator = Number(a.denominator);
  return {
    periodKey: a.periodKey,
    periodEnd: a.periodEnd,
    value: percentOf(numerator, denominator),
    numerator,
    denominator,
    agencies: Number(a.agencies),
    obliged: a.obliged,
    coverage: a.coverage,
    carriedForward: a.carriedForward,
    closesOn: a.closesOn,
    closed: a.closed,
  };
}

/**
 * A KPI's national summary. Only the periods that count (closed, or covered up to the KPI's floor)
 * make the series, the latest value, the trend, the forecast and the status; the newest one that does
 * not count yet is given apart as `provisional` (shared/kpi-math.ts `splitProvisional`).
 */
function summarise(kpi: CatalogKpi, aggregates: readonly PeriodAggregate[], today: string): KpiSummary {
  const own = aggregates
    .filter((a) => a.kpiCode === kpi.code)
    .sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : 1));
  const { counted, provisional } = splitProvisional(own, kpi.coverageFloor, today);
  const series = counted.map((a) => ({
    periodKey: a.periodKey,
    periodEnd: a.periodEnd,
    value: percentOf(Number(a.numerator), Number(a.denominator)),
  }));
  const latestAgg =
    [...counted].reverse().find((a) => Number(a.denominator) > 0) ?? counted[counted.length - 1];
  return {
    code: kpi.code,
    pillar: kpi.pillar as Pillar,
    nameVi: kpi.nameVi,
    nameEn: kpi.nameEn,
    unit: kpi.unit,
    source: kpiSource(kpi.code),
    definition: kpiDefinition(kpi.code),
    latest: latestAgg ? periodValue(latestAgg) : null,
    provisional: provisional ? periodValue(provisional) : null,
    coverageFloor: kpi.coverageFloor,
    targets: kpi.targets,
    ...summariseSeries(series, kpi.targets),
  };
}

/** A system indicator: its national value per quarter, nothing judged against a target. */
function summariseIndicator(
  indicator: (typeof SYSTEM_INDICATORS)[number],
  aggregates: readonly PeriodAggregate[],
): SystemIndicatorSummary {
  const own = aggregates.filter((a) => a.kpiCode === indicator.code);
  const latest = [...own].reverse().find((a) => Number(a.denominator) > 0);
  return {
    code: indicator.code,
    pillar: indicator.pillar,
    nameVi: indicator.name.vi,
    nameEn: indicator.name.en,
    unit: indicator.unit,
    definition: indicator.definition,
    latest: latest ? periodValue({ ...latest, coverage: null, closed: true }) : null,
    series: own.map((a) => ({
      periodKey: a.periodKey,
      periodEnd: a.periodEnd,
      value: percentOf(Number(a.numerator), Number(a.denominator)),
    })),
  };
}

/**
 * National summaries of every KPI, kept per database while their inputs are the same: the catalog,
 * the change-event marks the figure caches are keyed on, Vietnam's date and the obliged-agency
 * denominators (read every time). Summarising (grouping thousands of system figures, trends and
 * forecasts for 20 KPIs) cost more than the queries; a request that finds the same inputs reuses it.
 */
interface AllSummaries {
  key: string;
  today: string;
  catalog: CatalogKpi[];
  aggregates: PeriodAggregate[];
  summaries: KpiSummary[];
  indicators: SystemIndicatorSummary[];
}
const summaryMemo = new WeakMap<Db, AllSummaries>();

/** National summaries of every KPI and system indicator. */
async function buildAll(db: Db, now: Date): Promise<AllSummaries> {
  const all = await loadCatalog(db);
  const codes = (...sources: KpiSource[]) =>
    all.filter((k) => sources.includes(kpiSource(k.code))).map((k) => k.code);
  const marks = await eventMarks(db);
  const today = vietnamDate(now);
  // Aggregates for the whole catalog (cached as one), so overview and detail share the cache.
  const reported = await reportedAggregates(db, codes('share'), codes('agency_condition', 'maturity'), marks);
  const key = [
    JSON.stringify(all),
    marks.figures,
    marks.system,
    today,
    reported.map((a) => `${a.kpiCode}:${a.periodKey}:${a.denominator}:${a.obliged}:${a.closesOn}`).join(','),
  ].join('|');
  let memo = summaryMemo.get(db);
  if (memo?.key !== key) {
    const systemCodes = [...codes('system'), ...SYSTEM_INDICATORS.map((i) => i.code)];
    const system = systemAggregates(
      (await systemFigures(db, today, marks)).filter((r) => systemCodes.includes(r.kpiCode)),
    );
    const aggregates = [...reported, ...system];
    memo = {
      key,
      today,
      catalog: all,
      aggregates,
      summaries: all.map((k) => summarise(k, aggregates, today)),
      indicators: SYSTEM_INDICATORS.map((i) => summariseIndicator(i, system)),
    };
    summaryMemo.set(db, memo);
  }
  return memo;
}

/** National summaries of the given KPIs (all when none are given). */
async function buildSummaries(db: Db, now: Date, only?: string): Promise<KpiSummary[]> {
  const { summaries } = await buildAll(db, now);
  return only ? summaries.filter((k) => k.code === only) : summaries;
}

export async function getKpiOverview(
  db: Db,
  input: KpiOverviewInput = {},
  now = new Date(),
): Promise<{ items: KpiSummary[]; indicators: SystemIndicatorSummary[] }> {
  const { summaries, indicators } = await buildAll(db, now);
  return {
    items: summaries.filter(
      (k) => (!input.pillar || k.pillar === input.pillar) && (!input.status || k.status === input.status),
    ),
    // Indicators have no status: a status filter leaves them out.
    indicators: indicators.filter((i) => !input.status && (!input.pillar || i.pillar === input.pillar)),
  };
}

/**
 * The KPIs as the public portal publishes them (issue 18, ADR 0033): only the periods that count and
 * are published (`isPublishedPeriod`: closed and over), each with N of M; the trajectory, status and
 * its reason judged on those periods alone, so a figure still open inside the system never shows.
 */
export async function getPublishedKpis(db: Db, now = new Date()): Promise<PublishedKpi[]> {
  const { catalog, aggregates, today } = await buildAll(db, now);
  return catalog.map((kpi) => {
    const own = aggregates
      .filter((a) => a.kpiCode === kpi.code)
      .sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : 1));
    const published = splitProvisional(own, kpi.coverageFloor, today).counted.filter((p) =>
      isPublishedPeriod(p, today),
    );
    const judged = summariseSeries(
      published.map((p) => ({
        periodKey: p.periodKey,
        periodEnd: p.periodEnd,
        value: percentOf(Number(p.numerator), Number(p.denominator)),
      })),
      kpi.targets,
    );
    const periods = published.map((p, i) => {
      const { closed: _closed, carriedForward: _carried, ...value } = periodValue(p);
      return { ...value, planned: judged.series[i]?.planned ?? null };
    });
    return {
      code: kpi.code,
      pillar: kpi.pillar as Pillar,
      nameVi: kpi.nameVi,
      nameEn: kpi.nameEn,
      unit: kpi.unit,
      source: kpiSource(kpi.code),
      definition: kpiDefinition(kpi.code),
      targets: kpi.targets,
      status: judged.status,
      statusReason: judged.statusReason,
      latest: [...periods].reverse().find((p) => p.denominator > 0) ?? periods.at(-1) ?? null,
      periods,
    };
  });
}

/**
 * Every agency's accepted figure of one reported KPI in the given (published) periods, with the
 * agency's name. A system-computed KPI has none: no agency reports it.
 */
export async function getPublishedAgencyFigures(
  db: Db,
  code: string,
  periodKeys: readonly string[],
): Promise<PublishedAgencyFigure[]> {
  if (kpiSource(code) === 'system' || periodKeys.length === 0) return [];
  const wanted = new Set(periodKeys);
  const figures = (await agencyFigures(db, code)).filter((f) => wanted.has(f.periodKey));
  const names = new Map(
    (await rankingAgencies(db, null, [...new Set(figures.map((f) => f.agencyId))])).map((a) => [a.id, a]),
  );
  return figures
    .map((f) => {
      const agency = names.get(f.agencyId);
      return {
        kpiCode: f.kpiCode,
        periodKey: f.periodKey,
        periodEnd: f.periodEnd,
        agencyId: f.agencyId,
        nameVi: agency?.nameVi ?? '',
        nameEn: agency?.nameEn ?? '',
        level: (agency?.level ?? 'central') as AgencyLevel,
        sortKey: agency?.sortKey ?? '',
        value: f.value === null ? null : Number(f.value),
        numerator: Number(f.numerator),
        denominator: Number(f.denominator),
      };
    })
    .sort(
      (a, b) =>
        (a.periodEnd > b.periodEnd ? -1 : a.periodEnd < b.periodEnd ? 1 : 0) ||
        (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0),
    )
    .map(({ periodEnd: _end, sortKey: _sort, ...row }) => row);
}

export async function countOffTrack(db: Db, now = new Date()) {
  const items = await buildSummaries(db, now);
  return {
    offTrack: items.filter((k) => k.status === 'off_track').length,
    atRisk: items.filter((k) => k.status === 'at_risk').length,
    total: items.length,
  };
}

async function summaryOf(db: Db, code: string, now: Date): Promise<KpiSummary> {
  const [summary] = await buildSummaries(db, now, code);
  if (!summary) throw new AppError('NOT_FOUND', 'kpiNotFound');
  return summary;
}

/** Every agency's figures of one KPI, per period (system KPIs computed, others as accepted). */
async function figuresOfKpi(db: Db, code: string, now: Date, agencyId?: number): Promise<AgencyFigure[]> {
  if (kpiSource(code) === 'system') {
    return (await systemFigures(db, vietnamDate(now)))
      .filter((r) => r.kpiCode === code && (!agencyId || r.agencyId === agencyId))
      .sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : 1));
  }
  return agencyFigures(db, code, agencyId);
}

const compareNullsLast = (a: number | null, b: number | null) =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : a - b;

/**
 * The drill-down's first step: the national figure, every agency ranked (lowest first) and a heatmap.
 * The ranking is as of the national value's period: each agency's latest figure up to it, with its
 * age in periods (for "share of agencies" KPIs an older statement is carried into the national value).
 * Who is missing from the latest and the provisional period is listed by name.
 */
export async function getKpiDetail(
  db: Db,
  code: string,
  now = new Date(),
  borders: AgencyBorders = 'current',
): Promise<KpiDetail> {
  const summary = await summaryOf(db, code, now);
  const recorded = await figuresOfKpi(db, code, now);
  // Under today's units a former unit's figures move to its successor (ADR 0028); the national figure
  // above is the same under either borders, only the rows below move.
  const { figures, formerUnits } = regroupFigures(
    recorded,
    borders === 'current' ? await loadSuccessors(db) : new Map(),
  );
  const listed = await rankingAgencies(db, summary.source === 'system' ? null : code, [
    ...new Set(figures.map((f) => f.agencyId)),
  ]);
  const ids = new Set(listed.map((a) => a.id));
  const names = new Map(listed.map((a) => [a.id, a]));
  const byAgency = new Map<number, AgencyFigure[]>();
  for (const f of figures) {
    const own = byAgency.get(f.agencyId);
    if (own) own.push(f);
    else byAgency.set(f.agencyId, [f]);
  }
  const reference = summary.latest;
  const carries = summary.source === 'agency_condition' || summary.source === 'maturity';
  /** An agency's figures up to a period end (all of them without one). */
  const upTo = (agencyId: number, end: string | null) =>
    (byAgency.get(agencyId) ?? []).filter((f) => end === null || f.periodEnd <= end);
  const ranked = [...ids]
    .map((id) => {
      const agency = names.get(id);
      const list = upTo(id, reference?.periodEnd ?? null);
      const latest = list[list.length - 1];
      const previous = list[list.length - 2];
      const value = latest?.value ?? null;
      const age = latest && reference ? periodsBetween(latest.periodKey, reference.periodKey) : null;
      const row: AgencyKpiRow = {
        agencyId: id,
        nameVi: agency?.nameVi ?? '',
        nameEn: agency?.nameEn ?? '',
        level: agency?.level ?? '',
        value,
        numerator: latest?.numerator ?? null,
        denominator: latest?.denominator ?? null,
        previousValue: previous?.value ?? null,
        trend: trendOf(value, previous?.value ?? null),
        periodKey: latest?.periodKey ?? null,
        age,
        carriedForward: carries && age !== null && age > 0,
        submissionId: latest?.submissionId ?? null,
        validTo: agency?.validTo ?? null,
        formerUnits: formerUnits.get(id) ?? 0,
      };
      return { row, sortKey: agency?.sortKey ?? '' };
    })
    .sort(
      (a, b) =>
        compareNullsLast(a.row.value, b.row.value) ||
        (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0),
    );
  const missingAt = async (p: KpiPeriodValue | null): Promise<KpiPeriodCoverage | null> => {
    if (!p || summary.source === 'system') return null;
    const reported = new Set(figures.filter((f) => f.periodKey === p.periodKey).map((f) => f.agencyId));
    const missing = (await obligedAgencyIds(db, code, p.periodKey))
      .filter((id) => !reported.has(id))
      .map((id) => ({ id, agency: names.get(id) }))
      .sort((a, b) => ((a.agency?.sortKey ?? '') < (b.agency?.sortKey ?? '') ? -1 : 1));
    return {
      periodKey: p.periodKey,
      missing: missing.map(({ id, agency }) => ({
        agencyId: id,
        nameVi: agency?.nameVi ?? '',
        nameEn: agency?.nameEn ?? '',
        carriedFrom: carries ? (upTo(id, p.periodEnd).at(-1)?.periodKey ?? null) : null,
      })),
    };
  };
  const periods = [
    ...summary.series.map((p) => p.periodKey),
    ...(summary.provisional ? [summary.provisional.periodKey] : []),
  ];
  return {
    ...summary,
    borders,
    ranking: ranked.map((r) => r.row),
    coverageDetail: {
      latest: await missingAt(summary.latest),
      provisional: await missingAt(summary.provisional),
    },
    heatmap: {
      periods,
      provisionalPeriod: summary.provisional?.periodKey ?? null,
      rows: ranked.map(({ row }) => {
        const list = byAgency.get(row.agencyId) ?? [];
        return {
          agencyId: row.agencyId,
          nameVi: row.nameVi,
          nameEn: row.nameEn,
          values: periods.map((p) => list.find((f) => f.periodKey === p)?.value ?? null),
        };
      }),
    },
  };
}

/**
 * The KPI pages are the same for every reader and change only with a change event of these types;
 * obliged-agency counts (agencies added or closed) show within a minute. Task progress leaves them kept.
 */
const KPI_CHANGES = ['kpi.changed', 'template.changed', 'submission.changed'] as const;
const overviewCache = changeCache<Awaited<ReturnType<typeof getKpiOverview>>>({
  maxAgeMs: 60_000,
  maxEntries: 50,
});
const detailCache = changeCache<KpiDetail>({ maxAgeMs: 60_000, maxEntries: 100 });

/** `getKpiOverview`, kept until the next KPI, template or submission change (`live/change-cache.ts`). */
export function getKpiOverviewCached(
  db: Db,
  input: KpiOverviewInput = {},
  now = new Date(),
): ReturnType<typeof getKpiOverview> {
  const key = `${input.pillar ?? ''}|${input.status ?? ''}`;
  return overviewCache.get(
    db,
    key,
    changeMarkOf(db, KPI_CHANGES, now),
    () => getKpiOverview(db, input, now),
    now.getTime(),
  );
}

/** `getKpiDetail`, kept until the next KPI, template or submission change (`live/change-cache.ts`). */
export function getKpiDetailCached(
  db: Db,
  code: string,
  now = new Date(),
  borders: AgencyBorders = 'current',
): Promise<KpiDetail> {
  return detailCache.get(
    db,
    `${code}|${borders}`,
    changeMarkOf(db, KPI_CHANGES, now),
    () => getKpiDetail(db, code, now, borders),
    now.getTime(),
  );
}

async function agencyHeader(db: Db, agencyId: number) {
  const [agency] = await db
    .select({ id: agencies.id, nameVi: agencies.nameVi, nameEn: agencies.nameEn, level: agencies.level })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!agency) throw new AppError('NOT_FOUND');
  return agency;
}

/** The drill-down's second step: one agency's submissions that carry (or count for) the KPI. */
export async function getAgencyKpiSubmissions(
  db: Db,
  actor: Actor,
  input: { code: string; agencyId: number },
  now = new Date(),
): Promise<AgencyKpiSubmissions> {
  assertMayReadAgencyKpis(actor, input.agencyId);
  const summary = await summaryOf(db, input.code, now);
  const agency = await agencyHeader(db, input.agencyId);
  const source = summary.source;
  const fieldKpi = source === 'maturity' ? MATURITY_FIELD_KPI : input.code;
  const base = db
    .select({
      submissionId: submissions.id,
      periodKey: submissions.periodKey,
      periodEnd: submissions.periodEnd,
      state: submissions.state,
      revision: submissions.currentRevision,
      acceptedAt: submissions.acceptedAt,
      templateId: reportTemplates.id,
      templateCode: reportTemplates.code,
      templateVersion: reportTemplates.version,
      values: submissionRevisions.values,
    })
    .from(submissions)
    .innerJoin(reportTemplates, eq(reportTemplates.id, submissions.templateId))
    .innerJoin(submissionRevisions, currentRevisionOf);
  // A system KPI (VH-04) comes from tasks, not from reports.
  const rows =
    source === 'system'
      ? []
      : await base
          .where(
            and(
              eq(submissions.agencyId, input.agencyId),
              sql`exists (select 1 from ${templateFields} f where f.template_id = ${submissions.templateId} and f.kpi_code = ${fieldKpi})`,
            ),
          )
          .orderBy(asc(submissions.periodEnd));
  const templateIds = [...new Set(rows.map((r) => r.templateId))];
  const fields = templateIds.length
    ? await db
        .select({
          templateId: templateFields.templateId,
          code: templateFields.code,
          kpiCode: templateFields.kpiCode,
          kpiRole: templateFields.kpiRole,
        })
        .from(templateFields)
        .where(inArray(templateFields.templateId, templateIds))
    : [];
  return {
    agency,
    kpi: { code: summary.code, nameVi: summary.nameVi, nameEn: summary.nameEn, unit: summary.unit },
    rows: rows.map((r) => {
      const figure =
        source === 'system'
          ? undefined
          : figuresFromValues(
              fields.filter((f) => f.templateId === r.templateId),
              r.values,
            ).find((f) => f.kpiCode === input.code);
      return {
        submissionId: r.submissionId,
        periodKey: r.periodKey,
        periodEnd: r.periodEnd,
        state: r.state,
        revision: r.revision,
        numerator: figure?.numerator ?? null,
        denominator: figure?.denominator ?? null,
        value: figure?.value ?? null,
        level: figure?.level ?? null,
        acceptedAt: r.acceptedAt,
        templateCode: r.templateCode,
        templateVersion: r.templateVersion,
      };
    }),
  };
}

/** An agency's own scorecard: its latest figure of each KPI beside the national value and targets. */
export async function getScorecard(
  db: Db,
  actor: Actor,
  agencyId: number,
  now = new Date(),
): Promise<Scorecard> {
  assertMayReadAgencyKpis(actor, agencyId);
  const agency = await agencyHeader(db, agencyId);
  const national = await buildSummaries(db, now);
  const own = [
    ...(await agencyFigures(db, null, agencyId)),
    ...(await systemFigures(db, vietnamDate(now))).filter((r) => r.agencyId === agencyId),
  ];
  return {
    agency,
    items: national.map((k) => {
      const list = own
        .filter((f) => f.kpiCode === k.code)
        .sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : 1));
      const latest = list[list.length - 1];
      const mine = summariseSeries(
        list.map((f) => ({ periodKey: f.periodKey, periodEnd: f.periodEnd, value: f.value })),
        k.targets,
      );
      return {
        code: k.code,
        pillar: k.pillar,
        nameVi: k.nameVi,
        nameEn: k.nameEn,
        unit: k.unit,
        agencyValue: latest?.value ?? null,
        agencyPeriodKey: latest?.periodKey ?? null,
        agencyLevel: latest?.level ?? null,
        nationalValue: k.latest?.value ?? null,
        targets: k.targets,
        agencyStatus: mine.status,
        agencyStatusReason: mine.statusReason,
        nationalStatus: k.status,
      };
    }),
  };
}

/**
 * The administrator sets a KPI's coverage floor: the share of obliged agencies at which a period not
 * yet closed counts as the national value. Audited; every KPI view is told ('kpi.changed').
 */
export async function setCoverageFloor(
  db: Db,
  actor: Actor,
  input: { code: string; coverageFloor: number },
): Promise<{ code: string; coverageFloor: number }> {
  if (!canSetCoverageFloor(actor)) throw new AppError('FORBIDDEN');
  return inTransaction(db, async (tx) => {
    const [before] = await tx
      .select({ code: kpis.code, coverageFloor: kpis.coverageFloor })
      .from(kpis)
      .where(eq(kpis.code, input.code))
      .for('update');
    if (!before) throw new AppError('NOT_FOUND', 'kpiNotFound');
    await tx.update(kpis).set({ coverageFloor: input.coverageFloor }).where(eq(kpis.code, input.code));
    const after = { code: before.code, coverageFloor: input.coverageFloor };
    await appendAudit(tx, actor, {
      action: 'kpi.coverage_floor',
      entityType: 'kpi',
      entityId: before.code,
      before,
      after,
    });
    await recordChange(tx, { type: 'kpi.changed', payload: { kpiCodes: [before.code] } });
    return after;
  });
}
