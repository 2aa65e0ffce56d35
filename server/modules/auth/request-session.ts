import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { LoginStage } from '../../../shared/schemas/auth';
import type { Database } from '../../db/client';
import type { Config } from '../../env';
import { sessionCookie } from './cookie';
import { resolveSession, type SessionUser } from './sessions';

/**
 * The signed-in user of a request, from its session cookie: the one way every entry point (tRPC's
 * context, the downloads and uploads, the live stream) authenticates.
 */
export async function requestSession(
  deps: { config: Config; database: Database },
  req: FastifyRequest,
): Promise<{ user: SessionUser; token: string } | null> {
  const login = await requestLogin(deps, req);
  return login?.stage === 'full' ? { user: login.user, token: login.token } : null;
}

/**
 * The session of a request at whatever step its login stands: only the login's own steps (`auth.*`)
 * read it; everything else asks `requestSession`, which opens nothing before the login is complete.
 */
export async function requestLogin(
  deps: { config: Config; database: Database },
  req: FastifyRequest,
): Promise<{ user: SessionUser; token: string; stage: LoginStage } | null> {
  const token = req.cookies[sessionCookie(deps.config).name];
  if (!token) return null;
  const session = await resolveSession(deps.database.db, deps.config, token);
  return session ? { ...session, token } : null;
}
