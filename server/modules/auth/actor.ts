import type { Role } from '../../../shared/roles';

/** Who is acting: what services need of the session user for rules and audit. */
export interface Actor {
  id: number;
  username: string;
  role: Role;
  agencyId: number;
  agencyNameVi?: string;
  agencyNameEn?: string;
}

export function actorFields(actor: Actor | null) {
  return {
    userId: actor?.id ?? null,
    username: actor?.username ?? null,
    role: actor?.role ?? null,
    agencyId: actor?.agencyId ?? null,
  };
}
