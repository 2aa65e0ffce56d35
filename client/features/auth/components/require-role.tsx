import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/roles';
import { usePageTitle } from '../../../lib/use-page-title';
import { useCurrentUserQuery } from '../api/use-current-user';

function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t('forbidden.title'));
  return (
    <section className="page">
      <h1>{t('forbidden.title')}</h1>
      <p role="alert">{t('forbidden.body')}</p>
    </section>
  );
}

/** Keeps other roles off a page; the server refuses them anyway, this only spares a useless request. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { data: user } = useCurrentUserQuery();
  if (!user || !roles.includes(user.role)) return <Forbidden />;
  return <>{children}</>;
}
