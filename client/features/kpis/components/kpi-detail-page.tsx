import { type FormEvent, lazy, Suspense, useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { AgencyBorders } from '../../../../shared/agencies';
import { numberLanguage, parseNumberInput } from '../../../../shared/number-input';
import { AdminPanel } from '../../../components/admin-panel';
import { BordersField, BordersNote, UnitHistory } from '../../../components/borders-field';
import { PageError } from '../../../components/error-state';
import { FormActions, TextField } from '../../../components/form-controls';
import { describeServerError } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
import { Pagination } from '../../../components/pagination';
import { ScrollRegion } from '../../../components/scroll-region';
import { SimpleTable } from '../../../components/simple-table';
import { Spinner } from '../../../components/spinner';
import { useFormSubmit } from '../../../components/use-form-submit';
import { formatCount, formatDate, formatNumber, formatPercent } from '../../../lib/format';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { usePageTitle } from '../../../lib/use-page-title';
import {
  type KpiDetailData,
  type KpiRankingRow,
  useKpiDetail,
  useSetCoverageFloor,
} from '../api/kpi-queries';
import {
  arrangeRanking,
  formatKpiValue,
  type HeatBand,
  heatBand,
  kpiExportUrls,
  nextTarget,
  type RankingSort,
  trajectoryRows,
} from '../kpi-view';
import {
  AttainmentList,
  CoverageText,
  ExportLinks,
  KpiStatusBadge,
  ProvisionalNote,
  TrendLabel,
} from './kpi-bits';
import '../kpis.css';
import { periodName } from '../../../../shared/period-names';
import { retryImport } from '../../../lib/retry-import';

// recharts is fetched only when this chart is about to show.
const TrajectoryChart = lazy(() =>
  retryImport(() => import('./kpi-charts')).then((m) => ({ default: m.TrajectoryChart })),
);

const PAGE_SIZE = 50;
const KPI_CODE = /^[A-Z]{2}-\d{2}$/;

/** One KPI: the national value, its path to the 2027/2030 targets, and every agency behind it. */
export function KpiDetailPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const code = useParams().code ?? '';
  const valid = KPI_CODE.test(code);
  // Today's units unless the address asks for the units as recorded (a link keeps the choice).
  const [params, setParams] = useSearchParams();
  const borders: AgencyBorders = params.get('borders') === 'recorded' ? 'recorded' : 'current';
  const setBorders = (value: AgencyBorders) =>
    setParams(value === 'recorded' ? { borders: value } : {}, { replace: true });
  const detail = useKpiDetail(code, borders, valid);
  const data = detail.data;
  const name = data ? (language === 'en' ? data.nameEn : data.nameVi) : code;
  usePageTitle(`${code} — ${name}`);

  const back = { to: '/kpis', label: t('kpis.back') };
  if (!valid) return <PageError className="kpis" title={code} code="NOT_FOUND" back={back} />;
  if (detail.isPending) return <Spinner />;
  if (detail.isError || !data)
    return (
      <PageError
        className="kpis"
        title={code}
        error={detail.error}
        onRetry={() => void detail.refetch()}
        back={back}
      />
    );
  const en = language === 'en';

  return (
    <section className="page kpis" aria-busy={detail.isPlaceholderData}>
      <nav aria-label={t('kpis.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/kpis">{t('kpis.back')}</Link>
          </li>
          <li aria-current="page">{data.code}</li>
        </ol>
      </nav>
      <h1>
        <span className="tag">{data.code}</span> {name}
      </h1>
      <p>
        <KpiStatusBadge status={data.status} /> {t(`kpis.pillars.${data.pillar}`)}
      </p>
      <p className="hint">{en ? data.definition.en : data.definition.vi}</p>

      <div className="kpi-facts">
        <section aria-labelledby="kpi-national-title">
          <h2 id="kpi-national-title">{t('kpis.national')}</h2>
          {data.latest ? (
            <>
              <p className="kpi-card__value">{formatKpiValue(data.latest.value, data.unit, language)}</p>
              <p>
                {t('kpis.periodOf', {
                  period: data.latest.periodKey,
                  date: formatDate(data.latest.periodEnd),
                })}
                ; <CoverageText value={data.latest} />
              </p>
              {data.latest.closesOn && (
                <p>
                  {t(data.latest.closed ? 'kpis.latestClosed' : 'kpis.latestCovered', {
                    date: formatDate(data.latest.closesOn),
                  })}
                </p>
              )}
              <p>
                {t('kpis.fraction', {
                  numerator: formatNumber(data.latest.numerator, language, 2),
                  denominator: formatNumber(data.latest.denominator, language, 2),
                })}
              </p>
            </>
          ) : (
            <p>{t('kpis.noValue')}</p>
          )}
          {data.provisional && <ProvisionalNote value={data.provisional} unit={data.unit} />}
          {data.source !== 'system' && (
            <p className="hint">
              {t('kpis.coverageRule', { floor: formatPercent(data.coverageFloor, language, 1) })}
            </p>
          )}
          {data.baseline && (
            <p>
              {t('kpis.baseline', { period: data.baseline.periodKey })}:{' '}
              {formatKpiValue(data.baseline.value, data.unit, language)}
            </p>
          )}
        </section>
        <section aria-labelledby="kpi-targets-title">
          <h2 id="kpi-targets-title">{t('kpis.targetsTitle')}</h2>
          <ul>
            {data.targets.map((target) => (
              <li key={target.year}>
                {t('kpis.target', { year: target.year })}: {formatKpiValue(target.value, data.unit, language)}
              </li>
            ))}
          </ul>
          <AttainmentList attainment={data.attainment} />
        </section>
        <section aria-labelledby="kpi-rule-title">
          <h2 id="kpi-rule-title">{t('kpis.statusRule')}</h2>
          <p>{en ? data.statusReason.en : data.statusReason.vi}</p>
          <h2>{t('kpis.forecastMethod')}</h2>
          {data.forecast ? (
            <>
              <p>{en ? data.forecast.method.en : data.forecast.method.vi}</p>
              <ul>
                {data.forecast.byTargetYear.map((f) => (
                  <li key={f.year}>
                    {t('kpis.forecastFor', {
                      year: f.year,
                      value: formatKpiValue(f.value, data.unit, language),
                    })}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('kpis.noForecast')}</p>
          )}
        </section>
      </div>

      <CoverageFloorForm data={data} />
      <Trajectory data={data} />
      <Missing data={data} />
      <Ranking data={data} onBorders={setBorders} />
      <Heatmap data={data} />
    </section>
  );
}

/** The administrator's setting: the coverage at which a period not yet closed counts. */
function CoverageFloorForm({ data }: { data: KpiDetailData }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const me = useCurrentUserQuery();
  const save = useSetCoverageFloor();
  const formRef = useRef<HTMLFormElement>(null);
  const [text, setText] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  const describe = useCallback(
    (error: unknown) =>
      describeServerError(error, t, (_reason, field) =>
        field === 'coverageFloor' ? t('kpis.floorInvalid') : undefined,
      ),
    [t],
  );
  const submit = useFormSubmit(formRef, describe);
  if (me.data?.role !== 'admin' || data.source === 'system') return null;

  function onSave(event: FormEvent) {
    event.preventDefault();
    const parsed = parseNumberInput(text, numberLanguage(language));
    const floor = parsed.ok ? parsed.value : null;
    if (floor === null || floor < 0 || floor > 100) {
      submit.setErrors({ coverageFloor: t('kpis.floorInvalid') });
      return;
    }
    void submit.run(
      () => save.mutateAsync({ code: data.code, coverageFloor: floor }),
      () => {
        setSaved(floor);
        setText('');
      },
    );
  }

  return (
    <AdminPanel title={t('kpis.floorTitle')}>
      <form ref={formRef} className="form" noValidate onSubmit={onSave}>
        <SubmitFeedback
          submit={submit}
          successText={t('kpis.floorSaved', { floor: formatPercent(saved, language, 1) })}
        />
        <TextField
          label={t('kpis.floorLabel')}
          hint={t('kpis.floorHint')}
          error={submit.errors.coverageFloor}
          required
          inputMode="decimal"
          placeholder={formatNumber(data.coverageFloor, language, 1)}
          value={text}
          onChange={setText}
        />
        <FormActions
          pending={submit.pending}
          label={t('kpis.floorSave')}
          pendingLabel={t('kpis.floorSaving')}
        />
      </form>
    </AdminPanel>
  );
}

/** Who the national value and the provisional period are missing, by name, in disclosures. */
function Missing({ data }: { data: KpiDetailData }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const lists = [data.coverageDetail.latest, data.coverageDetail.provisional].filter(
    (c): c is NonNullable<typeof c> => c !== null,
  );
  if (lists.length === 0) return null;
  return (
    <section className="dashboard-panel" aria-labelledby="kpi-missing-title">
      <h2 id="kpi-missing-title">{t('kpis.missingTitle')}</h2>
      {lists.map((list) =>
        list.missing.length === 0 ? (
          <p key={list.periodKey}>{t('kpis.missingNone', { period: list.periodKey })}</p>
        ) : (
          <details key={list.periodKey} className="kpi-missing">
            <summary>
              {t('kpis.missingFor', {
                period: list.periodKey,
                count: list.missing.length,
                formatted: formatCount(list.missing.length, language),
              })}
            </summary>
            <ul>
              {list.missing.map((m) => (
                <li key={m.agencyId}>
                  <Link to={`/kpis/${encodeURIComponent(data.code)}/agencies/${m.agencyId}`}>
                    {language === 'en' ? m.nameEn : m.nameVi}
                  </Link>
                  {m.carriedFrom && <> ({t('kpis.carriedFrom', { period: m.carriedFrom })})</>}
                </li>
              ))}
            </ul>
          </details>
        ),
      )}
    </section>
  );
}

function Trajectory({ data }: { data: KpiDetailData }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const rows = useMemo(() => trajectoryRows(data.series, data.forecast?.points), [data]);
  const format = (v: number | null) => formatKpiValue(v, data.unit, language);
  return (
    <section className="dashboard-panel" aria-labelledby="kpi-trajectory-title">
      <h2 id="kpi-trajectory-title">{t('kpis.chartTitle')}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t('kpis.noSeries')}</p>
      ) : (
        <>
          <div role="img" aria-label={t('dashboard.chartLabel', { title: t('kpis.chartTitle') })}>
            <Suspense fallback={<Spinner label={t('dashboard.chartLoading')} />}>
              <TrajectoryChart
                rows={rows}
                targets={data.targets.map((target) => ({
                  ...target,
                  label: t('kpis.targetMarker', { year: target.year, value: format(target.value) }),
                }))}
                names={{
                  actual: t('kpis.actual'),
                  planned: t('kpis.plannedShort'),
                  forecast: t('kpis.forecast'),
                }}
                format={(v) => format(v)}
              />
            </Suspense>
          </div>
          <p className="hint">{t('kpis.chartLegendHint')}</p>
          <details>
            <summary>{t('dashboard.showData')}</summary>
            <ScrollRegion label={t('kpis.trajectoryCaption')}>
              <SimpleTable
                caption={t('kpis.trajectoryCaption')}
                className="data-table--compact"
                columns={[
                  {
                    key: 'period',
                    header: t('kpis.period'),
                    cell: (row) => periodName(row.periodKey, language),
                    rowHeader: true,
                  },
                  { key: 'periodEnd', header: t('kpis.periodEnd'), cell: (row) => formatDate(row.periodEnd) },
                  {
                    key: 'actual',
                    header: t('kpis.actual'),
                    cell: (row) => format(row.actual),
                    numeric: true,
                  },
                  {
                    key: 'planned',
                    header: t('kpis.planned'),
                    cell: (row) => format(row.planned),
                    numeric: true,
                  },
                  {
                    key: 'forecast',
                    header: t('kpis.forecast'),
                    cell: (row) => format(row.forecast),
                    numeric: true,
                  },
                ]}
                rows={rows}
                rowKey={(row) => row.periodKey}
              />
            </ScrollRegion>
          </details>
        </>
      )}
    </section>
  );
}

function SortHeader({
  label,
  active,
  direction,
  onClick,
}: {
  label: string;
  active: boolean;
  direction: 'asc' | 'desc';
  onClick: () => void;
}) {
  const { t } = useTranslation();
  return (
    <th scope="col" aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="sort-button" onClick={onClick}>
        {label}
        <span className="visually-hidden">
          ,{' '}
          {active
            ? direction === 'asc'
              ? t('common.sortAscending')
              : t('common.sortDescending')
            : t('common.sortable')}
        </span>
        <span className="sort-button__icon" aria-hidden="true">
          {active ? (direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

function Ranking({ data, onBorders }: { data: KpiDetailData; onBorders: (value: AgencyBorders) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const searchId = useId();
  const bordersId = useId();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<RankingSort>('value-asc');
  const [page, setPage] = useState(1);
  const rows = useMemo(
    () => arrangeRanking(data.ranking, search, sort, language),
    [data.ranking, search, sort, language],
  );
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const nameOf = (row: KpiRankingRow) => (language === 'en' ? row.nameEn : row.nameVi);
  const format = (v: number | null) => formatKpiValue(v, data.unit, language);
  const agencyLink = (row: KpiRankingRow) =>
    `/kpis/${encodeURIComponent(data.code)}/agencies/${row.agencyId}`;

  return (
    <section className="dashboard-panel" aria-labelledby="kpi-ranking-title">
      <h2 id="kpi-ranking-title">{t('kpis.rankingTitle')}</h2>
      <p className="hint">{t('kpis.rankingIntro')}</p>
      <BordersNote borders={data.borders} subject="figures" />
      <div className="kpi-filters">
        <BordersField
          id={bordersId}
          value={data.borders}
          onChange={(value) => {
            onBorders(value);
            setPage(1);
          }}
        />
        <div className="form__field">
          <label htmlFor={searchId}>{t('kpis.rankingFilter')}</label>
          <input
            id={searchId}
            type="search"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
          />
        </div>
        <ExportLinks
          what={t('kpis.exportRanking')}
          href={(format) => kpiExportUrls.ranking(data.code, format, language, data.borders)}
        />
      </div>
      {data.ranking.length === 0 ? (
        <p className="empty">{t('kpis.noRanking')}</p>
      ) : rows.length === 0 ? (
        <p className="empty">{t('kpis.noMatch')}</p>
      ) : (
        <>
          <ScrollRegion label={t('kpis.rankingCaption')}>
            <table className="data-table">
              <caption>{t('kpis.rankingCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <SortHeader
                    label={t('kpis.agency')}
                    active={sort === 'name'}
                    direction="asc"
                    onClick={() => {
                      setSort('name');
                      setPage(1);
                    }}
                  />
                  <th scope="col">{t('kpis.level')}</th>
                  <SortHeader
                    label={t('kpis.value')}
                    active={sort !== 'name'}
                    direction={sort === 'value-desc' ? 'desc' : 'asc'}
                    onClick={() => {
                      setSort((s) => (s === 'value-asc' ? 'value-desc' : 'value-asc'));
                      setPage(1);
                    }}
                  />
                  <th scope="col" className="numeric">
                    {t('kpis.numerator')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('kpis.denominator')}
                  </th>
                  <th scope="col">{t('kpis.period')}</th>
                  <th scope="col" className="numeric">
                    {t('kpis.previous')}
                  </th>
                  <th scope="col">{t('kpis.trend')}</th>
                  <th scope="col">{t('kpis.age')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((row, index) => (
                  <tr key={row.agencyId}>
                    <td className="numeric">{(page - 1) * PAGE_SIZE + index + 1}</td>
                    <th scope="row">
                      <Link to={agencyLink(row)} aria-label={t('kpis.openAgency', { agency: nameOf(row) })}>
                        {nameOf(row)}
                      </Link>
                      <UnitHistory validTo={row.validTo} formerUnits={row.formerUnits} />
                    </th>
                    <td>{t(`levels.${row.level as 'central'}`, { defaultValue: row.level })}</td>
                    <td className="numeric">
                      {row.submissionId ? (
                        <Link
                          to={`/reports/submissions/${row.submissionId}`}
                          aria-label={`${format(row.value)}, ${t('kpis.openSubmission', { period: row.periodKey ?? '' })}`}
                        >
                          {format(row.value)}
                        </Link>
                      ) : (
                        format(row.value)
                      )}
                    </td>
                    <td className="numeric">{formatNumber(row.numerator, language, 2)}</td>
                    <td className="numeric">{formatNumber(row.denominator, language, 2)}</td>
                    <td>{row.periodKey ? periodName(row.periodKey, language) : '—'}</td>
                    <td className="numeric">{format(row.previousValue)}</td>
                    <td>
                      <TrendLabel trend={row.trend} />
                    </td>
                    <td>
                      <FigureAge row={row} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={rows.length}
            onPageChange={setPage}
            label={t('kpis.rankingCaption')}
          />
        </>
      )}
    </section>
  );
}

/** How old an agency's figure is against the national value's period, and whether it is carried into it. */
function FigureAge({ row }: { row: KpiRankingRow }) {
  const { t } = useTranslation();
  if (row.age === null) return <>—</>;
  const age = row.age === 0 ? t('kpis.ageCurrent') : t('kpis.ageOlder', { count: row.age });
  return <>{row.carriedForward ? `${age} — ${t('kpis.carried')}` : age}</>;
}

const BANDS: HeatBand[] = ['met', 'high', 'mid', 'low', 'none'];

function Heatmap({ data }: { data: KpiDetailData }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [page, setPage] = useState(1);
  const target = nextTarget(data.targets, new Date().getFullYear());
  const { periods, rows } = data.heatmap;
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  if (rows.length === 0 || periods.length === 0) return null;
  return (
    <section className="dashboard-panel" aria-labelledby="kpi-heatmap-title">
      <h2 id="kpi-heatmap-title">{t('kpis.heatmapTitle')}</h2>
      {target && (
        <section aria-label={t('kpis.heatmapLegend', { year: target.year })}>
          <p className="hint">{t('kpis.heatmapLegend', { year: target.year })}</p>
          <ul className="kpi-heat-legend">
            {BANDS.map((band) => (
              <li key={band} className={`kpi-heat kpi-heat--${band}`}>
                {t(`kpis.bands.${band}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ScrollRegion label={t('kpis.heatmapCaption')}>
        <table className="data-table heatmap">
          <caption>{t('kpis.heatmapCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kpis.agency')}</th>
              {periods.map((p) => (
                <th key={p} scope="col" className="numeric">
                  {p === data.heatmap.provisionalPeriod ? t('kpis.provisionalColumn', { period: p }) : p}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const name = language === 'en' ? row.nameEn : row.nameVi;
              const link = `/kpis/${encodeURIComponent(data.code)}/agencies/${row.agencyId}`;
              return (
                <tr key={row.agencyId}>
                  <th scope="row">
                    <Link to={link}>{name}</Link>
                  </th>
                  {periods.map((p, i) => {
                    const value = row.values[i] ?? null;
                    const band = heatBand(value, target?.value ?? null);
                    const text = formatKpiValue(value, data.unit, language);
                    return (
                      <td key={p} className={`kpi-heat kpi-heat--${band}`}>
                        {value === null ? (
                          text
                        ) : (
                          <Link
                            to={link}
                            aria-label={t('kpis.heatmapCell', { agency: name, period: p, value: text })}
                          >
                            {text}
                          </Link>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <Pagination
        page={page}
        pageSize={PAGE_SIZE}
        total={rows.length}
        onPageChange={setPage}
        label={t('kpis.heatmapCaption')}
      />
    </section>
  );
}
