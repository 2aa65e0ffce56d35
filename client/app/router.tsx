import { type ComponentType, lazy, Suspense } from 'react';
import { matchRoutes, type RouteObject, useRoutes } from 'react-router';
import type { PagePath } from '../../shared/page-access';
import { Spinner } from '../components/spinner';
import { LoginPage } from '../features/auth/components/login-page';
import { RequireRole } from '../features/auth/components/require-role';
import { loadMessages } from '../lib/i18n/i18n';
import type { PageMessageGroup } from '../lib/i18n/message-groups';
import type { PagePrefetch } from '../lib/page-prefetch';
import { retryImport } from '../lib/retry-import';
import { PAGE_MESSAGES } from './page-messages';
import { NotFoundRoute } from './routes/not-found-route';
import { type PageClients, ProtectedLayout } from './routes/protected-layout';

type PageModule<K extends string> = Record<K, ComponentType> & { prefetch?: PagePrefetch };

/**
 * A page fetched only when first visited, with its words (`PAGE_MESSAGES`), so the first load stays
 * small. `preload` starts fetching both earlier (the page the app opens on, a link about to be
 * followed): the same single load the first render then waits for. A page module may export
 * `prefetch`, which asks for its data.
 */
function lazyPage<K extends string>(page: PagePath, load: () => Promise<PageModule<K>>, name: K) {
  return lazyWithMessages(PAGE_MESSAGES[page], load, name);
}

function lazyWithMessages<K extends string>(
  groups: readonly PageMessageGroup[],
  load: () => Promise<PageModule<K>>,
  name: K,
) {
  let loading: Promise<PageModule<K>> | undefined;
  const preload = () => {
    loading ??= Promise.all([retryImport(load), loadMessages(groups)]).then(([module]) => module);
    return loading;
  };
  return Object.assign(
    lazy(() => preload().then((module) => ({ default: module[name] }))),
    { preload },
  );
}

const OverviewPage = lazyPage('/', () => import('./routes/overview-route'), 'OverviewRoute');
const DashboardPage = lazyPage(
  '/dashboard',
  () => import('../features/dashboard/components/dashboard-page'),
  'DashboardPage',
);
const TaskListPage = lazyPage(
  '/tasks',
  () => import('../features/task-list/components/task-list-page'),
  'TaskListPage',
);
const MonthlyReportPage = lazyPage(
  '/reports/monthly',
  () => import('../features/monthly-report/components/monthly-report-page'),
  'MonthlyReportPage',
);
const MyReportsPage = lazyPage(
  '/reports',
  () => import('../features/reports/components/my-reports-page'),
  'MyReportsPage',
);
const SubmissionPage = lazyPage(
  '/reports/submissions/:id',
  () => import('./routes/submission-route'),
  'SubmissionRoute',
);
const NewSubmissionPage = lazyPage(
  '/reports/:templateId/:periodKey',
  () => import('../features/reports/components/new-submission-page'),
  'NewSubmissionPage',
);
const ProvinceApprovalsPage = lazyPage(
  '/reports/communes',
  () => import('../features/reports/components/province-approvals-page'),
  'ProvinceApprovalsPage',
);
const CompliancePage = lazyPage(
  '/reports/compliance',
  () => import('./routes/compliance-route'),
  'ComplianceRoute',
);
const KpiOverviewPage = lazyPage(
  '/kpis',
  () => import('../features/kpis/components/kpi-overview-page'),
  'KpiOverviewPage',
);
const KpiDetailPage = lazyPage(
  '/kpis/:code',
  () => import('../features/kpis/components/kpi-detail-page'),
  'KpiDetailPage',
);
const KpiAgencyPage = lazyPage(
  '/kpis/:code/agencies/:agencyId',
  () => import('../features/kpis/components/kpi-agency-page'),
  'KpiAgencyPage',
);
const OwnScorecardPage = lazyPage(
  '/scorecard',
  () => import('./routes/scorecard-routes'),
  'OwnScorecardRoute',
);
const AgencyScorecardPage = lazyPage(
  '/agencies/:id/scorecard',
  () => import('./routes/scorecard-routes'),
  'AgencyScorecardRoute',
);

