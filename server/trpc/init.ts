import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError, ZodRealError } from 'zod';
import { AppError, type AppErrorCode } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import type { LoginStage } from '../../shared/schemas/auth';
import { nulCharacterPath } from '../../shared/text';
import type { Context } from '../context';
import { readNodeOf, rememberWrite, retryOnPrimary } from '../http/read-node';
import { APP_CODE, appErrorOf, TRPC_CODE } from './error-map';
import { transformer } from './transformer';

/** SSE settings, shared by tRPC and the live stream's own fan-out (`server/modules/live/hub.ts`). */
export const SSE_PING_INTERVAL_MS = 15_000;
export const SSE_CLIENT_OPTIONS = { reconnectAfterInactivityMs: 40_000 };

const t = initTRPC.context<Context>().create({
  transformer,
  sse: {
    ping: { enabled: true, intervalMs: SSE_PING_INTERVAL_MS },
    client: SSE_CLIENT_OPTIONS,
  },
  /** The one place errors take their wire shape: an app code for the client's messages, never a stack or SQL. */
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const appCode: AppErrorCode =
      cause instanceof AppError ? cause.code : (APP_CODE[error.code] ?? 'INTERNAL');
    const issues =
      cause instanceof ZodError
        ? cause.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message }))
        : undefined;
    return {
      code: shape.code,
      message:
        appCode === 'INTERNAL'
          ? 'Internal server error'
          : cause instanceof ZodError
            ? 'VALIDATION'
            : error.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        appCode,
        issues,
        details: cause instanceof AppError ? cause.details : undefined,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Services throw AppError; here, and only here, it becomes a TRPCError with the right status. A database
 * that cannot be reached or a value it refused become theirs too (`appErrorOf`, shared with the HTTP
 * routes), so neither answers 500.
 */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  const cause = result.ok ? null : appErrorOf(result.error.cause);
  if (!result.ok && cause) {
    return {
      ...result,
      error: new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause }),
    };
  }
  return result;
});

/**
 * A NUL character in any text of the input (`nulCharacterPath`) is refused as a validation issue naming
 * its field, before the input's own schema runs: no text column can store one.
 */
const refuseNulCharacters = t.middleware(async ({ getRawInput, next }) => {
  const path = nulCharacterPath(await getRawInput());
  if (path) {
    const issue = { code: 'custom' as const, path, message: 'invalidCharacter', input: undefined };
    // ZodRealError: the Error subclass a schema's own parse throws (a plain ZodError is not an Error).
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'VALIDATION', cause: new ZodRealError([issue]) });
  }
  return next();
});

export const publicProcedure = t.procedure.use(mapAppErrors).use(refuseNulCharacters);

/**
 * With a read replica, a signed-in user's successful write leaves the primary's WAL position in the
 * browser (`rememberWrite`): whichever process serves that user's next report, it reads where the write is.
 */
const rememberWrites = t.middleware(async ({ ctx, type, next }) => {
  const result = await next();
  if (type === 'mutation' && result.ok && ctx.replica) {
    // The write is committed whatever happens here: its answer stands.
    await rememberWrite(ctx, ctx.req, ctx.res).catch((err: unknown) =>
      ctx.req.log.warn({ err }, 'could not read the WAL position after a write'),
    );
  }
  return result;
});

export const authedProcedure = publicProcedure.use(rememberWrites).use(({ ctx, next }) => {
  if (!ctx.user) throw new AppError('UNAUTHENTICATED');
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/**
 * A step of the login (`auth.*`): open to a session whose login stands at one of these stages, which
 * opens nothing else (`authedProcedure` wants 'full').
 */
export function stepProcedure(...stages: LoginStage[]) {
  return publicProcedure.use(({ ctx, next }) => {
    if (!ctx.login || !ctx.sessionToken || !stages.includes(ctx.login.stage))
      throw new AppError('UNAUTHENTICATED');
    return next({ ctx: { ...ctx, login: ctx.login, sessionToken: ctx.sessionToken } });
  });
}

/** A procedure only the given roles may call; row-level checks stay in the services. */
export function roleProcedure(...roles: Role[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) throw new AppError('FORBIDDEN');
    return next();
  });
}

/**
 * A read-only aggregate or report (the dashboard and its ranking, KPIs, compliance, the monthly report),
 * for the given roles (none: every signed-in user). It reads `ctx.readDb`: the read replica when one is
 * configured and has replayed what this user wrote or was shown, else the primary
 * (server/http/read-node.ts); a replica failing under the read has it run again on the primary.
 */
export function reportProcedure(...roles: Role[]) {
  return (roles.length > 0 ? roleProcedure(...roles) : authedProcedure).use(async ({ ctx, next }) => {
    const node = await readNodeOf(ctx, ctx.req);
    const result = await next({ ctx: { readDb: node.db } });
    if (result.ok || !node.onReplica || !ctx.replica || !retryOnPrimary(ctx.replica, result.error.cause))
      return result;
    return next({ ctx: { readDb: ctx.database.db } });
  });
}
