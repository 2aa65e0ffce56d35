import { regroupedAgency } from '../../../shared/agency-lineage';
import { AppError } from '../../../shared/errors';
import { kpiSource } from '../../../shared/kpi-catalog';
import { aggregateShare } from '../../../shared/kpi-math';
import { TASK_CHANGE_TYPES } from '../../../shared/live-events';
import { isObliged } from '../../../shared/obligations';
import { isOversight } from '../../../shared/roles';
import type { ProvinceRollup } from '../../../shared/schemas/rollup';
import { completionRates, emptyStatusCounts, TASK_STATUSES } from '../../../shared/task-status';
import type { Db } from '../../db/client';
import { findCommunesOf } from '../agencies/queries';
import type { Actor } from '../auth/actor';
import { type AgencyFigure, loadCatalog, systemFigures } from '../kpis/queries';
import { changeCache, changeMarkOf } from '../live/change-cache';
import { getCompliance } from '../submissions/queries';
import { buildAgencyRanking, MIN_TASKS_TO_RANK } from '../tasks/agency-ranking';
import { DASHBOARD_MAX_AGE_MS, getAgencyTalliesCached } from '../tasks/dashboard-cache';
import { statusClock } from '../tasks/status-sql';
import type { AgencyTally } from '../tasks/tallies';
import {
  communeFigures,
  findActiveObligations,
  findOverdueTasks,
  findProvince,
  findStalestTasks,
} from './queries';

/** How many tasks the roll-up's overdue and stale lists carry; the task list has the rest. */
export const ROLLUP_LIST_LIMIT = 10;

/**
 * Who reads a province's roll-up: the oversight roles, and the province's own staff. Anyone else is
 * told NOT_FOUND, as for a province that does not exist (ADR 0013); a commune reads its own work only.
 */
export function canReadProvinceRollup(actor: Pick<Actor, 'role' | 'agencyId'>, provinceId: number): boolean {
  return isOversight(actor.role) || actor.agencyId === provinceId;
}

/**
 * A province over its communes: their tasks by status with both completion rates (from the tallies the
 * writes keep, as the national dashboard), the communes ranked, the longest overdue and stale tasks,
 * their report compliance per regime, and the share KPIs as the province's aggregate Σ numerators /
 * Σ denominators over its communes beside each commune's figure.
 */
export async function getProvinceRollup(
  db: Db,
  actor: Actor,
  provinceId: number,
  now = new Date(),
): Promise<ProvinceRollup> {
  if (!canReadProvinceRollup(actor, provinceId)) throw new AppError('NOT_FOUND');
  // Each part is the same for every reader allowed (checked above), so kept until a change that can
  // move it is recorded: progress flowing recomputes the task lists, not the reports or the KPIs.
  const key = `province:${provinceId}`;
  // A query builder runs again each time it is awaited: keep the one promise.
  let communes: ReturnType<Communes> | undefined;
  const communesOf: Communes = () => {
    communes ??= findCommunesOf(db, provinceId).then((rows) => rows);
    return communes;
  };
  const [tasks, reports, kpis] = await Promise.all([
    taskParts.get(db, key, changeMarkOf(db, TASK_CHANGE_TYPES, now), () =>
      computeTaskPart(db, provinceId, communesOf, now),
    ),
    reportParts.get(db, key, changeMarkOf(db, REPORT_CHANGES, now), () =>
      computeReportPart(db, provinceId, communesOf, now),
    ),
    kpiParts.get(db, key, changeMarkOf(db, KPI_CHANGES, now), () => computeKpiPart(communesOf, db, now)),
  ]);
  return { ...tasks, reports, kpis };
}

/**
 * The parts of a province's roll-up, each kept per database until a change of the types that can move
 * it is recorded (every write records one in its transaction, ADR 0003) or Vietnam's date moves, as the
 * compliance heatmap and the KPI pages are (server/modules/live/change-cache.ts); at most
 * DASHBOARD_MAX_AGE_MS (a unit list imported shows within that bound).
 */
