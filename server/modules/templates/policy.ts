import type { Role } from '../../../shared/roles';
import type { Actor } from '../auth/actor';

/** Only the administrator opens, changes and retires a regime. */
export const TEMPLATE_EDITOR_ROLE = 'admin' satisfies Role;

export function canEditTemplates(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === TEMPLATE_EDITOR_ROLE;
}
