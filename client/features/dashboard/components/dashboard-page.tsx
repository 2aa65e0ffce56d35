import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivityFeed } from '../../../components/activity-feed';
import { PageError } from '../../../components/error-state';
import { Spinner } from '../../../components/spinner';
import { formatDateTime } from '../../../lib/format';
import type { PagePrefetch } from '../../../lib/page-prefetch';
import { usePageTitle } from '../../../lib/use-page-title';
import {
  prefetchDashboard,
  useAccountabilitySummary,
  useDashboard,
  useKpiOffTrack,
  useOverdueReports,
} from '../api/dashboard-queries';
import { AccountabilitySummary } from './accountability-summary';
import { AgencyRanking } from './agency-ranking';
import { OverdueByMonth, StatusBreakdown } from './breakdowns';
import { CompletionRates } from './completion-rates';
import { KpiOffTrack } from './kpi-off-track';
import { OverdueReports } from './overdue-reports';
import { StatusCards } from './status-cards';
import './dashboard.css';

/** The national picture and its reminders, fetched once the user is known, while the page is drawn. */
export const prefetch: PagePrefetch = ({ queryClient, trpc }) => prefetchDashboard(queryClient, trpc);

/** The Government Office's national picture of assigned tasks. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('dashboard.title'));
  const dashboard = useDashboard();
  // Asked for with the dashboard (one batched request) and waited for with it: the reminders above the
  // charts would otherwise appear a moment later and push the whole page down. One that fails is not
  // waited for (it shows nothing).
  const reminders = [useOverdueReports(), useKpiOffTrack(), useAccountabilitySummary()];
  const en = i18n.language === 'en';
  // The page is drawn as a transition, in slices: a phone stays responsive while it renders.
  const data = useDeferredValue(dashboard.data);

  if (dashboard.isPending || reminders.some((query) => query.isPending && query.failureCount === 0))
    return <Spinner />;
  if (dashboard.isError)
    return (
      <PageError
        className="dashboard"
        title={t('dashboard.title')}
        error={dashboard.error}
        onRetry={() => void dashboard.refetch()}
        back={{ to: '/', label: t('notFound.home') }}
      />
    );
  if (!data) return <Spinner />;
  return (
    <section className="page dashboard">
      <header className="dashboard__header">
        <h1>{t('dashboard.title')}</h1>
        <p className="dashboard__as-of">{t('dashboard.asOf', { time: formatDateTime(data.asOf) })}</p>
      </header>
      <StatusCards dashboard={data} />
      <ActivityFeed />
      <OverdueReports />
      <AccountabilitySummary />
      <KpiOffTrack />
      <CompletionRates
        counts={data.counts}
        keyCounts={data.keyCounts}
        rates={data.rates}
        keyRates={data.keyRates}
      />
      <OverdueByMonth rows={data.overdueByMonth} />
      <StatusBreakdown
        title={t('dashboard.byGroupTitle')}
        caption={t('dashboard.byGroupCaption')}
        rowHeader={t('dashboard.group')}
        rows={data.byGroup.map((group) => ({
          key: String(group.groupNo),
          label: group.groupNo
            ? `${group.groupNo}. ${en ? group.nameEn : group.nameVi}`
            : en
              ? group.nameEn
              : group.nameVi,
          counts: group.counts,
        }))}
      />
      <StatusBreakdown
        title={t('dashboard.byLevelTitle')}
        caption={t('dashboard.byLevelCaption')}
        rowHeader={t('dashboard.level')}
        rows={data.byLevel.map((level) => ({
          key: level.level,
          label: t(`levels.${level.level}`),
          counts: level.counts,
        }))}
      />
      <AgencyRanking ranking={data.ranking} />
    </section>
  );
}
