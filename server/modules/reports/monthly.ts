import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { AgencyLevel } from '../../../shared/agencies';
import { isReportLateOrMissing } from '../../../shared/compliance-cells';
import { isPeriodClosed, monthlyPeriod } from '../../../shared/reporting-periods';
import {
  type MonthlyReport,
  type MonthlyReportColumns,
  monthlyReportToColumns,
} from '../../../shared/schemas/reports';
import {
  completionRates,
  emptyStatusCounts,
  type StatusCounts,
  type TaskStatus,
} from '../../../shared/task-status';
import { shiftDate, vietnamDate, vietnamInstant } from '../../../shared/time';
import type { Db } from '../../db/client';
import { selectRows } from '../../db/rows';
import { monthlyReports, reportTemplates } from '../../db/schema';
import { findReportObligations } from '../submissions/queries';
import { statusCase } from '../tasks/status-sql';

type MonthlyFigures = MonthlyReport['totals'];

interface Row {
  agency_id: number;
  status: TaskStatus;
  n: number;
  assigned_in_period: number;
  completed_in_period: number;
  unexplained: number;
}

/** An agency's reminders and explanation requests of the period, about tasks and about reports. */
interface AccountabilityRow {
  agency_id: number;
  reminders: number;
  explanations: number;
  report_reminders: number;
  report_explanations: number;
}

type Accountability = {
  unexplained: number;
  reminders: number;
  explanations: number;
  reportsUnexplained: number;
  reportReminders: number;
  reportExplanations: number;
};

interface AgencyInfo {
  id: number;
  name_vi: string;
  name_en: string;
  level: AgencyLevel;
}

/**
 * The instant a closed month's figures describe: the end of its cut-off day in Vietnam. History
 * recorded before it counts, history recorded from it on does not.
 */
export function monthEnd(month: string): Date {
  return vietnamInstant(shiftDate(monthlyPeriod(month).end, 1));
}

/**
 * The monthly monitoring report. The running month: the records as they stand at `now` (the live
 * dashboard's figures at that instant). A closed month: as the freeze job stored it, or, until it has,
 * recomputed from the task history as it stood at the cut-off (the same figures; nothing is stored on
 * a read). Either way a closed month reads the same today, at its cut-off and next year.
 */
export async function getMonthlyReport(db: Db, month: string, now = new Date()): Promise<MonthlyReport> {
  const today = vietnamDate(now);
  if (!isPeriodClosed(month, today)) {
    return computeMonthlyReport(db, month, { until: now, inclusive: true, day: today }, 'live');
  }
  return (await readFrozenReport(db, month)) ?? computeClosedMonth(db, month);
}

/**
 * Frozen reports, per database, as read once: a frozen report never changes, so it is kept (the most
 * recently read few; one month at national scale is about a megabyte of JSON as rows) and frozen itself, so
 * the API checks and encodes it once (server/trpc/shared-output.ts).
 */
const FROZEN_KEPT = 6;
const frozenKept = new WeakMap<Db, Map<string, MonthlyReport>>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const columnsKept = new WeakMap<MonthlyReport, MonthlyReportColumns>();

/**
 * The report as `reports.monthly` sends it, its agencies as columns (shared/schemas/reports.ts). A
 * frozen report's columns are made once and frozen too, so the API checks and encodes them once.
 */
export async function getMonthlyReportColumns(
  db: Db,
  month: string,
  now = new Date(),
): Promise<MonthlyReportColumns> {
  const report = await getMonthlyReport(db, month, now);
  if (!Object.isFrozen(report)) return monthlyReportToColumns(report);
  let columns = columnsKept.get(report);
  if (!columns) {
    columns = deepFreeze(monthlyReportToColumns(report));
    columnsKept.set(report, columns);
  }
  return columns;
}

/** A closed month from history, as of the end of its cut-off day. */
export function computeClosedMonth(db: Db, month: string): Promise<MonthlyReport> {
  const day = monthlyPeriod(month).end;
  return computeMonthlyReport(db, month, { until: monthEnd(month), inclusive: false, day }, 'history');
}

