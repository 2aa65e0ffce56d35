import type { TFunction } from 'i18next';
import type { ZodError } from 'zod';
import type { AgencyLevel } from '../../../shared/agencies';
import type { ApprovalChain } from '../../../shared/approval-levels';
import { formatNumberInput, numberLanguage, parseNumberInput } from '../../../shared/number-input';
import type { FieldType } from '../../../shared/report-values';
import type { PeriodType } from '../../../shared/reporting-periods';
import {
  type CreateTemplateInput,
  createTemplateInput,
  updateTemplateInput,
} from '../../../shared/schemas/templates';
import type {
  CompareOperator,
  RuleKind,
  RuleSeverity,
  SystemSource,
  ValidationRule,
} from '../../../shared/validation-rules';
import type { PickedAgency } from '../../components/agency-picker';
import type { FieldErrors } from '../../components/form-errors';

/** One indicator as the editor holds it: numbers as typed, a stable key for React. */
export interface FieldDraft {
  key: string;
  code: string;
  labelVi: string;
  labelEn: string;
  unit: string;
  type: FieldType;
  required: boolean;
  min: string;
  max: string;
  kpiCode: string;
  kpiRole: '' | 'numerator' | 'denominator';
  systemSource: '' | SystemSource;
}

/** One validation rule as the editor holds it: every kind's inputs, the kind's own sent. */
export interface RuleDraft {
  key: string;
  kind: RuleKind;
  code: string;
  severity: RuleSeverity;
  messageVi: string;
  messageEn: string;
  left: string;
  op: CompareOperator;
  right: string;
  total: string;
  parts: string[];
  field: string;
  maxChangePercent: string;
}

export interface TemplateDraft {
  code: string;
  nameVi: string;
  nameEn: string;
  periodType: PeriodType;
  firstPeriod: string;
  deadlineKind: 'working_days_after_cutoff' | 'fixed_day';
  days: string;
  day: string;
  monthsAfter: string;
  obligationKind: 'levels' | 'agencies';
  levels: AgencyLevel[];
  agencies: PickedAgency[];
  /** Who approves at which level (shared/approval-levels.ts). */
  approval: ApprovalChain;
  fields: FieldDraft[];
  rules: RuleDraft[];
}

let counter = 0;
export function newFieldKey(): string {
  counter += 1;
  return `f${counter}`;
}

export function emptyField(): FieldDraft {
  return {
    key: newFieldKey(),
    code: '',
    labelVi: '',
    labelEn: '',
    unit: '',
    type: 'integer',
    required: true,
    min: '0',
    max: '',
    kpiCode: '',
    kpiRole: '',
    systemSource: '',
  };
}

export function emptyRule(): RuleDraft {
  return {
    key: newFieldKey(),
    kind: 'compare',
    code: '',
    severity: 'error',
    messageVi: '',
    messageEn: '',
    left: '',
    op: 'lte',
    right: '',
    total: '',
    parts: [],
    field: '',
    maxChangePercent: '',
  };
}

export function emptyDraft(): TemplateDraft {
  return {
    code: '',
    nameVi: '',
    nameEn: '',
    periodType: 'quarter',
    firstPeriod: '',
    deadlineKind: 'working_days_after_cutoff',
    days: '2',
    day: '20',
    monthsAfter: '0',
    obligationKind: 'levels',
    levels: ['central', 'provincial'],
    agencies: [],
    approval: 'office',
    fields: [emptyField()],
    rules: [],
  };
}

interface SavedTemplate {
  code: string;
  nameVi: string;
  nameEn: string;
  periodType: PeriodType;
  firstPeriod: string;
  deadlineRule:
    | { kind: 'working_days_after_cutoff'; days: number }
    | { kind: 'fixed_day'; day: number; monthsAfter: number };
  obligation: { levels: AgencyLevel[] } | { agencyIds: number[] };
  approval: ApprovalChain;
  validationRules: readonly ValidationRule[];
}

interface SavedField {
  code: string;
  labelVi: string;
  labelEn: string;
  unit: string | null;
  type: FieldType;
  required: boolean;
  min: number | null;
  max: number | null;
  kpiCode: string | null;
  kpiRole: 'numerator' | 'denominator' | null;
  systemSource: SystemSource | null;
}

