import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { AgencyLevel } from '../../../shared/agencies';
import type { Language } from '../../../shared/languages';
import type { Role } from '../../../shared/roles';
import type { LoginStage } from '../../../shared/schemas/auth';
import type { Db } from '../../db/client';
import { preparedFor } from '../../db/prepared';
import { agencies, sessions, users } from '../../db/schema';

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  agencyId: number;
  agencyNameVi: string;
  agencyNameEn: string;
  agencyLevel: AgencyLevel;
  /** The account's language (the interface's after login, and the mails'). */
  language: Language;
}

interface SessionSettings {
  SESSION_SECRET: string;
  SESSION_TTL_HOURS: number;
  /** Absolute lifetime from login (default 24 h): no activity extends a session past it. */
  SESSION_MAX_HOURS?: number;
  /** 0 turns the cache off. */
  SESSION_CACHE_MS?: number;
}

const maxHours = (settings: SessionSettings) => settings.SESSION_MAX_HOURS ?? 24;

/** The earliest login whose session may still stand at `now`. */
const loggedInSince = (settings: SessionSettings, now: Date) =>
  new Date(now.getTime() - maxHours(settings) * 3_600_000);

/** Sessions are looked up by a keyed hash of the token, never by the token itself. */
function sessionId(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

/** The stored id of a session token (to keep this session while ending the user's others). */
export function sessionIdOf(settings: Pick<SessionSettings, 'SESSION_SECRET'>, token: string): string {
  return sessionId(settings.SESSION_SECRET, token);
}

export async function createSession(
  db: Db,
  settings: SessionSettings,
  userId: number,
  meta: { ip?: string; userAgent?: string },
  stage: LoginStage = 'full',
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(
    Date.now() + Math.min(settings.SESSION_TTL_HOURS, maxHours(settings)) * 3_600_000,
  );
  await db.insert(sessions).values({
    id: sessionId(settings.SESSION_SECRET, token),
    userId,
    expiresAt,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    stage,
  });
  return { token, expiresAt };
}

/**
 * Resolved sessions, kept for SESSION_CACHE_MS (config, default 1 s) so that a page's burst of requests (and a busy client)
 * costs one lookup, not one per request: on this machine a database round trip is about a millisecond,
 * as much as a small query itself (issue 7, README "Performance"). In this process a logout or a change
 * of a user's rights (`forgetUserSessions`) takes effect at once; another server process sees it within
 * SESSION_CACHE_MS. Keyed by the session's hash, per database.
 */
const SESSION_CACHE_MAX = 10_000;
const sessionCache = new Map<string, { db: Db; session: ResolvedSession; at: number; expiresAt: number }>();

function rememberSession(db: Db, id: string, session: ResolvedSession, at: number, expiresAt: number): void {
  if (sessionCache.size >= SESSION_CACHE_MAX) {
    for (const [key, entry] of sessionCache)
      if (at >= entry.expiresAt || at - entry.at >= 60_000) sessionCache.delete(key);
    if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.clear();
  }
  sessionCache.set(id, { db, session, at, expiresAt });
}

/** Drops the cached sessions of a user whose rights changed or whose sessions were ended. */
export function forgetUserSessions(userId: number): void {
  for (const [key, entry] of sessionCache) if (entry.session.user.id === userId) sessionCache.delete(key);
}

/** A live session: its user, and how far its login has gone (only 'full' opens the application). */
export interface ResolvedSession {
  user: SessionUser;
  stage: LoginStage;
}

/**
 * The lookup of every request whose session is not in the cache, built once per database. By the session's
 * key: PostgreSQL plans it the same for every session (docs/decisions/0019-prepared-statements.md).
 */
const sessionLookup = preparedFor('generic', (db) =>
  db
    .select({
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      role: users.role,
      agencyId: users.agencyId,
      agencyNameVi: agencies.nameVi,
      agencyNameEn: agencies.nameEn,
      agencyLevel: agencies.level,
      language: users.language,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      createdAt: sessions.createdAt,
      stage: sessions.stage,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.createdAt, sql.placeholder('loggedInSince')),
        eq(users.active, true),
      ),
    )
    .limit(1)
    .prepare('session_lookup'),
);

