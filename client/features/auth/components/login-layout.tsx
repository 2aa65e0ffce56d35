import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/language-switch';

/**
 * The page of a login and of each of its later steps, in place of the application: the skip link, the
 * brand and the language switch, then one centred card under its heading.
 */
export function LoginLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="login-layout">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="login-layout__header">
        <p className="brand">
          <span className="brand__mark" aria-hidden="true" />
          {t('app.name')}
        </p>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="centered-page">
        <div className="card login-card">
          <h1>{title}</h1>
          {children}
        </div>
      </main>
    </div>
  );
}
