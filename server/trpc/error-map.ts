import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { AppErrorCode } from '../../shared/errors';

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
