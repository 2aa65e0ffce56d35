import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { and, count, eq, gte, isNull, lt, or } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/roles';
import type { LoginStage } from '../../../shared/schemas/auth';
import { RECOVERY_CODE_COUNT, TOTP_DIGITS } from '../../../shared/schemas/mfa';
import { type Db, inTransaction } from '../../db/client';
import { loginFailures, sessions, userRecoveryCodes, users } from '../../db/schema';
import { appendAudit } from '../audit/service';
import type { Actor } from './actor';
import { claimLoginAttempt, clearLoginFailures, lockedOutError, recordLoginFailure } from './login-failures';
import { deleteSession, forgetUserSessions, sessionStartedAt, setSessionStage } from './sessions';
import { nextStage } from './stages';

/**
 * TOTP second factor and recovery codes (issue 13).
 *
 * Keys: the TOTP secret is encrypted (AES-256-GCM) and the recovery codes are hashed (HMAC-SHA256) with
 * keys derived by HKDF from SESSION_SECRET, which lives in the server's configuration, not in the
 * database: a copy of the database alone yields neither a usable secret nor a way to test guesses of a
 * code offline. No second secret to provision, back up and keep in step across processes; the price is
 * that replacing SESSION_SECRET (which already ends every session) also voids every enrolment, so each
 * person enrols again (README, "Configuration").
 */

interface MfaSettings {
  SESSION_SECRET: string;
  SESSION_TTL_HOURS: number;
  SESSION_MAX_HOURS?: number;
  SESSION_CACHE_MS?: number;
  MFA_REQUIRED_ROLES: readonly Role[];
}

/** Wrong codes one session may send before it is ended and the person logs in again. */
export const MAX_WRONG_CODES_PER_SESSION = 5;
const ISSUER = 'Giám sát Chính phủ số';
const PERIOD_SECONDS = 30;
/** Steps either side of now a code may come from: clocks drift, people type slowly. */
const WINDOW = 1;

const keyCache = new Map<string, Buffer>();
function derivedKey(secret: string, purpose: 'totp-secret' | 'recovery-code'): Buffer {
  const id = `${purpose}\0${secret}`;
  let key = keyCache.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'dgm-mfa', `dgm ${purpose} v1`, 32));
    keyCache.set(id, key);
  }
  return key;
}

/**
 * `v1.<iv>.<tag>.<ciphertext>` (base64url). The user's id is the associated data: a secret copied into
 * another user's row does not decrypt.
 */
export function encryptTotpSecret(settings: { SESSION_SECRET: string }, userId: number, base32: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derivedKey(settings.SESSION_SECRET, 'totp-secret'), iv);
  cipher.setAAD(Buffer.from(`user:${userId}`));
  const ciphertext = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The base32 secret, or null when it does not decrypt (another key, another row, tampered). */
