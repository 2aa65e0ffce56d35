import { z } from 'zod';
import { ROLES } from '../../../shared/roles';
import {
  createUserInput,
  resetPasswordInput,
  updateUserInput,
  userListInput,
} from '../../../shared/schemas/users';
import { roleProcedure, router } from '../../trpc/init';
import { findUsers } from './queries';
import { createUser, resetPassword, updateUser } from './service';

export const usersRouter = router({
  list: roleProcedure('admin')
    .input(userListInput)
    .output(
      z.object({
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
      }),
    )
    .query(({ ctx, input }) => findUsers(ctx.database.db, input)),

  create: roleProcedure('admin')
    .input(createUserInput)
    .mutation(({ ctx, input }) => createUser(ctx.database.db, ctx.user, input)),

  update: roleProcedure('admin')
    .input(updateUserInput)
    .mutation(({ ctx, input }) => updateUser(ctx.database.db, ctx.user, input)),

  resetPassword: roleProcedure('admin')
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx.database.db, ctx.user, input)),
});
