import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { kpiDefinition, kpiSource, MATURITY_FIELD_KPI } from '../../../shared/kpi-catalog';
import {
  aggregateShare,
  figuresFromValues,
  percentOf,
  summariseSeries,
  trendOf,
} from '../../../shared/kpi-math';
import type { KpiSource, Pillar } from '../../../shared/kpi-vocabulary';
import type {
  AgencyKpiRow,
  AgencyKpiSubmissions,
  KpiDetail,
  KpiOverviewInput,
  KpiSummary,
  Scorecard,
} from '../../../shared/schemas/kpis';
import { vietnamDate } from '../../../shared/time';
import type { Db } from '../../db/client';
import { agencies, reportTemplates, submissionRevisions, submissions, templateFields } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { changeCache, changeMark } from '../live/change-cache';
import { canReadAgencyKpis } from './policy';
import {
  type AgencyFigure,
  agencyFigures,
  eventMarks,
  loadCatalog,
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
      return { kpiCode, periodKey, periodEnd, ...agg };
    })
    .sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : 1));
}

function summarise(kpi: CatalogKpi, aggregates: readonly PeriodAggregate[]): KpiSummary {
  const own = aggregates
    .filter((a) => a.kpiCode === kpi.code)
    .sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : 1));
  const series = own.map((a) => ({
    periodKey: a.periodKey,
    periodEnd: a.periodEnd,
    value: percentOf(Number(a.numerator), Number(a.denominator)),
  }));
  const latestAgg = [...own].reverse().find((a) => Number(a.denominator) > 0) ?? own[own.length - 1];
  return {
    code: kpi.code,
    pillar: kpi.pillar as Pillar,
    nameVi: kpi.nameVi,
    nameEn: kpi.nameEn,
    unit: kpi.unit,
    source: kpiSource(kpi.code),
    definition: kpiDefinition(kpi.code),
    latest: latestAgg
      ? {
          periodKey: latestAgg.periodKey,
          periodEnd: latestAgg.periodEnd,
          value: percentOf(Number(latestAgg.numerator), Number(latestAgg.denominator)),
          numerator: Number(latestAgg.numerator),
          denominator: Number(latestAgg.denominator),
          agencies: Number(latestAgg.agencies),
        }
      : null,
    targets: kpi.targets,
    ...summariseSeries(series, kpi.targets),
  };
}

/**
 * National summaries of every KPI, kept per database while their inputs are the same: the catalog,
 * the change-event marks the figure caches are keyed on, Vietnam's date and the obliged-agency
 * denominators (read every time). Summarising (grouping thousands of system figures, trends and
 * forecasts for 20 KPIs) cost more than the queries; a request that finds the same inputs reuses it.
 */
const summaryMemo = new WeakMap<Db, { key: string; summaries: KpiSummary[] }>();

/** National summaries of the given KPIs (all when none are given). */
async function buildSummaries(db: Db, now: Date, only?: string): Promise<KpiSummary[]> {
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
    reported.map((a) => `${a.kpiCode}:${a.periodKey}:${a.denominator}`).join(','),
  ].join('|');
  let memo = summaryMemo.get(db);
  if (memo?.key !== key) {
    const systemCodes = codes('system');
    const aggregates = [
      ...reported,
      ...(systemCodes.length
        ? systemAggregates(
            (await systemFigures(db, today, marks)).filter((r) => systemCodes.includes(r.kpiCode)),
          )
        : []),
    ];
    memo = { key, summaries: all.map((k) => summarise(k, aggregates)) };
    summaryMemo.set(db, memo);
  }
  return only ? memo.summaries.filter((k) => k.code === only) : memo.summaries;
}

export async function getKpiOverview(
  db: Db,
  input: KpiOverviewInput = {},
  now = new Date(),
): Promise<{ items: KpiSummary[] }> {
  const items = (await buildSummaries(db, now)).filter(
    (k) => (!input.pillar || k.pillar === input.pillar) && (!input.status || k.status === input.status),
  );
  return { items };
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

/** The drill-down's first step: the national figure, every agency ranked (lowest first) and a heatmap. */
export async function getKpiDetail(db: Db, code: string, now = new Date()): Promise<KpiDetail> {
  const summary = await summaryOf(db, code, now);
  const figures = await figuresOfKpi(db, code, now);
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
  const ranked = [...ids]
    .map((id) => {
      const agency = names.get(id);
      const list = byAgency.get(id) ?? [];
      const latest = list[list.length - 1];
      const previous = list[list.length - 2];
      const value = latest?.value ?? null;
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
        submissionId: latest?.submissionId ?? null,
      };
      return { row, sortKey: agency?.sortKey ?? '' };
    })
    .sort(
      (a, b) =>
        compareNullsLast(a.row.value, b.row.value) ||
        (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0),
    );
  const periods = summary.series.map((p) => p.periodKey);
  return {
    ...summary,
    ranking: ranked.map((r) => r.row),
    heatmap: {
      periods,
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
 * The KPI pages are the same for every reader and change only with a change event ('kpi.changed',
 * 'template.changed'); obliged-agency counts (agencies added or closed) show within a minute.
 */
const overviewCache = changeCache<{ items: KpiSummary[] }>({ maxAgeMs: 60_000, maxEntries: 50 });
const detailCache = changeCache<KpiDetail>({ maxAgeMs: 60_000, maxEntries: 100 });

/** `getKpiOverview`, kept until the next change event (`live/change-cache.ts`). */
export function getKpiOverviewCached(
  db: Db,
  input: KpiOverviewInput = {},
  now = new Date(),
): Promise<{ items: KpiSummary[] }> {
  const key = `${input.pillar ?? ''}|${input.status ?? ''}`;
  return overviewCache.get(db, key, changeMark(db, now), () => getKpiOverview(db, input, now), now.getTime());
}

/** `getKpiDetail`, kept until the next change event (`live/change-cache.ts`). */
export function getKpiDetailCached(db: Db, code: string, now = new Date()): Promise<KpiDetail> {
  return detailCache.get(db, code, changeMark(db, now), () => getKpiDetail(db, code, now), now.getTime());
}

function assertMayReadAgency(actor: Actor, agencyId: number): void {
  if (!canReadAgencyKpis(actor, agencyId)) throw new AppError('FORBIDDEN');
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
  assertMayReadAgency(actor, input.agencyId);
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
    .innerJoin(
      submissionRevisions,
      and(
        eq(submissionRevisions.submissionId, submissions.id),
        eq(submissionRevisions.revision, submissions.currentRevision),
      ),
    );
  // VH-03 counts every report the agency owes; VH-04 comes from tasks, not from reports.
  const rows =
    input.code === 'VH-04'
      ? []
      : input.code === 'VH-03'
        ? await base.where(eq(submissions.agencyId, input.agencyId)).orderBy(asc(submissions.periodEnd))
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
  assertMayReadAgency(actor, agencyId);
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
        /** The agency's own status, by the same rule on its own series. */
        status: mine.status,
        statusReason: mine.statusReason,
        nationalStatus: k.status,
      };
    }),
  };
}
