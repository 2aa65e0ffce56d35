import { z } from 'zod';
import { LOGIN_LIMITS } from '../login-rules';

export const loginInput = z.object({
  username: z.string().trim().min(1, 'required').max(LOGIN_LIMITS.username, 'tooLong'),
  password: z.string().min(1, 'required').max(LOGIN_LIMITS.password, 'tooLong'),
});
export type LoginInput = z.infer<typeof loginInput>;
