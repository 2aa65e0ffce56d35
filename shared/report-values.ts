import { z } from 'zod';
import type { SystemSource } from './validation-rules';

/** An indicator field of a report template (a reporting regime). */
export const FIELD_TYPES = ['integer', 'decimal', 'percent', 'text'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface TemplateField {
  code: string;
  labelVi: string;
  labelEn: string;
  unit: string | null;
  type: FieldType;
  required: boolean;
  min: number | null;
  max: number | null;
  /** The KPI this field feeds, as its numerator or denominator. */
  kpiCode: string | null;
  kpiRole: 'numerator' | 'denominator' | null;
  /** A figure the system already holds: the form is prefilled with it and a difference needs explaining. */
  systemSource?: SystemSource | null;
}

/**
 * The zod schema of a submission's values for a template: built once from the fields and used by the
 * form and by the server alike, so a bad value is refused with a message naming the field, everywhere.
 * Messages are keys the client translates; issues carry the field code as their path.
 * Drafts may leave required fields empty; `forSubmission` makes them mandatory.
 */
export function valuesSchema(fields: readonly TemplateField[], options: { forSubmission: boolean }) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    let value: z.ZodType;
    if (field.type === 'text') {
      value = z.string().trim().max(5000, 'tooLong');
    } else {
      let n = z.number({ error: 'notANumber' }).finite('notANumber');
      if (field.type === 'integer') n = n.int('notAnInteger');
      const min = field.type === 'percent' ? Math.max(field.min ?? 0, 0) : field.min;
      const max = field.type === 'percent' ? Math.min(field.max ?? 100, 100) : field.max;
      if (min !== null) n = n.min(min, 'belowMin');
      if (max !== null) n = n.max(max, 'aboveMax');
      value = n;
    }
    shape[field.code] = field.required && options.forSubmission ? value : value.nullable().optional();
  }
  return z.strictObject(shape);
}

export type SubmissionValues = Record<string, number | string | null | undefined>;
