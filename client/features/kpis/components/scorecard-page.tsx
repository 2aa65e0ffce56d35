import { createColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DataTable } from '../../../components/data-table';
import { PageError } from '../../../components/error-state';
import { SelectField } from '../../../components/form-controls';
import { Spinner } from '../../../components/spinner';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { usePageTitle } from '../../../lib/use-page-title';
import { type Scorecard, type ScorecardItem, useScorecard } from '../api/kpi-queries';
import {
  COMPARISON_SYMBOLS,
  compareToNational,
  formatKpiValue,
  KPI_PILLARS,
  KPI_STATUSES,
  type KpiPillar,
  roundFigure,
  targetFor,
  toCsv,
} from '../kpi-view';
import { KpiStatusBadge } from './kpi-bits';
import '../kpis.css';

const TARGET_YEARS = [2027, 2030] as const;
const column = createColumnHelper<ScorecardItem>();

function download(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** What the app shows under the KPIs (the agency's reminders and explanations: client/app/routes). */
interface ScorecardSections {
  sections?: (agencyId: number) => ReactNode;
}

/** `/scorecard`: the signed-in user's own agency. */
export function OwnScorecardPage({ sections }: ScorecardSections = {}) {
  const me = useCurrentUserQuery();
  if (me.isPending) return <Spinner />;
  return <ScorecardView agencyId={me.data?.agencyId ?? null} sections={sections} />;
}

/** `/agencies/:id/scorecard`: any agency, for oversight roles (the server refuses anyone else). */
export function AgencyScorecardPage({ sections }: ScorecardSections = {}) {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0)
    return (
      <PageError
        className="kpis"
        title={t('nav.scorecard')}
        code="NOT_FOUND"
        back={{ to: '/kpis', label: t('kpis.back') }}
      />
    );
  return <ScorecardView agencyId={id} sections={sections} />;
}

/** An agency's own scorecard: every KPI, its value against the national targets and the national value. */
function ScorecardView({ agencyId, sections }: { agencyId: number | null } & ScorecardSections) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const query = useScorecard(agencyId);
  const [pillar, setPillar] = useState<KpiPillar | ''>('');
  const data = query.data;
  const agencyName = data ? (language === 'en' ? data.agency.nameEn : data.agency.nameVi) : '';
  usePageTitle(data ? t('kpis.scorecardTitle', { agency: agencyName }) : t('nav.scorecard'));
  const items = useMemo(
    () => (data ? data.items.filter((item) => !pillar || item.pillar === pillar) : []),
    [data, pillar],
  );

  const back = { to: '/kpis', label: t('kpis.back') };
  if (agencyId === null)
    return <PageError className="kpis" title={t('nav.scorecard')} code="FORBIDDEN" back={back} />;
  if (query.isPending) return <Spinner />;
  if (query.isError || !data)
    return (
      <PageError
        className="kpis"
        title={t('nav.scorecard')}
        error={query.error}
        onRetry={() => void query.refetch()}
        back={back}
      />
    );

  return (
    <section className="page kpis">
      <h1>{t('kpis.scorecardTitle', { agency: agencyName })}</h1>
      <p className="hint">{t('kpis.scorecardIntro')}</p>
      <div className="kpi-filters">
        <SelectField
          label={t('kpis.pillar')}
          placeholder={t('kpis.allPillars')}
          options={KPI_PILLARS.map((p) => ({ value: p, label: t(`kpis.pillars.${p}`) }))}
          value={pillar}
          onChange={(value) => setPillar(value as KpiPillar | '')}
        />
        <p className="kpi-exports">
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              download(scorecardCsv(data, items, t, language), `bang-chi-tieu-${data.agency.id}.csv`)
            }
          >
            {t('kpis.exportCsv')}
          </button>
          <a
            className="button button--small"
            href={`/export/scorecards/${data.agency.id}.xlsx?lang=${language === 'en' ? 'en' : 'vi'}`}
            download
          >
            {t('excel.download')}
          </a>
        </p>
      </div>
      <ScorecardTable agencyId={agencyId} items={items} busy={query.isPlaceholderData} />
      {sections?.(agencyId)}
    </section>
  );
}

