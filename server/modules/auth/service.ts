import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/roles';
import type { LoginInput, LoginStage } from '../../../shared/schemas/auth';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { verifyPassword } from './password';
import { createSession } from './sessions';
import { nextStage } from './stages';

/**
 * Checks the credentials and opens a session. Wrong user, wrong password and disabled account all
 * give the same error, after the same work, so the answer does not tell which usernames exist.
 */
export async function logIn(
  db: Db,
  settings: { SESSION_SECRET: string; SESSION_TTL_HOURS: number; MFA_REQUIRED_ROLES: readonly Role[] },
  input: LoginInput,
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date; stage: LoginStage }> {
  const [user] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      active: users.active,
      role: users.role,
      totpEnabledAt: users.totpEnabledAt,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(eq(sql`lower(${users.username})`, input.username.toLowerCase()))
    .limit(1);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || !user.active) throw new AppError('INVALID_CREDENTIALS');
  const stage = nextStage(user, settings);
  return { ...(await createSession(db, settings, user.id, meta, stage)), stage };
}
