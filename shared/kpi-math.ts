import { kpiSource, MATURITY_FIELD_KPI, MATURITY_THRESHOLDS } from './kpi-catalog';
import type { AgencyTrend, KpiStatus } from './kpi-vocabulary';
import { formatPercent } from './number-format';
import { periodOf } from './reporting-periods';
import type { Bilingual, KpiForecast, KpiSeriesPoint, KpiSummary, KpiTarget } from './schemas/kpis';

/**
 * KPI arithmetic of the Program (Decision 2629/QĐ-TTg): how an agency's reported fields become KPI
 * figures, how figures add up nationally, the planned trajectory, the forecast and the status rule.
 * The one home of these rules: the server's SQL aggregates the same way and is tested against them.
 */

/** Forecast and status parameters, shown to users with the method. */
export const FORECAST_MAX_POINTS = 8;
export const MIN_POINTS = 3;
export const AT_RISK_RATIO = 0.9;

// ---- figures from a submission ----

export interface KpiField {
  code: string;
  kpiCode: string | null;
  kpiRole: 'numerator' | 'denominator' | null;
}

export interface KpiFigure {
  kpiCode: string;
  numerator: number;
  denominator: number;
  /** Percent; null when the denominator is 0. */
  value: number | null;
  /** The maturity level behind a maturity figure. */
  level: number | null;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function percentOf(numerator: number, denominator: number): number | null {
  return denominator > 0 ? (100 * numerator) / denominator : null;
}

/** The KPI figures one accepted revision carries (fields without a number give none). */
export function figuresFromValues(
  fields: readonly KpiField[],
  values: Readonly<Record<string, unknown>>,
): KpiFigure[] {
  const out: KpiFigure[] = [];
  const shares = new Map<string, { n: number | null; d: number | null }>();
  for (const f of fields) {
    if (!f.kpiCode) continue;
    const v = num(values[f.code]);
    if (f.kpiRole) {
      const entry = shares.get(f.kpiCode) ?? { n: null, d: null };
      if (f.kpiRole === 'numerator') entry.n = v;
      else entry.d = v;
      shares.set(f.kpiCode, entry);
    } else if (v !== null && f.kpiCode === MATURITY_FIELD_KPI) {
      const level = Math.round(v);
      for (const [code, threshold] of Object.entries(MATURITY_THRESHOLDS)) {
        const met = level >= threshold ? 1 : 0;
        out.push({ kpiCode: code, numerator: met, denominator: 1, value: 100 * met, level });
      }
    } else if (v !== null && kpiSource(f.kpiCode) === 'agency_condition') {
      const met = v >= 1 ? 1 : 0;
      out.push({ kpiCode: f.kpiCode, numerator: met, denominator: 1, value: 100 * met, level: null });
    }
  }
  for (const [code, { n, d }] of shares) {
    if (n === null || d === null) continue;
    out.push({ kpiCode: code, numerator: n, denominator: d, value: percentOf(n, d), level: null });
  }
  return out;
}

// ---- national aggregation ----

export interface Aggregate {
  numerator: number;
  denominator: number;
  value: number | null;
  agencies: number;
}

/** Σ numerators / Σ denominators over agencies: never the mean of the agencies' percentages. */
export function aggregateShare(rows: readonly { numerator: number; denominator: number }[]): Aggregate {
  let n = 0;
  let d = 0;
  for (const r of rows) {
    n += r.numerator;
    d += r.denominator;
  }
  return { numerator: n, denominator: d, value: percentOf(n, d), agencies: rows.length };
}

/**
 * "Share of agencies that …" at each period: agencies whose latest accepted statement up to the
 * period's end meets the condition, over all obliged agencies (an agency that has not yet reported
 * counts as not meeting it). A state such as "publishes open data" holds until the agency reports again.
 * `agencies` are those that stated it in the period itself, `carriedForward` those counted by an
 * earlier statement.
 */
export function agencySharesAtPeriods(
  periods: readonly { key: string; end: string }[],
  obligedAgencyIds: readonly number[],
  observations: readonly { agencyId: number; periodEnd: string; met: boolean }[],
): (Aggregate & { periodKey: string; carriedForward: number })[] {
  const obliged = new Set(obligedAgencyIds);
  const byAgency = new Map<number, { periodEnd: string; met: boolean }[]>();
  for (const o of observations) {
    if (!obliged.has(o.agencyId)) continue;
    const list = byAgency.get(o.agencyId) ?? [];
    list.push(o);
    byAgency.set(o.agencyId, list);
  }
  for (const list of byAgency.values()) list.sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : 1));
  return periods.map((p) => {
    let met = 0;
    let fresh = 0;
    let carried = 0;
    for (const list of byAgency.values()) {
      let latest: { periodEnd: string; met: boolean } | undefined;
      for (const o of list) if (o.periodEnd <= p.end) latest = o;
      if (latest?.periodEnd === p.end) fresh++;
      else if (latest) carried++;
      if (latest?.met) met++;
    }
    return {
      periodKey: p.key,
      numerator: met,
      denominator: obliged.size,
      value: percentOf(met, obliged.size),
      agencies: fresh,
      carriedForward: carried,
    };
  });
}

