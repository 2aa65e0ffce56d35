import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { ScrollRegion } from '../../../components/scroll-region';
import { SimpleTable } from '../../../components/simple-table';
import { Spinner } from '../../../components/spinner';
import { formatDate } from '../../../lib/format';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { usePageTitle } from '../../../lib/use-page-title';
import { useMyReports } from '../api/report-queries';
import { DueBadges, PeriodText, StateLabel } from './state-badges';
import '../reports.css';

type MyReport = NonNullable<ReturnType<typeof useMyReports>['data']>[number];

/** The home page's links narrow the list (`?show=overdue`…): the same test as the server's counts. */
const SHOW = {
  overdue: (row: MyReport) => row.overdue,
  dueSoon: (row: MyReport) => row.dueSoon,
  returned: (row: MyReport) => row.state === 'returned',
  submitted: (row: MyReport) => row.state === 'submitted',
} as const;
type Show = keyof typeof SHOW;

/** The agency's obligations under every reporting regime, each row leading to its form. */
export function MyReportsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('reports.myTitle'));
  const mine = useMyReports();
  const me = useCurrentUserQuery();
  const [params] = useSearchParams();
  const rawShow = params.get('show');
  const show = (Object.keys(SHOW) as Show[]).find((key) => key === rawShow);
  const rows = show && mine.data ? mine.data.filter(SHOW[show]) : mine.data;
  const en = i18n.language === 'en';
  const nameOf = (row: { templateNameEn: string; templateNameVi: string }) =>
    en ? row.templateNameEn : row.templateNameVi;

  return (
    <section className="page reports">
      <h1>{t('reports.myTitle')}</h1>
      <p className="hint">{t('reports.myIntro')}</p>
      {me.data?.agencyLevel === 'provincial' && (
        <p>
          <Link to="/reports/communes">{t('reports.provinceChain.link')}</Link>
        </p>
      )}
      {show && (
        <p className="reports__filter">
          {t(`reports.myShow.${show}`)} <Link to="/reports">{t('reports.myShowAll')}</Link>
        </p>
      )}
      {mine.isPending ? (
        <Spinner />
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : !rows || rows.length === 0 ? (
        <p className="empty" role="status">
          {t('reports.myEmpty')}
        </p>
      ) : (
        <ScrollRegion label={t('reports.myCaption')}>
          <SimpleTable
            caption={t('reports.myCaption')}
            columns={[
              {
                key: 'template',
                header: t('reports.template'),
                cell: (row) => (
                  <>
                    <span className="tag">{row.templateCode}</span> {nameOf(row)}
                  </>
                ),
                rowHeader: true,
              },
              {
                key: 'period',
                header: t('reports.period'),
                cell: (row) => (
                  <PeriodText periodKey={row.periodKey} start={row.periodStart} end={row.periodEnd} />
                ),
              },
              {
                key: 'deadline',
                header: t('reports.deadline'),
                cell: (row) => (
                  <>
                    {formatDate(row.deadline)} <DueBadges overdue={row.overdue} dueSoon={row.dueSoon} />
                  </>
                ),
                cellClassName: 'nowrap',
              },
              { key: 'state', header: t('reports.state'), cell: (row) => <StateLabel state={row.state} /> },
              {
                key: 'open',
                header: <span className="visually-hidden">{t('reports.open')}</span>,
                cell: (row) => (
                  <Link
                    to={
                      row.submissionId
                        ? `/reports/submissions/${row.submissionId}`
                        : `/reports/${row.templateId}/${row.periodKey}`
                    }
                    aria-label={t('reports.openReport', { template: nameOf(row), period: row.periodKey })}
                  >
                    {t('reports.open')}
                  </Link>
                ),
              },
            ]}
            rows={rows}
            rowKey={(row) => `${row.templateId}:${row.periodKey}`}
          />
        </ScrollRegion>
      )}
    </section>
  );
}
