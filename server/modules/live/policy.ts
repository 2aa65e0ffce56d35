import { isOversight } from '../../../shared/roles';
import type { Actor } from '../auth/actor';
import type { StoredChange } from './bus';

/** Whether a user may read a change's `detail`: the oversight roles and the agencies it concerns. */
export function canSeeDetail(
  user: Pick<Actor, 'role' | 'agencyId'>,
  change: Pick<StoredChange, 'agencyIds'>,
): boolean {
  return isOversight(user.role) || change.agencyIds.includes(user.agencyId);
}
