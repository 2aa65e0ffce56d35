import { z } from 'zod';
import { AGENCY_KINDS, AGENCY_LEVELS } from '../../../shared/agencies';
import { agencyListInput, createAgencyInput, renameAgencyInput } from '../../../shared/schemas/agencies';
import { authedProcedure, roleProcedure, router } from '../../trpc/init';
import { countAgenciesByLevel, findAgencies } from './queries';
import { createAgency, renameAgency } from './service';

const agencyItem = z.object({
  id: z.number(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  kind: z.enum(AGENCY_KINDS),
  level: z.enum(AGENCY_LEVELS),
  parentId: z.number().nullable(),
  parentNameVi: z.string().nullable(),
  parentNameEn: z.string().nullable(),
  childCount: z.number(),
});

export const agenciesRouter = router({
  list: authedProcedure
    .input(agencyListInput)
    .output(
      z.object({ items: z.array(agencyItem), total: z.number(), page: z.number(), pageSize: z.number() }),
    )
    .query(({ ctx, input }) => findAgencies(ctx.database.db, input)),

  countsByLevel: authedProcedure
    .output(z.array(z.object({ level: z.enum(AGENCY_LEVELS), n: z.number() })))
    .query(({ ctx }) => countAgenciesByLevel(ctx.database.db)),

  create: roleProcedure('admin')
    .input(createAgencyInput)
    .mutation(({ ctx, input }) => createAgency(ctx.database.db, ctx.user, input)),

  rename: roleProcedure('admin')
    .input(renameAgencyInput)
    .mutation(({ ctx, input }) => renameAgency(ctx.database.db, ctx.user, input)),
});
