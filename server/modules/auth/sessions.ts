import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { AgencyLevel } from '../../../shared/agencies';
import type { Role } from '../../../shared/roles';
import type { Db } from '../../db/client';
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
}

interface SessionSettings {
  SESSION_SECRET: string;
  SESSION_TTL_HOURS: number;
}

/** Sessions are looked up by a keyed hash of the token, never by the token itself. */
function sessionId(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

export async function createSession(
  db: Db,
  settings: SessionSettings,
  userId: number,
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + settings.SESSION_TTL_HOURS * 3_600_000);
  await db.insert(sessions).values({
    id: sessionId(settings.SESSION_SECRET, token),
    userId,
    expiresAt,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

/** The user of a live session; slides the expiry forward at most once a minute. */
export async function resolveSession(
  db: Db,
  settings: SessionSettings,
  token: string,
): Promise<SessionUser | null> {
  if (token.length > 100) return null;
  const id = sessionId(settings.SESSION_SECRET, token);
  const now = new Date();
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      role: users.role,
      agencyId: users.agencyId,
      agencyNameVi: agencies.nameVi,
      agencyNameEn: agencies.nameEn,
      agencyLevel: agencies.level,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + settings.SESSION_TTL_HOURS * 3_600_000) })
      .where(eq(sessions.id, id));
  }
  const { lastSeenAt: _seen, ...user } = row;
  return user;
}

export async function deleteSession(db: Db, settings: SessionSettings, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId(settings.SESSION_SECRET, token)));
}

export async function deleteExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
