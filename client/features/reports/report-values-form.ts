import type { TFunction } from 'i18next';
import { percentOf } from '../../../shared/kpi-math';
import {
  formatNumberInput,
  type NumberInputRefusal,
  numberLanguage,
  parseNumberInput,
} from '../../../shared/number-input';
import { type SubmissionValues, type TemplateField, valuesSchema } from '../../../shared/report-values';
import type { RuleContext, RuleIssue } from '../../../shared/validation-rules';
import type { FieldErrors } from '../../components/form-errors';
import { formatNumber } from '../../lib/format';

/** What the inputs hold: text as typed, one entry per field code. */
export type DraftInputs = Record<string, string>;

export function labelOf(field: TemplateField, language: string): string {
  return language === 'en' ? field.labelEn : field.labelVi;
}

/** The inputs' text for saved values, numbers written the way the reader types them ("1.234,5" in vi). */
export function inputsFromValues(
  fields: readonly TemplateField[],
  values: SubmissionValues | null | undefined,
  language: string,
) {
  const inputs: DraftInputs = {};
  for (const field of fields) {
    const value = values?.[field.code];
    inputs[field.code] =
      value === null || value === undefined
        ? ''
        : typeof value === 'number'
          ? formatNumberInput(value, numberLanguage(language))
          : String(value);
  }
  return inputs;
}

/**
 * The values the server expects, read from the inputs in the reader's convention
 * (shared/number-input.ts): numbers for numeric fields, trimmed text, null for an empty input. A
 * numeric input that reads as no number is left out of `values` and named in `refused`, so it is never
 * sent.
 */
export function valuesFromInputs(fields: readonly TemplateField[], inputs: DraftInputs, language: string) {
  const values: Record<string, number | string | null> = {};
  const refused: Record<string, NumberInputRefusal> = {};
  for (const field of fields) {
    const raw = (inputs[field.code] ?? '').trim();
    if (field.type === 'text') values[field.code] = raw === '' ? null : raw;
    else {
      const parsed = parseNumberInput(raw, numberLanguage(language));
      if (parsed.ok) values[field.code] = parsed.value;
      else refused[field.code] = parsed.reason;
    }
  }
  return { values, refused };
}

/**
 * The inputs rewritten for another language, so a figure keeps its value when the reader switches:
 * "1.000" typed in vi becomes "1,000" in en (in en "1.000" would read as one). Text that reads as no
 * number is kept as typed.
 */
export function relabelInputs(
  fields: readonly TemplateField[],
  inputs: DraftInputs,
  from: string,
  to: string,
) {
  const next: DraftInputs = { ...inputs };
  for (const field of fields) {
    if (field.type === 'text') continue;
    const parsed = parseNumberInput(inputs[field.code] ?? '', numberLanguage(from));
    if (parsed.ok && parsed.value !== null)
      next[field.code] = formatNumberInput(parsed.value, numberLanguage(to));
  }
  return next;
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
  const { values, refused } = valuesFromInputs(fields, inputs, language);
  const errors: FieldErrors = {};
  for (const field of fields) {
    const reason = refused[field.code];
    if (reason) errors[field.code] = fieldMessage(field, reason, inputs[field.code] ?? '', t, language);
  }
  const parsed = valuesSchema(fields, { forSubmission }).safeParse(values);
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

const KNOWN = ['tooLong', 'notAnInteger', 'belowMin', 'aboveMax', 'required'] as const;
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
  // How a typed number is read is the same in every form: the common catalogue words it.
  const typed = value !== null && value !== '';
  if (typed && (key === 'notANumber' || key === 'ambiguous')) return t(`validation.${key}`, { field: label });
  const { min, max } = boundsOf(field);
  const messageKey: Known | 'invalid' =
    value === null || value === '' ? 'required' : isKnown(key) ? key : 'invalid';
  return t(`reports.validation.${messageKey}`, {
    field: label,
    min: min === null ? '' : formatNumber(min, language),
    max: max === null ? '' : formatNumber(max, language),
  });
}

