import { TRPCError } from '@trpc/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from './db/client';
import type { Config } from './env';
import { requestSession } from './modules/auth/request-session';
import type { SessionUser } from './modules/auth/sessions';
import type { ChangeBus } from './modules/live/bus';
import { appErrorOf, TRPC_CODE } from './trpc/error-map';

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
  const session = await requestSession(deps, req).catch((error: unknown) => {
    // Outside the procedures' error mapping (server/trpc/init.ts): a database that cannot be reached
    // while the session is looked up is a 503 here too, not a 500.
    const known = appErrorOf(error);
    if (!known) throw error;
    throw new TRPCError({ code: TRPC_CODE[known.code], message: known.message, cause: known });
  });
  return { ...deps, user: session?.user ?? null, sessionToken: session?.token ?? null, req, res };
}
