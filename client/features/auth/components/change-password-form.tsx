import { useTranslation } from 'react-i18next';

/**
 * Placeholder with the accounts helper's signature (issue 13): their form replaces this file at merge.
 * Reached only by an account that must change its password ('password' login step).
 */
export function ChangePasswordForm(_props: { forced: true; onDone: () => void }) {
  const { t } = useTranslation();
  return <p>{t('loginStep.passwordIntro')}</p>;
}
