import { z } from 'zod';
import {
  createTemplateInput,
  setTemplateActiveInput,
  updateTemplateInput,
} from '../../../shared/schemas/templates';
import { roleProcedure, router } from '../../trpc/init';
import { getTemplate, listKpiOptions, listTemplateVersions } from './queries';
import { createTemplate, setTemplateActive, updateTemplate } from './service';

/**
 * Report templates (reporting regimes) and their versions. Oversight roles read them; only the
 * administrator changes them. Agencies get the regimes that oblige them through `submissions.*`.
 */
const readers = roleProcedure('office', 'inspector', 'admin');
const writeResult = z.object({
  id: z.number(),
  code: z.string(),
  version: z.number(),
  editVersion: z.number(),
  created: z.boolean(),
});

export const templatesRouter = router({
  list: readers.query(({ ctx }) => listTemplateVersions(ctx.database.db)),
  get: readers
    .input(z.object({ id: z.number().int().positive() }))
    .query(({ ctx, input }) => getTemplate(ctx.database.db, input.id)),
  kpiOptions: readers.query(({ ctx }) => listKpiOptions(ctx.database.db)),

  create: roleProcedure('admin')
    .input(createTemplateInput)
    .output(writeResult)
    .mutation(({ ctx, input }) => createTemplate(ctx.database.db, ctx.user, input)),
  update: roleProcedure('admin')
    .input(updateTemplateInput)
    .output(writeResult)
    .mutation(({ ctx, input }) => updateTemplate(ctx.database.db, ctx.user, input)),
  setActive: roleProcedure('admin')
    .input(setTemplateActiveInput)
    .output(z.object({ id: z.number(), active: z.boolean(), editVersion: z.number() }))
    .mutation(({ ctx, input }) => setTemplateActive(ctx.database.db, ctx.user, input)),
});
