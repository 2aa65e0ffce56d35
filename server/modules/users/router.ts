import { USER_ADMIN_ROLES } from '../../../shared/page-access';
import { resetMfaInput } from '../../../shared/schemas/mfa';
import {
  createUserInput,
  loginFailureListInput,
  loginFailureListOutput,
  resetPasswordInput,
  unlockUserInput,
  updateUserInput,
  userIdOutput,
  userListInput,
  userListOutput,
  userOutput,
} from '../../../shared/schemas/users';
import { roleProcedure, router } from '../../trpc/init';
import { findLoginFailures } from '../auth/login-failures';
import { resetUserMfa } from '../auth/mfa';
import { findUsers } from './queries';
import { createUser, resetPassword, unlockUser, updateUser } from './service';

export const usersRouter = router({
  list: roleProcedure(...USER_ADMIN_ROLES)
    .input(userListInput)
    .output(userListOutput)
    .query(({ ctx, input }) => findUsers(ctx.database.db, input)),

  create: roleProcedure('admin')
    .input(createUserInput)
    .output(userOutput)
    .mutation(({ ctx, input }) => createUser(ctx.database.db, ctx.user, input)),

  update: roleProcedure('admin')
    .input(updateUserInput)
    .output(userOutput)
    .mutation(({ ctx, input }) => updateUser(ctx.database.db, ctx.user, input)),

  resetPassword: roleProcedure('admin')
    .input(resetPasswordInput)
    .output(userIdOutput)
    .mutation(({ ctx, input }) => resetPassword(ctx.database.db, ctx.user, input)),

  /** For a person who lost both the authenticator and the recovery codes (audited). */
  resetMfa: roleProcedure('admin')
    .input(resetMfaInput)
    .output(userIdOutput)
    .mutation(({ ctx, input }) => resetUserMfa(ctx.database.db, ctx.user, input.id)),
  /** Lifts the lock a run of failed logins put on an account (audited). */
  unlock: roleProcedure('admin')
    .input(unlockUserInput)
    .output(userIdOutput)
    .mutation(({ ctx, input }) => unlockUser(ctx.database.db, ctx.user, input.id)),

  /** Recent failed logins, newest first, for the administrator: who was tried, from where, why. */
  loginFailures: roleProcedure('admin')
    .input(loginFailureListInput)
    .output(loginFailureListOutput)
    .query(({ ctx, input }) => findLoginFailures(ctx.database.db, input)),
});
