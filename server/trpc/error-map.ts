import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { AppError, type AppErrorCode } from '../../shared/errors';

/**
 * The one map from a service's error code to the wire: tRPC sends the code below (and its HTTP status),
 * the HTTP routes (`server/http/kit.ts`) send the same status.
 */
export const TRPC_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  UNAUTHENTICATED: 'UNAUTHORIZED',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  ACCOUNT_DISABLED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  VALIDATION: 'BAD_REQUEST',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  DATABASE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

/** tRPC's own errors (bad input, unknown procedure…) as app codes, for the client's messages. */
export const APP_CODE: Partial<Record<TRPC_ERROR_CODE_KEY, AppErrorCode>> = {
  UNAUTHORIZED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  BAD_REQUEST: 'VALIDATION',
  PARSE_ERROR: 'VALIDATION',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
};

/** The HTTP status of each code: the status tRPC answers with, for the HTTP routes to answer the same. */
export const HTTP_STATUS = Object.fromEntries(
  Object.entries(TRPC_CODE).map(([app, trpc]) => [
    app,
    getHTTPStatusCodeFromError(new TRPCError({ code: trpc })),
  ]),
) as Record<AppErrorCode, number>;

/**
 * Database states that mean "not reachable now" (PostgreSQL's class 08 and shutdown codes, postgres.js's
 * and Node's socket codes): the caller gets DATABASE_UNAVAILABLE (503 with Retry-After), not a 500.
 */
const UNAVAILABLE = new Set([
  '57P01',
  '57P02',
  '57P03',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // A write into a connection that was just closed (server/db/client.ts, LateCloseSocket).
  'ERR_STREAM_DESTROYED',
  'ERR_SOCKET_CLOSED',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);
/**
 * Values the database refused as such (a number out of its type's range, an impossible date, a NUL
 * character): the request was bad, nothing was written, the caller gets VALIDATION (400).
 */
const BAD_VALUE = new Set(['22P02', '22003', '22008', '22007', '22021', '22P05', '54000']);

/**
 * The app error an unknown failure amounts to, looking through wrapped causes (drizzle wraps the
 * driver's error): an AppError as it is, a database that is unreachable or a value it refused as their
 * codes, anything else null (an internal error, answered without detail and logged).
 */
export function appErrorOf(error: unknown): AppError | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof AppError) return e;
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (UNAVAILABLE.has(code) || code.startsWith('08')) return new AppError('DATABASE_UNAVAILABLE');
    if (BAD_VALUE.has(code)) return new AppError('VALIDATION', 'badValue');
  }
  return null;
}
