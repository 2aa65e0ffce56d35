import { eq, type SQL, sql } from 'drizzle-orm';
import { MATURITY_FIELD_KPI, MATURITY_THRESHOLDS } from '../../../shared/kpi-catalog';
import { parsePeriodKey, periodsEndingBetween, submissionDeadline } from '../../../shared/reporting-periods';
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
  agencies: number;
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
    targets: { year: number; value: number }[] | string;
  }>(
    db,
    sql`select k.code, k.pillar, k.unit, k.name_vi as "nameVi", k.name_en as "nameEn",
          coalesce(json_agg(json_build_object('year', t.year, 'value', t.value) order by t.year)
            filter (where t.year is not null), '[]'::json) as targets
        from kpis k left join kpi_targets t on t.kpi_code = k.code
        group by k.code order by min(k.sort_order)`,
  );
  return rows.map((k) => ({
    ...k,
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

/** Share KPIs: Σ numerators and Σ denominators of accepted figures per KPI and period: one GROUP BY. */
async function shareAggregates(db: Db, codes: readonly string[]): Promise<PeriodAggregate[]> {
  if (codes.length === 0) return [];
  return selectRows<PeriodAggregate>(
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
    .selectDistinct({ obligation: reportTemplates.obligation })
    .from(reportTemplates)
    .innerJoin(templateFields, eq(templateFields.templateId, reportTemplates.id))
    .where(eq(templateFields.kpiCode, fieldKpi));
  return rows.length
    ? sql`(${sql.join(
        rows.map((r) => obligedSql(r.obligation)),
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
  return selectRows<{ id: number; nameVi: string; nameEn: string; level: string; sortKey: string }>(
    db,
    sql`select a.id, a.name_vi as "nameVi", a.name_en as "nameEn", a.level::text as level, a.sort_key as "sortKey"
        from agencies a where ${obliged} or ${listed}`,
  );
}

type ConditionNumerator = Omit<PeriodAggregate, 'denominator'>;

async function obligationFilters(db: Db, codes: readonly string[]): Promise<Map<string, SQL>> {
  const filters = new Map<string, SQL>();
  for (const f of new Set(codes.map(fieldKpiOf))) filters.set(f, await obligationFilter(db, f));
  return filters;
}

/** How many agencies must report each field KPI: one scan of agencies, never cached (agencies change). */
async function obligedCounts(db: Db, filters: ReadonlyMap<string, SQL>): Promise<Map<string, number>> {
  if (filters.size === 0) return new Map();
  const entries = [...filters.entries()];
  const [row] = await selectRows<Record<string, number>>(
    db,
    sql`select ${sql.join(
      entries.map(
        ([, filter], i) => sql`count(*) filter (where ${filter})::int as ${sql.identifier(`n${i}`)}`,
      ),
      sql`, `,
    )} from agencies a`,
  );
  return new Map(entries.map(([f], i) => [f, Number(row?.[`n${i}`] ?? 0)]));
}

function withObligedDenominators(
  numerators: readonly ConditionNumerator[],
  obliged: ReadonlyMap<string, number>,
): PeriodAggregate[] {
  return numerators.map((r) => ({ ...r, denominator: obliged.get(fieldKpiOf(r.kpiCode)) ?? 0 }));
}

/** Agencies meeting each condition per period, each by its latest accepted statement up to it. */
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
          select distinct on (p.kpi_code, p.period_key, f.agency_id) p.kpi_code, p.period_key, p.period_end, f.numerator
          from periods p
          join kpi_figures f on f.kpi_code = p.kpi_code and f.period_end <= p.period_end
          join agencies a on a.id = f.agency_id
          where ${perKpi}
          order by p.kpi_code, p.period_key, f.agency_id, f.period_end desc
        )
        select p.kpi_code as "kpiCode", p.period_key as "periodKey", p.period_end::text as "periodEnd",
          count(l.numerator) filter (where l.numerator > 0)::int as numerator, count(l.numerator)::int as agencies
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
  { key: string; shares: PeriodAggregate[]; conditions: ConditionNumerator[]; filters: Map<string, SQL> }
>();

/**
 * National aggregates of every reported KPI (share and agency-share). The figure sums are kept per
 * database until a 'kpi.changed' or 'template.changed' event is recorded (both are recorded in the
 * transaction of every write that can move them); obliged-agency counts are read every time.
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
      filters,
    };
    figureMemo.set(db, cached);
  }
  return [
    ...cached.shares,
    ...withObligedDenominators(cached.conditions, await obligedCounts(db, cached.filters)),
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
 * VH-03 per agency and quarter: expected reports (obliged agency × template version × its period ending
 * in the quarter, deadline passed) and how many of them were submitted through the system.
 */
async function reportingThroughSystem(db: Db, today: string): Promise<AgencyFigure[]> {
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
      if (!q || submissionDeadline(p, t.deadlineRule, calendar) >= today) continue;
      expected.push(sql`(${t.id}::int, ${p.key}::text, ${q.key}::text, ${q.end}::date)`);
    }
  }
  if (expected.length === 0) return [];
  return selectRows<AgencyFigure>(
    db,
    sql`with p(template_id, period_key, quarter_key, quarter_end) as (values ${sql.join(expected, sql`, `)})
        select 'VH-03' as "kpiCode", a.id as "agencyId", p.quarter_key as "periodKey", p.quarter_end::text as "periodEnd",
          count(s.first_submitted_at)::float8 as numerator, count(*)::float8 as denominator,
          100.0 * count(s.first_submitted_at) / count(*) as value, null::int as level, null::int as "submissionId"
        from p join report_templates t on t.id = p.template_id
        join agencies a on ${obligedSql(sql`t.obligation`)}
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
 * What can change a finished quarter's VH-03/VH-04: reports submitted or decided, tasks edited or
 * withdrawn, completions decided (a completion date), templates. New progress and new tasks fall in the
 * running quarter, which is not measured until it ends (the date is in the key).
 */
const SYSTEM_EVENTS = [
  'submission.changed',
  'task.updated',
  'completion.decided',
  'template.changed',
] as const;

const systemMemo = new WeakMap<Db, { key: string; rows: AgencyFigure[] }>();

/**
 * Per-agency figures of the system-computed KPIs, kept per database until the date or the latest event
 * of a type that can move them changes.
 */
export async function systemFigures(db: Db, today: string, marks?: EventMarks): Promise<AgencyFigure[]> {
  const key = `${today}:${(marks ?? (await eventMarks(db))).system}`;
  const cached = systemMemo.get(db);
  if (cached?.key === key) return cached.rows;
  const rows = [...(await reportingThroughSystem(db, today)), ...(await tasksMonitored(db, today))].map(
    (r) => ({
      ...r,
      numerator: Number(r.numerator),
      denominator: Number(r.denominator),
      value: r.value === null ? null : Number(r.value),
    }),
  );
  systemMemo.set(db, { key, rows });
  return rows;
}
