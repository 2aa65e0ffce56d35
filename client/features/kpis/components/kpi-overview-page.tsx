import { createColumnHelper } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { kpiPageFor, mayOpen } from '../../../../shared/page-access';
import { DataTable } from '../../../components/data-table';
import { ErrorState } from '../../../components/error-state';
import { SelectField } from '../../../components/form-controls';
import { SignedPdfDownload } from '../../../components/signed-pdf-download';
import { Spinner } from '../../../components/spinner';
import { formatCount, formatDate, formatNumber } from '../../../lib/format';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { usePageTitle } from '../../../lib/use-page-title';
import { type KpiIndicatorRow, type KpiSummaryRow, useKpiOverview } from '../api/kpi-queries';
import {
  countByStatus,
  formatAttainment,
  formatKpiValue,
  groupByPillar,
  KPI_PILLARS,
  KPI_STATUSES,
  kpiExportUrls,
  kpiFiltersFromParams,
  targetFor,
} from '../kpi-view';
import {
  AttainmentList,
  CoverageText,
  ExportLinks,
  KpiStatusBadge,
  ProvisionalNote,
  Sparkline,
} from './kpi-bits';
import '../kpis.css';
import { periodName } from '../../../../shared/period-names';

const TARGET_YEARS = [2027, 2030] as const;

/** All the Program's KPIs, grouped by pillar, with filters in the address so a link can share them. */
export function KpiOverviewPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  usePageTitle(t('kpis.title'));
  const [params, setParams] = useSearchParams();
  const filters = kpiFiltersFromParams(params);
  const view = params.get('view') === 'table' ? 'table' : 'cards';
  const overview = useKpiOverview(filters);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <section className="page kpis">
      <h1>{t('kpis.title')}</h1>
      <p className="hint">{t('kpis.intro')}</p>
      <div className="kpi-filters">
        <SelectField
          label={t('kpis.pillar')}
          placeholder={t('kpis.allPillars')}
          options={KPI_PILLARS.map((p) => ({ value: p, label: t(`kpis.pillars.${p}`) }))}
          value={filters.pillar ?? ''}
          onChange={(value) => setParam('pillar', value)}
        />
        <SelectField
          label={t('kpis.status')}
          placeholder={t('kpis.allStatuses')}
          options={KPI_STATUSES.map((status) => ({ value: status, label: t(`kpis.statuses.${status}`) }))}
          value={filters.status ?? ''}
          onChange={(value) => setParam('status', value)}
        />
        <fieldset className="kpi-view-switch">
          <legend>{t('kpis.view')}</legend>
          {(['cards', 'table'] as const).map((v) => (
            <label key={v}>
              <input
                type="radio"
                name="kpi-view"
                value={v}
                checked={view === v}
                onChange={() => setParam('view', v === 'table' ? 'table' : '')}
              />{' '}
              {v === 'table' ? t('kpis.viewTable') : t('kpis.viewCards')}
            </label>
          ))}
        </fieldset>
        <ExportLinks
          what={t('kpis.exportOverview')}
          href={(format) => kpiExportUrls.overview(format, language, filters)}
        />
      </div>
      <SignedPdfDownload href={(signing) => kpiExportUrls.pdf(filters, signing)} />

      {overview.isPending ? (
        <Spinner />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <div aria-busy={overview.isPlaceholderData}>
          <StatusCounts items={overview.data.items} />
          {overview.data.items.length === 0 ? (
            <p className="empty">{t('kpis.empty')}</p>
          ) : view === 'table' ? (
            <KpiTable items={overview.data.items} busy={overview.isPlaceholderData} />
          ) : (
            groupByPillar(overview.data.items).map((group) => (
              <section key={group.pillar} className="kpi-pillar" aria-labelledby={`pillar-${group.pillar}`}>
                <h2 id={`pillar-${group.pillar}`}>{t(`kpis.pillars.${group.pillar}`)}</h2>
                <ul className="kpi-cards">
                  {group.items.map((item) => (
                    <KpiCard key={item.code} item={item} />
                  ))}
                </ul>
              </section>
            ))
          )}
          {overview.data.indicators.length > 0 && <SystemIndicators items={overview.data.indicators} />}
        </div>
      )}
    </section>
  );
}