export async function readFrozenReport(db: Db, month: string): Promise<MonthlyReport | null> {
  const kept = frozenKept.get(db) ?? new Map<string, MonthlyReport>();
  frozenKept.set(db, kept);
  const hit = kept.get(month);
  if (hit) {
    kept.delete(month);
    kept.set(month, hit);
    return hit;
  }
  const [stored] = await db.select().from(monthlyReports).where(eq(monthlyReports.month, month));
  if (!stored) return null;
  const data = stored.data as MonthlyReport;
  // Stored as JSON, where the instant became a string; reports frozen before `source` existed lack it,
  // and those frozen before the accountability figures lack them (null: not recorded, not zero).
  const report = deepFreeze<MonthlyReport>({
    ...data,
    totals: withAccountability(data.totals),
    byAgency: data.byAgency.map(withAccountability),
    asOf: new Date(data.asOf),
    frozen: true,
    frozenAt: stored.frozenAt,
    source: 'frozen',
  });
  kept.set(month, report);
  for (const oldest of kept.keys()) {
    if (kept.size <= FROZEN_KEPT) break;
    kept.delete(oldest);
  }
  return report;
}

function withAccountability<T extends Partial<MonthlyFigures>>(f: T): T & MonthlyFigures {
  return {
    ...f,
    overdueUnexplained: f.overdueUnexplained ?? null,
    remindersInPeriod: f.remindersInPeriod ?? null,
    explanationsInPeriod: f.explanationsInPeriod ?? null,
    reportsUnexplained: f.reportsUnexplained ?? null,
    reportRemindersInPeriod: f.reportRemindersInPeriod ?? null,
    reportExplanationsInPeriod: f.reportExplanationsInPeriod ?? null,
  } as T & MonthlyFigures;
}

/**
 * Stores a closed month's report, computed from history, unless it is stored already: a frozen report
 * is never replaced. Returns whether this call stored it. Called by the freeze job (freeze-job.ts).
 */
export async function freezeMonthlyReport(db: Db, month: string, now = new Date()): Promise<boolean> {
  if (!isPeriodClosed(month, vietnamDate(now))) throw new Error(`Month ${month} is not closed yet`);
  const report = await computeClosedMonth(db, month);
  const stored = await db
    .insert(monthlyReports)
    .values({ month, cutoff: report.cutoff, data: report })
    .onConflictDoNothing()
    .returning({ month: monthlyReports.month });
  return stored.length > 0;
}

/**
 * The task picture from the history table (task_states): each task's state valid at `until` (recorded
 * before it, or at it when `inclusive`, and not replaced by then), tasks with no state by then not yet
 * assigned; statuses by the dashboard's rule (`statusCase`) on Vietnam's day `day`.
 */
