import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../../components/language-switch';
import './open-data.css';

/** The public pages' frame: no session, no menu; the brand, the language switch and the way in. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="public-layout">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="login-layout__header">
        <p className="brand">
          <span className="brand__mark" aria-hidden="true" />
          {t('app.name')}
        </p>
        <nav className="public-layout__nav" aria-label={t('openData.title')}>
          <Link className="public-layout__signin" to="/login">
            {t('openData.signIn')}
          </Link>
          <LanguageSwitch />
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="page public-page">
        {children}
      </main>
    </div>
  );
}
