import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LanguageSwitch } from '../../../components/language-switch';
import type { CurrentUser } from '../../../lib/trpc';
import { ConnectionIndicator } from './connection-indicator';
import { MainNav } from './main-nav';
import { UserBadge } from './user-badge';

interface AppShellProps {
  user: CurrentUser;
  /** Account actions (log out) supplied by the app, so the shell does not depend on the auth feature. */
  actions: ReactNode;
  children: ReactNode;
}

/** After an in-app navigation, focus moves to the new page's content, as a page load would. */
function useFocusMainOnNavigate() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose whenever the path changes
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);
  return mainRef;
}

export function AppShell({ user, actions, children }: AppShellProps) {
  const { t } = useTranslation();
  const mainRef = useFocusMainOnNavigate();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell__header">
        <div className="shell__bar">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            {t('app.name')}
          </Link>
          <div className="shell__tools">
            <ConnectionIndicator />
            <UserBadge user={user} />
            <LanguageSwitch />
            {actions}
          </div>
        </div>
        <MainNav role={user.role} />
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="shell__main">
        {children}
      </main>
    </div>
  );
}
