import type { AgencyRankingPage, AgencyRankingQuery } from '../../../shared/schemas/tasks';
import type { Db } from '../../db/client';
import { isStandby } from '../../db/replica';
import { changeCache, changeMark } from '../live/change-cache';
import { pageAgencyRanking } from './agency-ranking';
import { getDashboard } from './queries';
import { statusClock } from './status-sql';
import { currentTallies } from './tallies';

/**
 * The Office dashboard shows the national tallies (tallies.ts), which only move when a write changes a
 * count (a status, a flag, an agency or group) or Vietnam's date changes; a progress post on a task
 * already counted as current moves nothing. So the figures are kept per database and re-computed when
 * the tallies' version or date differs, or after MAX_AGE_MS at most (an agency renamed shows its new
 * name within that bound). Checking costs one small read (and a fold of the writes' log, if any). The
 * whole agency ranking is built in the same computation and paged from it (`tasks.agencyRanking`).
 */
export const DASHBOARD_MAX_AGE_MS = 60_000;

type Snapshot = Awaited<ReturnType<typeof getDashboard>>;
export type Dashboard = Snapshot['summary'];
const snapshots = changeCache<Snapshot>({ maxAgeMs: DASHBOARD_MAX_AGE_MS, maxEntries: 1 });

/** The dashboard's figures and its whole agency ranking, computed together once per change mark. */
function getSnapshot(db: Db, now: Date): Promise<Snapshot> {
  const clock = statusClock(now);
  return snapshots.get(
    db,
    'dashboard',
    // A standby cannot fold the writes' log: there, any change (one index read) marks a new value.
    isStandby(db)
      ? changeMark(db, now)
      : currentTallies(db, clock).then((tallies) => `${tallies.version}|${tallies.day}`),
    async () => {
      const snapshot = await getDashboard(db, clock);
      // Shared by every reader and never changed: encoded once for the API (server/trpc/transformer.ts).
      Object.freeze(snapshot.summary);
      return snapshot;
    },
    now.getTime(),
  );
}

/**
 * What the dashboard page loads: small (the ranking's worst few only), since it is serialised on every
 * request, and the whole ranking of thousands of agencies would make it large (README, Performance).
 */
export async function getDashboardCached(db: Db, now = new Date()): Promise<Dashboard> {
  return (await getSnapshot(db, now)).summary;
}

/** A page of the whole ranking, sliced from the same cached computation as the dashboard's figures. */
export async function getAgencyRankingCached(
  db: Db,
  input: AgencyRankingQuery,
  now = new Date(),
): Promise<AgencyRankingPage> {
  const snapshot = await getSnapshot(db, now);
  return pageAgencyRanking(snapshot.ranking[input.borders], input, snapshot.summary.asOf);
}

/**
 * Every agency's task tallies (status counts, due soon, stale) from the same cached computation: what
 * a province's roll-up adds up over its communes (server/modules/rollup), without reading the tasks.
 */
export async function getAgencyTalliesCached(db: Db, now = new Date()) {
  const snapshot = await getSnapshot(db, now);
  return {
    asOf: snapshot.summary.asOf,
    today: snapshot.summary.today,
    agencies: snapshot.agencyTallies,
    /** Former unit → the current unit its counts belong to today (ADR 0028). */
    successors: snapshot.successors,
  };
}
