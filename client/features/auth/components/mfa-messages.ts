import type { i18n as I18n, TFunction } from 'i18next';
import { describeServerError } from '../../../components/form-errors';
import { errorCodeOf } from '../../../lib/error-message';

/** A refused code in the user's language: the service's reasons (`server/modules/auth/mfa.ts`), else the generic message. */
export function mfaErrorText(error: unknown, t: TFunction, i18n: Pick<I18n, 'exists'>): string {
  // Keys are composed from the server's reason, so the catalogue's key types cannot check them.
  const say = t as unknown as (key: string) => string;
  return describeServerError(error, t, (reason) => {
    for (const key of [`mfa.errors.${reason}`, `mfa.${reason}`]) if (i18n.exists(key)) return say(key);
    return undefined;
  }).message;
}

/** The session was ended (too many wrong codes, or it expired): only a new login helps. */
export function sessionEnded(error: unknown): boolean {
  return errorCodeOf(error) === 'UNAUTHENTICATED';
}
