import { z } from 'zod';
import { COMPARE_OPERATORS, RULE_SEVERITIES, SYSTEM_SOURCES, type ValidationRule } from '../validation-rules';

/**
 * A validation rule as the administrator writes it (checked again across the template's fields in
 * `shared/schemas/templates.ts`), and the plain shapes the procedures return: the rules a form
 * evaluates and the issues they raised. Shared by the template and the report schemas.
 */
const ruleCode = z
  .string()
  .trim()
  .min(1, 'required')
  .max(40, 'tooLong')
  // No ':' — derived rules are keyed `kpi:<KPI>` and `source:<field>`, which a written code cannot take.
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'ruleCodeFormat');
const fieldRef = z.string().trim().min(1, 'required').max(60, 'tooLong');
const message = z.string().trim().min(1, 'required').max(500, 'tooLong');
const ruleBase = {
  code: ruleCode,
  severity: z.enum(RULE_SEVERITIES),
  messageVi: message,
  messageEn: message,
};

export const validationRuleInput = z.discriminatedUnion('kind', [
  z.object({
    ...ruleBase,
    kind: z.literal('compare'),
    left: fieldRef,
    op: z.enum(COMPARE_OPERATORS),
    right: fieldRef,
  }),
  z.object({
    ...ruleBase,
    kind: z.literal('sum'),
    total: fieldRef,
    parts: z.array(fieldRef).min(1, 'sumNeedsParts').max(50, 'tooMany'),
  }),
  z.object({
    ...ruleBase,
    kind: z.literal('deviation'),
    field: fieldRef,
    maxChangePercent: z
      .number({ error: 'notANumber' })
      .finite('notANumber')
      .positive('belowMin')
      .max(10_000, 'aboveMax'),
  }),
]) satisfies z.ZodType<ValidationRule>;

export const systemSourceSchema = z.enum(SYSTEM_SOURCES);

const ruleOutputBase = {
  code: z.string(),
  severity: z.enum(RULE_SEVERITIES),
  messageVi: z.string(),
  messageEn: z.string(),
};

/** Plain shapes (no transforms): checked on every response. */
export const validationRuleOutput = z.discriminatedUnion('kind', [
  z.object({
    ...ruleOutputBase,
    kind: z.literal('compare'),
    left: z.string(),
    op: z.enum(COMPARE_OPERATORS),
    right: z.string(),
  }),
  z.object({ ...ruleOutputBase, kind: z.literal('sum'), total: z.string(), parts: z.array(z.string()) }),
  z.object({
    ...ruleOutputBase,
    kind: z.literal('deviation'),
    field: z.string(),
    maxChangePercent: z.number(),
  }),
]);

export const ruleIssueOutput = z.object({
  code: z.string(),
  kind: z.enum(['compare', 'sum', 'deviation', 'kpiPair', 'source']),
  severity: z.enum(RULE_SEVERITIES),
  fields: z.array(z.string()),
  messageVi: z.string(),
  messageEn: z.string(),
  reference: z.number().nullable(),
});

/** Written explanations of warnings, keyed by the issue's code. */
export const explanationsInput = z
  .record(z.string().max(100), z.string().trim().max(2000, 'tooLong'))
  .refine((e) => Object.keys(e).length <= 200, 'tooMany');
