import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mayOpen, type PagePath, rolesFor } from '../../../../shared/page-access';
import type { Role } from '../../../../shared/roles';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { usePageTitle } from '../../../lib/use-page-title';

/** Someone else's page: whose it is, and the way home; never a spinner or a bare refusal. */
function NotYourPage({ page, role }: { page: PagePath; role: Role | undefined }) {
  const { t } = useTranslation();
  usePageTitle(t('forbidden.title'));
  const roles = rolesFor(page)
    .map((r) => t(`roles.${r}`))
    .join(', ');
  return (
    <section className="page">
      <h1>{t('forbidden.title')}</h1>
      <p role="alert">
        {t('forbidden.body', { roles })}
        {role && ` ${t('forbidden.yourRole', { role: t(`roles.${role}`) })}`}
      </p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}

/** Keeps other roles off a page; the server refuses them anyway, this only spares a useless request. */
export function RequireRole({ page, children }: { page: PagePath; children: ReactNode }) {
  const { data: user } = useCurrentUserQuery();
  if (!user || !mayOpen(user.role, page)) return <NotYourPage page={page} role={user?.role} />;
  return <>{children}</>;
}
