import {
  agencyCountsOutput,
  agencyIdOutput,
  agencyListInput,
  agencyListOutput,
  createAgencyInput,
  renameAgencyInput,
} from '../../../shared/schemas/agencies';
import { authedProcedure, roleProcedure, router } from '../../trpc/init';
import { countAgenciesByLevel, findAgencies } from './queries';
import { createAgency, renameAgency } from './service';

export const agenciesRouter = router({
  list: authedProcedure
    .input(agencyListInput)
    .output(agencyListOutput)
    .query(({ ctx, input }) => findAgencies(ctx.database.db, input)),

  countsByLevel: authedProcedure
    .output(agencyCountsOutput)
    .query(({ ctx }) => countAgenciesByLevel(ctx.database.db)),

  create: roleProcedure('admin')
    .input(createAgencyInput)
    .output(agencyIdOutput)
    .mutation(({ ctx, input }) => createAgency(ctx.database.db, ctx.user, input)),

  rename: roleProcedure('admin')
    .input(renameAgencyInput)
    .output(agencyIdOutput)
    .mutation(({ ctx, input }) => renameAgency(ctx.database.db, ctx.user, input)),
});
