import type { AgencyRankingPage, AgencyRankingQuery } from '../../../shared/schemas/tasks';
import type { Db } from '../../db/client';
import { changeCache, changeMark } from '../live/change-cache';
import { pageAgencyRanking } from './agency-ranking';
import { getDashboard } from './queries';
import { statusClock } from './status-sql';

/**
 * The Office dashboard aggregates every task in the country: the costliest read there is (its figures
 * are in the README, Performance). Between two writes it cannot change, and every
 * task write records a change event in its transaction, in every server process; so the figures are
 * kept per database and re-computed when the newest change event id or Vietnam's date differs, or
 * after MAX_AGE_MS at most (due-soon and stale flags move with the clock; an agency renamed without
 * a change event shows its new name within that bound). Checking costs one index-only read. The whole
 * agency ranking is built in the same computation and paged from it (`tasks.agencyRanking`).
 */
export const DASHBOARD_MAX_AGE_MS = 60_000;

type Snapshot = Awaited<ReturnType<typeof getDashboard>>;
export type Dashboard = Snapshot['summary'];
const snapshots = changeCache<Snapshot>({ maxAgeMs: DASHBOARD_MAX_AGE_MS, maxEntries: 1 });

/** The dashboard's figures and its whole agency ranking, computed together once per change mark. */
function getSnapshot(db: Db, now: Date): Promise<Snapshot> {
  return snapshots.get(
    db,
    'dashboard',
    changeMark(db, now),
    async () => {
      const snapshot = await getDashboard(db, statusClock(now));
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
  return pageAgencyRanking(snapshot.ranking, input, snapshot.summary.asOf);
}