export function decryptTotpSecret(
  settings: { SESSION_SECRET: string },
  userId: number,
  stored: string,
): string | null {
  const [version, iv, tag, ciphertext] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || ciphertext === undefined) return null;
  try {
    const key = derivedKey(settings.SESSION_SECRET, 'totp-secret');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`user:${userId}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null;
  }
}

function totpOf(base32: string, username: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: username,
    secret: Secret.fromBase32(base32),
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: PERIOD_SECONDS,
  });
}

/** The time step a code belongs to (within the window around now), or null when it is not a code of it. */
export function totpStep(base32: string, code: string, now = Date.now()): number | null {
  const totp = totpOf(base32, '');
  const delta = totp.validate({ token: code, timestamp: now, window: WINDOW });
  return delta === null ? null : totp.counter({ timestamp: now }) + delta;
}

/**
 * Recovery codes: 10 characters of Crockford's base32 (50 random bits), shown as `xxxxx-xxxxx`. Hashed
 * with HMAC-SHA256 under a server key rather than argon2: 50 random bits leave no dictionary to slow
 * down, the key keeps a stolen table from being searched offline, and 10 codes hash in microseconds.
 */
const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

function newRecoveryCode(): string {
  const chars = [...randomBytes(10)].map((b) => CROCKFORD[b & 31]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** What a typed code means: case, spaces and hyphens ignored, the letters people confuse read as digits. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0').replace(/[il]/g, '1');
}

function hashRecoveryCode(settings: { SESSION_SECRET: string }, code: string): string {
  return createHmac('sha256', derivedKey(settings.SESSION_SECRET, 'recovery-code'))
    .update(normalizeRecoveryCode(code))
    .digest('hex');
}

/** Replaces the user's recovery codes with fresh ones; returns them in clear, this once. */
async function issueRecoveryCodes(tx: Db, settings: MfaSettings, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  await tx
    .insert(userRecoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(settings, code) })));
  return codes;
}

const mfaFields = {
  id: users.id,
  username: users.username,
  role: users.role,
  agencyId: users.agencyId,
  mustChangePassword: users.mustChangePassword,
  totpSecret: users.totpSecret,
  totpEnabledAt: users.totpEnabledAt,
  totpLastStep: users.totpLastStep,
  lockedUntil: users.lockedUntil,
};

async function loadUser(db: Db, userId: number) {
  const [row] = await db.select(mfaFields).from(users).where(eq(users.id, userId));
  if (!row) throw new AppError('UNAUTHENTICATED');
  return row;
}
type MfaUser = Awaited<ReturnType<typeof loadUser>>;

/**
 * Checks a code from the app against the user's secret and claims its time step in the same statement,
 * so a code is good once even when two requests race with it.
 */
async function claimTotp(db: Db, settings: MfaSettings, user: MfaUser, code: string): Promise<boolean> {
  if (!user.totpSecret) return false;
  const secret = decryptTotpSecret(settings, user.id, user.totpSecret);
  const digits = code.replace(/\s/g, '');
  const step = secret && /^\d+$/.test(digits) ? totpStep(secret, digits) : null;
  if (step === null) return false;
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return claimed.length > 0;
}

/**
 * Records a wrong code against the account (its backoff) and, at the fifth in this session, ends the
 * session: whoever holds a password cannot keep guessing codes in it.
 */
async function refuseWrongCode(
  db: Db,
  settings: MfaSettings,
  user: MfaUser,
  token: string,
  ip: string | undefined,
  claimed = false,
): Promise<never> {
  await recordLoginFailure(db, {
    userId: user.id,
    usernameTried: user.username,
    ip,
    reason: 'second_factor',
    claimed,
  });
  const since = await sessionStartedAt(db, settings, token);
  const [wrong] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(
      and(
        eq(loginFailures.userId, user.id),
        eq(loginFailures.reason, 'second_factor'),
        gte(loginFailures.at, since ?? new Date(0)),
      ),
    );
  if ((wrong?.n ?? 0) >= MAX_WRONG_CODES_PER_SESSION) {
    await deleteSession(db, settings, token);
    throw new AppError('UNAUTHENTICATED', 'tooManyCodes');
  }
  throw new AppError('VALIDATION', 'wrongCode', { field: 'code', reason: 'wrongCode' });
}

function assertNotLocked(user: MfaUser): void {
  if (user.lockedUntil && user.lockedUntil > new Date()) throw new AppError('RATE_LIMITED', 'accountLocked');
}

/** The login's second step: a code from the app, or an unused recovery code (then spent). */
export async function verifyMfa(
  db: Db,
  settings: MfaSettings,
  login: { userId: number; token: string },
  code: string,
  meta: { ip?: string },
): Promise<{ stage: LoginStage }> {
  const user = await loadUser(db, login.userId);
  if (!user.totpEnabledAt) throw new AppError('UNAUTHENTICATED');
  // Claimed before the code is checked, as a password is: codes sent at once (a batch) each count.
  const until = await claimLoginAttempt(db, user.id);
  if (until) {
    await recordLoginFailure(db, {
      userId: user.id,
      usernameTried: user.username,
      ip: meta.ip,
      reason: 'locked',
    });
    throw lockedOutError(until);
  }
  const isTotp = /^\d{6}$/.test(code.replace(/\s/g, ''));
  const ok = isTotp
    ? await claimTotp(db, settings, user, code)
    : await spendRecoveryCode(db, settings, user, code);
  if (!ok) return refuseWrongCode(db, settings, user, login.token, meta.ip, true);
  await clearLoginFailures(db, user.id);
  const stage = nextStage(user, settings, { mfa: true });
  await setSessionStage(db, settings, login.token, stage);
  return { stage };
}

async function spendRecoveryCode(
  db: Db,
  settings: MfaSettings,
  user: MfaUser,
  code: string,
): Promise<boolean> {
  const codeHash = hashRecoveryCode(settings, code);
  return inTransaction(db, async (tx) => {
    const spent = await tx
      .update(userRecoveryCodes)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(userRecoveryCodes.userId, user.id),
          eq(userRecoveryCodes.codeHash, codeHash),
          isNull(userRecoveryCodes.usedAt),
        ),
      )
      .returning({ id: userRecoveryCodes.id });
    if (spent.length === 0) return false;
    await appendAudit(tx, user, {
      action: 'user.mfa_recovery_code_used',
      entityType: 'user',
      entityId: user.id,
      after: { recoveryCodesLeft: await unusedCodes(tx, user.id) },
    });
    return true;
  });
}

async function unusedCodes(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(userRecoveryCodes)
    .where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/**
 * A fresh secret, kept encrypted in the user's row while `totp_enabled_at` is null (pending: it opens
 * nothing until a code from it is confirmed). Starting again replaces it.
 */
export async function beginEnrollment(
  db: Db,
  settings: MfaSettings,
  userId: number,
): Promise<{ uri: string; secret: string }> {
  const user = await loadUser(db, userId);
  if (user.totpEnabledAt)
    throw new AppError('CONFLICT', 'mfaAlreadyEnabled', { reason: 'mfaAlreadyEnabled' });
  const secret = new Secret({ size: 20 });
  const pending = await db
    .update(users)
    .set({ totpSecret: encryptTotpSecret(settings, user.id, secret.base32), totpLastStep: null })
    .where(and(eq(users.id, user.id), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  if (pending.length === 0)
    throw new AppError('CONFLICT', 'mfaAlreadyEnabled', { reason: 'mfaAlreadyEnabled' });
  return { uri: totpOf(secret.base32, user.username).toString(), secret: secret.base32 };
}

/**
 * The first code from the app proves it holds the pending secret: MFA is on, ten recovery codes are
 * issued, and a login waiting at 'enroll' moves on.
 */
export async function confirmEnrollment(
  db: Db,
  settings: MfaSettings,
  login: { userId: number; token: string; stage: LoginStage },
  code: string,
): Promise<{ stage: LoginStage; recoveryCodes: string[] }> {
  const user = await loadUser(db, login.userId);
  if (user.totpEnabledAt)
    throw new AppError('CONFLICT', 'mfaAlreadyEnabled', { reason: 'mfaAlreadyEnabled' });
  if (!user.totpSecret)
    throw new AppError('VALIDATION', 'noPendingEnrollment', { field: 'code', reason: 'noPendingEnrollment' });
  // A wrong code here is a typo more than a guess: the secret was just shown to this session.
  if (!(await claimTotp(db, settings, user, code)))
    throw new AppError('VALIDATION', 'wrongCode', { field: 'code', reason: 'wrongCode' });
  const enabledAt = new Date();
  const recoveryCodes = await inTransaction(db, async (tx) => {
    const enabled = await tx
      .update(users)
      .set({ totpEnabledAt: enabledAt })
      .where(and(eq(users.id, user.id), isNull(users.totpEnabledAt)))
      .returning({ id: users.id });
    if (enabled.length === 0)
      throw new AppError('CONFLICT', 'mfaAlreadyEnabled', { reason: 'mfaAlreadyEnabled' });
    const codes = await issueRecoveryCodes(tx, settings, user.id);
    await appendAudit(tx, user, { action: 'user.mfa_enabled', entityType: 'user', entityId: user.id });
    return codes;
  });
  forgetUserSessions(user.id);
  let stage = login.stage;
  if (stage !== 'full') {
    stage = nextStage({ ...user, totpEnabledAt: enabledAt }, settings, { mfa: true });
    await setSessionStage(db, settings, login.token, stage);
  }
  return { stage, recoveryCodes };
}

async function requireEnabledWithCode(
  db: Db,
  settings: MfaSettings,
  login: { userId: number; token: string },
  code: string,
  meta: { ip?: string },
): Promise<MfaUser> {
  const user = await loadUser(db, login.userId);
  if (!user.totpEnabledAt) throw new AppError('CONFLICT', 'mfaNotEnabled', { reason: 'mfaNotEnabled' });
  assertNotLocked(user);
  if (!(await claimTotp(db, settings, user, code)))
    return refuseWrongCode(db, settings, user, login.token, meta.ip);
  return user;
}

/** New recovery codes (the old ones stop working), for a full session that shows a current code. */
export async function regenerateRecoveryCodes(
  db: Db,
  settings: MfaSettings,
  login: { userId: number; token: string },
  code: string,
  meta: { ip?: string },
): Promise<{ recoveryCodes: string[] }> {
  const user = await requireEnabledWithCode(db, settings, login, code, meta);
  const recoveryCodes = await inTransaction(db, async (tx) => {
    const codes = await issueRecoveryCodes(tx, settings, user.id);
    await appendAudit(tx, user, {
      action: 'user.mfa_recovery_codes_regenerated',
      entityType: 'user',
      entityId: user.id,
    });
    return codes;
  });
  return { recoveryCodes };
}

/** Turns MFA off for a role that may go without it, on a current code. */
export async function disableMfa(
  db: Db,
  settings: MfaSettings,
  login: { userId: number; token: string },
  code: string,
  meta: { ip?: string },
): Promise<{ ok: true }> {
  const current = await loadUser(db, login.userId);
  if (settings.MFA_REQUIRED_ROLES.includes(current.role))
    throw new AppError('FORBIDDEN', 'mfaRequired', { reason: 'mfaRequired' });
  const user = await requireEnabledWithCode(db, settings, login, code, meta);
  await inTransaction(db, async (tx) => {
    await clearMfa(tx, user.id);
    await appendAudit(tx, user, { action: 'user.mfa_disabled', entityType: 'user', entityId: user.id });
  });
  return { ok: true };
}

async function clearMfa(tx: Db, userId: number): Promise<void> {
  await tx
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, userId));
  await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
}

/**
 * The administrator's way back for a person who lost both the phone and the codes: MFA off, codes gone,
 * sessions ended; their next login enrols again if their role requires it.
 */
export async function resetUserMfa(db: Db, actor: Actor, userId: number): Promise<{ id: number }> {
  await inTransaction(db, async (tx) => {
    const [before] = await tx
      .select({ id: users.id, totpEnabledAt: users.totpEnabledAt })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!before) throw new AppError('NOT_FOUND');
    await clearMfa(tx, userId);
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await appendAudit(tx, actor, {
      action: 'user.mfa_reset',
      entityType: 'user',
      entityId: userId,
      before: { mfaEnabled: before.totpEnabledAt !== null },
    });
  });
  forgetUserSessions(userId);
  return { id: userId };
}

export async function mfaStatus(db: Db, settings: MfaSettings, userId: number) {
  const user = await loadUser(db, userId);
  return {
    enabled: user.totpEnabledAt !== null,
    enabledAt: user.totpEnabledAt,
    required: settings.MFA_REQUIRED_ROLES.includes(user.role),
    recoveryCodesLeft: user.totpEnabledAt ? await unusedCodes(db, user.id) : 0,
  };
}
