import { z } from 'zod';
import { passwordProblem } from '../password-rules';
import { ROLES } from '../roles';
import { positiveId } from './ids';

export const userListInput = z.object({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  /** Only the accounts locked now after repeated failed logins. */
  locked: z.boolean().optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type UserListInput = z.input<typeof userListInput>;

/**
 * A new password by the rules that need no dictionary (`shared/password-rules.ts`); the server adds the
 * common-password check and, where the schema does not carry it, the username.
 */
export const newPassword = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const password = newPassword;

/**
 * An account's mail address, as the administrator's form and the user's own settings take it: trimmed,
 * lower-cased (mailboxes are matched without case), at most 254 characters (RFC 5321), empty for none.
 * The server adds that no other active account has it (`emailTaken`).
 */
export const emailAddress = z
  .string()
  .trim()
  .max(254, 'tooLong')
  .toLowerCase()
  .refine((v) => v === '' || z.email().safeParse(v).success, 'invalidEmail');

export const createUserInput = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, 'invalidUsername'),
    fullName: z.string().trim().min(1, 'required').max(200, 'tooLong'),
    role: z.enum(ROLES),
    agencyId: positiveId(),
    password,
    /** Optional: an account without one gets its notifications in the application only. */
    email: emailAddress.optional(),
  })
  .superRefine((value, ctx) => {
    if (passwordProblem(value.password, value.username) === 'passwordContainsUsername')
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'passwordContainsUsername' });
  });
export type CreateUserInput = z.input<typeof createUserInput>;
/** What a procedure hands its service: parsed once, by the procedure. */
export type CreateUser = z.output<typeof createUserInput>;

export const updateUserInput = z.object({
  id: positiveId(),
  fullName: z.string().trim().min(1, 'required').max(200, 'tooLong').optional(),
  role: z.enum(ROLES).optional(),
  agencyId: positiveId().optional(),
  active: z.boolean().optional(),
  /** Empty: the account has no address any more. */
  email: emailAddress.optional(),
});
export type UpdateUserInput = z.input<typeof updateUserInput>;
/** What a procedure hands its service: parsed once, by the procedure. */
export type UpdateUser = z.output<typeof updateUserInput>;

export const resetPasswordInput = z.object({ id: positiveId(), password });
export type ResetPasswordInput = z.input<typeof resetPasswordInput>;
/** What a procedure hands its service: parsed once, by the procedure. */
export type ResetPassword = z.output<typeof resetPasswordInput>;

export const userListOutput = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      username: z.string(),
      fullName: z.string(),
      role: z.enum(ROLES),
      active: z.boolean(),
      agencyNameVi: z.string(),
      agencyNameEn: z.string(),
      /** Where its notification mails go; null: none (in the application only). */
      email: z.string().nullable(),
      /** Until when logins are refused after repeated failures; null when not locked now. */
      lockedUntil: z.date().nullable(),
      /** Failed logins since the last successful one. */
      failedLogins: z.number(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** A user as created or updated (never the password hash). */
export const userOutput = z.object({
  id: z.number(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  agencyId: z.number(),
  active: z.boolean(),
  email: z.string().nullable(),
});

export const userIdOutput = z.object({ id: z.number() });

/** Why a login failed, as recorded (`server/modules/auth/login-failures.ts`). */
export const LOGIN_FAILURE_REASONS = [
  'password',
  'second_factor',
  'locked',
  'inactive',
  'unknown_user',
] as const;
export type LoginFailureReason = (typeof LOGIN_FAILURE_REASONS)[number];

export const loginFailureListInput = z.object({
  /** The start of the username tried (as typed, any case). */
  username: z.string().trim().max(100).optional(),
  /** Only the failures of the last so many hours. */
  withinHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type LoginFailureListInput = z.input<typeof loginFailureListInput>;

export const loginFailureListOutput = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      at: z.date(),
      usernameTried: z.string(),
      /** Whether the username belongs to an account (its id is not sent). */
      knownUser: z.boolean(),
      ip: z.string().nullable(),
      reason: z.enum(LOGIN_FAILURE_REASONS),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const unlockUserInput = z.object({ id: positiveId() });
