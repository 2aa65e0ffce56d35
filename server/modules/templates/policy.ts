import { OVERSIGHT_ROLES, type Role } from '../../../shared/roles';
import type { Actor } from '../auth/actor';

/** Oversight roles read the regimes and their versions; agencies get theirs through `submissions.*`. */
export const TEMPLATE_READER_ROLES = OVERSIGHT_ROLES;
/** Only the administrator opens, changes and retires a regime. */
export const TEMPLATE_EDITOR_ROLE = 'admin' satisfies Role;

export function canEditTemplates(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === TEMPLATE_EDITOR_ROLE;
}
