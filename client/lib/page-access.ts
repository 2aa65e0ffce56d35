import { AGENCY_ROLES, OVERSIGHT_ROLES, ROLES, type Role } from '../../shared/roles';

/**
 * Who may open each page: the menu shows a page to exactly these roles and the page's route refuses the
 * others (the server checks every request again). A new page adds its line here and its route.
 */
export const PAGE_ROLES = {
  '/': ROLES,
  '/inbox': AGENCY_ROLES,
  '/dashboard': OVERSIGHT_ROLES,
  '/tasks': ROLES,
  '/tasks/:id': ROLES,
  '/reports': AGENCY_ROLES,
  '/reports/monthly': OVERSIGHT_ROLES,
  '/reports/compliance': OVERSIGHT_ROLES,
  '/reports/submissions/:id': ROLES,
  '/reports/:templateId/:periodKey': ROLES,
  '/kpis': ROLES,
  '/kpis/:code': ROLES,
  '/kpis/:code/agencies/:agencyId': ROLES,
  '/scorecard': AGENCY_ROLES,
  '/agencies/:id/scorecard': ROLES,
  '/documents': ROLES,
  '/documents/new': ['office'],
  '/documents/:id': ROLES,
  '/agencies': ROLES,
  '/admin/users': ['admin'],
  '/admin/templates': OVERSIGHT_ROLES,
  '/admin/templates/new': ['admin'],
  '/admin/templates/:id': OVERSIGHT_ROLES,
  '/admin/holidays': OVERSIGHT_ROLES,
  '/account/security': ROLES,
  '/account/password': ROLES,
} as const satisfies Record<string, readonly Role[]>;

export type PagePath = keyof typeof PAGE_ROLES;

export function mayOpen(role: Role, page: PagePath): boolean {
  return (PAGE_ROLES[page] as readonly Role[]).includes(role);
}
