import {
  changePasswordInput,
  changePasswordOutput,
  LOGIN_STAGES,
  loginInput,
  loginOutput,
  meOutput,
  okOutput,
  setLanguageInput,
  setLanguageOutput,
} from '../../../shared/schemas/auth';
import {
  confirmEnrollmentOutput,
  enrollmentOutput,
  mfaStatusOutput,
  recoveryCodesOutput,
  stageOutput,
  totpCodeInput,
  verifyMfaInput,
} from '../../../shared/schemas/mfa';
import { authedProcedure, publicProcedure, router, stepProcedure } from '../../trpc/init';
import { sessionCookie } from './cookie';
import {
  beginEnrollment,
  confirmEnrollment,
  disableMfa,
  mfaStatus,
  regenerateRecoveryCodes,
  verifyMfa,
} from './mfa';
import { changePassword, logIn, setOwnLanguage } from './service';
import { deleteSession } from './sessions';

/** The second factor (TOTP and recovery codes, `./mfa.ts`): the login's 'mfa' and 'enroll' steps, and the account page. */
const mfaProcedures = {
  verifyMfa: stepProcedure('mfa')
    .input(verifyMfaInput)
    .output(stageOutput)
    .mutation(({ ctx, input }) =>
      verifyMfa(
        ctx.database.db,
        ctx.config,
        { userId: ctx.login.user.id, token: ctx.sessionToken },
        input.code,
        { ip: ctx.req.ip },
      ),
    ),

  /** At the 'enroll' step, or from the account page for a role where MFA is optional. */
  beginEnrollment: stepProcedure('enroll', 'full')
    .output(enrollmentOutput)
    .mutation(({ ctx }) => beginEnrollment(ctx.database.db, ctx.config, ctx.login.user.id)),

  confirmEnrollment: stepProcedure('enroll', 'full')
    .input(totpCodeInput)
    .output(confirmEnrollmentOutput)
    .mutation(({ ctx, input }) =>
      confirmEnrollment(
        ctx.database.db,
        ctx.config,
        { userId: ctx.login.user.id, token: ctx.sessionToken, stage: ctx.login.stage },
        input.code,
      ),
    ),

  mfaStatus: authedProcedure
    .output(mfaStatusOutput)
    .query(({ ctx }) => mfaStatus(ctx.database.db, ctx.config, ctx.user.id)),

  regenerateRecoveryCodes: authedProcedure
    .input(totpCodeInput)
    .output(recoveryCodesOutput)
    .mutation(({ ctx, input }) =>
      regenerateRecoveryCodes(
        ctx.database.db,
        ctx.config,
        { userId: ctx.user.id, token: ctx.sessionToken ?? '' },
        input.code,
        { ip: ctx.req.ip },
      ),
    ),

  disableMfa: authedProcedure
    .input(totpCodeInput)
    .output(okOutput)
    .mutation(({ ctx, input }) =>
      disableMfa(
        ctx.database.db,
        ctx.config,
        { userId: ctx.user.id, token: ctx.sessionToken ?? '' },
        input.code,
        { ip: ctx.req.ip },
      ),
    ),
};

export const authRouter = router({
  /** The logged-in user, or null: the client's way to know whether to show the login page. */
  me: publicProcedure
    .output(meOutput.nullable())
    .query(({ ctx }) => (ctx.login ? { ...ctx.login.user, stage: ctx.login.stage } : null)),

  /** The user's own language: the interface's after login and their mails' (docs/decisions/0027). */
  setLanguage: authedProcedure
    .input(setLanguageInput)
    .output(setLanguageOutput)
    .mutation(({ ctx, input }) => setOwnLanguage(ctx.database.db, ctx.user, input.language)),

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

  ...mfaProcedures,
});
