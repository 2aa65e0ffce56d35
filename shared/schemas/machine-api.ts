import { z } from 'zod';
import { API_CAPABILITIES } from './api-tokens';
import { positiveId } from './ids';
import { mySubmissionsOutput, saveDraftInput, saveDraftOutput } from './reports';
import { postProgressInput, taskDetailInput, taskListInput, taskListPage, writeResult } from './tasks';

/**
 * The machine API's requests and answers (`/api/v1`, docs/decisions/0034-machine-clients.md), cut from
 * the procedures' own schemas: the same fields, the same rules, the same message keys, so a value the
 * screen refuses the API refuses with the same issue. The path and query carry text: numbers there are
 * coerced before the same checks. Its OpenAPI document is generated from these (server/http/machine-openapi.ts).
 */

const idParam = (description: string) =>
  z.coerce.number({ error: 'notANumber' }).pipe(positiveId()).describe(description);

export const machineTaskListQuery = z
  .object({
    page: z.coerce.number().pipe(taskListInput.shape.page.unwrap()).optional(),
    pageSize: z.coerce.number().pipe(taskListInput.shape.pageSize.unwrap()).optional(),
    /** Only the tasks the agency leads (else those it coordinates too). */
    leadOnly: z.enum(['true', 'false']).optional().describe('true: only the tasks the agency leads'),
  })
  .strict();

export const machineTaskParams = z.object({ id: idParam('The task id') }).strict();

export const machineTaskQuery = z
  .object({
    history: z.coerce
      .number()
      .pipe(taskDetailInput.shape.history.unwrap())
      .optional()
      .describe('How many of the latest progress updates and audit entries to return'),
  })
  .strict();

/** A progress update's body: the screen's fields but the task (in the path) and the key (a header). */
export const machineProgressBody = postProgressInput
  .pick({ percent: true, narrative: true, evidenceUrl: true })
  .strict();

export const machineReportParams = z
  .object({
    templateId: idParam('The report template (regime) id'),
    periodKey: saveDraftInput.shape.periodKey.describe('The period, e.g. 2026-M11, 2026-Q4, 2026-H1, 2026-Y'),
  })
  .strict();

/** A draft's body: the screen's fields but the template and period (in the path). */
export const machineDraftBody = saveDraftInput
  .pick({ values: true, explanations: true, version: true })
  .strict();

export const machineIssue = z.object({
  path: z.string(),
  code: z.string(),
  /** The message key the screens translate (e.g. `percentRange`). */
  message: z.string(),
});

export const machineError = z.object({
  error: z.string().describe('A stable code: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, VALIDATION, CONFLICT…'),
  message: z.object({ vi: z.string(), en: z.string() }),
  reason: z.string().optional(),
  issues: z.array(machineIssue).optional(),
});

export const machineTokenInfo = z.object({
  prefix: z.string(),
  name: z.string(),
  agencyId: z.number(),
  agencyNameVi: z.string(),
  agencyNameEn: z.string(),
  capabilities: z.array(z.enum(API_CAPABILITIES)),
});

export { mySubmissionsOutput, saveDraftOutput, taskListPage, writeResult };
