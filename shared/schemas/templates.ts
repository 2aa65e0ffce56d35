import { z } from 'zod';
import { AGENCY_LEVELS } from '../agencies';
import { APPROVAL_CHAINS, isAddableField } from '../approval-levels';
import { obligationSchema } from '../obligations';
import { FIELD_TYPES } from '../report-values';
import { PERIOD_TYPES, parsePeriodKey } from '../reporting-periods';
import { positiveId } from './ids';
import { periodKey, templateFieldOutput } from './reports';
import { systemSourceSchema, validationRuleInput, validationRuleOutput } from './validation-rules';

/**
 * A report template (reporting regime) as the administrator writes it. The same schema checks the
 * editor's form and the server's input; messages are keys the client words, paths name the field
 * (`fields.2.code`). What needs the database (KPI codes, agencies, periods with submissions) the
 * server checks on top.
 */
const optionalNumber = z.number({ error: 'notANumber' }).finite('notANumber').nullable();

const templateFieldInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'required')
    .max(60, 'tooLong')
    .regex(/^[a-z][a-z0-9_]*$/, 'fieldCodeFormat'),
  labelVi: z.string().trim().min(1, 'required').max(300, 'tooLong'),
  labelEn: z.string().trim().min(1, 'required').max(300, 'tooLong'),
  unit: z.string().trim().max(50, 'tooLong').nullable(),
  type: z.enum(FIELD_TYPES, { error: 'required' }),
  required: z.boolean(),
  min: optionalNumber,
  max: optionalNumber,
  kpiCode: z.string().trim().min(1).max(20, 'tooLong').nullable(),
  kpiRole: z.enum(['numerator', 'denominator']).nullable(),
  /** Prefilled from the system's figure (a difference needs explaining); numeric fields only. */
  systemSource: systemSourceSchema.nullable().default(null),
});

const deadlineRuleInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('working_days_after_cutoff'),
    days: z.number({ error: 'notANumber' }).int('notAnInteger').min(1, 'belowMin').max(60, 'aboveMax'),
  }),
  z.object({
    kind: z.literal('fixed_day'),
    day: z.number({ error: 'notANumber' }).int('notAnInteger').min(1, 'belowMin').max(31, 'aboveMax'),
    monthsAfter: z.number({ error: 'notANumber' }).int('notAnInteger').min(0, 'belowMin').max(12, 'aboveMax'),
  }),
]);

const templateBody = z.object({
  nameVi: z.string().trim().min(1, 'required').max(300, 'tooLong'),
  nameEn: z.string().trim().min(1, 'required').max(300, 'tooLong'),
  periodType: z.enum(PERIOD_TYPES),
  deadlineRule: deadlineRuleInput,
  obligation: obligationSchema,
  /** Who approves at which level (shared/approval-levels.ts); a change in use makes a new version. */
  approval: z.enum(APPROVAL_CHAINS).default('office'),
  firstPeriod: periodKey,
  fields: z.array(templateFieldInput).min(1, 'noFields').max(200, 'tooMany'),
  /** Rules across fields, carried by the version like its fields (numerator ≤ denominator is implied). */
  validationRules: z.array(validationRuleInput).max(100, 'tooMany').default([]),
});

type Body = z.output<typeof templateBody>;

/** The rules that span several inputs, each reported on the input to correct. */
function checkTemplate(t: Body, ctx: z.RefinementCtx) {
  try {
    if (parsePeriodKey(t.firstPeriod).type !== t.periodType) {
      ctx.addIssue({ code: 'custom', message: 'periodTypeMismatch', path: ['firstPeriod'] });
    }
  } catch {
    // The regex already refused it.
  }
  const seen = new Set<string>();
  t.fields.forEach((field, i) => {
    if (seen.has(field.code)) {
      ctx.addIssue({ code: 'custom', message: 'duplicateFieldCode', path: ['fields', i, 'code'] });
    }
    seen.add(field.code);
    if (field.type === 'text' && (field.min !== null || field.max !== null)) {
      ctx.addIssue({ code: 'custom', message: 'boundsOnText', path: ['fields', i, 'min'] });
    } else if (field.min !== null && field.max !== null && field.min > field.max) {
      ctx.addIssue({ code: 'custom', message: 'minAboveMax', path: ['fields', i, 'max'] });
    }
    if (field.kpiRole !== null && field.kpiCode === null) {
      ctx.addIssue({ code: 'custom', message: 'kpiRoleWithoutKpi', path: ['fields', i, 'kpiCode'] });
    }
    if (field.kpiRole !== null && field.type === 'text') {
      ctx.addIssue({ code: 'custom', message: 'kpiFieldNotNumeric', path: ['fields', i, 'type'] });
    }
    if (field.systemSource !== null && field.type === 'text') {
      ctx.addIssue({ code: 'custom', message: 'sourceNotNumeric', path: ['fields', i, 'systemSource'] });
    }
  });
  checkRules(t, ctx);
  checkApproval(t, ctx);
  // A KPI fed as a share needs exactly one numerator and one denominator.
  const roles = new Map<string, { numerator: number[]; denominator: number[] }>();
  t.fields.forEach((field, i) => {
    if (!field.kpiCode || !field.kpiRole) return;
    const entry = roles.get(field.kpiCode) ?? { numerator: [], denominator: [] };
    entry[field.kpiRole].push(i);
    roles.set(field.kpiCode, entry);
  });
  for (const entry of roles.values()) {
    for (const role of ['numerator', 'denominator'] as const) {
      const other = role === 'numerator' ? 'denominator' : 'numerator';
      if (entry[role].length > 1) {
        for (const i of entry[role].slice(1)) {
          ctx.addIssue({ code: 'custom', message: 'kpiRoleTwice', path: ['fields', i, 'kpiRole'] });
        }
      }
      if (entry[role].length > 0 && entry[other].length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: role === 'numerator' ? 'kpiDenominatorMissing' : 'kpiNumeratorMissing',
          path: ['fields', entry[role][0] ?? 0, 'kpiRole'],
        });
      }
    }
  }
}

