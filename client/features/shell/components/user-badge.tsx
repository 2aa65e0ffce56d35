import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CurrentUser } from '../../../lib/trpc';

/** Who is logged in, as what, for which agency. */
export function UserBadge({ user }: { user: CurrentUser }) {
  const { t, i18n } = useTranslation();
  const agency = i18n.language === 'en' ? user.agencyNameEn : user.agencyNameVi;
  const role = t(`roles.${user.role}`);
  return (
    <div className="user-badge">
      <span className="user-badge__name">{user.fullName}</span>
      <span className="user-badge__meta">
        <span data-testid="current-role">{role}</span>
        {/* The Office's role is its agency's name: said once, not "Văn phòng Chính phủ · Văn phòng Chính phủ". */}
        {agency !== role && (
          <>
            {' · '}
            <span data-testid="current-agency">{agency}</span>
          </>
        )}
      </span>
      <Link to="/account/password" className="user-badge__link">
        {t('shell.changePassword')}
      </Link>
    </div>
  );
}
