import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LanguageSwitch } from '../../../components/language-switch';
import { useSaveLanguage } from '../../../lib/account-language';
import type { CurrentUser } from '../../../lib/trpc';
import { ConnectionIndicator } from './connection-indicator';
import { MainNav } from './main-nav';
import { NotificationBell } from './notification-bell';
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

/**
 * The menu and account tools behind one "Menu" button on narrow or short screens (phones, 200 % zoom);
 * CSS shows them in full, and hides the button, where there is room. Closes on navigation and on Escape.
 */
function useMenuDisclosure() {
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on purpose whenever the path changes
  useEffect(() => setOpen(false), [pathname]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    buttonRef.current?.focus();
  };
  return { open, toggle: () => setOpen((o) => !o), buttonRef, onKeyDown };
}

export function AppShell({ user, actions, children }: AppShellProps) {
  const { t } = useTranslation();
  const mainRef = useFocusMainOnNavigate();
  const menu = useMenuDisclosure();
  const menuId = useId();
  // The header's switch is the account's language too: the interface after the next login, the mails.
  const saveLanguage = useSaveLanguage();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the open menu closes it (the keys are the menu's own) */}
      <header className="shell__header" onKeyDown={menu.onKeyDown}>
        <div className="shell__bar">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            {t('app.name')}
          </Link>
          <ConnectionIndicator />
          <NotificationBell />
          <button
            ref={menu.buttonRef}
            type="button"
            className="shell__menu-button"
            aria-expanded={menu.open}
            aria-controls={menuId}
            onClick={menu.toggle}
          >
            <span className="shell__menu-icon" aria-hidden="true" />
            {t('shell.menu')}
          </button>
        </div>
        <div id={menuId} className="shell__menu" data-open={menu.open}>
          <div className="shell__tools">
            <UserBadge user={user} />
            <LanguageSwitch onSwitch={(language) => saveLanguage.mutate({ language })} />
            {actions}
          </div>
          <MainNav role={user.role} agencyLevel={user.agencyLevel} />
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="shell__main">
        {children}
      </main>
    </div>
  );
}