/** The editor's state for a saved version, numbers written the reader's way ("1.000" in vi). */
export function draftFromTemplate(
  template: SavedTemplate,
  fields: readonly SavedField[],
  agencies: readonly PickedAgency[],
  language: string,
): TemplateDraft {
  const text = (n: number | null) => (n === null ? '' : formatNumberInput(n, numberLanguage(language)));
  const rule = template.deadlineRule;
  return {
    code: template.code,
    nameVi: template.nameVi,
    nameEn: template.nameEn,
    periodType: template.periodType,
    firstPeriod: template.firstPeriod,
    deadlineKind: rule.kind,
    days: rule.kind === 'working_days_after_cutoff' ? String(rule.days) : '2',
    day: rule.kind === 'fixed_day' ? String(rule.day) : '20',
    monthsAfter: rule.kind === 'fixed_day' ? String(rule.monthsAfter) : '0',
    obligationKind: 'levels' in template.obligation ? 'levels' : 'agencies',
    levels: 'levels' in template.obligation ? [...template.obligation.levels] : [],
    agencies: [...agencies],
    approval: template.approval,
    fields: fields.map((f) => ({
      key: newFieldKey(),
      code: f.code,
      labelVi: f.labelVi,
      labelEn: f.labelEn,
      unit: f.unit ?? '',
      type: f.type,
      required: f.required,
      min: text(f.min),
      max: text(f.max),
      kpiCode: f.kpiCode ?? '',
      kpiRole: f.kpiRole ?? '',
      systemSource: f.systemSource ?? '',
    })),
    rules: template.validationRules.map((r) => ({
      ...emptyRule(),
      kind: r.kind,
      code: r.code,
      severity: r.severity,
      messageVi: r.messageVi,
      messageEn: r.messageEn,
      ...(r.kind === 'compare' ? { left: r.left, op: r.op, right: r.right } : {}),
      ...(r.kind === 'sum' ? { total: r.total, parts: [...r.parts] } : {}),
      ...(r.kind === 'deviation' ? { field: r.field, maxChangePercent: text(r.maxChangePercent) } : {}),
    })),
  };
}

/**
 * Typed text to a number for the schema, read the reader's way (shared/number-input.ts, as the report
 * form reads figures): empty is null, anything unreadable is NaN (refused by the schema).
 */
function numberOf(raw: string, language: string): number | null {
  const parsed = parseNumberInput(raw, numberLanguage(language));
  return parsed.ok ? parsed.value : Number.NaN;
}

function requiredNumberOf(raw: string, language: string): number {
  const n = numberOf(raw, language);
  return n === null ? Number.NaN : n;
}

/** The typed numbers rewritten for another language, so a bound keeps its value ("1.000" → "1,000"). */
export function relabelDraft(draft: TemplateDraft, from: string, to: string): TemplateDraft {
  const relabel = (raw: string) => {
    const parsed = parseNumberInput(raw, numberLanguage(from));
    return parsed.ok && parsed.value !== null ? formatNumberInput(parsed.value, numberLanguage(to)) : raw;
  };
  return {
    ...draft,
    days: relabel(draft.days),
    day: relabel(draft.day),
    monthsAfter: relabel(draft.monthsAfter),
    fields: draft.fields.map((f) => ({ ...f, min: relabel(f.min), max: relabel(f.max) })),
    rules: draft.rules.map((r) => ({ ...r, maxChangePercent: relabel(r.maxChangePercent) })),
  };
}

function ruleFromDraft(r: RuleDraft, language: string): ValidationRule {
  const base = { code: r.code.trim(), severity: r.severity, messageVi: r.messageVi, messageEn: r.messageEn };
  if (r.kind === 'compare') return { ...base, kind: 'compare', left: r.left, op: r.op, right: r.right };
  if (r.kind === 'sum') return { ...base, kind: 'sum', total: r.total, parts: r.parts };
  return {
    ...base,
    kind: 'deviation',
    field: r.field,
    maxChangePercent: requiredNumberOf(r.maxChangePercent, language),
  };
}

/** The input the server expects, before the shared schema checks it. */
export function inputFromDraft(draft: TemplateDraft, language: string): CreateTemplateInput {
  const integer = (raw: string) => requiredNumberOf(raw, language);
  return {
    code: draft.code,
    nameVi: draft.nameVi,
    nameEn: draft.nameEn,
    periodType: draft.periodType,
    firstPeriod: draft.firstPeriod.trim().toUpperCase(),
    deadlineRule:
      draft.deadlineKind === 'working_days_after_cutoff'
        ? { kind: 'working_days_after_cutoff', days: integer(draft.days) }
        : { kind: 'fixed_day', day: integer(draft.day), monthsAfter: integer(draft.monthsAfter) },
    obligation:
      draft.obligationKind === 'levels'
        ? { levels: draft.levels }
        : { agencyIds: draft.agencies.map((a) => a.id) },
    approval: draft.approval,
    fields: draft.fields.map((f) => ({
      code: f.code.trim(),
      labelVi: f.labelVi,
      labelEn: f.labelEn,
      unit: f.unit.trim() === '' ? null : f.unit.trim(),
      type: f.type,
      required: f.required,
      min: f.type === 'text' ? null : numberOf(f.min, language),
      max: f.type === 'text' ? null : numberOf(f.max, language),
      kpiCode: f.kpiCode === '' ? null : f.kpiCode,
      kpiRole: f.kpiCode === '' || f.kpiRole === '' ? null : f.kpiRole,
      systemSource: f.type === 'text' || f.systemSource === '' ? null : f.systemSource,
    })),
    validationRules: draft.rules.map((r) => ruleFromDraft(r, language)),
  };
}

