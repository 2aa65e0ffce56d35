import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { Spinner } from '../../components/spinner';
import { LogoutButton } from '../../features/auth/components/logout-button';
import { AppShell } from '../../features/shell/components/app-shell';
import { LiveProvider } from '../../lib/live/live-provider';
import { useCurrentUserQuery } from '../../lib/use-current-user';

/** Every page but /login: nobody logged in means a trip to the login page and back. */
export function ProtectedLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useCurrentUserQuery();

  if (me.isPending) {
    return (
      <main id="main" className="centered-page">
        <Spinner label={t('app.loading')} />
      </main>
    );
  }
  if (me.isError) {
    return (
      <main id="main" className="centered-page">
        <h1 className="visually-hidden">{t('common.errorTitle')}</h1>
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return (
    <LiveProvider>
      <AppShell user={me.data} actions={<LogoutButton />}>
        <Outlet />
      </AppShell>
    </LiveProvider>
  );
}
