import type { Role } from '../../../shared/roles';
import type { Messages } from '../../lib/i18n/vi';

export interface NavItem {
  to: string;
  labelKey: `nav.${Exclude<keyof Messages['nav'], 'label'>}`;
  /** Who sees the item; the route itself must still check, and the server always does. */
  roles: readonly Role[] | 'all';
}

/** The one list of places in the app; a new feature adds its entry here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.overview', roles: 'all' },
  { to: '/inbox', labelKey: 'nav.inbox', roles: ['officer', 'leader'] },
  { to: '/dashboard', labelKey: 'nav.dashboard', roles: ['office', 'inspector', 'admin'] },
  { to: '/tasks', labelKey: 'nav.taskList', roles: ['office', 'inspector', 'admin', 'officer', 'leader'] },
  { to: '/reports', labelKey: 'nav.periodicReports', roles: ['officer', 'leader'] },
  { to: '/reports/monthly', labelKey: 'nav.monthlyReport', roles: ['office', 'inspector', 'admin'] },
  {
    to: '/reports/compliance',
    labelKey: 'nav.reportingCompliance',
    roles: ['office', 'inspector', 'admin'],
  },
  { to: '/kpis', labelKey: 'nav.kpis', roles: 'all' },
  { to: '/scorecard', labelKey: 'nav.scorecard', roles: ['officer', 'leader'] },
  { to: '/documents', labelKey: 'nav.documents', roles: 'all' },
  { to: '/agencies', labelKey: 'nav.agencies', roles: 'all' },
  { to: '/admin/users', labelKey: 'nav.users', roles: ['admin'] },
  { to: '/admin/templates', labelKey: 'nav.templates', roles: ['office', 'inspector', 'admin'] },
  { to: '/admin/holidays', labelKey: 'nav.holidays', roles: ['office', 'inspector', 'admin'] },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles === 'all' || item.roles.includes(role));
}
