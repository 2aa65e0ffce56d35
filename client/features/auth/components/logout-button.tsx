import { useTranslation } from 'react-i18next';
import { useLogout } from '../api/use-logout';

export function LogoutButton() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <button
      type="button"
      className="button button--ghost"
      disabled={logout.isPending}
      onClick={() => logout.mutate()}
    >
      {logout.isPending ? t('shell.loggingOut') : t('shell.logout')}
    </button>
  );
}
