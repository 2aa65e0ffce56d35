import { loginInput, okOutput, sessionUserOutput } from '../../../shared/schemas/auth';
import { authedProcedure, publicProcedure, router } from '../../trpc/init';
import { SESSION_COOKIE } from './cookie';
import { logIn } from './service';
import { deleteSession } from './sessions';

export const authRouter = router({
  /** The logged-in user, or null: the client's way to know whether to show the login page. */
  me: publicProcedure.output(sessionUserOutput.nullable()).query(({ ctx }) => ctx.user),

  login: publicProcedure
    .input(loginInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      const { token, expiresAt } = await logIn(ctx.database.db, ctx.config, input, {
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
      return { ok: true as const };
    }),

  logout: authedProcedure.output(okOutput).mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await deleteSession(ctx.database.db, ctx.config, ctx.sessionToken);
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  }),
});