/** Which label names the input at a schema path (`fields.2.max` → "Maximum (indicator 3)"). */
export function labelOfPath(path: string, t: TFunction): string {
  const parts = path.split('.');
  if (parts[0] === 'fields' && parts.length >= 3) {
    const n = Number(parts[1]) + 1;
    const key = parts[2] as
      | 'code'
      | 'labelVi'
      | 'labelEn'
      | 'unit'
      | 'type'
      | 'min'
      | 'max'
      | 'kpiCode'
      | 'kpiRole'
      | 'systemSource';
    return `${t(`templateAdmin.fields.${key}`)} (${t('templateAdmin.fields.fieldNo', { n })})`;
  }
  if (parts[0] === 'validationRules' && parts.length >= 3) {
    const n = Number(parts[1]) + 1;
    const key = parts[2] as keyof typeof import('../../lib/i18n/vi').vi.templateAdmin.rules.inputs;
    return `${t(`templateAdmin.rules.inputs.${key}`)} (${t('templateAdmin.rules.ruleNo', { n })})`;
  }
  if (parts[0] === 'deadlineRule') {
    const key = (parts[1] ?? 'kind') as 'days' | 'day' | 'monthsAfter' | 'kind';
    return t(`templateAdmin.deadline.${key}`);
  }
  if (parts[0] === 'obligation') return t('templateAdmin.obligation.legend');
  if (parts[0] === 'approval') return t('templateAdmin.approval.legend');
  const key = parts[0] as 'code' | 'nameVi' | 'nameEn' | 'periodType' | 'firstPeriod';
  if (['code', 'nameVi', 'nameEn', 'periodType', 'firstPeriod'].includes(key)) {
    return t(`templateAdmin.${key}`);
  }
  return t('templateAdmin.fields.legend');
}

const KNOWN = new Set([
  'required',
  'tooLong',
  'tooMany',
  'notANumber',
  'notAnInteger',
  'belowMin',
  'aboveMax',
  'fieldCodeFormat',
  'templateCodeFormat',
  'duplicateFieldCode',
  'minAboveMax',
  'boundsOnText',
  'kpiRoleWithoutKpi',
  'kpiFieldNotNumeric',
  'kpiRoleTwice',
  'kpiDenominatorMissing',
  'kpiNumeratorMissing',
  'unknownKpi',
  'unknownAgency',
  'obligationEmpty',
  'noFields',
  'invalidPeriod',
  'periodTypeMismatch',
  'periodTypeLocked',
  'firstPeriodTooEarly',
  'templateCodeExists',
  'staleVersion',
  'notLatestVersion',
  'sourceNotNumeric',
  'ruleCodeFormat',
  'duplicateRuleCode',
  'unknownRuleField',
  'ruleFieldNotNumeric',
  'ruleSameField',
  'deviationIsWarning',
  'sumNeedsParts',
  'approvalNeedsCommunes',
  'fieldNotAddable',
]);

type ValidationKey = keyof typeof import('../../lib/i18n/vi').vi.templateAdmin.validation;

/** A schema key or service reason for the input at `path`, in the reader's language; undefined if unknown. */
export function templateMessage(
  key: string,
  path: string | undefined,
  t: TFunction,
  extra: Record<string, unknown> = {},
): string | undefined {
  if (!KNOWN.has(key)) return undefined;
  const field = path ? labelOfPath(path, t) : '';
  return t(`templateAdmin.validation.${key as ValidationKey}`, { field, ...extra });
}

/** The editor's errors keyed by schema path, each naming its input. */
export function draftErrors(error: ZodError, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (errors[path] !== undefined) continue;
    errors[path] =
      templateMessage(issue.message, path, t) ??
      t('templateAdmin.validation.invalid', { field: labelOfPath(path, t) });
  }
  return errors;
}

/** Checks the draft with the very schema the server uses. */
export function validateDraft(
  draft: TemplateDraft,
  mode: 'create' | 'update',
  t: TFunction,
  language: string,
) {
  const input = inputFromDraft(draft, language);
  const { code: _code, ...body } = input;
  const parsed =
    mode === 'create'
      ? createTemplateInput.safeParse(input)
      : updateTemplateInput.safeParse({ ...body, id: 1, editVersion: 1 });
  if (!parsed.success) return { input, errors: draftErrors(parsed.error, t) };
  return { input, errors: {} as FieldErrors };
}