async function computeMonthlyReport(
  db: Db,
  month: string,
  asOf: { until: Date; inclusive: boolean; day: string },
  source: 'live' | 'history',
): Promise<MonthlyReport> {
  const { start, end: cutoff } = monthlyPeriod(month);
  const until = asOf.until.toISOString();
  // The state in force at `until`: valid_from ≤ until < valid_to (strictly before for a closed month).
  const validAt: SQL = asOf.inclusive
    ? sql`s.valid_from <= ${until} and coalesce(s.valid_to, 'infinity') > ${until}`
    : sql`s.valid_from < ${until} and coalesce(s.valid_to, 'infinity') >= ${until}`;
  const createdBy: SQL = asOf.inclusive ? sql`t.created_at <= ${until}` : sql`t.created_at < ${until}`;
  const status = statusCase(
    { withdrawn: sql`s.withdrawn`, completedOn: sql`s.completed_on`, deadline: sql`s.deadline` },
    asOf.day,
  );
  // One state per task by a plain filter (the trigger keeps valid_to, migration 0010): a recent month
  // reads most of the table, so a sequential scan; an early one the rows before it by valid_from's
  // index. The tasks assigned in the period, by the index on tasks.created_at, bounded by `until` too
  // (a task's first state is at its creation). Aggregated per agency and status; the agencies'
  // names read apart (README, Performance: the as-of report).
  // The agencies' names apart: joined to the (agency, status) rows they would come back 4 times each.
  const periodFrom = vietnamInstant(start).toISOString();
  const inPeriod = (column: SQL) => (asOf.inclusive ? sql`${column} <= ${until}` : sql`${column} < ${until}`);
  // Accepted is final, so an explanation accepted before the cut-off is one whose decision is before it.
  const acceptedBy = inPeriod(sql`e.decided_at`);
  const [rows, agencyRows, accountabilityRows, reportsUnexplained] = await Promise.all([
    selectRows<Row>(
      db,
      sql`
      select s.lead_agency_id as agency_id, ${status} as status, count(*)::int as n,
        (count(*) filter (where s.task_id in (
          select t.id from tasks t
          where t.created_at >= ${vietnamInstant(start).toISOString()} and ${createdBy})))::int as assigned_in_period,
        (count(*) filter (where s.completed_on between ${start} and ${asOf.day}))::int as completed_in_period,
        (count(*) filter (where ${status} = 'overdue' and not exists (
          select 1 from explanation_requests e
          where e.task_id = s.task_id and e.state = 'accepted' and ${acceptedBy})))::int as unexplained
      from task_states s
      where ${validAt}
      group by 1, 2
      order by 1`,
    ),
    selectRows<AgencyInfo>(db, sql`select id, name_vi, name_en, level from agencies`),
    // Reminders and requests are never deleted and keep the agency they were addressed to.
    selectRows<AccountabilityRow>(
      db,
      sql`
      select agency_id,
        (count(*) filter (where kind = 'r' and task))::int as reminders,
        (count(*) filter (where kind = 'e' and task))::int as explanations,
        (count(*) filter (where kind = 'r' and not task))::int as report_reminders,
        (count(*) filter (where kind = 'e' and not task))::int as report_explanations
      from (
        select agency_id, 'r' as kind, r.task_id is not null as task from reminders r
        where r.created_at >= ${periodFrom} and ${inPeriod(sql`r.created_at`)}
        union all
        select agency_id, 'e', e.task_id is not null from explanation_requests e
        where e.created_at >= ${periodFrom} and ${inPeriod(sql`e.created_at`)}
      ) x group by agency_id`,
    ),
    countUnexplainedReports(db, asOf.until, acceptedBy),
  ]);
  const accountability = new Map(accountabilityRows.map((r) => [r.agency_id, r]));
  const agencyInfo = new Map(agencyRows.map((a) => [a.id, a]));
  const perAgency = new Map<
    number,
    {
      info: AgencyInfo;
      counts: StatusCounts;
      inPeriod: number;
      doneInPeriod: Record<string, number>;
      unexplained: number;
    }
  >();
  const totals = {
    counts: emptyStatusCounts(),
    inPeriod: 0,
    doneInPeriod: { completed_on_time: 0, completed_late: 0 } as Record<string, number>,
    unexplained: 0,
  };
  for (const r of rows) {
    const info = agencyInfo.get(r.agency_id);
    if (!info) continue;
    const entry = perAgency.get(r.agency_id) ?? {
      info,
      counts: emptyStatusCounts(),
      inPeriod: 0,
      doneInPeriod: { completed_on_time: 0, completed_late: 0 },
      unexplained: 0,
    };
    for (const target of [entry, totals]) {
      target.counts[r.status] += r.n;
      target.inPeriod += r.assigned_in_period;
      target.unexplained += r.unexplained;
      if (r.status === 'completed_on_time' || r.status === 'completed_late')
        target.doneInPeriod[r.status] = (target.doneInPeriod[r.status] ?? 0) + r.completed_in_period;
    }
    perAgency.set(r.agency_id, entry);
  }
  return {
    month,
    periodStart: start,
    cutoff,
    frozen: false,
    frozenAt: null,
    asOf: asOf.until,
    source,
    totals: figures(totals.counts, totals.inPeriod, totals.doneInPeriod, {
      unexplained: totals.unexplained,
      reminders: accountabilityRows.reduce((sum, r) => sum + r.reminders, 0),
      explanations: accountabilityRows.reduce((sum, r) => sum + r.explanations, 0),
      reportsUnexplained: [...reportsUnexplained.values()].reduce((sum, n) => sum + n, 0),
      reportReminders: accountabilityRows.reduce((sum, r) => sum + r.report_reminders, 0),
      reportExplanations: accountabilityRows.reduce((sum, r) => sum + r.report_explanations, 0),
    }),
    byAgency: [...perAgency.entries()].map(([agencyId, e]) => ({
      agencyId,
      nameVi: e.info.name_vi,
      nameEn: e.info.name_en,
      level: e.info.level,
      ...figures(e.counts, e.inPeriod, e.doneInPeriod, {
        unexplained: e.unexplained,
        reminders: accountability.get(agencyId)?.reminders ?? 0,
        explanations: accountability.get(agencyId)?.explanations ?? 0,
        reportsUnexplained: reportsUnexplained.get(agencyId) ?? 0,
        reportReminders: accountability.get(agencyId)?.report_reminders ?? 0,
        reportExplanations: accountability.get(agencyId)?.report_explanations ?? 0,
      }),
    })),
  };
}

