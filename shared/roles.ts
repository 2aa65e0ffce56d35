export const ROLES = ['admin', 'office', 'officer', 'leader', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The role sets every policy, route guard and menu is built from. Written here once; a module's policy
 * (`server/modules/<m>/policy.ts`) combines them with the row (which agency) and the row's state.
 */

/** The Government Office, inspectors and administrators: read every agency's data. */
export const OVERSIGHT_ROLES = ['office', 'inspector', 'admin'] as const satisfies readonly Role[];
/** An agency's own staff: see and act on their agency's work only. */
export const AGENCY_ROLES = ['officer', 'leader'] as const satisfies readonly Role[];

export function isOversight(role: Role): boolean {
  return (OVERSIGHT_ROLES as readonly Role[]).includes(role);
}

export function isAgencyRole(role: Role): boolean {
  return (AGENCY_ROLES as readonly Role[]).includes(role);
}
