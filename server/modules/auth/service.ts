import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { Language } from '../../../shared/languages';
import type { Role } from '../../../shared/roles';
import type { ChangePasswordInput, LoginInput, LoginStage } from '../../../shared/schemas/auth';
import { type Db, inTransaction } from '../../db/client';
import { sessions, users } from '../../db/schema';
import { appendAudit } from '../audit/service';
import type { Actor } from './actor';
import {
  claimLoginAttempt,
  clearLoginFailures,
  lockedOutError,
  recordLoginFailure,
  releaseLoginAttempt,
  unknownUserLockedUntil,
} from './login-failures';
import { hashPassword, verifyPassword } from './password';
import { assertPasswordAllowed } from './password-policy';
import {
  createSession,
  forgetUserSessions,
  type SessionUser,
  sessionIdOf,
  setSessionStage,
} from './sessions';
import { nextStage } from './stages';

/**
 * Checks the credentials and opens a session. Wrong user, wrong password and disabled account all
 * give the same error, after the same work, so the answer does not tell which usernames exist. Each
 * attempt is claimed before the password is checked (`claimLoginAttempt`), so a batch of guesses counts
 * each one; every failure is recorded for the administrator.
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
  const failure = { usernameTried: input.username, ip: meta.ip };
  if (!user) {
    const until = await unknownUserLockedUntil(db, input.username);
    if (until) {
      await recordLoginFailure(db, { ...failure, userId: null, reason: 'locked' });
      throw lockedOutError(until);
    }
    await verifyPassword(undefined, input.password);
    await recordLoginFailure(db, { ...failure, userId: null, reason: 'unknown_user' });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const until = await claimLoginAttempt(db, user.id);
  if (until) {
    await recordLoginFailure(db, { ...failure, userId: user.id, reason: 'locked' });
    throw lockedOutError(until);
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok || !user.active) {
    const reason = ok ? 'inactive' : 'password';
    await recordLoginFailure(db, { ...failure, userId: user.id, reason, claimed: true });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const stage = nextStage(user, settings);
  // The count starts again once the login is whole: with a second factor still to give, only this
  // attempt is given back (wrong codes of earlier logins still count).
  if (stage === 'mfa') await releaseLoginAttempt(db, user.id);
  else await clearLoginFailures(db, user.id);
  return { ...(await createSession(db, settings, user.id, meta, stage)), stage };
}

/**
 * The owner changes their password: the current one first (a wrong one counts toward the backoff like a
 * wrong login), then the rule (`assertPasswordAllowed`), never the same as before. Their other sessions
 * end; a login waiting at the 'password' step moves on.
 */
export async function changePassword(
  db: Db,
  settings: { SESSION_SECRET: string; SESSION_TTL_HOURS: number; MFA_REQUIRED_ROLES: readonly Role[] },
  login: { user: SessionUser; stage: LoginStage; token: string },
  input: ChangePasswordInput,
  meta: { ip?: string },
): Promise<{ stage: LoginStage }> {
  const userId = login.user.id;
  const [row] = await db
    .select({
      passwordHash: users.passwordHash,
      username: users.username,
      fullName: users.fullName,
      role: users.role,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw new AppError('UNAUTHENTICATED');
  const failure = { userId, usernameTried: row.username, ip: meta.ip };
  const until = await claimLoginAttempt(db, userId);
  if (until) {
    await recordLoginFailure(db, { ...failure, reason: 'locked' });
    throw lockedOutError(until);
  }
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    await recordLoginFailure(db, { ...failure, reason: 'password', claimed: true });
    throw new AppError('VALIDATION', 'currentPasswordWrong', {
      field: 'currentPassword',
      reason: 'currentPasswordWrong',
    });
  }
  await clearLoginFailures(db, userId);
  if (await verifyPassword(row.passwordHash, input.newPassword))
    throw new AppError('VALIDATION', 'passwordUnchanged', {
      field: 'newPassword',
      reason: 'passwordUnchanged',
    });
  assertPasswordAllowed(input.newPassword, row, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  const keep = sessionIdOf(settings, login.token);
  await inTransaction(db, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date() })
      .where(eq(users.id, userId));
    await tx.delete(sessions).where(sql`${sessions.userId} = ${userId} and ${sessions.id} <> ${keep}`);
    await appendAudit(tx, login.user, {
      action: 'user.change_password',
      entityType: 'user',
      entityId: userId,
    });
  });
  forgetUserSessions(userId);
  if (login.stage !== 'password') return { stage: login.stage };
  const stage = nextStage({ ...row, mustChangePassword: false }, settings, { mfa: true });
  await setSessionStage(db, settings, login.token, stage);
  return { stage };
}

/**
 * The user's own language: the interface's after each login, and the language of their mails and
 * digests (docs/decisions/0027). Audited like any change to the account; the cached sessions are
 * dropped so that `auth.me` says it at once.
 */
export async function setOwnLanguage(
  db: Db,
  actor: Actor,
  language: Language,
): Promise<{ language: Language }> {
  await inTransaction(db, async (tx) => {
    const [before] = await tx
      .select({ language: users.language })
      .from(users)
      .where(eq(users.id, actor.id))
      .for('update');
    if (!before) throw new AppError('UNAUTHENTICATED');
    if (before.language === language) return;
    await tx.update(users).set({ language }).where(eq(users.id, actor.id));
    await appendAudit(tx, actor, {
      action: 'user.language',
      entityType: 'user',
      entityId: actor.id,
      before,
      after: { language },
    });
  });
  forgetUserSessions(actor.id);
  return { language };
}