function figures(
  c: StatusCounts,
  assignedInPeriod: number,
  done: Record<string, number>,
  accountable: Accountability,
): MonthlyFigures {
  const rates = completionRates(c);
  return {
    assigned: rates.assigned,
    assignedInPeriod,
    completedOnTime: c.completed_on_time,
    completedLate: c.completed_late,
    completedInPeriodOnTime: done.completed_on_time ?? 0,
    completedInPeriodLate: done.completed_late ?? 0,
    inProgress: c.in_progress,
    overdue: c.overdue,
    noDeadline: c.no_deadline,
    withdrawn: c.withdrawn,
    ofDue: rates.ofDue,
    ofAssigned: rates.ofAssigned,
    overdueUnexplained: accountable.unexplained,
    remindersInPeriod: accountable.reminders,
    explanationsInPeriod: accountable.explanations,
    reportsUnexplained: accountable.reportsUnexplained,
    reportRemindersInPeriod: accountable.reportReminders,
    reportExplanationsInPeriod: accountable.reportExplanations,
  };
}

/**
 * Per agency, its reports late or missing at `until` (the compliance rule at that instant, over every
 * active regime: a report sent after the cut-off was missing then and is late now, late or missing
 * either way) with no explanation accepted by then (`acceptedBy`, on the request `e`).
 */
async function countUnexplainedReports(db: Db, until: Date, acceptedBy: SQL): Promise<Map<number, number>> {
  const regimes = await db
    .select({ id: reportTemplates.id })
    .from(reportTemplates)
    .where(and(eq(reportTemplates.active, true), isNull(reportTemplates.lastPeriod)));
  const [owed, explained] = await Promise.all([
    Promise.all(regimes.map((r) => findReportObligations(db, { templateId: r.id }, until))),
    selectRows<{ key: string }>(
      db,
      sql`select distinct e.template_id || ':' || e.agency_id || ':' || e.period_key as key
      from explanation_requests e
      where e.template_id is not null and e.state = 'accepted' and ${acceptedBy}`,
    ),
  ]);
  const accepted = new Set(explained.map((e) => e.key));
  const perAgency = new Map<number, number>();
  for (const o of owed.flat()) {
    if (!isReportLateOrMissing(o) || accepted.has(`${o.templateId}:${o.agencyId}:${o.periodKey}`)) continue;
    perAgency.set(o.agencyId, (perAgency.get(o.agencyId) ?? 0) + 1);
  }
  return perAgency;
}
