import { useTranslation } from 'react-i18next';
import { AgencyLevelCounts } from '../../features/agencies/components/agency-level-counts';
import { RoleSummary } from '../../features/auth/components/role-summary';
import { HomeSummary } from '../../features/home/components/home-summary';
import { useCurrentUserQuery } from '../../lib/use-current-user';
import { usePageTitle } from '../../lib/use-page-title';

/** The home page: who the user is, then what awaits them (counts leading to their lists), then the rest. */
export function OverviewRoute() {
  const { t } = useTranslation();
  usePageTitle(t('overview.title'));
  const { data: user } = useCurrentUserQuery();
  if (!user) return null;
  return (
    <section className="page overview">
      <RoleSummary user={user}>
        <HomeSummary />
      </RoleSummary>
      <AgencyLevelCounts />
    </section>
  );
}
