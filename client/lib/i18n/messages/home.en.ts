import type { homeVi } from './home.vi';

export const homeEn: typeof homeVi = {
  home: {
    awaitingTitle: 'Waiting for you',
    asOf: 'Figures as of {{time}}.',
    items: {
      myTasksOverdue: "of your agency's tasks are overdue",
      myTasksDueSoon: 'tasks due within 3 days',
      myTasksReturned: 'completion reports returned for more work',
      myCompletionsToApprove: 'completion reports awaiting your sign-off',
      myReportsOverdue: 'periodic reports past their deadline',
      myReportsDueSoon: 'periodic reports due soon',
      myReportsReturned: 'periodic reports returned for correction',
      myReportsToApprove: 'periodic reports awaiting your approval',
      extensionsToDecide: 'extension requests awaiting a decision',
      completionsToReview: 'completion reports awaiting the Government Office',
      submissionsToReview: 'periodic reports awaiting acceptance',
      tasksOverdue: 'overdue tasks nationwide',
      tasksStale: 'tasks without a recent update',
      reportsMissing: 'periodic reports overdue (all agencies)',
      kpisOffTrack: 'KPIs off track',
      usersLocked: 'accounts locked after failed logins',
      loginFailuresToday: 'failed logins in the last 24 hours',
    },
  },
};