/** The user of a live session; slides the expiry forward at most once a minute. */
export async function resolveSession(
  db: Db,
  settings: SessionSettings,
  token: string,
): Promise<ResolvedSession | null> {
  if (token.length > 100) return null;
  const id = sessionId(settings.SESSION_SECRET, token);
  const now = new Date();
  const cacheMs = settings.SESSION_CACHE_MS ?? 0;
  const cached = cacheMs > 0 ? sessionCache.get(id) : undefined;
  if (cached && cached.db === db && now.getTime() - cached.at < cacheMs && now.getTime() < cached.expiresAt)
    return cached.session;
  const [row] = await sessionLookup(db).execute({
    id,
    now: now.toISOString(),
    loggedInSince: loggedInSince(settings, now).toISOString(),
  });
  if (!row) return null;
  let expiresAt = row.expiresAt.getTime();
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    // Slides with use, never past the absolute lifetime from login.
    expiresAt = Math.min(
      now.getTime() + settings.SESSION_TTL_HOURS * 3_600_000,
      row.createdAt.getTime() + maxHours(settings) * 3_600_000,
    );
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(expiresAt) })
      .where(eq(sessions.id, id));
  }
  const { lastSeenAt: _seen, expiresAt: _expires, createdAt: _created, stage, ...user } = row;
  const session = { user, stage };
  if (cacheMs > 0) rememberSession(db, id, session, now.getTime(), expiresAt);
  return session;
}

/**
 * Of these tokens, those whose session still stands (not ended, not expired, account active), each with
 * its user's present role and agency: one query, for the live streams' re-check. Never from the cache
 * and never sliding the expiry (an open stream is not activity).
 */
export async function standingSessions(
  db: Db,
  settings: SessionSettings,
  tokens: readonly string[],
): Promise<Map<string, Pick<SessionUser, 'role' | 'agencyId'>>> {
  const result = new Map<string, Pick<SessionUser, 'role' | 'agencyId'>>();
  const ids = new Map(
    tokens.filter((t) => t.length <= 100).map((t) => [sessionId(settings.SESSION_SECRET, t), t]),
  );
  const all = [...ids.keys()];
  for (let i = 0; i < all.length; i += 1000) {
    const rows = await db
      .select({ id: sessions.id, role: users.role, agencyId: users.agencyId })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          inArray(sessions.id, all.slice(i, i + 1000)),
          gt(sessions.expiresAt, new Date()),
          gt(sessions.createdAt, loggedInSince(settings, new Date())),
          eq(sessions.stage, 'full'),
          eq(users.active, true),
        ),
      );
    for (const row of rows) {
      const token = ids.get(row.id);
      if (token) result.set(token, { role: row.role, agencyId: row.agencyId });
    }
  }
  return result;
}

/** Moves a login to its next step (or to 'full'); the session keeps its token and lifetime. */
export async function setSessionStage(
  db: Db,
  settings: SessionSettings,
  token: string,
  stage: LoginStage,
): Promise<void> {
  const id = sessionId(settings.SESSION_SECRET, token);
  await db.update(sessions).set({ stage }).where(eq(sessions.id, id));
  sessionCache.delete(id);
}

export async function deleteSession(db: Db, settings: SessionSettings, token: string): Promise<void> {
  const id = sessionId(settings.SESSION_SECRET, token);
  await db.delete(sessions).where(eq(sessions.id, id));
  sessionCache.delete(id);
}

export async function deleteExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

/** When the session's login began (the second-factor step counts its wrong codes from there). */
export async function sessionStartedAt(
  db: Db,
  settings: SessionSettings,
  token: string,
): Promise<Date | null> {
  const [row] = await db
    .select({ createdAt: sessions.createdAt })
    .from(sessions)
    .where(eq(sessions.id, sessionId(settings.SESSION_SECRET, token)));
  return row?.createdAt ?? null;
}