const CACHE = { maxAgeMs: DASHBOARD_MAX_AGE_MS, maxEntries: 40 };
type TaskPart = Omit<ProvinceRollup, 'reports' | 'kpis'>;
const taskParts = changeCache<TaskPart>(CACHE);
const reportParts = changeCache<ProvinceRollup['reports']>(CACHE);
const kpiParts = changeCache<ProvinceRollup['kpis']>(CACHE);
/** What can move the communes' compliance: their reports, a regime, the working calendar (deadlines). */
const REPORT_CHANGES = ['submission.changed', 'template.changed', 'holiday.changed'] as const;
/** What can move KPI figures: accepted reports (kpi.changed), and what the system-computed ones read. */
const KPI_CHANGES = [
  'kpi.changed',
  'submission.changed',
  'task.updated',
  'completion.decided',
  'template.changed',
  'holiday.changed',
] as const;

/** Today's communes of the province, read once for every part a request computes. */
type Communes = () => Promise<Awaited<ReturnType<typeof findCommunesOf>>>;

async function computeTaskPart(
  db: Db,
  provinceId: number,
  communesOf: Communes,
  now: Date,
): Promise<TaskPart> {
  const province = await findProvince(db, provinceId);
  if (!province) throw new AppError('NOT_FOUND');
  const communes = await communesOf();
  const ids = communes.map((c) => c.id);
  const clock = statusClock(now);
  const [tallies, overdue, stalest] = await Promise.all([
    getAgencyTalliesCached(db, now),
    ids.length ? findOverdueTasks(db, ids, clock, ROLLUP_LIST_LIMIT) : [],
    ids.length ? findStalestTasks(db, ids, clock, ROLLUP_LIST_LIMIT) : [],
  ]);
  return {
    asOf: tallies.asOf,
    today: tallies.today,
    province,
    communeCount: communes.length,
    tasks: {
      ...rollUpTallies(communes, tallies.agencies, tallies.successors),
      minTasksToRank: MIN_TASKS_TO_RANK,
      overdue,
      stalest,
      listLimit: ROLLUP_LIST_LIMIT,
    },
  };
}

async function computeReportPart(db: Db, provinceId: number, communesOf: Communes, now: Date) {
  const ids = (await communesOf()).map((c) => c.id);
  return ids.length ? communeCompliance(db, provinceId, ids, now) : [];
}

async function computeKpiPart(communesOf: Communes, db: Db, now: Date) {
  const communes = await communesOf();
  return communes.length ? communeKpis(db, communes, statusClock(now).today) : [];
}

/**
 * The communes' task tallies added up under today's units: each commune's own and those of the former
 * units it took over (ADR 0028); the province's counts (and so its rates, from the sums, never a mean
 * of the communes' rates), due soon and stale; and every commune, ranked or apart as the national
 * ranking does it (a commune without tasks is listed, unranked).
 */
export function rollUpTallies(
  communes: readonly { id: number; nameVi: string; nameEn: string }[],
  tallies: ReadonlyMap<number, AgencyTally>,
  successors: ReadonlyMap<number, number> = new Map(),
) {
  const own = new Map(
    communes.map((c) => [c.id, { counts: emptyStatusCounts(), dueSoon: 0, stale: 0, formerUnits: 0 }]),
  );
  for (const [agencyId, tally] of tallies) {
    const today = regroupedAgency(successors, agencyId);
    const commune = own.get(today);
    if (!commune) continue;
    for (const status of TASK_STATUSES) commune.counts[status] += tally.counts[status];
    commune.dueSoon += tally.dueSoon;
    commune.stale += tally.stale;
    if (today !== agencyId) commune.formerUnits += 1;
  }
  const counts = emptyStatusCounts();
  let dueSoon = 0;
  let stale = 0;
  for (const c of own.values()) {
    for (const status of TASK_STATUSES) counts[status] += c.counts[status];
    dueSoon += c.dueSoon;
    stale += c.stale;
  }
  const ranking = buildAgencyRanking(
    communes.map((c) => ({
      agencyId: c.id,
      nameVi: c.nameVi,
      nameEn: c.nameEn,
      level: 'commune' as const,
      validTo: null,
      counts: own.get(c.id)?.counts ?? emptyStatusCounts(),
      formerUnits: own.get(c.id)?.formerUnits ?? 0,
    })),
  ).lists.commune;
  return {
    counts,
    rates: completionRates(counts),
    dueSoon,
    stale,
    communes: [...ranking.ranked, ...ranking.unranked].map(({ row, rank }) => ({
      agencyId: row.agencyId,
      nameVi: row.nameVi,
      nameEn: row.nameEn,
      total: row.total,
      assigned: row.assigned,
      overdue: row.counts.overdue,
      overdueRate: row.overdueRate,
      ofDue: row.ofDue,
      ranked: row.ranked,
      rank,
      formerUnits: row.formerUnits,
    })),
  };
}

