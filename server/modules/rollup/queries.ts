import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { selectRows } from '../../db/rows';
import { agencies, reportTemplates, tasks } from '../../db/schema';
import type { AgencyFigure } from '../kpis/queries';
import { type StatusClock, staleSql, statusIn } from '../tasks/status-sql';

/** The provincial unit named, current or not (its page says what it was), or undefined when the id is not one. */
export async function findProvince(db: Db, provinceId: number) {
  const [province] = await db
    .select({ id: agencies.id, nameVi: agencies.nameVi, nameEn: agencies.nameEn })
    .from(agencies)
    .where(and(eq(agencies.id, provinceId), eq(agencies.level, 'provincial')));
  return province;
}

/** Ids as one array parameter (`{1,2,3}`): one statement shape whatever their number. */
const idArray = (ids: readonly number[]) => `{${ids.join(',')}}`;

const leadIn = (ids: readonly number[]) => sql`${tasks.leadAgencyId} = any(${idArray(ids)}::int[])`;

function tasksOf(db: Db, communeIds: readonly number[], where: SQL, order: SQL[], limit: number) {
  return db
    .select({
      id: tasks.id,
      title: tasks.title,
      leadAgencyId: tasks.leadAgencyId,
      leadNameVi: agencies.nameVi,
      leadNameEn: agencies.nameEn,
      deadline: tasks.deadline,
      latestPercent: tasks.latestPercent,
      lastLeadUpdateAt: tasks.lastLeadUpdateAt,
    })
    .from(tasks)
    .innerJoin(agencies, eq(agencies.id, tasks.leadAgencyId))
    .where(and(leadIn(communeIds), where))
    .orderBy(...order)
    .limit(limit);
}

/** The communes' tasks overdue the longest (earliest deadline first). */
export function findOverdueTasks(db: Db, communeIds: readonly number[], clock: StatusClock, limit: number) {
  return tasksOf(db, communeIds, statusIn(['overdue'], clock), [asc(tasks.deadline), asc(tasks.id)], limit);
}

/** The communes' stale tasks, the longest without a lead update first (never updated: since creation). */
export function findStalestTasks(db: Db, communeIds: readonly number[], clock: StatusClock, limit: number) {
  return tasksOf(
    db,
    communeIds,
    staleSql(clock),
    [sql`coalesce(${tasks.lastLeadUpdateAt}, ${tasks.createdAt})`, asc(tasks.id)],
    limit,
  );
}

/** The communes' accepted KPI figures (every period), as `agencyFigures` reads them for one agency. */
export function communeFigures(db: Db, communeIds: readonly number[]): Promise<AgencyFigure[]> {
  return selectRows<AgencyFigure>(
    db,
    sql`select kpi_code as "kpiCode", agency_id as "agencyId", period_key as "periodKey",
          period_end::text as "periodEnd", numerator, denominator,
          value, level, submission_id as "submissionId"
        from kpi_figures where agency_id = any(${idArray(communeIds)}::int[]) order by period_end`,
  );
}

/** The regimes being collected (active, not ended) with whom they oblige. */
export function findActiveObligations(db: Db) {
  return db
    .select({ id: reportTemplates.id, obligation: reportTemplates.obligation })
    .from(reportTemplates)
    .where(and(eq(reportTemplates.active, true), isNull(reportTemplates.lastPeriod)));
}
