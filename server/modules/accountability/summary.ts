import { count, gte, sql } from 'drizzle-orm';
import type { ChangeType } from '../../../shared/live-events';
import type { AccountabilitySummary } from '../../../shared/schemas/accountability';
import { shiftDate } from '../../../shared/time';
import type { Db } from '../../db/client';
import { explanationRequests, reminders, tasks } from '../../db/schema';
import { changeCache, changeMarkOf } from '../live/change-cache';
import { statusClock, statusIn } from '../tasks/status-sql';

/**
 * The changes that can move the summary: a task's deadline, completion or withdrawal (which tasks are
 * overdue), an explanation's state, a reminder; and Vietnam's date (the mark's day).
 */
const MOVED_BY: readonly ChangeType[] = [
  'document.created',
  'task.created',
  'task.updated',
  'extension.decided',
  'completion.decided',
  'explanation.changed',
  'reminder.sent',
];

const cache = changeCache<AccountabilitySummary>({ maxAgeMs: 60_000, maxEntries: 1 });

/** What the dashboard says of accountability, kept until a change that can move it. */
export function getAccountabilitySummaryCached(db: Db, now = new Date()): Promise<AccountabilitySummary> {
  return cache.get(
    db,
    'summary',
    changeMarkOf(db, MOVED_BY, now),
    () => getAccountabilitySummary(db, now),
    now.getTime(),
  );
}

/**
 * Nationally: the overdue tasks, and those of them with no accepted explanation (the Office's worklist:
 * late and nobody has yet answered for it); explanation requests by state and those past their date;
 * reminders of the last 30 days. As of `now`, over how many lead agencies.
 */
export async function getAccountabilitySummary(db: Db, now = new Date()): Promise<AccountabilitySummary> {
  const clock = statusClock(now);
  const accepted = sql`exists (select 1 from ${explanationRequests} where ${explanationRequests.taskId} = ${tasks.id} and ${explanationRequests.state} = 'accepted')`;
  const [[overdue], byState, [recent]] = await Promise.all([
    db
      .select({
        overdue: count(),
        unexplained: sql<number>`count(*) filter (where not ${accepted})`.mapWith(Number),
        agencies: sql<number>`count(distinct ${tasks.leadAgencyId})`.mapWith(Number),
      })
      .from(tasks)
      .where(statusIn(['overdue'], clock)),
    db
      .select({
        state: explanationRequests.state,
        count: count(),
        late: sql<number>`count(*) filter (where ${explanationRequests.state} = 'awaiting_answer' and ${explanationRequests.dueDate} < ${clock.today})`.mapWith(
          Number,
        ),
      })
      .from(explanationRequests)
      .groupBy(explanationRequests.state),
    db
      .select({ count: count() })
      .from(reminders)
      .where(gte(reminders.createdAt, new Date(`${shiftDate(clock.today, -30)}T00:00:00+07:00`))),
  ]);
  const states = Object.fromEntries(byState.map((r) => [r.state, r.count]));
  return {
    asOf: now,
    overdue: overdue?.overdue ?? 0,
    overdueUnexplained: overdue?.unexplained ?? 0,
    overdueAgencies: overdue?.agencies ?? 0,
    explanations: {
      awaitingAnswer: states.awaiting_answer ?? 0,
      late: byState.reduce((sum, r) => sum + r.late, 0),
      awaitingLeader: states.awaiting_leader ?? 0,
      awaitingOffice: states.awaiting_office ?? 0,
      accepted: states.accepted ?? 0,
    },
    remindersLast30Days: recent?.count ?? 0,
  };
}
