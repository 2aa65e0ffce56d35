import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { AgencyLevel } from '../../../../shared/agencies';
import type { Role } from '../../../../shared/roles';
import { navItemsFor } from '../nav-config';

export function MainNav({ role, agencyLevel }: { role: Role; agencyLevel: AgencyLevel }) {
  const { t } = useTranslation();
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {navItemsFor(role, agencyLevel).map((item) => (
          <li key={item.to}>
            {/* NavLink sets aria-current="page" on the active item. */}
            <NavLink to={item.to} end={item.to === '/'} className="main-nav__link">
              {t(item.labelKey)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
