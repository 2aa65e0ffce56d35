import type { HomeItem } from '../../../shared/schemas/home';

/**
 * Where each count of the home page leads: the list filtered as the server counted it
 * (server/modules/home/service.ts, `homeTaskFilters`), so the list shows that many items.
 */
export const HOME_LINKS: Record<HomeItem, string> = {
  myTasksOverdue: '/inbox?urgency=overdue',
  myTasksDueSoon: '/inbox?urgency=dueSoon',
  myTasksReturned: '/inbox?completion=returned&lead=1',
  myCompletionsToApprove: '/inbox?completion=awaiting_leader&lead=1',
  myReportsOverdue: '/reports?show=overdue',
  myReportsDueSoon: '/reports?show=dueSoon',
  myReportsReturned: '/reports?show=returned',
  myReportsToApprove: '/reports?show=submitted',
  extensionsToDecide: '/tasks?extension=pending',
  completionsToReview: '/tasks?completion=awaiting_office',
  submissionsToReview: '/reports/compliance',
  tasksOverdue: '/tasks?status=overdue',
  tasksStale: '/tasks?stale=1',
  reportsMissing: '/reports/compliance',
  kpisOffTrack: '/kpis?status=off_track',
  usersLocked: '/admin/users?locked=1',
  loginFailuresToday: '/admin/users?failuresWithin=24#login-failures',
};

/** Counts that call for action when not zero (shown in the warning colour). */
export const URGENT_ITEMS: ReadonlySet<HomeItem> = new Set([
  'myTasksOverdue',
  'myTasksReturned',
  'myReportsOverdue',
  'myReportsReturned',
  'tasksOverdue',
  'usersLocked',
]);
