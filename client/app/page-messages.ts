import type { PagePath } from '../../shared/page-access';
import type { PageMessageGroup } from '../lib/i18n/message-groups';

/**
 * The message groups each page needs beyond the first page's (`CORE_GROUPS`), loaded with its code.
 * page-messages.test.ts checks each list against the keys the page's code uses; bench/client.ts counts
 * these files in the page's JavaScript.
 */
export const PAGE_MESSAGES: Record<PagePath, readonly PageMessageGroup[]> = {
  '/': ['home'],
  '/inbox': ['tasks'],
  '/dashboard': ['dashboard'],
  '/tasks': ['task-list'],
  '/tasks/:id': ['accountability', 'escalation', 'tasks'],
  '/reports': ['reports'],
  '/reports/monthly': ['monthly-report', 'reports'],
  '/reports/compliance': ['accountability', 'escalation', 'reports'],
  '/reports/communes': ['reports'],
  '/reports/submissions/:id': ['accountability', 'kpis', 'reports'],
  '/reports/:templateId/:periodKey': ['kpis', 'reports'],
  '/kpis': ['kpis'],
  '/kpis/:code': ['dashboard', 'kpis'],
  '/kpis/:code/agencies/:agencyId': ['kpis', 'reports'],
  '/scorecard': ['accountability', 'kpis'],
  '/agencies/:id/scorecard': ['accountability', 'kpis'],
  '/documents': ['documents'],
  '/documents/new': ['documents', 'tasks'],
  '/documents/:id': ['documents', 'tasks'],
  '/agencies': ['agencies'],
  '/provinces': ['dashboard', 'rollup'],
  '/admin/users': ['mfa', 'users'],
  '/admin/outbox': ['mail'],
  '/admin/templates': ['templates'],
  '/admin/templates/new': ['reports', 'templates'],
  '/admin/templates/:id': ['reports', 'templates'],
  '/admin/holidays': ['escalation', 'holidays', 'templates'],
  '/admin/escalation': ['escalation', 'holidays'],
  '/account/security': ['mfa'],
  '/account/password': [],
  '/notifications': ['accountability', 'mail'],
};

/** A login that stands at a step (second factor, MFA set-up, new password) shows that step's page. */
export const LOGIN_STEP_MESSAGES: readonly PageMessageGroup[] = ['mfa'];
