import { z } from 'zod';
import { AGENCY_LEVELS } from '../agencies';
import { LANGUAGES } from '../languages';
import { LOGIN_LIMITS } from '../login-rules';
import { ROLES } from '../roles';
import { newPassword } from './users';

export const loginInput = z.object({
  username: z.string().trim().min(1, 'required').max(LOGIN_LIMITS.username, 'tooLong'),
  password: z.string().min(1, 'required').max(LOGIN_LIMITS.password, 'tooLong'),
});
export type LoginInput = z.infer<typeof loginInput>;

/** The signed-in user as the client knows it (`auth.me`; null when signed out). */
export const sessionUserOutput = z.object({
  id: z.number(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  agencyId: z.number(),
  agencyNameVi: z.string(),
  agencyNameEn: z.string(),
  agencyLevel: z.enum(AGENCY_LEVELS),
  /** The account's language: the interface switches to it after login (docs/decisions/0027). */
  language: z.enum(LANGUAGES),
});

/** The user's own language (`auth.setLanguage`): the interface's and the mails'. */
export const setLanguageInput = z.object({ language: z.enum(LANGUAGES) });
export type SetLanguageInput = z.infer<typeof setLanguageInput>;
export const setLanguageOutput = z.object({ language: z.enum(LANGUAGES) });

export const okOutput = z.object({ ok: z.literal(true) });

/**
 * How far a login has gone (server/modules/auth/stages.ts): 'full' opens the application; the others
 * open only their step: 'mfa' (the second factor), 'password' (a new password must be chosen first),
 * 'enroll' (the role requires MFA and none is set up yet).
 */
export const LOGIN_STAGES = ['full', 'mfa', 'password', 'enroll'] as const;
export type LoginStage = (typeof LOGIN_STAGES)[number];

/** What `auth.me` answers: the user of the session, and how far its login has gone. */
export const meOutput = sessionUserOutput.extend({ stage: z.enum(LOGIN_STAGES) });

/** Self-service password change (`auth.changePassword`): the server adds the dictionary and username checks. */
export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, 'required').max(LOGIN_LIMITS.password, 'tooLong'),
  newPassword,
});
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

export const changePasswordOutput = z.object({ ok: z.literal(true), stage: z.enum(LOGIN_STAGES) });

export const loginOutput = z.object({ ok: z.literal(true), stage: z.enum(LOGIN_STAGES) });
