import { eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import { type ApprovalChain, officeObligation } from '../../../shared/approval-levels';
import { MATURITY_FIELD_KPI, MATURITY_THRESHOLDS, REPORTS_ON_TIME } from '../../../shared/kpi-catalog';
import type { Obligation } from '../../../shared/obligations';
import {
  type DeadlineRule,
  type PeriodType,
  parsePeriodKey,
  periodsEndingBetween,
  submissionDeadline,
} from '../../../shared/reporting-periods';
import { versionCovers } from '../../../shared/template-versions';
import { shiftDate, vietnamInstant } from '../../../shared/time';
import type { Db } from '../../db/client';
import { selectRows } from '../../db/rows';
import { reportTemplates, templateFields } from '../../db/schema';
import { loadHolidays } from '../holidays/queries';
import { obligedSql } from '../templates/obligation-sql';

/** The Program's first reporting quarter: system-computed KPIs are measured per quarter from it. */
const PROGRAM_FIRST_PERIOD = '2026-Q1';

export interface PeriodAggregate {
  kpiCode: string;
  periodKey: string;
  periodEnd: string;
  numerator: number;
  denominator: number;
  /** Agencies with an accepted figure of the period (N). */
  agencies: number;
  /** Agencies obliged to report it for the period (M); null for system-computed KPIs. */
  obliged: number | null;
  /** "Share of agencies" KPIs: agencies counted by a statement of an earlier period. */
  carriedForward: number | null;
  /** The period's submission deadline under the regimes collecting it; null when nothing is awaited. */
  closesOn: string | null;
}

export interface AgencyFigure {
  kpiCode: string;
  agencyId: number;
  periodKey: string;
  periodEnd: string;
  numerator: number;
  denominator: number;
  value: number | null;
  level: number | null;
  submissionId: number | null;
}

/** The KPI catalog with its targets, in one query. */
export async function loadCatalog(db: Db) {
  const rows = await selectRows<{
    code: string;
    pillar: string;
    unit: string;
    nameVi: string;
    nameEn: string;
    coverageFloor: number;
    targets: { year: number; value: number }[] | string;
  }>(
    db,
    sql`select k.code, k.pillar, k.unit, k.name_vi as "nameVi", k.name_en as "nameEn",
          k.coverage_floor as "coverageFloor",
          coalesce(json_agg(json_build_object('year', t.year, 'value', t.value) order by t.year)
            filter (where t.year is not null), '[]'::json) as targets
        from kpis k left join kpi_targets t on t.kpi_code = k.code
        group by k.code order by min(k.sort_order)`,
  );
  return rows.map((k) => ({
    ...k,
    coverageFloor: Number(k.coverageFloor),
    targets: (typeof k.targets === 'string' ? JSON.parse(k.targets) : k.targets) as {
      year: number;
      value: number;
    }[],
  }));
}

const codeList = (codes: readonly string[]) =>
  sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  );

type FigureSums = Omit<PeriodAggregate, 'obliged' | 'carriedForward' | 'closesOn'>;

/** Share KPIs: Σ numerators and Σ denominators of accepted figures per KPI and period: one GROUP BY. */
async function shareAggregates(db: Db, codes: readonly string[]): Promise<FigureSums[]> {
  if (codes.length === 0) return [];
  return selectRows<FigureSums>(
    db,
    sql`select kpi_code as "kpiCode", period_key as "periodKey", period_end::text as "periodEnd",
          sum(numerator)::float8 as numerator, sum(denominator)::float8 as denominator, count(*)::int as agencies
        from kpi_figures where kpi_code in (${codeList(codes)})
        group by kpi_code, period_key, period_end order by kpi_code, period_end`,
  );
}

/** The field KPI whose template obligation defines who must state a condition/maturity KPI. */
const fieldKpiOf = (code: string) => (code in MATURITY_THRESHOLDS ? MATURITY_FIELD_KPI : code);

/**
 * Which agencies must report a field KPI, as a condition on `a` (agencies): obliged by any template
 * version carrying it, each obligation in its index-friendly form (`a.level in …`, `a.id in …`).
 */
async function obligationFilter(db: Db, fieldKpi: string): Promise<SQL> {
  const rows = await db
    .selectDistinct({ obligation: reportTemplates.obligation, approval: reportTemplates.approval })
    .from(reportTemplates)
    .innerJoin(templateFields, eq(templateFields.templateId, reportTemplates.id))
    .where(eq(templateFields.kpiCode, fieldKpi));
  // The agencies whose reports reach the Office (and write KPI figures): provinces under the province chain.
  return rows.length
    ? sql`(${sql.join(
        rows.map((r) => obligedSql(officeObligation(r))),
        sql` or `,
      )})`
    : sql`false`;
}