/**
 * Under the province chain communes fill the template and their province adds their figures up, so
 * it obliges communes and every number field must add up (no percent, no 0/1 condition).
 */
function checkApproval(t: Body, ctx: z.RefinementCtx) {
  if (t.approval !== 'province_then_office') return;
  const levels = 'levels' in t.obligation ? t.obligation.levels : [];
  if (levels.length !== 1 || levels[0] !== 'commune') {
    ctx.addIssue({ code: 'custom', message: 'approvalNeedsCommunes', path: ['approval'] });
  }
  t.fields.forEach((field, i) => {
    if (!isAddableField(field))
      ctx.addIssue({ code: 'custom', message: 'fieldNotAddable', path: ['fields', i, 'type'] });
  });
}

/**
 * A rule names number fields of the same version, and codes are unique: a rule's explanations are
 * keyed on its code. A deviation is only ever a warning (a real change must be able to go through).
 */
function checkRules(t: Body, ctx: z.RefinementCtx) {
  const types = new Map(t.fields.map((f) => [f.code, f.type]));
  const codes = new Set<string>();
  t.validationRules.forEach((rule, i) => {
    const at = (key: string, message: string) =>
      ctx.addIssue({ code: 'custom', message, path: ['validationRules', i, key] });
    if (codes.has(rule.code)) at('code', 'duplicateRuleCode');
    codes.add(rule.code);
    const refer = (key: string, code: string) => {
      const type = types.get(code);
      if (type === undefined) at(key, 'unknownRuleField');
      else if (type === 'text') at(key, 'ruleFieldNotNumeric');
    };
    if (rule.kind === 'compare') {
      refer('left', rule.left);
      refer('right', rule.right);
      if (rule.left === rule.right) at('right', 'ruleSameField');
    } else if (rule.kind === 'sum') {
      refer('total', rule.total);
      for (const part of rule.parts) refer('parts', part);
      if (rule.parts.includes(rule.total) || new Set(rule.parts).size !== rule.parts.length)
        at('parts', 'ruleSameField');
    } else {
      refer('field', rule.field);
      if (rule.severity !== 'warning') at('severity', 'deviationIsWarning');
    }
  });
}

export const createTemplateInput = templateBody
  .extend({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .min(1, 'required')
      .max(40, 'tooLong')
      .regex(/^[A-Z0-9][A-Z0-9-]*$/, 'templateCodeFormat'),
  })
  .superRefine(checkTemplate);
export type CreateTemplateInput = z.input<typeof createTemplateInput>;

/**
 * A change to a template version. `editVersion` is the concurrency token the editor loaded; the
 * whole definition is sent again. When the version is in use the server makes version N+1 starting
 * at `firstPeriod` instead of editing it.
 */
export const updateTemplateInput = templateBody
  .extend({
    id: positiveId(),
    editVersion: positiveId(),
  })
  .superRefine(checkTemplate);

export const setTemplateActiveInput = z.object({
  id: positiveId(),
  editVersion: positiveId(),
  active: z.boolean(),
});

export const templateIdInput = z.object({ id: positiveId() });

/** What the procedures return. Plain shapes (no transforms): they are checked on every response. */
const templateVersionOutput = z.object({
  id: z.number(),
  code: z.string(),
  version: z.number(),
  nameVi: z.string(),
  nameEn: z.string(),
  periodType: z.enum(PERIOD_TYPES),
  approval: z.enum(APPROVAL_CHAINS),
  firstPeriod: z.string(),
  lastPeriod: z.string().nullable(),
  active: z.boolean(),
  editVersion: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
const versionWithUse = templateVersionOutput.extend({ submissions: z.number() });

export const templateListOutput = z.array(
  z.object({ code: z.string(), current: versionWithUse, versions: z.array(versionWithUse) }),
);

export const templateOutput = z.object({
  template: templateVersionOutput.extend({
    deadlineRule: deadlineRuleInput,
    obligation: obligationSchema,
    validationRules: z.array(validationRuleOutput),
  }),
  fields: z.array(templateFieldOutput),
  usage: z.object({ submissions: z.number(), lastUsedPeriod: z.string().nullable() }),
  editable: z.boolean(),
  inUse: z.boolean(),
  obligedAgencies: z.array(
    z.object({ id: z.number(), nameVi: z.string(), nameEn: z.string(), level: z.enum(AGENCY_LEVELS) }),
  ),
  history: z.array(versionWithUse),
});

export const kpiOptionsOutput = z.array(
  z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), unit: z.string() }),
);

export const templateWriteOutput = z.object({
  id: z.number(),
  code: z.string(),
  version: z.number(),
  editVersion: z.number(),
  created: z.boolean(),
});

export const templateActiveOutput = z.object({
  id: z.number(),
  active: z.boolean(),
  editVersion: z.number(),
});
