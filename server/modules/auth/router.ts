import {
  changePasswordInput,
  changePasswordOutput,
  LOGIN_STAGES,
  loginInput,
  loginOutput,
  meOutput,
  okOutput,
} from '../../../shared/schemas/auth';
import { publicProcedure, router, stepProcedure } from '../../trpc/init';
import { sessionCookie } from './cookie';
import { changePassword, logIn } from './service';
import { deleteSession } from './sessions';

export const authRouter = router({
  /** The logged-in user, or null: the client's way to know whether to show the login page. */
  me: publicProcedure
    .output(meOutput.nullable())
    .query(({ ctx }) => (ctx.login ? { ...ctx.login.user, stage: ctx.login.stage } : null)),

  login: publicProcedure
    .input(loginInput)
    .output(loginOutput)
    .mutation(async ({ ctx, input }) => {
      const { token, expiresAt, stage } = await logIn(ctx.database.db, ctx.config, input, {
        ip: ctx.req.ip,
        userAgent: ctx.req.headers['user-agent'],
      });
      const cookie = sessionCookie(ctx.config);
      ctx.res.setCookie(cookie.name, token, cookie.options(ctx.req.protocol, expiresAt));
      return { ok: true as const, stage };
    }),

  /**
   * The owner's own password change: from the application, or as the login's step when a new password
   * must be chosen (an administrator set it, or a demo account in production). Ends the other sessions.
   */
  changePassword: stepProcedure('full', 'password')
    .input(changePasswordInput)
    .output(changePasswordOutput)
    .mutation(async ({ ctx, input }) => {
      const login = { ...ctx.login, token: ctx.sessionToken };
      const { stage } = await changePassword(ctx.database.db, ctx.config, login, input, { ip: ctx.req.ip });
      return { ok: true as const, stage };
    }),

  /** Ends the session at whatever step its login stands. */
  logout: stepProcedure(...LOGIN_STAGES)
    .output(okOutput)
    .mutation(async ({ ctx }) => {
      await deleteSession(ctx.database.db, ctx.config, ctx.sessionToken);
      const cookie = sessionCookie(ctx.config);
      ctx.res.clearCookie(cookie.name, cookie.options(ctx.req.protocol));
      return { ok: true as const };
    }),
});
