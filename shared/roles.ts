export const ROLES = ['admin', 'office', 'officer', 'leader', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that never write business data. */
export const READ_ONLY_ROLES: readonly Role[] = ['inspector'];
