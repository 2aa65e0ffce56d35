import { and, count, eq, gte, isNotNull, isNull, sql } from 'drizzle-orm';
import { isReportLateOrMissing } from '../../../shared/compliance-cells';
import type { ChangeType } from '../../../shared/live-events';
import type { AccountabilitySummary } from '../../../shared/schemas/accountability';
import { shiftDate, vietnamDate } from '../../../shared/time';
import type { Db } from '../../db/client';
import { explanationRequests, reminders, reportTemplates, tasks } from '../../db/schema';
import { changeCache, changeMarkOf } from '../live/change-cache';
import { findReportObligations } from '../submissions/queries';
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
  // Which reports are late or missing: a report sent, a regime changed, a deadline moved.
  'submission.changed',
  'template.changed',
  'holiday.changed',
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
  const isTask = isNotNull(explanationRequests.taskId);
  const [[overdue], byState, [recent], reports] = await Promise.all([
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
      .where(isTask)
      .groupBy(explanationRequests.state),
    db
      .select({ count: count() })
      .from(reminders)
      .where(and(isNotNull(reminders.taskId), gte(reminders.createdAt, since30Days(clock.today)))),
    getReportAccountability(db, now),
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
    reports,
  };
}

const since30Days = (today: string) => new Date(`${shiftDate(today, -30)}T00:00:00+07:00`);

/**
 * Periodic reports: every active regime's late or missing reports by the compliance rule (as the
 * heatmap shows them), those without an accepted explanation (matched on the template version, agency
 * and period the request names), the agencies owing them; report reminders of 30 days, and report
 * requests in progress and past their date.
 */
async function getReportAccountability(db: Db, now: Date): Promise<AccountabilitySummary['reports']> {
  const today = vietnamDate(now);
  const regimes = await db
    .select({ id: reportTemplates.id })
    .from(reportTemplates)
    // One entry per regime: its compliance covers all its versions.
    .where(and(eq(reportTemplates.active, true), isNull(reportTemplates.lastPeriod)));
  const isReport = isNotNull(explanationRequests.templateId);
  const [owed, accepted, [requests], [recent]] = await Promise.all([
    Promise.all(regimes.map((r) => findReportObligations(db, { templateId: r.id }, now))),
    db
      .selectDistinct({
        templateId: explanationRequests.templateId,
        agencyId: explanationRequests.agencyId,
        periodKey: explanationRequests.periodKey,
      })
      .from(explanationRequests)
      .where(and(isReport, eq(explanationRequests.state, 'accepted'))),
    db
      .select({
        open: sql<number>`count(*) filter (where ${explanationRequests.state} <> 'accepted')`.mapWith(Number),
        late: sql<number>`count(*) filter (where ${explanationRequests.state} = 'awaiting_answer' and ${explanationRequests.dueDate} < ${today})`.mapWith(
          Number,
        ),
      })
      .from(explanationRequests)
      .where(isReport),
    db
      .select({ count: count() })
      .from(reminders)
      .where(and(isNotNull(reminders.templateId), gte(reminders.createdAt, since30Days(today)))),
  ]);
  const explained = new Set(accepted.map((a) => `${a.templateId}:${a.agencyId}:${a.periodKey}`));
  const lateOrMissing = owed.flat().filter(isReportLateOrMissing);
  return {
    lateOrMissing: lateOrMissing.length,
    unexplained: lateOrMissing.filter((o) => !explained.has(`${o.templateId}:${o.agencyId}:${o.periodKey}`))
      .length,
    agencies: new Set(lateOrMissing.map((o) => o.agencyId)).size,
    remindersLast30Days: recent?.count ?? 0,
    explanationsOpen: requests?.open ?? 0,
    explanationsLate: requests?.late ?? 0,
  };
}