const TemplatesPage = lazyPage(
  '/admin/templates',
  () => import('../features/templates/components/templates-page'),
  'TemplatesPage',
);
const TemplatePage = lazyPage(
  '/admin/templates/:id',
  () => import('../features/templates/components/template-page'),
  'TemplatePage',
);
const TemplateCreatePage = lazyPage(
  '/admin/templates/new',
  () => import('../features/templates/components/template-create-page'),
  'TemplateCreatePage',
);
const HolidaysPage = lazyPage(
  '/admin/holidays',
  () => import('../features/holidays/components/holidays-page'),
  'HolidaysPage',
);
const EscalationRulesPage = lazyPage(
  '/admin/escalation',
  () => import('../features/escalation/components/escalation-rules-page'),
  'EscalationRulesPage',
);

const AgencyDirectory = lazyPage(
  '/agencies',
  () => import('../features/agencies/components/agency-directory'),
  'AgencyDirectory',
);
const ProvinceRollupPage = lazyPage(
  '/provinces',
  () => import('../features/rollup/components/province-rollup-page'),
  'ProvinceRollupPage',
);
const ChangePasswordPage = lazyPage(
  '/account/password',
  () => import('../features/auth/components/change-password-page'),
  'ChangePasswordPage',
);
const UsersPage = lazyPage(
  '/admin/users',
  () => import('../features/users/components/users-page'),
  'UsersPage',
);

const InboxPage = lazyPage('/inbox', () => import('../features/tasks/components/inbox-page'), 'InboxPage');
const TaskDetailPage = lazyPage('/tasks/:id', () => import('./routes/task-detail-route'), 'TaskDetailRoute');
const NotificationsPage = lazyPage(
  '/notifications',
  () => import('./routes/notifications-route'),
  'NotificationsRoute',
);
const OutboxPage = lazyPage(
  '/admin/outbox',
  () => import('../features/mail/components/outbox-page'),
  'OutboxPage',
);
const DocumentsPage = lazyPage(
  '/documents',
  () => import('../features/documents/components/documents-page'),
  'DocumentsPage',
);
const DocumentPage = lazyPage(
  '/documents/:id',
  () => import('../features/documents/components/document-page'),
  'DocumentPage',
);
const DocumentCreatePage = lazyPage(
  '/documents/new',
  () => import('../features/documents/components/document-create-page'),
  'DocumentCreatePage',
);

const AccountSecurityPage = lazyPage(
  '/account/security',
  () => import('../features/auth/components/account-security-page'),
  'AccountSecurityPage',
);

/**
 * The public portal (issue 18, ADR 0033): no login, outside `ProtectedLayout`; lazily loaded with its
 * words, so the first page's JavaScript does not grow.
 */
const PUBLIC_MESSAGES: readonly PageMessageGroup[] = ['kpis', 'open-data'];
const PublicPortalPage = lazyWithMessages(
  PUBLIC_MESSAGES,
  () => import('../features/open-data/components/public-portal-page'),
  'PublicPortalPage',
);
const PublicKpiPage = lazyWithMessages(
  PUBLIC_MESSAGES,
  () => import('../features/open-data/components/public-kpi-page'),
  'PublicKpiPage',
);
const publicRoute = (path: string, Page: ComponentType): RouteObject => ({
  path,
  element: (
    <Suspense fallback={<Spinner />}>
      <Page />
    </Suspense>
  ),
});

