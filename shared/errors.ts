/**
 * Error codes the server sends in `error.data.appCode`; the client shows each in the user's language
 * (client/lib/i18n). Services throw `AppError(code)`; one map turns codes into tRPC codes and HTTP statuses,
 * for the procedures and the HTTP routes alike (`server/trpc/error-map.ts`).
 */
export const APP_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'VALIDATION',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'RATE_LIMITED',
  'DATABASE_UNAVAILABLE',
  /** The server is stopping (a restart or a new version): try again in a moment. */
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === 'string' && (APP_ERROR_CODES as readonly string[]).includes(value);
}
