import { AppError } from '../../../shared/errors';
import { KPI_DETAIL_ROLES } from '../../../shared/page-access';
import type { Role } from '../../../shared/roles';
import type { Actor } from '../auth/actor';

/**
 * Who may read which KPI figures, for the procedures, the KPI downloads and the UI alike. National
 * figures (the overview, the off-track count) are open to every signed-in user.
 */

/** One KPI with every agency ranked: the roles its page is for (`shared/page-access.ts`). */
export function canReadKpiDetail(actor: Pick<Actor, 'role'>): boolean {
  return (KPI_DETAIL_ROLES as readonly Role[]).includes(actor.role);
}

/** One agency's KPI submissions and scorecard: the oversight roles, and that agency's own users. */
export function canReadAgencyKpis(actor: Pick<Actor, 'role' | 'agencyId'>, agencyId: number): boolean {
  return canReadKpiDetail(actor) || actor.agencyId === agencyId;
}

/**
 * Another agency's KPI submissions and scorecard are out of an agency user's scope: NOT_FOUND, the answer
 * reads of what one may not see get everywhere.
 */
export function assertMayReadAgencyKpis(actor: Pick<Actor, 'role' | 'agencyId'>, agencyId: number): void {
  if (!canReadAgencyKpis(actor, agencyId)) throw new AppError('NOT_FOUND');
}

/** A KPI's coverage floor (when a period not yet closed counts): the administrator, who keeps the catalog. */
export function canSetCoverageFloor(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}
