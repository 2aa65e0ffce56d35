import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { CreateUser, ResetPassword, UpdateUser } from '../../../shared/schemas/users';
import { foldVietnamese } from '../../../shared/text';
import { type Db, inTransaction } from '../../db/client';
import { agencies, sessions, users } from '../../db/schema';
import { isCurrentAgency } from '../agencies/current';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import { clearLoginFailures } from '../auth/login-failures';
import { hashPassword } from '../auth/password';
import { assertPasswordAllowed } from '../auth/password-policy';
import { forgetUserSessions } from '../auth/sessions';
import { isPersonAccount } from '../machine/accounts';
import { assertEmailFree, emailTakenOr } from './email';

const publicFields = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  role: users.role,
  agencyId: users.agencyId,
  active: users.active,
  email: users.email,
};

async function assertAgency(tx: Db, agencyId: number): Promise<void> {
  const [agency] = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), isCurrentAgency()));
  if (!agency) throw new AppError('VALIDATION', 'unknownAgency', { field: 'agencyId' });
}

/**
 * The administrator creates an account; the password is stored only as an argon2id hash, and must be
 * changed at first login: the administrator chose it and knows it, the person must choose their own.
 */
export async function createUser(db: Db, actor: Actor, u: CreateUser) {
  assertPasswordAllowed(u.password, u, 'password');
  const passwordHash = await hashPassword(u.password);
  const email = u.email ? u.email : null;
  return inTransaction(db, async (tx) => {
    await assertAgency(tx, u.agencyId);
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.username})`, u.username));
    if (taken)
      throw new AppError('CONFLICT', 'usernameTaken', { field: 'username', reason: 'usernameTaken' });
    if (email) await assertEmailFree(tx, email);
    const [row] = await tx
      .insert(users)
      .values({
        username: u.username,
        fullName: u.fullName,
        role: u.role,
        agencyId: u.agencyId,
        passwordHash,
        mustChangePassword: true,
        searchText: foldVietnamese(`${u.fullName} ${u.username}`),
        email,
      })
      .returning(publicFields);
    if (!row) throw new AppError('INTERNAL');
    await appendAudit(tx, actor, { action: 'user.create', entityType: 'user', entityId: row.id, after: row });
    return row;
  }).catch((error: unknown) => {
    throw emailTakenOr(error);
  });
}

/**
 * Changes a user's name, role, agency, mail address or whether the account is active. A change of role
 * or agency, or a deactivation, ends the user's open sessions at once: their rights change now, not at
 * next login. An address (new, or the one a reactivated account had) must be no other active account's.
 */
export async function updateUser(db: Db, actor: Actor, u: UpdateUser) {
  const updated = await inTransaction(db, async (tx) => {
    const [before] = await tx
      .select(publicFields)
      .from(users)
      .where(and(eq(users.id, u.id), isPersonAccount()))
      .for('update');
    if (!before) throw new AppError('NOT_FOUND');
    if (u.id === actor.id && (u.active === false || (u.role && u.role !== 'admin'))) {
      throw new AppError('VALIDATION', 'cannotDemoteSelf', { field: u.active === false ? 'active' : 'role' });
    }
    if (u.agencyId) await assertAgency(tx, u.agencyId);
    const { id, email: newEmail, ...patch } = u;
    const email = newEmail === undefined ? before.email : newEmail || null;
    const active = patch.active ?? before.active;
    if (email && active && (newEmail !== undefined || !before.active)) await assertEmailFree(tx, email, id);
    const fullName = patch.fullName ?? before.fullName;
    const [after] = await tx
      .update(users)
      .set({ ...patch, email, searchText: foldVietnamese(`${fullName} ${before.username}`) })
      .where(eq(users.id, id))
      .returning(publicFields);
    if (!after) throw new AppError('NOT_FOUND');
    const rightsChanged = after.role !== before.role || after.agencyId !== before.agencyId || !after.active;
    if (rightsChanged) await tx.delete(sessions).where(eq(sessions.userId, id));
    await appendAudit(tx, actor, { action: 'user.update', entityType: 'user', entityId: id, before, after });
    return after;
  }).catch((error: unknown) => {
    throw emailTakenOr(error);
  });
  // After commit: a request between a cache drop and the commit could cache the old rights again.
  forgetUserSessions(updated.id);
  return updated;
}

/** A new password chosen by the administrator: by the same rule, and to be changed at next login. */
export async function resetPassword(db: Db, actor: Actor, r: ResetPassword) {
  const [person] = await db
    .select({ username: users.username, fullName: users.fullName })
    .from(users)
    .where(and(eq(users.id, r.id), isPersonAccount()));
  if (!person) throw new AppError('NOT_FOUND');
  assertPasswordAllowed(r.password, person, 'password');
  const passwordHash = await hashPassword(r.password);
  const reset = await inTransaction(db, async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, passwordChangedAt: new Date() })
      .where(eq(users.id, r.id))
      .returning({ id: users.id });
    if (!row) throw new AppError('NOT_FOUND');
    await tx.delete(sessions).where(eq(sessions.userId, r.id));
    await appendAudit(tx, actor, { action: 'user.reset_password', entityType: 'user', entityId: r.id });
    return { id: row.id };
  });
  forgetUserSessions(reset.id);
  return reset;
}

/** Lifts the backoff lock of an account after failed logins (the account stays as active as it was). */
export async function unlockUser(db: Db, actor: Actor, id: number) {
  return inTransaction(db, async (tx) => {
    const [before] = await tx
      .select({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil })
      .from(users)
      .where(eq(users.id, id))
      .for('update');
    if (!before) throw new AppError('NOT_FOUND');
    await clearLoginFailures(tx, id);
    await appendAudit(tx, actor, {
      action: 'user.unlock',
      entityType: 'user',
      entityId: id,
      before,
      after: { failedLogins: 0, lockedUntil: null },
    });
    return { id };
  });
}