/** Indicators the system computes that are not Program KPIs: a value per quarter, no target, no status. */
function SystemIndicators({ items }: { items: readonly KpiIndicatorRow[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const me = useCurrentUserQuery();
  const compliance = me.data ? mayOpen(me.data.role, '/reports/compliance') : false;
  return (
    <section className="kpi-pillar" aria-labelledby="kpi-indicators-title">
      <h2 id="kpi-indicators-title">{t('kpis.indicatorsTitle')}</h2>
      <p className="hint">{t('kpis.indicatorsIntro')}</p>
      <ul className="kpi-cards">
        {items.map((item) => (
          <li key={item.code} className="kpi-card kpi-card--indicator">
            <h3>
              <span className="tag">{item.code}</span> {language === 'en' ? item.nameEn : item.nameVi}
            </h3>
            <p className="kpi-card__meta">
              {t('kpis.latest')}:{' '}
              <span className="kpi-card__value">
                {item.latest ? formatKpiValue(item.latest.value, item.unit, language) : t('kpis.noValue')}
              </span>
              {item.latest && (
                <>
                  {' '}
                  (
                  {t('kpis.periodOf', {
                    period: item.latest.periodKey,
                    date: formatDate(item.latest.periodEnd),
                  })}
                  ;{' '}
                  {t('kpis.indicatorFraction', {
                    numerator: formatNumber(item.latest.numerator, language),
                    denominator: formatNumber(item.latest.denominator, language),
                    agencies: formatCount(item.latest.agencies, language),
                  })}
                  )
                </>
              )}
            </p>
            <p className="hint">{language === 'en' ? item.definition.en : item.definition.vi}</p>
            <Sparkline points={item.series} unit={item.unit} />
            {compliance && (
              <p>
                <Link to="/reports/compliance">{t('kpis.indicatorCompliance')}</Link>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function StatusCounts({ items }: { items: readonly KpiSummaryRow[] }) {
  const { t } = useTranslation();
  const { counts, total } = countByStatus(items);
  return (
    <section aria-label={t('kpis.statusCounts')}>
      <ul className="kpi-counts">
        {KPI_STATUSES.map((s) => (
          <li key={s}>
            <KpiStatusBadge status={s} /> {counts[s]}
          </li>
        ))}
        <li>{t('kpis.totalCount', { count: total })}</li>
      </ul>
    </section>
  );
}

/** Where a KPI's name leads for the signed-in user (`kpiPageFor`): never to a page that refuses them. */
function useKpiPage(): (code: string) => string | null {
  const user = useCurrentUserQuery().data;
  return useCallback((code: string) => (user ? kpiPageFor(user, code) : null), [user]);
}

function KpiCard({ item }: { item: KpiSummaryRow }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const name = language === 'en' ? item.nameEn : item.nameVi;
  const to = useKpiPage()(item.code);
  const title = (
    <>
      <span className="tag">{item.code}</span> {name}
    </>
  );
  return (
    <li className={`kpi-card kpi-card--${item.status}`}>
      <h3>{to ? <Link to={to}>{title}</Link> : title}</h3>
      <KpiStatusBadge status={item.status} />
      <p className="kpi-card__reason">{language === 'en' ? item.statusReason.en : item.statusReason.vi}</p>
      <p className="kpi-card__meta">
        {t('kpis.latest')}:{' '}
        <span className="kpi-card__value">
          {item.latest ? formatKpiValue(item.latest.value, item.unit, language) : t('kpis.noValue')}
        </span>
        {item.latest && (
          <>
            {' '}
            ({t('kpis.periodOf', { period: item.latest.periodKey, date: formatDate(item.latest.periodEnd) })};{' '}
            <CoverageText value={item.latest} />)
          </>
        )}
      </p>
      {item.provisional && <ProvisionalNote value={item.provisional} unit={item.unit} />}
      <p className="kpi-card__meta">
        {item.targets
          .map(
            (tg) =>
              `${t('kpis.target', { year: tg.year })}: ${formatKpiValue(tg.value, item.unit, language)}`,
          )
          .join(' · ')}
      </p>
      <AttainmentList attainment={item.attainment} />
      <Sparkline points={item.series} unit={item.unit} />
    </li>
  );
}

const column = createColumnHelper<KpiSummaryRow>();

function KpiTable({ items, busy }: { items: KpiSummaryRow[]; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const pageOf = useKpiPage();
  const columns = useMemo(
    () => [
      column.accessor('code', {
        header: t('kpis.code'),
        cell: (info) => {
          const to = pageOf(info.getValue());
          return to ? <Link to={to}>{info.getValue()}</Link> : info.getValue();
        },
      }),
      column.accessor((row) => (language === 'en' ? row.nameEn : row.nameVi), {
        id: 'name',
        header: t('kpis.name'),
      }),
      column.accessor((row) => t(`kpis.pillars.${row.pillar}`), { id: 'pillar', header: t('kpis.pillar') }),
      column.accessor((row) => row.latest?.value ?? null, {
        id: 'value',
        header: t('kpis.national'),
        cell: (info) => (
          <span className="numeric">{formatKpiValue(info.getValue(), info.row.original.unit, language)}</span>
        ),
      }),
      column.accessor((row) => row.latest?.periodKey ?? '', {
        id: 'period',
        header: t('kpis.period'),
        cell: (info) => (info.getValue() ? periodName(info.getValue(), language) : '—'),
      }),
      column.accessor((row) => row.latest?.coverage ?? null, {
        id: 'coverage',
        header: t('kpis.reported'),
        cell: (info) => {
          const latest = info.row.original.latest;
          return latest ? <CoverageText value={latest} /> : '—';
        },
      }),
      column.accessor((row) => row.provisional?.periodKey ?? '', {
        id: 'provisional',
        header: t('kpis.provisionalHeader'),
        cell: (info) => {
          const provisional = info.row.original.provisional;
          return provisional ? <ProvisionalNote value={provisional} unit={info.row.original.unit} /> : '—';
        },
      }),
      ...TARGET_YEARS.flatMap((year) => [
        column.accessor((row) => targetFor(row.targets, year), {
          id: `target-${year}`,
          header: t('kpis.target', { year }),
          cell: (info) => formatKpiValue(info.getValue(), info.row.original.unit, language),
        }),
        column.accessor((row) => row.attainment.find((a) => a.year === year)?.ratio ?? null, {
          id: `attainment-${year}`,
          header: t('kpis.attainment', { year }),
          cell: (info) => formatAttainment(info.getValue(), language),
        }),
      ]),
      column.accessor((row) => KPI_STATUSES.indexOf(row.status), {
        id: 'status',
        header: t('kpis.status'),
        cell: (info) => <KpiStatusBadge status={info.row.original.status} />,
      }),
    ],
    [t, language, pageOf],
  );
  return (
    <DataTable
      caption={t('kpis.tableCaption')}
      columns={columns}
      data={items}
      getRowId={(row) => row.code}
      busy={busy}
    />
  );
}
