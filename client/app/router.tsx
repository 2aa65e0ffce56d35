import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { ErrorFallback } from '../components/error-boundary';
import { Spinner } from '../components/spinner';
import { AgencyDirectory } from '../features/agencies/components/agency-directory';
import { LoginPage } from '../features/auth/components/login-page';
import { NotFoundRoute } from './routes/not-found-route';
import { OverviewRoute } from './routes/overview-route';
import { ProtectedLayout } from './routes/protected-layout';
import { UsersRoute } from './routes/users-route';

/** A page fetched only when first visited, so the first load stays small. */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const DashboardPage = lazyPage(
  () => import('../features/dashboard/components/dashboard-page'),
  'DashboardPage',
);
const TaskListPage = lazyPage(
  () => import('../features/task-list/components/task-list-page'),
  'TaskListPage',
);
const MonthlyReportPage = lazyPage(
  () => import('../features/monthly-report/components/monthly-report-page'),
  'MonthlyReportPage',
);
const MyReportsPage = lazyPage(
  () => import('../features/reports/components/my-reports-page'),
  'MyReportsPage',
);
const SubmissionPage = lazyPage(
  () => import('../features/reports/components/submission-page'),
  'SubmissionPage',
);
const NewSubmissionPage = lazyPage(
  () => import('../features/reports/components/new-submission-page'),
  'NewSubmissionPage',
);
const CompliancePage = lazyPage(
  () => import('../features/reports/components/compliance-page'),
  'CompliancePage',
);

const InboxPage = lazyPage(() => import('../features/tasks/components/inbox-page'), 'InboxPage');
const TaskDetailPage = lazyPage(
  () => import('../features/tasks/components/task-detail-page'),
  'TaskDetailPage',
);
const DocumentsPage = lazyPage(
  () => import('../features/documents/components/documents-page'),
  'DocumentsPage',
);
const DocumentPage = lazyPage(() => import('../features/documents/components/document-page'), 'DocumentPage');
const DocumentCreatePage = lazyPage(
  () => import('../features/documents/components/document-create-page'),
  'DocumentCreatePage',
);

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Spinner />}>{children}</Suspense>;
}

export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <ErrorFallback />,
      children: [
        { path: '/login', element: <LoginPage /> },
        {
          element: <ProtectedLayout />,
          children: [
            { index: true, element: <OverviewRoute /> },
            {
              path: 'dashboard',
              element: (
                <Page>
                  <DashboardPage />
                </Page>
              ),
            },
            {
              path: 'tasks',
              element: (
                <Page>
                  <TaskListPage />
                </Page>
              ),
            },
            {
              path: 'reports/monthly',
              element: (
                <Page>
                  <MonthlyReportPage />
                </Page>
              ),
            },
            {
              path: 'reports',
              element: (
                <Page>
                  <MyReportsPage />
                </Page>
              ),
            },
            {
              path: 'reports/compliance',
              element: (
                <Page>
                  <CompliancePage />
                </Page>
              ),
            },
            {
              path: 'reports/submissions/:id',
              element: (
                <Page>
                  <SubmissionPage />
                </Page>
              ),
            },
            {
              path: 'reports/:templateId/:periodKey',
              element: (
                <Page>
                  <NewSubmissionPage />
                </Page>
              ),
            },
            {
              path: 'inbox',
              element: (
                <Page>
                  <InboxPage />
                </Page>
              ),
            },
            {
              path: 'tasks/:id',
              element: (
                <Page>
                  <TaskDetailPage />
                </Page>
              ),
            },
            {
              path: 'documents',
              element: (
                <Page>
                  <DocumentsPage />
                </Page>
              ),
            },
            {
              path: 'documents/new',
              element: (
                <Page>
                  <DocumentCreatePage />
                </Page>
              ),
            },
            {
              path: 'documents/:id',
              element: (
                <Page>
                  <DocumentPage />
                </Page>
              ),
            },
            { path: 'agencies', element: <AgencyDirectory /> },
            { path: 'admin/users', element: <UsersRoute /> },
            { path: '*', element: <NotFoundRoute /> },
          ],
        },
      ],
    },
  ]);
}
