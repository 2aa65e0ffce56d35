import type { AgencyBorders } from '../../../shared/agencies';
import { type AgencyTrend, type KpiStatus, PILLARS, type Pillar } from '../../../shared/kpi-vocabulary';
import { foldVietnamese } from '../../../shared/text';
import { formatNumber, formatPercent, formatRate } from '../../lib/format';
import { type Signing, signedPdfHref } from '../../lib/signed-pdf';
import { compareVietnamese } from '../../lib/vietnamese-collator';

/**
 * Pure view rules of the KPI screens: how a figure, a status, a trend and a chart row are shown.
 * The figures and the status themselves come from the server (shared/kpi.ts); nothing is re-derived here.
 */

export const KPI_PILLARS = PILLARS;
export type KpiPillar = Pillar;

/** Worst first: the order a reader scans a list of statuses in. */
export const KPI_STATUSES = [
  'off_track',
  'at_risk',
  'on_track',
  'insufficient_data',
] as const satisfies readonly KpiStatus[];
export type KpiStatusValue = KpiStatus;

/** A symbol beside the word and the colour, so the status reads without colour (WCAG 1.4.1). */
export const STATUS_SYMBOLS: Record<KpiStatus, string> = {
  on_track: '✓',
  at_risk: '!',
  off_track: '✗',
  insufficient_data: '?',
};

export type Trend = AgencyTrend;
export const TREND_SYMBOLS: Record<Trend, string> = { up: '▲', down: '▼', flat: '►' };

export function isPillar(value: unknown): value is KpiPillar {
  return typeof value === 'string' && (KPI_PILLARS as readonly string[]).includes(value);
}

export function isKpiStatus(value: unknown): value is KpiStatusValue {
  return typeof value === 'string' && (KPI_STATUSES as readonly string[]).includes(value);
}

export interface KpiFilters {
  pillar?: KpiPillar;
  status?: KpiStatusValue;
}

/** The overview's filters from `?pillar=&status=`; an unknown value means "all", never an error. */
export function kpiFiltersFromParams(params: URLSearchParams): KpiFilters {
  const pillar = params.get('pillar');
  const status = params.get('status');
  return {
    ...(isPillar(pillar) ? { pillar } : {}),
    ...(isKpiStatus(status) ? { status } : {}),
  };
}

/** A KPI figure in its unit: percentages are stored as 0–100, shown with one decimal. */
export function formatKpiValue(value: number | null | undefined, unit: string, language: string): string {
  return unit === 'percent' ? formatPercent(value, language, 1) : formatNumber(value, language, 1);
}

/** Attainment (value / target) as a percentage; above 100 % is kept, an overshoot is information. */
export function formatAttainment(ratio: number | null | undefined, language: string): string {
  return formatRate(ratio, language);
}

/** The items grouped by pillar in the catalog's order; empty pillars are left out. */
export function groupByPillar<T extends { pillar: string }>(items: readonly T[]) {
  const groups: { pillar: KpiPillar; items: T[] }[] = [];
  for (const pillar of KPI_PILLARS) {
    const inPillar = items.filter((item) => item.pillar === pillar);
    if (inPillar.length > 0) groups.push({ pillar, items: inPillar });
  }
  return groups;
}

/** How many items have each status, in display order, with the total (they always reconcile). */
export function countByStatus(items: readonly { status: string }[]) {
  const counts = Object.fromEntries(KPI_STATUSES.map((s) => [s, 0])) as Record<KpiStatusValue, number>;
  for (const item of items) if (isKpiStatus(item.status)) counts[item.status] += 1;
  return { counts, total: items.length };
}

/** The target of a given year, if the KPI has one. */
export function targetFor(targets: readonly { year: number; value: number }[], year: number) {
  return targets.find((t) => t.year === year)?.value ?? null;
}

/**
 * The points of a small line drawn in a width × height box, with a gap wherever a value is missing.
 * The vertical scale runs from 0 to the larger of 100 (percentages) and the largest value.
 */
export function sparklinePath(
  values: readonly (number | null)[],
  width: number,
  height: number,
  maxValue = 100,
): string {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return '';
  const top = Math.max(maxValue, ...finite);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const round = (n: number) => Math.round(n * 100) / 100;
  let path = '';
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) {
      drawing = false;
      return;
    }
    const x = values.length > 1 ? round(index * step) : round(width / 2);
    const y = round(height - (value / top) * height);
    path += `${drawing ? 'L' : 'M'}${x} ${y} `;
    drawing = true;
  });
  return path.trim();
}

export interface SeriesPoint {
  periodKey: string;
  periodEnd: string;
  value: number | null;
  planned: number | null;
}

export interface TrajectoryRow {
  /** Milliseconds since the epoch of the period end: the chart's time axis. */
  t: number;
  periodKey: string;
  periodEnd: string;
  actual: number | null;
  planned: number | null;
  forecast: number | null;
}

/**
 * One row per period for the trajectory chart and its table: actual, planned and forecast side by side.
 * The forecast starts at the last actual figure, so its line continues the actual one.
 */
