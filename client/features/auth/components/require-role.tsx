import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { mayOpen, type PagePath } from '../../../lib/page-access';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { usePageTitle } from '../../../lib/use-page-title';

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
export function RequireRole({ page, children }: { page: PagePath; children: ReactNode }) {
  const { data: user } = useCurrentUserQuery();
  if (!user || !mayOpen(user.role, page)) return <Forbidden />;
  return <>{children}</>;
}
