import { z } from 'zod';
import { AGENCY_LEVELS } from '../agencies';
import { LOGIN_LIMITS } from '../login-rules';
import { ROLES } from '../roles';

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
});

export const okOutput = z.object({ ok: z.literal(true) });
