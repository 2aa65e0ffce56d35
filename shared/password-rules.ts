/**
 * The password rules that need no dictionary (NIST SP 800-63B §5.1.1.2), shared by the forms and the
 * server; the common- and breached-password check is the server's (`server/modules/auth/password-policy.ts`),
 * so the dictionary stays out of the browser. No composition rules (digits, symbols, cases): NIST advises
 * against them, since they push people to predictable patterns rather than longer passwords.
 *
 * Twelve characters at least: NIST asks for 8 when the password is one of two factors and 15 when it is
 * the only one. Here MFA is required for the Office, inspectors and administrators in production but
 * optional for agency staff, so most accounts sign in with the password alone; 12 sits between the two,
 * with the dictionary check removing the guessable twelve-character strings, and stays typeable for
 * officials who sign in daily (long passphrases are welcome up to the maximum).
 */
export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing it costs nothing unusual. */
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong' | 'passwordContainsUsername';

/** Length in characters as people count them (code points), not UTF-16 units. */
const lengthOf = (password: string) => [...password].length;

/** The first rule a password breaks, or null; `username` when known (create, change, reset). */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  const length = lengthOf(password);
  if (length < PASSWORD_MIN_LENGTH) return 'passwordTooShort';
  if (length > PASSWORD_MAX_LENGTH) return 'passwordTooLong';
  if (username && password.toLowerCase().includes(username.trim().toLowerCase()))
    return 'passwordContainsUsername';
  return null;
}