export function trajectoryRows(
  series: readonly SeriesPoint[],
  forecast: readonly { periodKey: string; periodEnd: string; value: number }[] | null | undefined,
): TrajectoryRow[] {
  const rows = new Map<string, TrajectoryRow>();
  for (const point of series) {
    rows.set(point.periodKey, {
      t: Date.parse(point.periodEnd),
      periodKey: point.periodKey,
      periodEnd: point.periodEnd,
      actual: point.value,
      planned: point.planned,
      forecast: null,
    });
  }
  const lastActual = [...series].reverse().find((p) => p.value !== null);
  if (forecast && forecast.length > 0 && lastActual) {
    const anchor = rows.get(lastActual.periodKey);
    if (anchor) anchor.forecast = lastActual.value;
  }
  for (const point of forecast ?? []) {
    const row = rows.get(point.periodKey);
    if (row) row.forecast = point.value;
    else
      rows.set(point.periodKey, {
        t: Date.parse(point.periodEnd),
        periodKey: point.periodKey,
        periodEnd: point.periodEnd,
        actual: null,
        planned: null,
        forecast: point.value,
      });
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/** The end of a target year on the chart's time axis (31 December, Vietnam). */
export function targetYearTime(year: number): number {
  return Date.parse(`${year}-12-31T00:00:00+07:00`);
}

/** A heatmap cell's band by the value's share of the target; the number is always printed too. */
export type HeatBand = 'none' | 'low' | 'mid' | 'high' | 'met';
export function heatBand(value: number | null, target: number | null): HeatBand {
  if (value === null || !Number.isFinite(value)) return 'none';
  if (target === null || target <= 0) return 'mid';
  const share = value / target;
  if (share >= 1) return 'met';
  if (share >= 0.75) return 'high';
  if (share >= 0.5) return 'mid';
  return 'low';
}

/** The first target a KPI still has to reach: the nearest year at or after `year`, else the last one. */
export function nextTarget(targets: readonly { year: number; value: number }[], year: number) {
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  return sorted.find((t) => t.year >= year) ?? sorted.at(-1) ?? null;
}

export type ExportFormat = 'csv' | 'xlsx';

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  return search.toString();
}

/** Download addresses of the KPI exports (server/http: the same access rules as the screens). */
export const kpiExportUrls = {
  overview: (format: ExportFormat, language: string, filters: KpiFilters = {}) =>
    `/export/kpis.${format}?${query({ ...filters, lang: language === 'en' ? 'en' : 'vi' })}`,
  ranking: (code: string, format: ExportFormat, language: string, borders: AgencyBorders = 'current') =>
    `/export/kpis/${encodeURIComponent(code)}/ranking.${format}?${query({ lang: language === 'en' ? 'en' : 'vi', borders: borders === 'recorded' ? borders : undefined })}`,
  /** The overview as a report to sign (`server/http/pdf-exports.ts`), always in Vietnamese. */
  pdf: (filters: KpiFilters = {}, signing?: Signing) =>
    signedPdfHref('/export/kpis.pdf', { ...filters }, signing),
  agency: (code: string, agencyId: number, format: ExportFormat, language: string) =>
    `/export/kpis/${encodeURIComponent(code)}/agencies/${agencyId}.${format}?${query({ lang: language === 'en' ? 'en' : 'vi' })}`,
};

export type RankingSort = 'value-asc' | 'value-desc' | 'name';

/**
 * The ranking as the reader asked for it: names matching the search (accents and case ignored),
 * sorted by value (agencies without a figure always last) or by name in Vietnamese order.
 */
export function arrangeRanking<T extends { nameVi: string; nameEn: string; value: number | null }>(
  rows: readonly T[],
  search: string,
  sort: RankingSort,
  language: string,
): T[] {
  const needle = foldVietnamese(search);
  const nameOf = (row: T) => (language === 'en' ? row.nameEn : row.nameVi);
  const matching = needle
    ? rows.filter(
        (row) => foldVietnamese(row.nameVi).includes(needle) || foldVietnamese(row.nameEn).includes(needle),
      )
    : [...rows];
  return matching.sort((a, b) => {
    if (sort === 'name') return compareVietnamese(nameOf(a), nameOf(b));
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return compareVietnamese(nameOf(a), nameOf(b));
      return a.value === null ? 1 : -1;
    }
    const diff = sort === 'value-asc' ? a.value - b.value : b.value - a.value;
    return diff !== 0 ? diff : compareVietnamese(nameOf(a), nameOf(b));
  });
}

export type Comparison = 'above' | 'below' | 'equal' | 'none';

/** An agency's figure against the national one, within the rounding shown (0.05 points). */
export function compareToNational(agency: number | null, national: number | null): Comparison {
  if (agency === null || national === null) return 'none';
  if (Math.abs(agency - national) < 0.05) return 'equal';
  return agency > national ? 'above' : 'below';
}

export const COMPARISON_SYMBOLS: Record<Comparison, string> = {
  above: '▲',
  below: '▼',
  equal: '=',
  none: '–',
};

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV, UTF-8 with BOM so spreadsheet programs read Vietnamese; numbers unformatted. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Rounds a figure for a file: one decimal, as on screen, but without locale formatting. */
export function roundFigure(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value)
    ? null
    : Math.round(value * 10) / 10;
}