// ---- coverage: which periods count ----

/** The coverage floor of a KPI unless the administrator sets another (the `kpis.coverage_floor` default). */
export const DEFAULT_COVERAGE_FLOOR = 80;

/** What a period's national value rests on: N agencies of M obliged, and when the period closes. */
export interface PeriodFacts {
  periodKey: string;
  periodEnd: string;
  agencies: number;
  /** Obliged agencies; null for a KPI the system computes (no one reports it). */
  obliged: number | null;
  /** The period's submission deadline; null when nothing is awaited (system KPIs). */
  closesOn: string | null;
}

/** N of M as a percentage; null when no agency is obliged. */
export function coverageOf(agencies: number, obliged: number | null): number | null {
  return obliged !== null && obliged > 0 ? (100 * agencies) / obliged : null;
}

/** Closed: the period's deadline has passed by `today` (Vietnam date), or nothing is awaited. */
export function deadlinePassed(facts: Pick<PeriodFacts, 'closesOn'>, today: string): boolean {
  return facts.closesOn === null || facts.closesOn < today;
}

/**
 * The rule of an official figure: a period's value counts (is the latest national value, feeds the
 * trajectory, forecast and status) once the period is closed or its coverage reaches the KPI's floor.
 */
export function periodCounts(facts: PeriodFacts, floor: number, today: string): boolean {
  if (deadlinePassed(facts, today)) return true;
  const coverage = coverageOf(facts.agencies, facts.obliged);
  return coverage !== null && coverage >= floor;
}

/**
 * Published on the open-data portal (issue 18): only a period that is over and closed, i.e. its
 * deadline passed (reaching the coverage floor early is enough inside the system, never in public)
 * and its last day is before `today`. For a system-computed KPI (nothing awaited) the period's end
 * decides alone, so the quarter under way is never published.
 */
export function isPublishedPeriod(
  facts: Pick<PeriodFacts, 'closesOn' | 'periodEnd'>,
  today: string,
): boolean {
  return deadlinePassed(facts, today) && facts.periodEnd < today;
}

/**
 * A KPI's periods (ordered by period end) split into those that count and the provisional one: the
 * newest period after the last counting one that does not count yet (one early report of a quarter
 * still open must not become "the national value"). Older periods that do not count are left out.
 */
export function splitProvisional<T extends PeriodFacts>(
  periods: readonly T[],
  floor: number,
  today: string,
): {
  counted: (T & { coverage: number | null; closed: boolean })[];
  provisional: (T & { coverage: number | null; closed: boolean }) | null;
} {
  const marked = periods.map((p) => ({
    ...p,
    coverage: coverageOf(p.agencies, p.obliged),
    closed: deadlinePassed(p, today),
  }));
  const counted = marked.filter((p) => periodCounts(p, floor, today));
  const lastEnd = counted[counted.length - 1]?.periodEnd ?? '';
  const waiting = marked.filter((p) => !periodCounts(p, floor, today) && p.periodEnd > lastEnd);
  return { counted, provisional: waiting[waiting.length - 1] ?? null };
}

// ---- trajectory, forecast, status ----

/** A target "by year Y" is read at the cut-off of that year's yearly report (14 December, Decree 09). */
export function targetDate(year: number): string {
  return periodOf('year', year).end;
}

const DAY = 86_400_000;
/** Time in years since 2000-01-01 (the regression's x; years keep the slope readable). */
export function yearsOf(date: string): number {
  return (Date.parse(`${date}T00:00:00Z`) - Date.parse('2000-01-01T00:00:00Z')) / DAY / 365.25;
}

/**
 * The planned trajectory: straight lines from the baseline (the first measured period) to the first
 * target, then from target to target; flat at the last target after it.
 */
