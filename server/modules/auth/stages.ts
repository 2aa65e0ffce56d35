import type { Role } from '../../../shared/roles';
import type { LoginStage } from '../../../shared/schemas/auth';

/** What decides the steps of a login, read from the user's row. */
export interface LoginFacts {
  role: Role;
  totpEnabledAt: Date | null;
  mustChangePassword: boolean;
}

/**
 * The one home of the login's order of steps: the second factor first (who it is), then a new password
 * if one must be chosen, then MFA set-up if the role requires it, then the application. `passed` names
 * the steps already done in this login.
 */
export function nextStage(
  facts: LoginFacts,
  settings: { MFA_REQUIRED_ROLES: readonly Role[] },
  passed: { mfa?: boolean } = {},
): LoginStage {
  if (facts.totpEnabledAt && !passed.mfa) return 'mfa';
  if (facts.mustChangePassword) return 'password';
  if (!facts.totpEnabledAt && settings.MFA_REQUIRED_ROLES.includes(facts.role)) return 'enroll';
  return 'full';
}
