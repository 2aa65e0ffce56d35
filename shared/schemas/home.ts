import { z } from 'zod';

/**
 * What awaits a user on the home page, one count per item, each leading to the list that shows those
 * items (the client knows the addresses: client/features/home/home-links.ts). Which items a role gets
 * is the server's (server/modules/home/service.ts); the counts are scoped as the lists are.
 */
export const HOME_ITEMS = [
  // The user's own agency (officer, leader).
  'myTasksOverdue',
  'myTasksDueSoon',
  'myTasksReturned',
  'myCompletionsToApprove',
  'myReportsOverdue',
  'myReportsDueSoon',
  'myReportsReturned',
  'myReportsToApprove',
  // The Government Office and the inspectors.
  'extensionsToDecide',
  'completionsToReview',
  'submissionsToReview',
  'tasksOverdue',
  'tasksStale',
  'reportsMissing',
  'kpisOffTrack',
  // The administrator.
  'usersLocked',
  'loginFailuresToday',
] as const;
export type HomeItem = (typeof HOME_ITEMS)[number];

export const homeSummaryOutput = z.object({
  asOf: z.date(),
  items: z.array(z.object({ key: z.enum(HOME_ITEMS), count: z.number().int().min(0) })),
});
export type HomeSummary = z.infer<typeof homeSummaryOutput>;
