import { useQueryClient } from '@tanstack/react-query';
import { type ComponentProps, lazy, Suspense, useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { Spinner } from '../../components/spinner';
import { LogoutButton } from '../../features/auth/components/logout-button';
import { AppShell } from '../../features/shell/components/app-shell';
import { useAccountLanguage } from '../../lib/account-language';
import { loadMessages } from '../../lib/i18n/i18n';
import { LiveProvider } from '../../lib/live/live-provider';
import type { PagePrefetchContext } from '../../lib/page-prefetch';
import { retryImport } from '../../lib/retry-import';
import { useTRPC } from '../../lib/trpc';
import { useCurrentUserQuery } from '../../lib/use-current-user';
import { LOGIN_STEP_MESSAGES } from '../page-messages';

/** Only a login that is not complete loads its steps' code (the QR code's library among it, later still). */
const LoginStepPage = lazy(() =>
  Promise.all([
    retryImport(() => import('../../features/auth/components/login-step-page')),
    loadMessages(LOGIN_STEP_MESSAGES),
  ]).then(([m]) => ({ default: m.LoginStepPage })),
);

type StepUser = ComponentProps<typeof LoginStepPage>['user'];

function CenteredSpinner() {
  const { t } = useTranslation();
  return (
    <main id="main" className="centered-page">
      <Spinner label={t('app.loading')} />
    </main>
  );
}

/**
 * Every page but /login: nobody logged in means a trip to the login page and back; a login that stands
 * at a step (second factor, MFA set-up, new password) shows that step instead of the app, with no live
 * stream and no app queries (the server refuses them anyway). The URL stays, so the app opens on it after.
 */
export type PageClients = Omit<PagePrefetchContext, 'search'>;

interface ProtectedLayoutProps {
  /** Asks for the data of the page the address shows (app/router.tsx), once the user is known. */
  prefetchPage?: (location: { pathname: string; search: string }, clients: PageClients) => void;
}

export function ProtectedLayout({ prefetchPage }: ProtectedLayoutProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useCurrentUserQuery();
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const signedIn = me.data?.stage === 'full' ? me.data.id : null;
  // From the password on, the interface is in the account's language (docs/decisions/0027).
  useAccountLanguage(me.data?.language);
  // Once per sign-in, for the page the app opens on (later pages load theirs as they are drawn).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the address and the clients of that moment
  useEffect(() => {
    if (signedIn !== null) prefetchPage?.(location, { queryClient, trpc });
  }, [signedIn]);
  // A step page may hold the screen after its step is done (the recovery codes, until the person says
  // they saved them), whatever a refetch of `auth.me` says meanwhile.
  const [held, setHeld] = useState<StepUser | null>(null);
  // Once the user is known, the app is drawn as a transition: React renders it in slices, so a phone
  // answers taps meanwhile instead of freezing for the whole first render (Lighthouse's blocking time).
  const shown = useDeferredValue(me.data);

  if (me.isPending) return <CenteredSpinner />;
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
  if (!shown) return <CenteredSpinner />;
  const user = shown;
  const step = held ?? (user.stage === 'full' ? null : { ...user, stage: user.stage });
  if (step) {
    return (
      <Suspense fallback={<CenteredSpinner />}>
        <LoginStepPage user={step} hold={(on) => setHeld(on ? step : null)} />
      </Suspense>
    );
  }
  return (
    <LiveProvider>
      <AppShell
        user={user}
        actions={
          <>
            <Link className="button button--ghost" to="/account/security">
              {t('shell.accountSecurity')}
            </Link>
            <LogoutButton />
          </>
        }
      >
        <Outlet />
      </AppShell>
    </LiveProvider>
  );
}
