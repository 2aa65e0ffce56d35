import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginFailures, users } from '../../db/schema';

/**
 * Minimal stand-in with the accounts helper's signature (issue 13): the MFA step records its wrong codes
 * here. At merge the accounts helper's version (with the backoff it computes) replaces this file.
 */
export async function recordLoginFailure(
  db: Db,
  failure: {
    userId: number | null;
    usernameTried: string;
    ip?: string | null;
    reason: 'password' | 'second_factor' | 'locked' | 'inactive' | 'unknown_user';
  },
): Promise<void> {
  await db.insert(loginFailures).values({
    userId: failure.userId,
    usernameTried: failure.usernameTried.toLowerCase().slice(0, 100),
    ip: failure.ip ?? null,
    reason: failure.reason,
  });
  if (failure.userId !== null)
    await db
      .update(users)
      .set({ failedLogins: sql`${users.failedLogins} + 1` })
      .where(eq(users.id, failure.userId));
}

/** A completed login starts the count again. */
export async function clearLoginFailures(db: Db, userId: number): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}
