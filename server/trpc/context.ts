import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/client';
import type { Config } from '../env';
import { SESSION_COOKIE } from '../modules/auth/cookie';
import { resolveSession, type SessionUser } from '../modules/auth/sessions';
import type { ChangeBus } from '../modules/live/bus';

export interface AppDeps {
  config: Config;
  database: Database;
}

export interface ServerDeps extends AppDeps {
  bus: ChangeBus;
}

export interface Context extends ServerDeps {
  user: SessionUser | null;
  sessionToken: string | null;
  req: FastifyRequest;
  res: FastifyReply;
}

export async function createContext(
  deps: ServerDeps,
  req: FastifyRequest,
  res: FastifyReply,
): Promise<Context> {
  const token = req.cookies[SESSION_COOKIE] ?? null;
  const user = token ? await resolveSession(deps.database.db, deps.config, token) : null;
  return { ...deps, user, sessionToken: user ? token : null, req, res };
}
