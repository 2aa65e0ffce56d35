import { TRPCError } from '@trpc/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoginStage } from '../shared/schemas/auth';
import type { Database } from './db/client';
import type { ReadReplica } from './db/replica';
import type { Config } from './env';
import { requestLogin } from './modules/auth/request-session';
import type { SessionUser } from './modules/auth/sessions';
import type { ChangeBus } from './modules/live/bus';
import { appErrorOf, TRPC_CODE } from './trpc/error-map';

export interface AppDeps {
  config: Config;
  database: Database;
}

export interface ServerDeps extends AppDeps {
  bus: ChangeBus;
  /** The streaming replica the aggregates and reports may read from (READ_DATABASE_URL), or none. */
  replica: ReadReplica | null;
}

export interface Context extends ServerDeps {
  /** The signed-in user once the login is complete (stage 'full'); null before. */
  user: SessionUser | null;
  sessionToken: string | null;
  /** The session at whatever step its login stands, for the login's own steps (`stepProcedure`). */
  login: { user: SessionUser; stage: LoginStage } | null;
  req: FastifyRequest;
  res: FastifyReply;
}

export async function createContext(
  deps: ServerDeps,
  req: FastifyRequest,
  res: FastifyReply,
): Promise<Context> {
  const session = await requestLogin(deps, req).catch((error: unknown) => {
    // Outside the procedures' error mapping (server/trpc/init.ts): a database that cannot be reached
    // while the session is looked up is a 503 here too, not a 500.
    const known = appErrorOf(error);
    if (!known) throw error;
    throw new TRPCError({ code: TRPC_CODE[known.code], message: known.message, cause: known });
  });
  const full = session?.stage === 'full';
  return {
    ...deps,
    user: full ? session.user : null,
    sessionToken: session?.token ?? null,
    login: session ? { user: session.user, stage: session.stage } : null,
    req,
    res,
  };
}
