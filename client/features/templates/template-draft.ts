import type { TFunction } from 'i18next';
import type { ZodError } from 'zod';
import type { AgencyLevel } from '../../../shared/agencies';
import type { FieldType } from '../../../shared/report-values';
import type { PeriodType } from '../../../shared/reporting-periods';
import {
  type CreateTemplateInput,
  createTemplateInput,
  updateTemplateInput,
} from '../../../shared/schemas/templates';
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
  fields: FieldDraft[];
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
    fields: [emptyField()],
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
}

const text = (n: number | null) => (n === null ? '' : String(n));

/** The editor's state for a saved version. */
export function draftFromTemplate(
  template: SavedTemplate,
  fields: readonly SavedField[],
  agencies: readonly PickedAgency[],
): TemplateDraft {
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
    })),
  };
}

/** Typed text to a number for the schema: empty is null, anything unreadable is NaN (refused by it). */
function numberOf(raw: string): number | null {
  const value = raw.trim().replace(/\s/g, '').replace(',', '.');
  if (value === '') return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(value) ? Number(value) : Number.NaN;
}

function integerOf(raw: string): number {
  const n = numberOf(raw);
  return n === null ? Number.NaN : n;
}

/** The input the server expects, before the shared schema checks it. */
export function inputFromDraft(draft: TemplateDraft): CreateTemplateInput {
  return {
    code: draft.code,
    nameVi: draft.nameVi,
    nameEn: draft.nameEn,
    periodType: draft.periodType,
    firstPeriod: draft.firstPeriod.trim().toUpperCase(),
    deadlineRule:
      draft.deadlineKind === 'working_days_after_cutoff'
        ? { kind: 'working_days_after_cutoff', days: integerOf(draft.days) }
        : { kind: 'fixed_day', day: integerOf(draft.day), monthsAfter: integerOf(draft.monthsAfter) },
    obligation:
      draft.obligationKind === 'levels'
        ? { levels: draft.levels }
        : { agencyIds: draft.agencies.map((a) => a.id) },
    fields: draft.fields.map((f) => ({
      code: f.code.trim(),
      labelVi: f.labelVi,
      labelEn: f.labelEn,
      unit: f.unit.trim() === '' ? null : f.unit.trim(),
      type: f.type,
      required: f.required,
      min: f.type === 'text' ? null : numberOf(f.min),
      max: f.type === 'text' ? null : numberOf(f.max),
      kpiCode: f.kpiCode === '' ? null : f.kpiCode,
      kpiRole: f.kpiCode === '' || f.kpiRole === '' ? null : f.kpiRole,
    })),
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
      | 'kpiRole';
    return `${t(`templateAdmin.fields.${key}`)} (${t('templateAdmin.fields.fieldNo', { n })})`;
  }
  if (parts[0] === 'deadlineRule') {
    const key = (parts[1] ?? 'kind') as 'days' | 'day' | 'monthsAfter' | 'kind';
    return t(`templateAdmin.deadline.${key}`);
  }
  if (parts[0] === 'obligation') return t('templateAdmin.obligation.legend');
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
export function validateDraft(draft: TemplateDraft, mode: 'create' | 'update', t: TFunction) {
  const input = inputFromDraft(draft);
  const { code: _code, ...body } = input;
  const parsed =
    mode === 'create'
      ? createTemplateInput.safeParse(input)
      : updateTemplateInput.safeParse({ ...body, id: 1, editVersion: 1 });
  if (!parsed.success) return { input, errors: draftErrors(parsed.error, t) };
  return { input, errors: {} as FieldErrors };
}
