import { z } from 'zod';
import { ROLES } from '../roles';
import { positiveId } from './ids';

export const userListInput = z.object({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type UserListInput = z.input<typeof userListInput>;

const password = z.string().min(10, 'passwordTooShort').max(200, 'tooLong');

export const createUserInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, 'invalidUsername'),
  fullName: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  role: z.enum(ROLES),
  agencyId: positiveId(),
  password,
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
});

export const userIdOutput = z.object({ id: z.number() });