/** What the rules are evaluated against: the system's figures and the last accepted earlier period. */
export function ruleContextOf(checks: {
  systemValues: Record<string, number>;
  previousPeriods: readonly { values: SubmissionValues }[];
}): RuleContext {
  return { systemValues: checks.systemValues, previousValues: checks.previousPeriods[0]?.values ?? null };
}

/** A rule's message in the reader's language. */
export function issueMessage(issue: Pick<RuleIssue, 'messageVi' | 'messageEn'>, language: string): string {
  return language === 'en' ? issue.messageEn : issue.messageVi;
}

/**
 * The figure an issue was held against, worded for its kind ("previous period: 20"), or '' (a
 * difference from the system names the system's figure in its own message).
 */
export function issueReference(issue: RuleIssue, t: TFunction, language: string): string {
  if (issue.reference === null) return '';
  const value = formatNumber(issue.reference, language);
  if (issue.kind === 'deviation') return t('reports.rules.previousValue', { value });
  if (issue.kind === 'sum') return t('reports.rules.sumValue', { value });
  return '';
}

/**
 * Issues found as the officer types, with those the server reported and the form did not find (its
 * figures may be newer than the page's): each code once, the form's own first.
 */
export function mergeIssues(live: readonly RuleIssue[], server: readonly RuleIssue[]): RuleIssue[] {
  const seen = new Set(live.map((i) => i.code));
  return [...live, ...server.filter((i) => !seen.has(i.code))];
}

/** The field after which an issue is shown: the last of its fields in form order. */
export function anchorOf(issue: RuleIssue, fields: readonly TemplateField[]): string | undefined {
  let anchor: string | undefined;
  let at = -1;
  for (const code of issue.fields) {
    const index = fields.findIndex((f) => f.code === code);
    if (index > at) {
      at = index;
      anchor = code;
    }
  }
  return anchor;
}

/** A KPI's pair of fields (numerator and denominator) or a field standing alone, in form order. */
export type FieldGroup =
  | { kind: 'share'; kpiCode: string; numerator: TemplateField; denominator: TemplateField }
  | { kind: 'field'; field: TemplateField };

/**
 * The form's layout: each KPI reported as a share becomes one group (numerator, then denominator) at
 * the place of its first field; every other field stands alone. A KPI missing one side of its pair
 * has nothing to divide, so its field stands alone too.
 */
export function groupFields(fields: readonly TemplateField[]): FieldGroup[] {
  const pairs = new Map<string, { numerator?: TemplateField; denominator?: TemplateField }>();
  for (const field of fields) {
    if (!field.kpiCode || !field.kpiRole) continue;
    const pair = pairs.get(field.kpiCode) ?? {};
    pair[field.kpiRole] ??= field;
    pairs.set(field.kpiCode, pair);
  }
  const groups: FieldGroup[] = [];
  const placed = new Set<string>();
  for (const field of fields) {
    const code = field.kpiRole ? field.kpiCode : null;
    const pair = code ? pairs.get(code) : undefined;
    const { numerator, denominator } = pair ?? {};
    // A second numerator (or denominator) of a KPI is shown on its own, not divided.
    if (!code || !numerator || !denominator || (field !== numerator && field !== denominator)) {
      groups.push({ kind: 'field', field });
    } else if (!placed.has(code)) {
      placed.add(code);
      groups.push({ kind: 'share', kpiCode: code, numerator, denominator });
    }
  }
  return groups;
}

/**
 * The percentage a numerator and a denominator give, read as typed in the reader's convention and
 * divided as the national figures divide (`percentOf`); null while either side reads as no number or
 * the denominator is 0.
 */
export function ratioOf(numerator: unknown, denominator: unknown, language: string): number | null {
  const read = (value: unknown) => {
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (typeof value !== 'string') return null;
    const parsed = parseNumberInput(value, numberLanguage(language));
    return parsed.ok ? parsed.value : null;
  };
  const n = read(numerator);
  const d = read(denominator);
  return n === null || d === null ? null : percentOf(n, d);
}
