import type { AgencyLevel } from '../../../shared/agencies';
import { mayOpen, type PagePath } from '../../../shared/page-access';
import { isAgencyRole, type Role } from '../../../shared/roles';
import type { Messages } from '../../lib/i18n/vi';

export interface NavItem {
  to: PagePath;
  labelKey: `nav.${Exclude<keyof Messages['nav'], 'label'>}`;
  /** Shown to agency staff of these levels only (the page is about their own agency); oversight always. */
  agencyLevels?: readonly AgencyLevel[];
}

/** The one list of places in the app; who sees each is who may open it (`shared/page-access.ts`). */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.overview' },
  { to: '/inbox', labelKey: 'nav.inbox' },
  { to: '/dashboard', labelKey: 'nav.dashboard' },
  { to: '/tasks', labelKey: 'nav.taskList' },
  { to: '/reports', labelKey: 'nav.periodicReports' },
  { to: '/reports/monthly', labelKey: 'nav.monthlyReport' },
  { to: '/reports/compliance', labelKey: 'nav.reportingCompliance' },
  { to: '/kpis', labelKey: 'nav.kpis' },
  { to: '/scorecard', labelKey: 'nav.scorecard' },
  { to: '/documents', labelKey: 'nav.documents' },
  { to: '/provinces', labelKey: 'nav.communes', agencyLevels: ['provincial'] },
  { to: '/agencies', labelKey: 'nav.agencies' },
  { to: '/admin/users', labelKey: 'nav.users' },
  { to: '/admin/outbox', labelKey: 'nav.outbox' },
  { to: '/admin/templates', labelKey: 'nav.templates' },
  { to: '/admin/holidays', labelKey: 'nav.holidays' },
];

export function navItemsFor(role: Role, agencyLevel?: AgencyLevel): NavItem[] {
  return NAV_ITEMS.filter(
    (item) =>
      mayOpen(role, item.to) &&
      (!item.agencyLevels ||
        !isAgencyRole(role) ||
        (agencyLevel !== undefined && item.agencyLevels.includes(agencyLevel))),
  );
}
