import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Each page names itself in the browser tab, in the user's language (WCAG 2.4.2). */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);
}