export function plannedValue(
  baseline: { date: string; value: number },
  targets: readonly KpiTarget[],
  date: string,
): number | null {
  const knots = [
    { x: yearsOf(baseline.date), y: baseline.value },
    ...[...targets]
      .sort((a, b) => a.year - b.year)
      .map((t) => ({ x: yearsOf(targetDate(t.year)), y: t.value }))
      .filter((k) => k.x > yearsOf(baseline.date)),
  ];
  const x = yearsOf(date);
  const first = knots[0];
  if (!first || x < first.x) return null;
  for (let i = 1; i < knots.length; i++) {
    const a = knots[i - 1];
    const b = knots[i];
    if (a && b && x <= b.x) return a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
  }
  return knots[knots.length - 1]?.y ?? null;
}

/** Ordinary least squares y = a + b·x; null with fewer than two distinct x. */
export function leastSquares(points: readonly { x: number; y: number }[]): { a: number; b: number } | null {
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  if (sxx === 0) return null;
  const b = sxy / sxx;
  return { a: my - b * mx, b };
}

export const FORECAST_METHOD: Bilingual = {
  vi: `Hồi quy tuyến tính bình phương tối thiểu trên tối đa ${FORECAST_MAX_POINTS} kỳ gần nhất có số liệu (cần ít nhất ${MIN_POINTS} kỳ), ngoại suy đến ngày chốt số liệu năm mục tiêu (14/12), giới hạn trong 0–${formatPercent(100, 'vi')}.`,
  en: `Least-squares linear regression over the last ${FORECAST_MAX_POINTS} periods with figures at most (at least ${MIN_POINTS} needed), extrapolated to the target year's data cut-off (14 December), bounded to 0–${formatPercent(100, 'en')}.`,
};

const clampPercent = (v: number) => Math.min(100, Math.max(0, v));

/** Forecast from the trend of the actual series; null when fewer than MIN_POINTS periods have a value. */
export function forecastSeries(
  series: readonly { periodKey: string; periodEnd: string; value: number | null }[],
  targetYears: readonly number[],
): KpiForecast | null {
  const actual = series.filter((p): p is typeof p & { value: number } => p.value !== null);
  if (actual.length < MIN_POINTS) return null;
  const used = actual.slice(-FORECAST_MAX_POINTS);
  const fit = leastSquares(used.map((p) => ({ x: yearsOf(p.periodEnd), y: p.value })));
  const last = used[used.length - 1];
  if (!fit || !last) return null;
  const at = (date: string) => clampPercent(fit.a + fit.b * yearsOf(date));
  const lastYear = Math.max(...targetYears, Number(last.periodEnd.slice(0, 4)));
  const points: KpiForecast['points'] = [
    { periodKey: last.periodKey, periodEnd: last.periodEnd, value: at(last.periodEnd) },
  ];
  const [y0, q0] = [Number(last.periodKey.slice(0, 4)), Number(last.periodKey.slice(6)) || 4];
  for (let y = y0, q = q0 + 1; y <= lastYear; q++) {
    if (q > 4) {
      q = 1;
      y++;
      if (y > lastYear) break;
    }
    const p = periodOf('quarter', y, q);
    points.push({ periodKey: p.key, periodEnd: p.end, value: at(p.end) });
  }
  return {
    method: FORECAST_METHOD,
    byTargetYear: [...targetYears]
      .sort((a, b) => a - b)
      .map((year) => ({ year, value: at(targetDate(year)) })),
    points,
  };
}

/** A percentage in a status reason: at most one decimal, in the reason's language. */
const pct = (language: 'vi' | 'en') => (v: number) => formatPercent(v, language, 0, 1);

/**
 * The status rule (shown in the UI with the same words):
 * 1. fewer than MIN_POINTS periods with a value → insufficient data (no guessing);
 * 2. the target judged is the nearest one whose year has not ended at the latest period (else the last);
 * 3. on track: the latest value already reaches it, or the forecast for its year does;
 * 4. at risk: the forecast reaches at least AT_RISK_RATIO of it, or the latest value is on or above the
 *    planned trajectory;
 * 5. off track otherwise.
 */
