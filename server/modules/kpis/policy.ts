import { AppError } from '../../../shared/errors';
import { OVERSIGHT_ROLES, type Role } from '../../../shared/roles';
import type { Actor } from '../auth/actor';

/**
 * Who may read which KPI figures, for the procedures, the KPI downloads and the UI alike. National
 * figures (the overview, the off-track count) are open to every signed-in user.
 */

/** One KPI with every agency ranked and the agency × period heatmap: the oversight roles. */
export const KPI_DETAIL_ROLES: readonly Role[] = OVERSIGHT_ROLES;

export function canReadKpiDetail(actor: Pick<Actor, 'role'>): boolean {
  return KPI_DETAIL_ROLES.includes(actor.role);
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
