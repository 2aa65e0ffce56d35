import { useTranslation } from 'react-i18next';
import { AgencyLevelCounts } from '../../features/agencies/components/agency-level-counts';
import { RoleSummary } from '../../features/auth/components/role-summary';
import { useCurrentUserQuery } from '../../lib/use-current-user';
import { usePageTitle } from '../../lib/use-page-title';

export function OverviewRoute() {
  const { t } = useTranslation();
  usePageTitle(t('overview.title'));
  const { data: user } = useCurrentUserQuery();
  if (!user) return null;
  return (
    <section className="page overview">
      <RoleSummary user={user} />
      <AgencyLevelCounts />
    </section>
  );
}
