import type { TFunction } from 'i18next';
import { type AppErrorCode, isAppErrorCode } from '../../shared/errors';
import { isTrpcClientError } from './trpc';

/** What the client can tell the user: a server code, or that the server could not be reached. */
export type ClientErrorCode = AppErrorCode | 'NETWORK';

function httpStatusOf(error: { data?: unknown; meta?: Record<string, unknown> }): number | undefined {
  const data = error.data as { httpStatus?: unknown } | null | undefined;
  if (typeof data?.httpStatus === 'number') return data.httpStatus;
  const response = error.meta?.response;
  if (
    response &&
    typeof response === 'object' &&
    'status' in response &&
    typeof response.status === 'number'
  ) {
    return response.status;
  }
  return undefined;
}

export function errorCodeOf(error: unknown): ClientErrorCode {
  if (!isTrpcClientError(error)) return 'INTERNAL';
  const appCode = (error.data as { appCode?: unknown } | null | undefined)?.appCode;
  const status = httpStatusOf(error);
  // The rate limiter answers before tRPC does, so its 429 carries no app code.
  if (status === 429) return 'RATE_LIMITED';
  if (isAppErrorCode(appCode)) return appCode;
  // A stopping server answers before tRPC does, with its code in a plain body.
  const plain = (error.meta?.responseJSON as { error?: unknown } | undefined)?.error;
  if (status === 503) return plain === 'UNAVAILABLE' ? 'UNAVAILABLE' : 'DATABASE_UNAVAILABLE';
  if (status === undefined && !error.data) return 'NETWORK';
  return 'INTERNAL';
}

/** How long a locked login still waits, when the server said (`lockedOutError`'s `retryAfterSeconds`). */
function retryAfterSecondsOf(error: unknown): number | undefined {
  if (!isTrpcClientError(error)) return undefined;
  const seconds = (error.data as { details?: { retryAfterSeconds?: unknown } | null } | null | undefined)
    ?.details?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

export function errorMessage(error: unknown, t: TFunction): string {
  const code = errorCodeOf(error);
  const wait = code === 'RATE_LIMITED' ? retryAfterSecondsOf(error) : undefined;
  if (wait === undefined) return t(`errors.${code}`);
  // Whole minutes, rounded up so that trying again when told to works; seconds in the last minute.
  return wait < 60
    ? t('lockout.seconds', { count: Math.ceil(wait) })
    : t('lockout.minutes', { count: Math.ceil(wait / 60) });
}

/**
 * Whether asking again can change the answer: a server or connection that failed may answer next time;
 * a refusal, a row that is not there or bad input will answer the same, so no "try again" for them.
 */
export function isRetryable(code: ClientErrorCode): boolean {
  return !NOT_RETRYABLE.has(code);
}

const NOT_RETRYABLE = new Set<ClientErrorCode>([
  'FORBIDDEN',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'VALIDATION',
]);