/**
 * The agencies a KPI's ranking lists, with their names: those obliged to report its fields (none for
 * system KPIs) and any with a figure, in one query.
 */
export async function rankingAgencies(db: Db, kpiCode: string | null, withFigures: readonly number[]) {
  const obliged = kpiCode ? await obligationFilter(db, fieldKpiOf(kpiCode)) : sql`false`;
  const listed = withFigures.length
    ? sql`a.id in (${sql.join(
        withFigures.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql`false`;
  return selectRows<{
    id: number;
    nameVi: string;
    nameEn: string;
    level: string;
    sortKey: string;
    validTo: string | null;
  }>(
    db,
    sql`select a.id, a.name_vi as "nameVi", a.name_en as "nameEn", a.level::text as level, a.sort_key as "sortKey",
          a.valid_to::text as "validTo"
        from agencies a where ${obliged} or ${listed}`,
  );
}

type ConditionNumerator = Omit<PeriodAggregate, 'denominator' | 'obliged' | 'closesOn'> & {
  carriedForward: number;
};

async function obligationFilters(db: Db, codes: readonly string[]): Promise<Map<string, SQL>> {
  const filters = new Map<string, SQL>();
  for (const f of new Set(codes.map(fieldKpiOf))) filters.set(f, await obligationFilter(db, f));
  return filters;
}

/** A template version collecting a field KPI: who must report it, for which periods, by when. */
interface Collector {
  fieldKpi: string;
  templateId: number;
  obligation: Obligation;
  approval: ApprovalChain;
  periodType: PeriodType;
  firstPeriod: string;
  lastPeriod: string | null;
  deadlineRule: DeadlineRule;
}

/** Every template version with KPI fields, per field KPI (a few rows; they move with 'template.changed'). */
async function loadCollectors(db: Db): Promise<Collector[]> {
  const rows = await db
    .selectDistinct({
      fieldKpi: templateFields.kpiCode,
      templateId: reportTemplates.id,
      obligation: reportTemplates.obligation,
      approval: reportTemplates.approval,
      periodType: reportTemplates.periodType,
      firstPeriod: reportTemplates.firstPeriod,
      lastPeriod: reportTemplates.lastPeriod,
      deadlineRule: reportTemplates.deadlineRule,
    })
    .from(reportTemplates)
    .innerJoin(templateFields, eq(templateFields.templateId, reportTemplates.id))
    .where(isNotNull(templateFields.kpiCode));
  return rows.map((r) => ({ ...r, fieldKpi: r.fieldKpi ?? '' }));
}

/** The versions that collect a KPI's field for a period (its period type, within their span). */
function collectingVersions(collectors: readonly Collector[], code: string, periodKey: string): Collector[] {
  const period = parsePeriodKey(periodKey);
  const fieldKpi = fieldKpiOf(code);
  return collectors.filter(
    (c) => c.fieldKpi === fieldKpi && c.periodType === period.type && versionCovers(c, period),
  );
}

/** Agencies obliged by any of the versions, as a condition on `a` (agencies). */
const obligedByAny = (versions: readonly Collector[]) =>
  versions.length
    ? sql`(${sql.join(
        versions.map((v) => obligedSql(officeObligation(v))),
        sql` or `,
      )})`
    : sql`false`;

/**
 * M and the closing date of each (KPI, period): the agencies obliged by the template versions that
 * collect it (one scan of agencies for all, never cached: agencies change) and the latest of their
 * submission deadlines over the holiday calendar.
 */
async function periodObligations(
  db: Db,
  collectors: readonly Collector[],
  periods: readonly { kpiCode: string; periodKey: string }[],
): Promise<Map<string, { obliged: number; closesOn: string | null }>> {
  const calendar = await loadHolidays(db);
  const combos = new Map<string, Collector[]>();
  const perPeriod = new Map<string, { combo: string; closesOn: string | null }>();
  for (const { kpiCode, periodKey } of periods) {
    const versions = collectingVersions(collectors, kpiCode, periodKey);
    const combo = versions
      .map((v) => v.templateId)
      .sort((a, b) => a - b)
      .join(',');
    if (combo) combos.set(combo, versions);
    const period = parsePeriodKey(periodKey);
    const deadlines = versions.map((v) => submissionDeadline(period, v.deadlineRule, calendar)).sort();
    perPeriod.set(`${kpiCode}|${periodKey}`, { combo, closesOn: deadlines[deadlines.length - 1] ?? null });
  }
  const entries = [...combos.entries()];
  const [row] = entries.length
    ? await selectRows<Record<string, number>>(
        db,
        sql`select ${sql.join(
          entries.map(
            ([, versions], i) =>
              sql`count(*) filter (where ${obligedByAny(versions)})::int as ${sql.identifier(`n${i}`)}`,
          ),
          sql`, `,
        )} from agencies a`,
      )
    : [];
  const counts = new Map(entries.map(([combo], i) => [combo, Number(row?.[`n${i}`] ?? 0)]));
  return new Map(
    [...perPeriod.entries()].map(([key, p]) => [
      key,
      { obliged: counts.get(p.combo) ?? 0, closesOn: p.closesOn },
    ]),
  );
}

/** The agencies obliged to report a KPI for one period (for the list of who is missing). */
export async function obligedAgencyIds(db: Db, code: string, periodKey: string): Promise<number[]> {
  const versions = collectingVersions(await loadCollectors(db), code, periodKey);
  if (versions.length === 0) return [];
  const rows = await selectRows<{ id: number }>(
    db,
    sql`select a.id from agencies a where ${obligedByAny(versions)}`,
  );
  return rows.map((r) => r.id);
}

/**
 * Agencies meeting each condition per period, each by its latest accepted statement up to it; how many
 * stated it in the period itself (`agencies`) and how many are counted by an earlier statement.
 */
async function conditionNumerators(
  db: Db,
  codes: readonly string[],
  filters: ReadonlyMap<string, SQL>,
): Promise<ConditionNumerator[]> {
  if (codes.length === 0) return [];
  const perKpi = sql.join(
    [...filters.entries()].map(([f, filter]) => {
      const own = codes.filter((c) => fieldKpiOf(c) === f);
      return sql`(p.kpi_code in (${codeList(own)}) and ${filter})`;
    }),
    sql` or `,
  );
  return selectRows<ConditionNumerator>(
    db,
    sql`with periods as (
          select distinct kpi_code, period_key, period_end from kpi_figures where kpi_code in (${codeList(codes)})
        ),
        latest as (
          select distinct on (p.kpi_code, p.period_key, f.agency_id) p.kpi_code, p.period_key, p.period_end,
            f.numerator, f.period_end as stated_end
          from periods p
          join kpi_figures f on f.kpi_code = p.kpi_code and f.period_end <= p.period_end
          join agencies a on a.id = f.agency_id
          where ${perKpi}
          order by p.kpi_code, p.period_key, f.agency_id, f.period_end desc
        )
        select p.kpi_code as "kpiCode", p.period_key as "periodKey", p.period_end::text as "periodEnd",
          count(l.numerator) filter (where l.numerator > 0)::int as numerator,
          count(l.numerator) filter (where l.stated_end = p.period_end)::int as agencies,
          count(l.numerator) filter (where l.stated_end < p.period_end)::int as "carriedForward"
        from periods p left join latest l on l.kpi_code = p.kpi_code and l.period_key = p.period_key
        group by p.kpi_code, p.period_key, p.period_end order by p.kpi_code, p.period_end`,
  );
}

/** Latest change-event ids the KPI caches are keyed on, read in one query (one index probe per type). */
export interface EventMarks {
  figures: string;
  system: string;
}

export async function eventMarks(db: Db): Promise<EventMarks> {
  const types = [...new Set<string>([...FIGURE_EVENTS, ...SYSTEM_EVENTS])];
  const [row] = await selectRows<Record<string, number | string | null>>(
    db,
    sql`select ${sql.join(
      types.map(
        (t, i) => sql`(select max(id) from change_events where type = ${t}) as ${sql.identifier(`m${i}`)}`,
      ),
      sql`, `,
    )}`,
  );
  const mark = (list: readonly string[]) =>
    list.map((t) => String(row?.[`m${types.indexOf(t)}`] ?? 0)).join(':');
  return { figures: mark(FIGURE_EVENTS), system: mark(SYSTEM_EVENTS) };
}

/** Accepted figures move only with 'kpi.changed'; obligations only with 'template.changed'. */
const FIGURE_EVENTS = ['kpi.changed', 'template.changed'] as const;

const figureMemo = new WeakMap<
  Db,
  { key: string; shares: FigureSums[]; conditions: ConditionNumerator[]; collectors: Collector[] }
>();

/**
 * National aggregates of every reported KPI (share and agency-share), each period with what it rests
 * on (N of M) and its closing date. The figure sums and the collecting template versions are kept per
 * database until a 'kpi.changed' or 'template.changed' event is recorded (both are recorded in the
 * transaction of every write that can move them); obliged-agency counts and deadlines (the holiday
 * calendar) are read every time.
 */
export async function reportedAggregates(
  db: Db,
  shareCodes: readonly string[],
  conditionCodes: readonly string[],
  marks?: EventMarks,
): Promise<PeriodAggregate[]> {
  const key = `${shareCodes.join(',')}|${conditionCodes.join(',')}|${(marks ?? (await eventMarks(db))).figures}`;
  let cached = figureMemo.get(db);
  if (cached?.key !== key) {
    const filters = await obligationFilters(db, conditionCodes);
    cached = {
      key,
      shares: await shareAggregates(db, shareCodes),
      conditions: await conditionNumerators(db, conditionCodes, filters),
      collectors: await loadCollectors(db),
    };
    figureMemo.set(db, cached);
  }
  const { shares, conditions } = cached;
  const facts = await periodObligations(db, cached.collectors, [...shares, ...conditions]);
  const of = (r: { kpiCode: string; periodKey: string }) =>
    facts.get(`${r.kpiCode}|${r.periodKey}`) ?? { obliged: 0, closesOn: null };
  return [
    ...shares.map((r) => ({ ...r, ...of(r), carriedForward: null })),
    // "Share of agencies": over all the agencies obliged for the period.
    ...conditions.map((r) => ({ ...r, ...of(r), denominator: of(r).obliged })),
  ];
}

/** Per-agency accepted figures of one KPI (every period), with the agency's names for ranking. */
export async function agencyFigures(db: Db, code: string | null, agencyId?: number): Promise<AgencyFigure[]> {
  const codeFilter = code ? sql`kpi_code = ${code}` : sql`true`;
  const agencyFilter = agencyId ? sql`and agency_id = ${agencyId}` : sql``;
  return selectRows<AgencyFigure>(
    db,
    sql`select kpi_code as "kpiCode", agency_id as "agencyId", period_key as "periodKey",
          period_end::text as "periodEnd", numerator, denominator, value, level, submission_id as "submissionId"
        from kpi_figures where ${codeFilter} ${agencyFilter} order by period_end`,
  );
}

// ---- KPIs the system computes from its own records ----

interface Quarter {
  key: string;
  start: string;
  end: string;
}

function programQuarters(today: string): Quarter[] {
  return periodsEndingBetween('quarter', parsePeriodKey(PROGRAM_FIRST_PERIOD).end, shiftDate(today, -1));
}

/**
 * HT-01 (a system indicator, not a Program KPI) per agency and quarter: reports due (obliged agency ×
 * template version × its period ending in the quarter, deadline passed) and how many of them were
 * submitted through the system by the end of their deadline day (Vietnam time), as the compliance
 * report counts "on time".
 */
async function reportsOnTime(db: Db, today: string): Promise<AgencyFigure[]> {
  const quarters = programQuarters(today);
  if (quarters.length === 0) return [];
  const calendar = await loadHolidays(db);
  const templates = await db.select().from(reportTemplates);
  const expected: SQL[] = [];
  for (const t of templates) {
    const first = parsePeriodKey(t.firstPeriod).end;
    const last = t.lastPeriod ? parsePeriodKey(t.lastPeriod).end : today;
    if (!t.active && !t.lastPeriod) continue;
    for (const p of periodsEndingBetween(t.periodType, first, last)) {
      const q = quarters.find((x) => x.start <= p.end && p.end <= x.end);
      const deadline = submissionDeadline(p, t.deadlineRule, calendar);
      if (!q || deadline >= today) continue;
      const deadlineEnd = vietnamInstant(shiftDate(deadline, 1)).toISOString();
      expected.push(
        sql`(${t.id}::int, ${p.key}::text, ${q.key}::text, ${q.end}::date, ${deadlineEnd}::timestamptz)`,
      );
    }
  }
  if (expected.length === 0) return [];
  // Whom the Office expects each report from, as the compliance heatmap counts them (provinces, for a
  // regime whose communes report to their province: docs/decisions/0030).
  const officeObliged = sql.join(
    templates.map((t) => sql`(t.id = ${t.id}::int and ${obligedSql(officeObligation(t))})`),
    sql` or `,
  );
  return selectRows<AgencyFigure>(
    db,
    sql`with p(template_id, period_key, quarter_key, quarter_end, deadline_end) as (values ${sql.join(expected, sql`, `)})
        select ${REPORTS_ON_TIME}::text as "kpiCode", a.id as "agencyId", p.quarter_key as "periodKey",
          p.quarter_end::text as "periodEnd",
          count(*) filter (where s.first_submitted_at < p.deadline_end)::float8 as numerator,
          count(*)::float8 as denominator,
          100.0 * count(*) filter (where s.first_submitted_at < p.deadline_end) / count(*) as value,
          null::int as level, null::int as "submissionId"
        from p join report_templates t on t.id = p.template_id
        join agencies a on (${officeObliged})
        left join submissions s on s.template_id = p.template_id and s.agency_id = a.id and s.period_key = p.period_key
        group by a.id, p.quarter_key, p.quarter_end`,
  );
}

/**
 * VH-04 per lead agency and quarter: tasks open during the quarter (assigned by its end, not withdrawn,
 * not completed before it began) and how many were followed in the system during it: the lead agency
 * posted progress in the quarter, or the task was completed in it.
 */
async function tasksMonitored(db: Db, today: string): Promise<AgencyFigure[]> {
  const quarters = programQuarters(today);
  if (quarters.length === 0) return [];
  const q = sql.join(
    quarters.map(
      (x) =>
        sql`(${x.key}::text, ${x.start}::date, ${x.end}::date, ${vietnamInstant(x.start).toISOString()}::timestamptz, ${vietnamInstant(shiftDate(x.end, 1)).toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  return selectRows<AgencyFigure>(
    db,
    sql`with q(quarter_key, q_start, q_end, from_ts, to_ts) as (values ${q})
        select 'VH-04' as "kpiCode", t.lead_agency_id as "agencyId", q.quarter_key as "periodKey", q.q_end::text as "periodEnd",
          count(*) filter (where t.completed_on between q.q_start and q.q_end or exists (
            select 1 from progress_updates pu where pu.task_id = t.id and pu.agency_id = t.lead_agency_id
              and pu.created_at >= q.from_ts and pu.created_at < q.to_ts))::float8 as numerator,
          count(*)::float8 as denominator,
          100.0 * count(*) filter (where t.completed_on between q.q_start and q.q_end or exists (
            select 1 from progress_updates pu where pu.task_id = t.id and pu.agency_id = t.lead_agency_id
              and pu.created_at >= q.from_ts and pu.created_at < q.to_ts)) / count(*) as value,
          null::int as level, null::int as "submissionId"
        from q join tasks t on not t.withdrawn and t.created_at < q.to_ts
          and (t.completed_on is null or t.completed_on >= q.q_start)
        group by t.lead_agency_id, q.quarter_key, q.q_end`,
  );
}

/**
 * What can change a finished quarter's HT-01/VH-04: reports submitted or decided, tasks edited or
 * withdrawn, completions decided (a completion date), templates, holidays (deadlines). New progress
 * and new tasks fall in the running quarter, which is not measured until it ends (the date is in the key).
 */
const SYSTEM_EVENTS = [
  'submission.changed',
  'task.updated',
  'completion.decided',
  'template.changed',
  'holiday.changed',
] as const;

const systemMemo = new WeakMap<Db, { key: string; rows: AgencyFigure[] }>();

/**
 * Per-agency figures of the system-computed KPIs and indicators, kept per database until the date or
 * the latest event of a type that can move them changes.
 */
export async function systemFigures(db: Db, today: string, marks?: EventMarks): Promise<AgencyFigure[]> {
  const key = `${today}:${(marks ?? (await eventMarks(db))).system}`;
  const cached = systemMemo.get(db);
  if (cached?.key === key) return cached.rows;
  const rows = [...(await reportsOnTime(db, today)), ...(await tasksMonitored(db, today))].map((r) => ({
    ...r,
    numerator: Number(r.numerator),
    denominator: Number(r.denominator),
    value: r.value === null ? null : Number(r.value),
  }));
  systemMemo.set(db, { key, rows });
  return rows;
}
