import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/client';
import type { Config } from '../../env';
import { SESSION_COOKIE } from './cookie';
import { resolveSession, type SessionUser } from './sessions';

/**
 * The signed-in user of a request, from its session cookie: the one way every entry point (tRPC's
 * context, the downloads and uploads, the live stream) authenticates.
 */
export async function requestSession(
  deps: { config: Config; database: Database },
  req: FastifyRequest,
): Promise<{ user: SessionUser; token: string } | null> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return null;
  const user = await resolveSession(deps.database.db, deps.config, token);
  return user ? { user, token } : null;
}
