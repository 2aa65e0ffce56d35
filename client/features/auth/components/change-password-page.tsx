import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../lib/use-page-title';
import { ChangePasswordForm } from './change-password-form';

/** /account/password: any signed-in person changes their own password. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.passwordTitle'));
  return (
    <section className="page">
      <h1>{t('account.passwordTitle')}</h1>
      <ChangePasswordForm forced={false} onDone={() => undefined} />
    </section>
  );
}