/** Every page behind the login, by its path in `PAGE_ROLES`: the compiler keeps the two lists equal. */
const PAGES: Record<PagePath, ComponentType> = {
  '/': OverviewPage,
  '/inbox': InboxPage,
  '/dashboard': DashboardPage,
  '/tasks': TaskListPage,
  '/tasks/:id': TaskDetailPage,
  '/reports': MyReportsPage,
  '/reports/monthly': MonthlyReportPage,
  '/reports/compliance': CompliancePage,
  '/reports/communes': ProvinceApprovalsPage,
  '/reports/submissions/:id': SubmissionPage,
  '/reports/:templateId/:periodKey': NewSubmissionPage,
  '/kpis': KpiOverviewPage,
  '/kpis/:code': KpiDetailPage,
  '/kpis/:code/agencies/:agencyId': KpiAgencyPage,
  '/scorecard': OwnScorecardPage,
  '/agencies/:id/scorecard': AgencyScorecardPage,
  '/documents': DocumentsPage,
  '/documents/new': DocumentCreatePage,
  '/documents/:id': DocumentPage,
  '/agencies': AgencyDirectory,
  '/provinces': ProvinceRollupPage,
  '/admin/users': UsersPage,
  '/admin/outbox': OutboxPage,
  '/admin/templates': TemplatesPage,
  '/admin/templates/new': TemplateCreatePage,
  '/admin/templates/:id': TemplatePage,
  '/admin/holidays': HolidaysPage,
  '/admin/escalation': EscalationRulesPage,
  '/account/security': AccountSecurityPage,
  '/account/password': ChangePasswordPage,
  '/notifications': NotificationsPage,
};

/** A page's route: only the roles `PAGE_ROLES` names may open it. */
function pageRoute(page: PagePath, Page: ComponentType): RouteObject {
  const element = (
    <RequireRole page={page}>
      <Suspense fallback={<Spinner />}>
        <Page />
      </Suspense>
    </RequireRole>
  );
  return page === '/' ? { index: true, element } : { path: page.slice(1), element };
}

/**
 * The app's routes, rendered by `BrowserRouter` (main.tsx). The declarative router rather than
 * `createBrowserRouter`: the app uses no loaders, actions or fetchers, and the data router is 16 KB of
 * the first page's JavaScript (docs/decisions/0017-first-page-javascript.md). Render errors reach the
 * `ErrorBoundary` around it.
 */
export const appRoutes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  publicRoute('/public', PublicPortalPage),
  publicRoute('/public/kpis/:code', PublicKpiPage),
  {
    element: <ProtectedLayout prefetchPage={prefetchPageData} />,
    children: [
      ...Object.entries(PAGES).map(([page, Page]) => pageRoute(page as PagePath, Page)),
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function AppRoutes() {
  return useRoutes(appRoutes);
}

const preloads = Object.entries({
  ...PAGES,
  '/public': PublicPortalPage,
  '/public/kpis/:code': PublicKpiPage,
}).flatMap(([path, Page]) =>
  'preload' in Page && typeof Page.preload === 'function'
    ? [{ path, preload: Page.preload as () => Promise<{ prefetch?: PagePrefetch }> }]
    : [],
);

/** Starts loading the page an address shows (its code and words), if it is a lazy page. */
export function preloadPage(pathname: string): Promise<{ prefetch?: PagePrefetch } | undefined> {
  const match = matchRoutes(preloads, pathname)?.[0];
  const load = preloads.find((p) => p.path === match?.route.path)?.preload();
  load?.catch(() => undefined);
  return load ?? Promise.resolve(undefined);
}

/**
 * Asks for the data of the page an address shows, once the user is known: the page's requests leave
 * while it is being drawn (or its code still loads), not after.
 */
function prefetchPageData(location: { pathname: string; search: string }, clients: PageClients): void {
  preloadPage(location.pathname)
    .then((module) => module?.prefetch?.({ ...clients, search: new URLSearchParams(location.search) }))
    .catch(() => undefined);
}

/**
 * A link about to be followed (the pointer on it, a finger down, the keyboard's focus) starts loading
 * its page, so the page is there, or nearly, by the click.
 */
export function preloadOnIntent(root: Document): void {
  const seen = new Set<string>();
  const onIntent = (event: Event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin) return;
    // The pointer crosses a link many times: its address is matched once.
    if (seen.has(link.pathname)) return;
    seen.add(link.pathname);
    void preloadPage(link.pathname);
  };
  for (const type of ['pointerover', 'touchstart', 'focusin'])
    root.addEventListener(type, onIntent, { passive: true });
}
