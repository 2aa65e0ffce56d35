import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { mayOpen } from '../../../../shared/page-access';
import { DataTable } from '../../../components/data-table';
import { PageError } from '../../../components/error-state';
import { Spinner } from '../../../components/spinner';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { usePageTitle } from '../../../lib/use-page-title';
import { type KpiAgencySubmissions, useKpiAgencySubmissions, useKpiOverview } from '../api/kpi-queries';
import { formatKpiValue, kpiExportUrls } from '../kpi-view';
import { ExportLinks, KpiStatusBadge } from './kpi-bits';
import '../kpis.css';
import { periodName } from '../../../../shared/period-names';

type Row = KpiAgencySubmissions['rows'][number];
const column = createColumnHelper<Row>();
const KPI_CODE = /^[A-Z]{2}-\d{2}$/;

function newestFirst(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => b.periodKey.localeCompare(a.periodKey) || b.revision - a.revision);
}

/** The inspector's drill-down: national value → this agency → the submissions that carry its figures. */
export function KpiAgencyPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const params = useParams();
  const code = params.code ?? '';
  const agencyId = Number(params.agencyId);
  const valid = KPI_CODE.test(code) && Number.isInteger(agencyId) && agencyId > 0;
  const query = useKpiAgencySubmissions(code, agencyId, valid);
  // The national figure for context; every signed-in user may read it.
  const overview = useKpiOverview({});
  const national = overview.data?.items.find((item) => item.code === code);
  // The KPI's agency ranking is for oversight roles; an agency's own users stop at their submissions.
  const me = useCurrentUserQuery();
  const oversight = me.data ? mayOpen(me.data.role, '/kpis/:code') : false;
  const data = query.data;
  const agencyName = data ? (language === 'en' ? data.agency.nameEn : data.agency.nameVi) : '';
  const kpiName = data ? (language === 'en' ? data.kpi.nameEn : data.kpi.nameVi) : '';
  usePageTitle(data ? t('kpis.agencyTitle', { code, agency: agencyName }) : code);

  const withLevel = data?.rows.some((row) => row.level !== null && row.level !== undefined) ?? false;
  const columns = useMemo(() => {
    const unit = data?.kpi.unit ?? 'percent';
    return [
      column.accessor('periodKey', {
        header: t('kpis.period'),
        cell: (info) => (
          <Link
            to={`/reports/submissions/${info.row.original.submissionId}`}
            aria-label={t('kpis.openSubmission', { period: info.getValue() })}
          >
            {periodName(info.getValue(), language)}
          </Link>
        ),
      }),
      column.accessor((row) => t(`reports.states.${row.state as 'accepted'}`, { defaultValue: row.state }), {
        id: 'state',
        header: t('kpis.state'),
      }),
      column.accessor('revision', { header: t('kpis.revision') }),
      column.accessor('numerator', {
        header: t('kpis.numerator'),
        cell: (info) => formatNumber(info.getValue(), language, 2),
      }),
      column.accessor('denominator', {
        header: t('kpis.denominator'),
        cell: (info) => formatNumber(info.getValue(), language, 2),
      }),
      column.accessor('value', {
        header: t('kpis.value'),
        cell: (info) => formatKpiValue(info.getValue(), unit, language),
      }),
      // Maturity KPIs: the level the agency reported, behind its 0/1 figure.
      ...(withLevel
        ? [
            column.accessor((row) => row.level ?? null, {
              id: 'level',
              header: t('kpis.maturityLevel'),
              cell: (info) => formatNumber(info.getValue(), language, 2),
            }),
          ]
        : []),
      column.accessor((row) => (row.acceptedAt ? new Date(row.acceptedAt).getTime() : null), {
        id: 'acceptedAt',
        header: t('kpis.acceptedAt'),
        cell: (info) => (info.row.original.acceptedAt ? formatDateTime(info.row.original.acceptedAt) : '—'),
      }),
      column.accessor((row) => `${row.templateCode} v${row.templateVersion}`, {
        id: 'template',
        header: t('kpis.template'),
      }),
    ];
  }, [t, language, data?.kpi.unit, withLevel]);

  const back = { to: '/kpis', label: t('kpis.back') };
  if (!valid) return <PageError className="kpis" title={code} code="NOT_FOUND" back={back} />;
  if (query.isPending) return <Spinner />;
  if (query.isError || !data)
    return (
      <PageError
        className="kpis"
        title={code}
        error={query.error}
        onRetry={() => void query.refetch()}
        back={back}
      />
    );

  return (
    <section className="page kpis">
      <nav aria-label={t('kpis.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/kpis">{t('kpis.back')}</Link>
          </li>
          <li>{oversight ? <Link to={`/kpis/${encodeURIComponent(code)}`}>{code}</Link> : code}</li>
          <li aria-current="page">{agencyName}</li>
        </ol>
      </nav>
      <h1>{t('kpis.agencyTitle', { code, agency: agencyName })}</h1>
      <p>
        <span className="tag">{data.kpi.code}</span> {kpiName}
      </p>
      {national && (
        <p>
          {t('kpis.national')}:{' '}
          <strong>{formatKpiValue(national.latest?.value ?? null, national.unit, language)}</strong>
          {national.latest && ` (${t('kpis.period')} ${national.latest.periodKey})`}{' '}
          <KpiStatusBadge status={national.status} />
        </p>
      )}
      <p className="hint">{t('kpis.agencyIntro')}</p>
      <p>
        <Link to={`/agencies/${data.agency.id}/scorecard`}>{t('kpis.scorecardLink')}</Link>
      </p>
      <ExportLinks
        what={t('kpis.exportAgency')}
        href={(format) => kpiExportUrls.agency(code, agencyId, format, language)}
      />
      {data.rows.length === 0 ? (
        <p className="empty">{t('kpis.noSubmissions')}</p>
      ) : (
        <DataTable
          caption={t('kpis.submissionsCaption')}
          columns={columns}
          data={newestFirst(data.rows)}
          getRowId={(row) => String(row.submissionId)}
          busy={query.isFetching}
        />
      )}
    </section>
  );
}
