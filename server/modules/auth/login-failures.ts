import { and, count, desc, eq, gt, isNull, max, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { LoginFailureReason } from '../../../shared/schemas/users';
import type { Db } from '../../db/client';
import { loginFailures, users } from '../../db/schema';

/**
 * Per-account backoff (OWASP Authentication Cheat Sheet, NIST SP 800-63B §5.2.2): after LOCK_AFTER
 * consecutive failures the account (or unknown username) takes no login for a minute, doubling with each
 * further failure up to an hour. While locked nothing is checked, so guesses made then are worth
 * nothing. Failures older than the window are forgotten, so an old burst does not lock at the next typo.
 */
export const LOCK_AFTER = 5;
const FIRST_LOCK_MS = 60_000;
const MAX_LOCK_MS = 3_600_000;
export const FAILURE_WINDOW_MS = 24 * 3_600_000;

/** How long the n-th consecutive failure locks the account for: 0 below the threshold. */
export function lockDuration(failures: number): number {
  if (failures < LOCK_AFTER) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - LOCK_AFTER), MAX_LOCK_MS);
}

/** Reasons that count toward the backoff: a refused attempt while locked checks nothing, so it does not. */
const COUNTED: readonly LoginFailureReason[] = ['password', 'second_factor', 'inactive', 'unknown_user'];

/** The username as recorded: trimmed, lower-cased, at most 100 characters. */
export const triedName = (username: string) => username.trim().toLowerCase().slice(0, 100);

/**
 * `failed_logins + 1`, restarting at 1 when the last recorded failure is older than the window (no row
 * yet: an attempt claimed but not recorded is in flight, and counts on).
 */
function nextCount(now: Date): SQL<number> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  return sql<number>`case when ${users.failedLogins} > 0 and coalesce((
      select max(${loginFailures.at}) from ${loginFailures}
      where ${loginFailures.userId} = ${users.id}
    ), 'infinity'::timestamptz) <= ${since.toISOString()}::timestamptz then 1 else ${users.failedLogins} + 1 end`;
}

/** The lock the n-th failure sets, in SQL (the same as `lockDuration`). */
function lockFor(failures: SQL<number>, now: Date): SQL<Date | null> {
  return sql<Date | null>`case when ${failures} >= ${LOCK_AFTER} then ${now.toISOString()}::timestamptz + least(
      ${FIRST_LOCK_MS}::float8 * power(2, ${failures} - ${LOCK_AFTER}), ${MAX_LOCK_MS}
    ) * interval '1 millisecond' else null end`;
}

/**
 * Claims one attempt for a known account before its secret is checked: the attempt counts as a failure
 * until `clearLoginFailures` says otherwise, so concurrent guesses (a batch) each count and the ones past
 * the threshold are refused unchecked. Null when the attempt may go on; else the time the lock ends.
 */
export async function claimLoginAttempt(db: Db, userId: number, now = new Date()): Promise<Date | null> {
  const next = nextCount(now);
  const [claimed] = await db
    .update(users)
    .set({ failedLogins: next, lockedUntil: lockFor(next, now) })
    .where(
      and(
        eq(users.id, userId),
        sql`(${users.lockedUntil} is null or ${users.lockedUntil} <= ${now.toISOString()}::timestamptz)`,
      ),
    )
    .returning({ id: users.id });
  if (claimed) return null;
  const [row] = await db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId));
  return row?.lockedUntil ?? now;
}

/**
 * A locked account's (or username's) answer: RATE_LIMITED with the time to wait, the answer the
 * per-address limit gives too. Unknown usernames lock by the same rule, so it tells nothing about
 * which accounts exist; it tells the person at the keyboard to wait rather than doubt their password.
 */
export function lockedOutError(until: Date, now = new Date()): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError('RATE_LIMITED', 'accountLocked', { reason: 'accountLocked', retryAfterSeconds });
}

/**
 * Records a failed login for the administrator (every reason, with the client's address). For a known
 * account the failure counts toward its backoff unless `claimLoginAttempt` already counted it; unknown
 * usernames are counted from this table (`unknownUserLockedUntil`), so both lock alike.
 */
export async function recordLoginFailure(
  db: Db,
  failure: {
    userId: number | null;
    usernameTried: string;
    ip?: string | null | undefined;
    reason: LoginFailureReason;
    /** True when `claimLoginAttempt` already counted this attempt. */
    claimed?: boolean;
  },
  now = new Date(),
): Promise<void> {
  if (failure.userId !== null && !failure.claimed && COUNTED.includes(failure.reason)) {
    const next = nextCount(now);
    await db
      .update(users)
      .set({ failedLogins: next, lockedUntil: lockFor(next, now) })
      .where(eq(users.id, failure.userId));
  }
  await db.insert(loginFailures).values({
    at: now,
    usernameTried: triedName(failure.usernameTried),
    userId: failure.userId,
    ip: failure.ip?.slice(0, 100) ?? null,
    reason: failure.reason,
  });
}

/**
 * A right password whose login still awaits its second factor: the attempt claimed for it is given
 * back, but earlier failures (wrong codes among them) stand until the whole login succeeds, so logging
 * in again with a known password does not reset the count of codes guessed.
 */
export async function releaseLoginAttempt(db: Db, userId: number): Promise<void> {
  // The claim succeeded, so no lock stood before it; one the claim itself set is lifted with it.
  await db
    .update(users)
    .set({ failedLogins: sql`greatest(${users.failedLogins} - 1, 0)`, lockedUntil: null })
    .where(eq(users.id, userId));
}

/** A successful login (or an administrator's unlock): the count starts again and no lock stands. */
export async function clearLoginFailures(db: Db, userId: number): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

/**
 * The lock of a username no account has, computed from its recorded failures by the same rule as an
 * account's, so that the answers do not tell which usernames exist.
 */
export async function unknownUserLockedUntil(
  db: Db,
  usernameTried: string,
  now = new Date(),
): Promise<Date | null> {
  const [row] = await db
    .select({ n: count(), last: max(loginFailures.at) })
    .from(loginFailures)
    .where(
      and(
        gt(loginFailures.at, new Date(now.getTime() - FAILURE_WINDOW_MS)),
        eq(loginFailures.usernameTried, triedName(usernameTried)),
        isNull(loginFailures.userId),
        eq(loginFailures.reason, 'unknown_user'),
      ),
    );
  const failures = row?.n ?? 0;
  const last = row?.last ? new Date(row.last) : null;
  if (!last || failures < LOCK_AFTER) return null;
  const until = new Date(last.getTime() + lockDuration(failures));
  return until > now ? until : null;
}

/** The administrator's list of failed logins, newest first, optionally for usernames starting so. */
export async function findLoginFailures(
  db: Db,
  input: { username?: string | undefined; withinHours?: number | undefined; page: number; pageSize: number },
  now = new Date(),
) {
  const prefix = input.username ? triedName(input.username) : '';
  const filters: SQL[] = [];
  if (prefix) {
    filters.push(
      sql`${loginFailures.usernameTried} like ${`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
    );
  }
  if (input.withinHours) {
    filters.push(gt(loginFailures.at, new Date(now.getTime() - input.withinHours * 3_600_000)));
  }
  const where = filters.length ? and(...filters) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: loginFailures.id,
        at: loginFailures.at,
        usernameTried: loginFailures.usernameTried,
        knownUser: sql<boolean>`${loginFailures.userId} is not null`,
        ip: loginFailures.ip,
        reason: sql<LoginFailureReason>`${loginFailures.reason}`,
      })
      .from(loginFailures)
      .where(where)
      .orderBy(desc(loginFailures.at), desc(loginFailures.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(loginFailures).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}