export function kpiStatus(input: {
  series: readonly KpiSeriesPoint[];
  targets: readonly KpiTarget[];
  forecast: KpiForecast | null;
}): { status: KpiStatus; reason: Bilingual } {
  const actual = input.series.filter((p) => p.value !== null);
  const latest = actual[actual.length - 1];
  if (actual.length < MIN_POINTS || !latest || latest.value === null) {
    return {
      status: 'insufficient_data',
      reason: {
        vi: `Chưa đủ số liệu: có ${actual.length} kỳ, cần ít nhất ${MIN_POINTS} kỳ để đánh giá xu hướng.`,
        en: `Not enough data: ${actual.length} period(s), at least ${MIN_POINTS} needed to judge the trend.`,
      },
    };
  }
  const sorted = [...input.targets].sort((a, b) => a.year - b.year);
  const target = sorted.find((t) => targetDate(t.year) >= latest.periodEnd) ?? sorted[sorted.length - 1];
  if (!target) {
    return {
      status: 'insufficient_data',
      reason: { vi: 'Chỉ tiêu chưa có mục tiêu.', en: 'The KPI has no target.' },
    };
  }
  const forecast = input.forecast?.byTargetYear.find((f) => f.year === target.year)?.value ?? latest.value;
  const [vi, en] = [pct('vi'), pct('en')];
  const [tVi, tEn] = [`${vi(target.value)} (${target.year})`, `${en(target.value)} (${target.year})`];
  const ratio = AT_RISK_RATIO * 100;
  if (latest.value >= target.value) {
    return {
      status: 'on_track',
      reason: {
        vi: `Đã đạt mục tiêu ${tVi}: hiện tại ${vi(latest.value)}.`,
        en: `Target ${tEn} already reached: now ${en(latest.value)}.`,
      },
    };
  }
  if (forecast >= target.value) {
    return {
      status: 'on_track',
      reason: {
        vi: `Theo xu hướng, dự báo đạt ${vi(forecast)} vào ${target.year}, không thấp hơn mục tiêu ${tVi}.`,
        en: `On the trend, forecast ${en(forecast)} in ${target.year}, meeting the target ${tEn}.`,
      },
    };
  }
  if (forecast >= AT_RISK_RATIO * target.value) {
    return {
      status: 'at_risk',
      reason: {
        vi: `Dự báo ${vi(forecast)} vào ${target.year}, thiếu so với mục tiêu ${tVi} nhưng đạt từ ${vi(ratio)} mục tiêu.`,
        en: `Forecast ${en(forecast)} in ${target.year}: short of the target ${tEn} but within ${en(ratio)} of it.`,
      },
    };
  }
  if (latest.planned !== null && latest.value >= latest.planned) {
    return {
      status: 'at_risk',
      reason: {
        vi: `Hiện đạt ${vi(latest.value)}, không thấp hơn lộ trình kế hoạch (${vi(latest.planned)}), nhưng xu hướng dự báo chỉ đạt ${vi(forecast)} vào ${target.year}.`,
        en: `Now ${en(latest.value)}, on or above the planned path (${en(latest.planned)}), but the trend forecasts only ${en(forecast)} in ${target.year}.`,
      },
    };
  }
  return {
    status: 'off_track',
    reason: {
      vi: `Dự báo ${vi(forecast)} vào ${target.year}, dưới ${vi(ratio)} mục tiêu ${tVi}, và đang thấp hơn lộ trình kế hoạch.`,
      en: `Forecast ${en(forecast)} in ${target.year}, below ${en(ratio)} of the target ${tEn}, and under the planned path.`,
    },
  };
}

/**
 * Everything derived from a national series: baseline, planned path, attainment, forecast, status.
 * `series` is ordered by period end.
 */
export function summariseSeries(
  series: readonly { periodKey: string; periodEnd: string; value: number | null }[],
  targets: readonly KpiTarget[],
): Pick<KpiSummary, 'baseline' | 'attainment' | 'status' | 'statusReason' | 'series' | 'forecast'> {
  const first = series.find((p) => p.value !== null);
  const baseline = first && first.value !== null ? { periodKey: first.periodKey, value: first.value } : null;
  const withPlan: KpiSeriesPoint[] = series.map((p) => ({
    ...p,
    planned:
      first && first.value !== null
        ? plannedValue({ date: first.periodEnd, value: first.value }, targets, p.periodEnd)
        : null,
  }));
  const forecast = forecastSeries(
    series,
    targets.map((t) => t.year),
  );
  const { status, reason } = kpiStatus({ series: withPlan, targets, forecast });
  const latest = [...series].reverse().find((p) => p.value !== null);
  return {
    baseline,
    attainment: targets.map((t) => ({
      year: t.year,
      ratio: latest && latest.value !== null && t.value > 0 ? latest.value / t.value : null,
    })),
    status,
    statusReason: reason,
    series: withPlan,
    forecast,
  };
}

export function trendOf(value: number | null, previous: number | null): AgencyTrend | null {
  if (value === null || previous === null) return null;
  if (Math.abs(value - previous) < 0.05) return 'flat';
  return value > previous ? 'up' : 'down';
}
