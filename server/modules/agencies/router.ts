import {
  agencyCountsOutput,
  agencyIdOutput,
  agencyImportInput,
  agencyImportReport,
  agencyListInput,
  agencyListOutput,
  createAgencyInput,
  renameAgencyInput,
} from '../../../shared/schemas/agencies';
import { authedProcedure, roleProcedure, router } from '../../trpc/init';
import { applyAgencyImport, previewAgencyImport } from './import';
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

  /** A unit list (CSV with codes): what it would change, nothing written. */
  importPreview: roleProcedure('admin')
    .input(agencyImportInput)
    .output(agencyImportReport)
    .mutation(({ ctx, input }) => previewAgencyImport(ctx.database.db, input)),

  /** The same list applied: the units added, renamed, moved and ended, and the changes recorded. */
  importApply: roleProcedure('admin')
    .input(agencyImportInput)
    .output(agencyImportReport)
    .mutation(({ ctx, input }) => applyAgencyImport(ctx.database.db, ctx.user, input)),
});
