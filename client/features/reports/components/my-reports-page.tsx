import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Spinner } from '../../../components/spinner';
import { formatDate } from '../../../lib/format';
import { usePageTitle } from '../../../lib/use-page-title';
import { useMyReports } from '../api/report-queries';
import { ScrollRegion } from './scroll-region';
import { DueBadges, PeriodText, StateLabel } from './state-badges';
import '../reports.css';

/** The agency's obligations under every reporting regime, each row leading to its form. */
export function MyReportsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('reports.myTitle'));
  const mine = useMyReports();
  const en = i18n.language === 'en';

  return (
    <section className="page reports">
      <h1>{t('reports.myTitle')}</h1>
      <p className="hint">{t('reports.myIntro')}</p>
      {mine.isPending ? (
        <Spinner />
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : mine.data.length === 0 ? (
        <p className="empty" role="status">
          {t('reports.myEmpty')}
        </p>
      ) : (
        <ScrollRegion label={t('reports.myCaption')}>
          <table className="data-table">
            <caption>{t('reports.myCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.template')}</th>
                <th scope="col">{t('reports.period')}</th>
                <th scope="col">{t('reports.deadline')}</th>
                <th scope="col">{t('reports.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('reports.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {mine.data.map((row) => {
                const name = en ? row.templateNameEn : row.templateNameVi;
                const to = row.submissionId
                  ? `/reports/submissions/${row.submissionId}`
                  : `/reports/${row.templateId}/${row.periodKey}`;
                return (
                  <tr key={`${row.templateId}:${row.periodKey}`}>
                    <th scope="row">
                      <span className="tag">{row.templateCode}</span> {name}
                    </th>
                    <td>
                      <PeriodText periodKey={row.periodKey} start={row.periodStart} end={row.periodEnd} />
                    </td>
                    <td className="nowrap">
                      {formatDate(row.deadline)} <DueBadges overdue={row.overdue} dueSoon={row.dueSoon} />
                    </td>
                    <td>
                      <StateLabel state={row.state} />
                    </td>
                    <td>
                      <Link
                        to={to}
                        aria-label={t('reports.openReport', { template: name, period: row.periodKey })}
                      >
                        {t('reports.open')}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
