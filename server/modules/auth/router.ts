import { LOGIN_STAGES, loginInput, loginOutput, meOutput, okOutput } from '../../../shared/schemas/auth';
import { publicProcedure, router, stepProcedure } from '../../trpc/init';
import { SESSION_COOKIE } from './cookie';
import { logIn } from './service';
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
      ctx.res.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.req.protocol === 'https',
        expires: expiresAt,
      });
      return { ok: true as const, stage };
    }),

  /** Ends the session at whatever step its login stands. */
  logout: stepProcedure(...LOGIN_STAGES)
    .output(okOutput)
    .mutation(async ({ ctx }) => {
      await deleteSession(ctx.database.db, ctx.config, ctx.sessionToken);
      ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    }),
});