/** The scorecard's rows: the agency's figure and status beside the national ones. */
export function ScorecardTable({
  agencyId,
  items,
  busy = false,
}: {
  agencyId: number | null;
  items: ScorecardItem[];
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const columns = useScorecardColumns(agencyId);
  return (
    <DataTable
      caption={t('kpis.scorecardCaption')}
      columns={columns}
      data={items}
      getRowId={(row) => row.code}
      busy={busy}
    />
  );
}

/** Each KPI links to the agency's own submissions for it (open to the agency and to oversight roles). */
function useScorecardColumns(agencyId: number | null) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => [
      column.accessor('code', {
        header: t('kpis.code'),
        cell: (info) => (
          <Link to={`/kpis/${encodeURIComponent(info.getValue())}/agencies/${agencyId}`}>
            {info.getValue()}
          </Link>
        ),
      }),
      column.accessor((row) => (language === 'en' ? row.nameEn : row.nameVi), {
        id: 'name',
        header: t('kpis.name'),
      }),
      column.accessor('agencyValue', {
        header: t('kpis.agencyValue'),
        cell: (info) => formatKpiValue(info.getValue(), info.row.original.unit, language),
      }),
      column.accessor((row) => row.agencyPeriodKey ?? '', { id: 'period', header: t('kpis.period') }),
      column.accessor('nationalValue', {
        header: t('kpis.national'),
        cell: (info) => formatKpiValue(info.getValue(), info.row.original.unit, language),
      }),
      column.accessor((row) => compareToNational(row.agencyValue, row.nationalValue), {
        id: 'versus',
        header: t('kpis.versusNational'),
        cell: (info) => (
          <span className={`kpi-compare kpi-compare--${info.getValue()}`}>
            <span aria-hidden="true">{COMPARISON_SYMBOLS[info.getValue()]}</span>{' '}
            {t(`kpis.comparison.${info.getValue()}`)}
          </span>
        ),
      }),
      ...TARGET_YEARS.map((year) =>
        column.accessor((row) => targetFor(row.targets, year), {
          id: `target-${year}`,
          header: t('kpis.target', { year }),
          cell: (info) => formatKpiValue(info.getValue(), info.row.original.unit, language),
        }),
      ),
      column.accessor((row) => KPI_STATUSES.indexOf(row.agencyStatus), {
        id: 'agencyStatus',
        header: t('kpis.agencyStatus'),
        cell: (info) => <KpiStatusBadge status={info.row.original.agencyStatus} />,
      }),
      column.accessor((row) => KPI_STATUSES.indexOf(row.nationalStatus), {
        id: 'nationalStatus',
        header: t('kpis.nationalStatus'),
        cell: (info) => <KpiStatusBadge status={info.row.original.nationalStatus} />,
      }),
    ],
    [t, language, agencyId],
  );
}

function scorecardCsv(
  data: Scorecard,
  items: readonly ScorecardItem[],
  t: TFunction,
  language: string,
): string {
  const header = [
    t('kpis.code'),
    t('kpis.name'),
    t('kpis.pillar'),
    `${t('kpis.agencyValue')} (${language === 'en' ? data.agency.nameEn : data.agency.nameVi})`,
    t('kpis.period'),
    t('kpis.national'),
    t('kpis.versusNational'),
    ...TARGET_YEARS.map((year) => t('kpis.target', { year })),
    t('kpis.agencyStatus'),
    t('kpis.nationalStatus'),
  ];
  const rows = items.map((item) => [
    item.code,
    language === 'en' ? item.nameEn : item.nameVi,
    t(`kpis.pillars.${item.pillar}`),
    roundFigure(item.agencyValue),
    item.agencyPeriodKey,
    roundFigure(item.nationalValue),
    t(`kpis.comparison.${compareToNational(item.agencyValue, item.nationalValue)}`),
    ...TARGET_YEARS.map((year) => targetFor(item.targets, year)),
    t(`kpis.statuses.${item.agencyStatus}`),
    t(`kpis.statuses.${item.nationalStatus}`),
  ]);
  return toCsv(header, rows);
}
