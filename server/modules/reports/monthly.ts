import { eq, sql } from 'drizzle-orm';
import type { AgencyLevel } from '../../../shared/agencies';
import { isPeriodClosed, monthlyPeriod } from '../../../shared/reporting-periods';
import type { MonthlyReport } from '../../../shared/schemas/reports';
import {
  completionRates,
  emptyStatusCounts,
  type StatusCounts,
  type TaskStatus,
} from '../../../shared/task-status';
import { shiftDate, vietnamDate, vietnamInstant } from '../../../shared/time';
import type { Db } from '../../db/client';
import { selectRows } from '../../db/rows';
import { monthlyReports } from '../../db/schema';
import { statusCase } from '../tasks/status-sql';

type MonthlyFigures = MonthlyReport['totals'];

interface Row {
  agency_id: number;
  name_vi: string;
  name_en: string;
  level: AgencyLevel;
  status: TaskStatus;
  n: number;
  assigned_in_period: number;
  completed_in_period: number;
}

/**
 * The task picture as it stood at the month's cut-off: deadlines as extended by then, completions
 * accepted by then, tasks assigned by then. Once the cut-off has passed it is stored and read as
 * stored, so the report for a month reads the same next year.
 */
export async function getMonthlyReport(db: Db, month: string, now = new Date()): Promise<MonthlyReport> {
  const today = vietnamDate(now);
  const closed = isPeriodClosed(month, today);
  if (closed) {
    const [stored] = await db.select().from(monthlyReports).where(eq(monthlyReports.month, month));
    if (stored) {
      const data = stored.data as MonthlyReport;
      // Stored as JSON, where the instant became a string.
      return { ...data, asOf: new Date(data.asOf), frozen: true, frozenAt: stored.frozenAt };
    }
  }
  const { start, end: cutoff } = monthlyPeriod(month);
  const asOfDay = closed ? cutoff : today;
  const end = closed ? vietnamInstant(shiftDate(cutoff, 1)) : now;
  const startInstant = vietnamInstant(start);
  const status = statusCase(
    { withdrawn: sql`a.withdrawn`, completedOn: sql`a.completed_on`, deadline: sql`a.deadline` },
    asOfDay,
  );
  const rows = await selectRows<Row>(
    db,
    sql`
    with a as (
      select t.id, t.lead_agency_id, t.withdrawn, t.created_at,
        coalesce(
          (select e.requested_deadline from extension_requests e
            where e.task_id = t.id and e.state = 'approved' and e.decided_at < ${end.toISOString()}
            order by e.decided_at desc limit 1),
          t.original_deadline) as deadline,
        coalesce(
          (select c.completion_date from completion_reports c
            where c.task_id = t.id and c.state = 'accepted' and c.reviewed_at < ${end.toISOString()}
            order by c.reviewed_at desc limit 1),
          case when t.completed_on <= ${asOfDay}
                and not exists (select 1 from completion_reports c2 where c2.task_id = t.id and c2.state = 'accepted')
               then t.completed_on end) as completed_on
      from tasks t
      where t.created_at < ${end.toISOString()}
    )
    select ag.id as agency_id, ag.name_vi, ag.name_en, ag.level, ${status} as status, count(*)::int as n,
      (count(*) filter (where a.created_at >= ${startInstant.toISOString()}))::int as assigned_in_period,
      (count(*) filter (where a.completed_on between ${start} and ${asOfDay}))::int as completed_in_period
    from a join agencies ag on ag.id = a.lead_agency_id
    group by 1, 2, 3, 4, 5
    order by ag.id`,
  );
  const perAgency = new Map<
    number,
    { info: Row; counts: StatusCounts; inPeriod: number; doneInPeriod: Record<string, number> }
  >();
  const totals = {
    counts: emptyStatusCounts(),
    inPeriod: 0,
    doneInPeriod: { completed_on_time: 0, completed_late: 0 } as Record<string, number>,
  };
  for (const r of rows) {
    const entry = perAgency.get(r.agency_id) ?? {
      info: r,
      counts: emptyStatusCounts(),
      inPeriod: 0,
      doneInPeriod: { completed_on_time: 0, completed_late: 0 },
    };
    for (const target of [entry, totals]) {
      target.counts[r.status] += r.n;
      target.inPeriod += r.assigned_in_period;
      if (r.status === 'completed_on_time' || r.status === 'completed_late')
        target.doneInPeriod[r.status] = (target.doneInPeriod[r.status] ?? 0) + r.completed_in_period;
    }
    perAgency.set(r.agency_id, entry);
  }
  const report: MonthlyReport = {
    month,
    periodStart: start,
    cutoff,
    frozen: false,
    frozenAt: null,
    asOf: closed ? end : now,
    totals: figures(totals.counts, totals.inPeriod, totals.doneInPeriod),
    byAgency: [...perAgency.entries()].map(([agencyId, e]) => ({
      agencyId,
      nameVi: e.info.name_vi,
      nameEn: e.info.name_en,
      level: e.info.level,
      ...figures(e.counts, e.inPeriod, e.doneInPeriod),
    })),
  };
  if (!closed) return report;
  const [frozen] = await db
    .insert(monthlyReports)
    .values({ month, cutoff, data: report })
    .onConflictDoNothing()
    .returning({ frozenAt: monthlyReports.frozenAt });
  if (!frozen) return getMonthlyReport(db, month, now);
  return { ...report, frozen: true, frozenAt: frozen.frozenAt };
}

function figures(c: StatusCounts, assignedInPeriod: number, done: Record<string, number>): MonthlyFigures {
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
  };
}
