import { useTranslation } from 'react-i18next';
import type { AgencyTrend, KpiStatus } from '../../../../shared/kpi-vocabulary';
import type { KpiPeriodValue } from '../../../../shared/schemas/kpis';
import { formatCount, formatDate, formatPercent } from '../../../lib/format';
import {
  type ExportFormat,
  formatAttainment,
  formatKpiValue,
  STATUS_SYMBOLS,
  sparklinePath,
  TREND_SYMBOLS,
} from '../kpi-view';
import '../kpis.css';
import { periodName } from '../../../../shared/period-names';

/** A KPI's status as a symbol, a word and a colour: readable without the colour (WCAG 1.4.1). */
export function KpiStatusBadge({ status }: { status: KpiStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`kpi-status kpi-status--${status}`}>
      <span aria-hidden="true">{STATUS_SYMBOLS[status]}</span> {t(`kpis.statuses.${status}`)}
    </span>
  );
}

/** An agency's movement since its previous period, as an arrow and a word. */
export function TrendLabel({ trend }: { trend: AgencyTrend | null }) {
  const { t } = useTranslation();
  if (!trend) return <span className="kpi-trend kpi-trend--none">{t('kpis.trends.none')}</span>;
  return (
    <span className={`kpi-trend kpi-trend--${trend}`}>
      <span aria-hidden="true">{TREND_SYMBOLS[trend]}</span> {t(`kpis.trends.${trend}`)}
    </span>
  );
}

/** Attainment per target year: "Mức đạt 2027: 85,0 %" with a bar that is decoration only. */
export function AttainmentList({
  attainment,
}: {
  attainment: readonly { year: number; ratio: number | null }[];
}) {
  const { t, i18n } = useTranslation();
  if (attainment.length === 0) return null;
  return (
    <dl className="kpi-attainment">
      {attainment.map((a) => (
        <div key={a.year} className="kpi-attainment__row">
          <dt>{t('kpis.attainment', { year: a.year })}</dt>
          <dd>
            {formatAttainment(a.ratio, i18n.language)}
            <span className="kpi-attainment__bar" aria-hidden="true">
              <span style={{ width: `${Math.min(100, Math.max(0, (a.ratio ?? 0) * 100))}%` }} />
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A small line of the national value by period. Plain SVG rather than recharts: twenty of them on the
 * overview cost nothing to load, and the values are also given as text to assistive technology.
 */
export function Sparkline({
  points,
  unit,
  width = 120,
  height = 32,
}: {
  points: readonly { periodKey: string; value: number | null }[];
  unit: string;
  width?: number;
  height?: number;
}) {
  const { t, i18n } = useTranslation();
  const path = sparklinePath(
    points.map((p) => p.value),
    width,
    height,
  );
  const withValues = points.filter((p) => p.value !== null);
  const label =
    withValues.length === 0
      ? t('kpis.sparklineEmpty')
      : t('kpis.sparkline', {
          values: withValues
            .map(
              (p) =>
                `${periodName(p.periodKey, i18n.language)} ${formatKpiValue(p.value, unit, i18n.language)}`,
            )
            .join('; '),
        });
  return (
    <svg
      className="kpi-sparkline"
      width={width}
      height={height}
      viewBox={`-2 -2 ${width + 4} ${height + 4}`}
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      <line x1={0} y1={height} x2={width} y2={height} className="kpi-sparkline__axis" />
      {path && <path d={path} className="kpi-sparkline__line" />}
    </svg>
  );
}

/** CSV and Excel links of one export, each named by what it exports (two identical "Xuất CSV" would not do). */
export function ExportLinks({ what, href }: { what: string; href: (format: ExportFormat) => string }) {
  const { t } = useTranslation();
  return (
    <p className="kpi-exports">
      <a
        className="button button--small"
        href={href('csv')}
        download
        aria-label={t('kpis.exportLabel', { action: t('kpis.exportCsv'), what })}
      >
        {t('kpis.exportCsv')}
      </a>
      <a
        className="button button--small"
        href={href('xlsx')}
        download
        aria-label={t('kpis.exportLabel', { action: t('kpis.exportExcel'), what })}
      >
        {t('kpis.exportExcel')}
      </a>
    </p>
  );
}

/**
 * What a national value rests on: "33/59 cơ quan đã báo cáo, độ bao phủ 55,9 %", and for "share of
 * agencies" KPIs how many agencies count by an earlier period's figure. A system-computed value has
 * no obliged agencies: it says how many agencies it covers.
 */
export function CoverageText({ value }: { value: KpiPeriodValue }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  if (value.obliged === null) return <span>{t('kpis.agencies', { count: value.agencies })}</span>;
  const parts = [
    t('kpis.coverage', {
      agencies: formatCount(value.agencies, language),
      obliged: formatCount(value.obliged, language),
    }),
    t('kpis.coveragePercent', { percent: formatPercent(value.coverage, language, 1) }),
  ];
  if (value.carriedForward)
    parts.push(
      t('kpis.carriedCount', {
        count: value.carriedForward,
        formatted: formatCount(value.carriedForward, language),
      }),
    );
  return <span className="kpi-coverage">{parts.join('; ')}</span>;
}

/**
 * A period that does not count yet, with its coverage. The first words ("Tạm tính: 1/59 cơ quan",
 * "Provisional: 1 of 59 agencies") are one element of their own so that they can be found as they read.
 */
export function ProvisionalNote({ value, unit }: { value: KpiPeriodValue; unit: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <p className="kpi-provisional" data-period={value.periodKey}>
      <strong className="kpi-provisional__coverage">
        {t('kpis.provisional', {
          agencies: formatCount(value.agencies, language),
          obliged: formatCount(value.obliged ?? 0, language),
        })}
      </strong>{' '}
      —{' '}
      {t('kpis.provisionalDetail', {
        period: value.periodKey,
        value: formatKpiValue(value.value, unit, language),
        coverage: t('kpis.coveragePercent', { percent: formatPercent(value.coverage, language, 1) }),
        deadline: value.closesOn ? formatDate(value.closesOn) : '—',
      })}
    </p>
  );
}
