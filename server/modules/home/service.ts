import { count, eq, gt, sql } from 'drizzle-orm';
import type { HomeItem, HomeSummary } from '../../../shared/schemas/home';
import type { TaskFilterInput } from '../../../shared/schemas/tasks';
import type { Db } from '../../db/client';
import { loginFailures, submissions, tasks, users } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { getKpiOverviewCached } from '../kpis/service';
import { findMySubmissions, getComplianceCached, listTemplates } from '../submissions/queries';
import { taskFilters } from '../tasks/queries';
import { type StatusClock, statusClock } from '../tasks/status-sql';

/** How far back the administrator's count of failed logins looks (the list's `withinHours`). */
export const LOGIN_FAILURE_HOURS = 24;

/**
 * The task filters behind each task count of the home page: the very filters of the lists its link
 * opens (the inbox for an agency, the task list for oversight), so a count and its list agree.
 */
export function homeTaskFilters(
  actor: Pick<Actor, 'role' | 'agencyId'>,
): Partial<Record<HomeItem, TaskFilterInput>> {
  const own = { agencyId: actor.agencyId, agencyRole: 'any' } as const;
  const led = { agencyId: actor.agencyId, agencyRole: 'lead' } as const;
  switch (actor.role) {
    case 'officer':
      return {
        myTasksOverdue: { ...own, status: ['overdue'] },
        myTasksDueSoon: { ...own, dueSoon: true },
        myTasksReturned: { ...led, completion: ['returned_by_leader', 'returned_by_office'] },
      };
    case 'leader':
      return {
        myCompletionsToApprove: { ...led, completion: ['awaiting_leader'] },
        myTasksOverdue: { ...own, status: ['overdue'] },
        myTasksDueSoon: { ...own, dueSoon: true },
      };
    case 'office':
      return {
        extensionsToDecide: { extensionPending: true },
        completionsToReview: { completion: ['awaiting_office'] },
        tasksOverdue: { status: ['overdue'] },
      };
    case 'inspector':
      return { tasksOverdue: { status: ['overdue'] }, tasksStale: { stale: true } };
    default:
      return {};
  }
}

/** Every task count at once: one scan of the tasks, one `filter` per count. */
async function countTasks(
  db: Db,
  filters: Partial<Record<HomeItem, TaskFilterInput>>,
  clock: StatusClock,
): Promise<{ key: HomeItem; count: number }[]> {
  const entries = Object.entries(filters) as [HomeItem, TaskFilterInput][];
  if (entries.length === 0) return [];
  const columns = Object.fromEntries(
    entries.map(([, filter], i) => [
      `c${i}`,
      sql<number>`count(*) filter (where ${taskFilters(filter, clock) ?? sql`true`})`.mapWith(Number),
    ]),
  );
  const [row] = await db.select(columns).from(tasks);
  return entries.map(([key], i) => ({ key, count: row?.[`c${i}`] ?? 0 }));
}

/**
 * Reports past their deadline and not submitted, over every active regime: the compliance figures
 * (`submissions.overdueCount` adds up the same), read from the cache the compliance page fills.
 */
async function countMissingReports(db: Db, now: Date): Promise<number> {
  const templates = await listTemplates(db);
  const each = await Promise.all(
    templates.map(async (t) => (await getComplianceCached(db, { templateId: t.id }, now)).totals.missing),
  );
  return each.reduce((sum, n) => sum + n, 0);
}

/** What awaits the user, by role, scoped as the lists are: an agency's users see their agency's work. */
export async function getHomeSummary(db: Db, actor: Actor, now = new Date()): Promise<HomeSummary> {
  const clock = statusClock(now);
  const taskCounts = countTasks(db, homeTaskFilters(actor), clock);
  const items: { key: HomeItem; count: number }[] = [];
  switch (actor.role) {
    case 'officer':
    case 'leader': {
      const [counted, reports] = await Promise.all([taskCounts, findMySubmissions(db, actor, now)]);
      items.push(...counted);
      const reportCount = (keep: (r: (typeof reports)[number]) => boolean) => reports.filter(keep).length;
      if (actor.role === 'leader') {
        items.push({ key: 'myReportsToApprove', count: reportCount((r) => r.state === 'submitted') });
      }
      items.push(
        { key: 'myReportsOverdue', count: reportCount((r) => r.overdue) },
        { key: 'myReportsDueSoon', count: reportCount((r) => r.dueSoon) },
        { key: 'myReportsReturned', count: reportCount((r) => r.state === 'returned') },
      );
      break;
    }
    case 'office':
    case 'inspector': {
      const [counted, toReview, missing, kpis] = await Promise.all([
        taskCounts,
        actor.role === 'office'
          ? db.$count(submissions, eq(submissions.state, 'approved'))
          : Promise.resolve(null),
        countMissingReports(db, now),
        // The page the count leads to, from the same cache: the count is that page's.
        getKpiOverviewCached(db, { status: 'off_track' }, now),
      ]);
      items.push(...counted);
      if (toReview !== null) items.splice(2, 0, { key: 'submissionsToReview', count: toReview });
      items.push(
        { key: 'reportsMissing', count: missing },
        { key: 'kpisOffTrack', count: kpis.items.length },
      );
      break;
    }
    case 'admin': {
      const since = new Date(now.getTime() - LOGIN_FAILURE_HOURS * 3_600_000);
      const [[locked], [failures]] = await Promise.all([
        db.select({ n: count() }).from(users).where(gt(users.lockedUntil, now)),
        db.select({ n: count() }).from(loginFailures).where(gt(loginFailures.at, since)),
      ]);
      items.push(
        { key: 'usersLocked', count: locked?.n ?? 0 },
        { key: 'loginFailuresToday', count: failures?.n ?? 0 },
      );
      break;
    }
  }
  return { asOf: now, items };
}
