import { healthOutput } from '../../../shared/schemas/system';
import { publicProcedure, router } from '../../trpc/init';

export const systemRouter = router({
  health: publicProcedure.output(healthOutput).query(async ({ ctx }) => ({
    database: (await ctx.database.ping()) ? ('up' as const) : ('down' as const),
    at: new Date(),
  })),
});
