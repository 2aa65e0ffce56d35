import type { TFunction } from 'i18next';
import { type SubmissionValues, type TemplateField, valuesSchema } from '../../../shared/report-values';
import type { FieldErrors } from '../../components/form-errors';
import { formatNumber } from '../../lib/format';

/** What the inputs hold: text as typed, one entry per field code. */
export type DraftInputs = Record<string, string>;

export function labelOf(field: TemplateField, language: string): string {
  return language === 'en' ? field.labelEn : field.labelVi;
}

/** The inputs' text for saved values (null and absent become empty inputs). */
export function inputsFromValues(
  fields: readonly TemplateField[],
  values: SubmissionValues | null | undefined,
) {
  const inputs: DraftInputs = {};
  for (const field of fields) {
    const value = values?.[field.code];
    inputs[field.code] = value === null || value === undefined ? '' : String(value);
  }
  return inputs;
}

/**
 * The values the server expects: numbers for numeric fields (a comma is read as the decimal mark, as
 * Vietnamese users type it), trimmed text, null for an empty input.
 */
export function valuesFromInputs(fields: readonly TemplateField[], inputs: DraftInputs) {
  const values: Record<string, number | string | null> = {};
  for (const field of fields) {
    const raw = (inputs[field.code] ?? '').trim();
    if (raw === '') values[field.code] = null;
    else if (field.type === 'text') values[field.code] = raw;
    else {
      const normalised = raw.replace(/\s/g, '').replace(',', '.');
      const number = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normalised)
        ? Number(normalised)
        : Number.NaN;
      // Not a number: keep the text so the shared schema refuses it with its own message.
      values[field.code] = Number.isFinite(number) ? number : raw;
    }
  }
  return values;
}

/** The bounds the shared schema applies to a field (percent is always within 0–100). */
export function boundsOf(field: TemplateField): { min: number | null; max: number | null } {
  if (field.type === 'percent') {
    return { min: Math.max(field.min ?? 0, 0), max: Math.min(field.max ?? 100, 100) };
  }
  if (field.type === 'text') return { min: null, max: null };
  return { min: field.min, max: field.max };
}

/**
 * The values checked with the very schema the server applies, each complaint worded in the user's
 * language beside the field it concerns. An empty required field says "please enter" rather than
 * "not a number".
 */
export function validateInputs(
  fields: readonly TemplateField[],
  inputs: DraftInputs,
  forSubmission: boolean,
  t: TFunction,
  language: string,
): { values: Record<string, number | string | null>; errors: FieldErrors } {
  const values = valuesFromInputs(fields, inputs);
  const parsed = valuesSchema(fields, { forSubmission }).safeParse(values);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const code = String(issue.path[0] ?? '');
      if (errors[code] !== undefined) continue;
      const field = fields.find((f) => f.code === code);
      if (!field) continue;
      errors[code] = fieldMessage(field, issue.message, values[code] ?? null, t, language);
    }
  }
  // A required text left empty passes the schema as an empty string; the server stores it as null.
  if (forSubmission) {
    for (const field of fields) {
      if (field.required && values[field.code] === null && errors[field.code] === undefined) {
        errors[field.code] = fieldMessage(field, 'required', null, t, language);
      }
    }
  }
  return { values, errors };
}

const KNOWN = ['tooLong', 'notANumber', 'notAnInteger', 'belowMin', 'aboveMax', 'required'] as const;
type Known = (typeof KNOWN)[number];
const isKnown = (key: string): key is Known => (KNOWN as readonly string[]).includes(key);

/** One field's complaint (a schema key) in the user's language. */
export function fieldMessage(
  field: TemplateField,
  key: string,
  value: number | string | null,
  t: TFunction,
  language: string,
): string {
  const label = labelOf(field, language);
  const { min, max } = boundsOf(field);
  const messageKey: Known | 'invalid' =
    value === null || value === '' ? 'required' : isKnown(key) ? key : 'invalid';
  return t(`reports.validation.${messageKey}`, {
    field: label,
    min: min === null ? '' : formatNumber(min, language),
    max: max === null ? '' : formatNumber(max, language),
  });
}
