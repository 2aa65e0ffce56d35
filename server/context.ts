import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from './db/client';
import type { Config } from './env';
import { requestSession } from './modules/auth/request-session';
import type { SessionUser } from './modules/auth/sessions';
import type { ChangeBus } from './modules/live/bus';

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
  const session = await requestSession(deps, req);
  return { ...deps, user: session?.user ?? null, sessionToken: session?.token ?? null, req, res };
}
