import { z } from 'zod';
import { LOGIN_STAGES } from './auth';
import { positiveId } from './ids';

/** Digits of a TOTP code (RFC 6238 as authenticator apps use it: SHA-1, 30 s). */
export const TOTP_DIGITS = 6;
/** Recovery codes handed out at once; each is good once. */
export const RECOVERY_CODE_COUNT = 10;

/**
 * A code typed by the person: 6 digits from the app, or a recovery code (`abcde-fghjk`); spaces and
 * hyphens are forgiven by the server, which tells the two apart.
 */
const code = z.string().trim().min(1, 'required').max(40, 'tooLong');

/** The second step of a login: a TOTP code or a recovery code. */
export const verifyMfaInput = z.object({ code });
/** A code from the app only (enrolment, new recovery codes, turning MFA off). */
export const totpCodeInput = z.object({
  code: z
    .string()
    .trim()
    .transform((v) => v.replace(/\s+/g, ''))
    .pipe(z.string().regex(new RegExp(`^\\d{${TOTP_DIGITS}}$`), 'sixDigits')),
});
export type TotpCodeInput = z.input<typeof totpCodeInput>;

export const stageOutput = z.object({ stage: z.enum(LOGIN_STAGES) });

/** A fresh secret awaiting its first code: the URI for the QR code and the secret for typing by hand. */
export const enrollmentOutput = z.object({ uri: z.string(), secret: z.string() });

/** Recovery codes, in clear this once only; the server keeps their keyed hashes. */
export const recoveryCodesOutput = z.object({ recoveryCodes: z.array(z.string()) });

export const confirmEnrollmentOutput = stageOutput.extend(recoveryCodesOutput.shape);

/** The account page's view of a user's second factor. */
export const mfaStatusOutput = z.object({
  enabled: z.boolean(),
  enabledAt: z.date().nullable(),
  /** The user's role must use MFA (MFA_REQUIRED_ROLES): it cannot be turned off. */
  required: z.boolean(),
  recoveryCodesLeft: z.number(),
});

export const resetMfaInput = z.object({ id: positiveId() });
