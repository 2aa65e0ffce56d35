import { TEMPLATE_READER_ROLES } from '../../../shared/page-access';
import {
  createTemplateInput,
  kpiOptionsOutput,
  setTemplateActiveInput,
  templateActiveOutput,
  templateIdInput,
  templateListOutput,
  templateOutput,
  templateWriteOutput,
  updateTemplateInput,
} from '../../../shared/schemas/templates';
import { roleProcedure, router } from '../../trpc/init';
import { TEMPLATE_EDITOR_ROLE } from './policy';
import { getTemplate, listKpiOptions, listTemplateVersions } from './queries';
import { createTemplate, setTemplateActive, updateTemplate } from './service';

/** Report templates (reporting regimes) and their versions; who reads and who changes them: `./policy`. */
// The regimes' readers are the roles their pages are for.
const readers = roleProcedure(...TEMPLATE_READER_ROLES);
const editor = roleProcedure(TEMPLATE_EDITOR_ROLE);

export const templatesRouter = router({
  list: readers.output(templateListOutput).query(({ ctx }) => listTemplateVersions(ctx.database.db)),
  get: readers
    .input(templateIdInput)
    .output(templateOutput)
    .query(({ ctx, input }) => getTemplate(ctx.database.db, input.id)),
  kpiOptions: readers.output(kpiOptionsOutput).query(({ ctx }) => listKpiOptions(ctx.database.db)),

  create: editor
    .input(createTemplateInput)
    .output(templateWriteOutput)
    .mutation(({ ctx, input }) => createTemplate(ctx.database.db, ctx.user, input)),
  update: editor
    .input(updateTemplateInput)
    .output(templateWriteOutput)
    .mutation(({ ctx, input }) => updateTemplate(ctx.database.db, ctx.user, input)),
  setActive: editor
    .input(setTemplateActiveInput)
    .output(templateActiveOutput)
    .mutation(({ ctx, input }) => setTemplateActive(ctx.database.db, ctx.user, input)),
});
