import type { AgencyLevel } from './agencies';
import { AGENCY_ROLES, OVERSIGHT_ROLES, ROLES, type Role } from './roles';

/**
 * Who may open which page, and who may call the procedures behind the pages that are not open to all:
 * one table for the menu, the route guards, the links between pages and the server's role checks
 * (`roleProcedure(...PAGE_ROLES[page])`), so a link never leads to a refusal. Row rules (which agency)
 * stay in the server's module policies; a page open to a role may still answer NOT_FOUND for a row.
 */

/** One KPI with every agency ranked and the agency × period heatmap: the drill-down is oversight's. */
export const KPI_DETAIL_ROLES = OVERSIGHT_ROLES;
/** The monthly monitoring report the Office signs and sends. */
export const MONTHLY_REPORT_ROLES = OVERSIGHT_ROLES;
/** The reporting regimes and their versions (agencies get theirs through their submissions). */
export const TEMPLATE_READER_ROLES = OVERSIGHT_ROLES;
/** Accounts, roles and sign-in failures. */
export const USER_ADMIN_ROLES = ['admin'] as const satisfies readonly Role[];
/** Every mail the system made (and, without SMTP, the mails themselves): the system operator's. */
export const MAIL_OUTBOX_ROLES = ['admin'] as const satisfies readonly Role[];

export const PAGE_ROLES = {
  '/': ROLES,
  '/inbox': AGENCY_ROLES,
  '/dashboard': OVERSIGHT_ROLES,
  '/tasks': ROLES,
  '/tasks/:id': ROLES,
  '/reports': AGENCY_ROLES,
  '/reports/monthly': MONTHLY_REPORT_ROLES,
  '/reports/compliance': OVERSIGHT_ROLES,
  /** A province's communes' reports awaiting it, and its computed figures (the server checks the level). */
  '/reports/communes': AGENCY_ROLES,
  '/reports/submissions/:id': ROLES,
  '/reports/:templateId/:periodKey': ROLES,
  '/kpis': ROLES,
  '/kpis/:code': KPI_DETAIL_ROLES,
  '/kpis/:code/agencies/:agencyId': ROLES,
  '/scorecard': AGENCY_ROLES,
  '/agencies/:id/scorecard': ROLES,
  '/documents': ROLES,
  /** The Office, and a province's officers (`mayRegisterDocuments` says which officers). */
  '/documents/new': ['office', 'officer'],
  '/documents/:id': ROLES,
  '/agencies': ROLES,
  /** A province's roll-up over its communes: the province's own staff and oversight (the server checks the row). */
  '/provinces': ROLES,
  '/admin/users': USER_ADMIN_ROLES,
  '/admin/outbox': MAIL_OUTBOX_ROLES,
  '/admin/templates': TEMPLATE_READER_ROLES,
  '/admin/templates/new': ['admin'],
  '/admin/templates/:id': TEMPLATE_READER_ROLES,
  '/admin/holidays': OVERSIGHT_ROLES,
  /** Escalation rules: the administrator's settings. */
  '/admin/escalation': ['admin'],
  '/account/security': ROLES,
  '/account/password': ROLES,
  /** The notification centre: reminders and explanation steps that concern the user (every role). */
  '/notifications': ROLES,
} as const satisfies Record<string, readonly Role[]>;

export type PagePath = keyof typeof PAGE_ROLES;

export function mayOpen(role: Role, page: PagePath): boolean {
  return (PAGE_ROLES[page] as readonly Role[]).includes(role);
}

/**
 * Who registers directive documents and assigns their tasks: the Government Office, and a province's
 * officers for their own communes (ADR 0029). The server's rule (`issuerOf`) reads this.
 */
export function mayRegisterDocuments(user: { role: Role; agencyLevel: AgencyLevel }): boolean {
  return user.role === 'office' || (user.role === 'officer' && user.agencyLevel === 'provincial');
}

/** The roles a page is for, to tell someone else whose page it is. */
export function rolesFor(page: PagePath): readonly Role[] {
  return PAGE_ROLES[page];
}

/**
 * Where a KPI's name leads: the KPI with every agency for those who may see it, otherwise the figures of
 * the user's own agency for that KPI (which its users may read), never a page that would refuse them.
 */
export function kpiPageFor(user: { role: Role; agencyId: number | null }, code: string): string | null {
  const kpi = encodeURIComponent(code);
  if (mayOpen(user.role, '/kpis/:code')) return `/kpis/${kpi}`;
  return user.agencyId === null ? null : `/kpis/${kpi}/agencies/${user.agencyId}`;
}
