import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { LoginInput } from '../../../shared/schemas/auth';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { verifyPassword } from './password';
import { createSession } from './sessions';

/**
 * Checks the credentials and opens a session. Wrong user, wrong password and disabled account all
 * give the same error, after the same work, so the answer does not tell which usernames exist.
 */
export async function logIn(
  db: Db,
  settings: { SESSION_SECRET: string; SESSION_TTL_HOURS: number },
  input: LoginInput,
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(sql`lower(${users.username})`, input.username.toLowerCase()))
    .limit(1);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || !user.active) throw new AppError('INVALID_CREDENTIALS');
  return createSession(db, settings, user.id, meta);
}