/**
 * Completeness and timeliness of every active regime the communes must submit (to the Office, or to
 * their province under the province chain: ADR 0030), over the province's communes only.
 */
async function communeCompliance(db: Db, provinceId: number, communeIds: readonly number[], now: Date) {
  // Only the regimes some of these communes owe (most oblige ministries and provinces only).
  const templates = (await findActiveObligations(db)).filter((t) =>
    communeIds.some((id) => isObliged(t.obligation, { id, level: 'commune' })),
  );
  const all = await Promise.all(
    templates.map((t) => getCompliance(db, { templateId: t.id }, now, { communesOf: provinceId })),
  );
  return all
    .filter((c) => c.agencies.length > 0)
    .map((c) => ({
      template: {
        id: c.template.id,
        code: c.template.code,
        nameVi: c.template.nameVi,
        nameEn: c.template.nameEn,
      },
      totals: c.totals,
      communes: c.agencies.map(({ cells: _cells, level: _level, ...a }) => a),
    }));
}

/**
 * The share KPIs (reported or computed by the system) at the latest period any commune has a figure
 * for: each commune's figure and their aggregate, Σ numerators / Σ denominators (shared/kpi-math.ts).
 */
async function communeKpis(
  db: Db,
  communes: readonly { id: number; nameVi: string; nameEn: string }[],
  today: string,
) {
  const byId = new Map(communes.map((c) => [c.id, c]));
  const ids = communes.map((c) => c.id);
  const [catalog, reported, computed] = await Promise.all([
    loadCatalog(db),
    communeFigures(db, ids),
    systemFigures(db, today),
  ]);
  const figures = [...reported, ...computed.filter((f) => byId.has(f.agencyId))];
  const byCode = new Map<string, AgencyFigure[]>();
  for (const f of figures) byCode.set(f.kpiCode, [...(byCode.get(f.kpiCode) ?? []), f]);
  return catalog.flatMap((kpi) => {
    const source = kpiSource(kpi.code);
    const rows = byCode.get(kpi.code);
    if ((source !== 'share' && source !== 'system') || !rows?.length) return [];
    const periodEnd = rows.reduce((latest, r) => (r.periodEnd > latest ? r.periodEnd : latest), '');
    const latest = rows.filter((r) => r.periodEnd === periodEnd);
    const aggregate = aggregateShare(latest);
    return [
      {
        code: kpi.code,
        nameVi: kpi.nameVi,
        nameEn: kpi.nameEn,
        unit: kpi.unit,
        periodKey: latest[0]?.periodKey ?? '',
        periodEnd,
        numerator: aggregate.numerator,
        denominator: aggregate.denominator,
        value: aggregate.value,
        reporting: aggregate.agencies,
        communes: latest
          .map((r) => ({
            agencyId: r.agencyId,
            nameVi: byId.get(r.agencyId)?.nameVi ?? '',
            nameEn: byId.get(r.agencyId)?.nameEn ?? '',
            numerator: r.numerator,
            denominator: r.denominator,
            value: r.value,
            submissionId: r.submissionId,
          }))
          .sort((a, b) => (a.value ?? -1) - (b.value ?? -1)),
      },
    ];
  });
}
