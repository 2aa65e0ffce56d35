import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { APP_ERROR_CODES } from '../../shared/errors';
import { errorCodeOf, errorMessage, isRetryable } from './error-message';
import { i18n } from './i18n/i18n';

function trpcError(data: Record<string, unknown> | undefined, meta?: Record<string, unknown>) {
  const error = new TRPCClientError('failed', {
    result: data ? { error: { code: -32000, message: 'failed', data } } : undefined,
    meta,
  });
  return error;
}

describe('errorCodeOf', () => {
  it.each(APP_ERROR_CODES)('reads the app code %s from the error data', (code) => {
    expect(errorCodeOf(trpcError({ appCode: code, httpStatus: 400 }))).toBe(code);
  });

  it('treats an HTTP 429 without an app code as rate limiting', () => {
    expect(errorCodeOf(trpcError(undefined, { response: { status: 429 } }))).toBe('RATE_LIMITED');
  });

  it('tells a stopping server (a plain 503 body) from an unreachable database', () => {
    const stopping = { response: { status: 503 }, responseJSON: { error: 'UNAVAILABLE' } };
    expect(errorCodeOf(trpcError(undefined, stopping))).toBe('UNAVAILABLE');
    expect(errorCodeOf(trpcError(undefined, { response: { status: 503 } }))).toBe('DATABASE_UNAVAILABLE');
  });

  it('calls a failure with no answer from the server a network problem', () => {
    expect(errorCodeOf(trpcError(undefined))).toBe('NETWORK');
  });

  it('falls back to an internal error for anything else', () => {
    expect(errorCodeOf(new Error('boom'))).toBe('INTERNAL');
  });
});

describe('errorMessage', () => {
  it('says wrong credentials in Vietnamese, then in English', async () => {
    const error = trpcError({ appCode: 'INVALID_CREDENTIALS', httpStatus: 401 });
    await i18n.changeLanguage('vi');
    expect(errorMessage(error, i18n.t)).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    await i18n.changeLanguage('en');
    expect(errorMessage(error, i18n.t)).toBe('The username or password is incorrect.');
    await i18n.changeLanguage('vi');
  });

  it.each(['vi', 'en'] as const)('has a distinct %s message for every code', async (language) => {
    await i18n.changeLanguage(language);
    const messages = APP_ERROR_CODES.map((code) => errorMessage(trpcError({ appCode: code }), i18n.t));
    expect(new Set(messages).size).toBe(APP_ERROR_CODES.length);
    for (const message of messages) expect(message).not.toMatch(/^errors\./);
    await i18n.changeLanguage('vi');
  });
});

describe('a locked login', () => {
  const locked = (details?: Record<string, unknown>) =>
    trpcError({ appCode: 'RATE_LIMITED', httpStatus: 429, details });

  it('says the minutes left, rounded up, and the seconds in the last minute', () => {
    expect(errorMessage(locked({ retryAfterSeconds: 121 }), i18n.t)).toMatch(/thử lại sau 3 phút\.$/);
    expect(errorMessage(locked({ retryAfterSeconds: 59 }), i18n.t)).toMatch(/thử lại sau 59 giây\.$/);
  });

  it('keeps the general words when the server did not say how long (the address limiter)', () => {
    expect(errorMessage(locked(), i18n.t)).toBe(i18n.t('errors.RATE_LIMITED'));
    expect(errorMessage(trpcError(undefined, { response: { status: 429 } }), i18n.t)).toBe(
      i18n.t('errors.RATE_LIMITED'),
    );
  });
});

describe('isRetryable', () => {
  it('offers to try again after a failure of the server or the connection', () => {
    for (const code of ['INTERNAL', 'NETWORK', 'DATABASE_UNAVAILABLE', 'UNAVAILABLE'] as const)
      expect([code, isRetryable(code)]).toEqual([code, true]);
  });

  it('does not after a refusal, a missing row or bad input: the answer would be the same', () => {
    for (const code of ['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED', 'VALIDATION'] as const)
      expect([code, isRetryable(code)]).toEqual([code, false]);
  });
});
