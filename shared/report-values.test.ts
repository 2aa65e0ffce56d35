import { describe, expect, it } from 'vitest';
import { type TemplateField, valuesSchema } from './report-values';

const field = (patch: Partial<TemplateField>): TemplateField => ({
  code: 'x',
  labelVi: 'x',
  labelEn: 'x',
  unit: null,
  type: 'integer',
  required: true,
  min: 0,
  max: null,
  kpiCode: null,
  kpiRole: null,
  ...patch,
});

const fields = [
  field({ code: 'tthc_total', type: 'integer' }),
  field({ code: 'tthc_online', type: 'integer' }),
  field({ code: 'satisfaction', type: 'percent', min: null, max: null }),
  field({ code: 'budget', type: 'decimal', required: false, min: 0, max: 1e12 }),
  field({ code: 'notes', type: 'text', required: false, min: null }),
];

describe('submission values against the template', () => {
  const submit = valuesSchema(fields, { forSubmission: true });
  const draft = valuesSchema(fields, { forSubmission: false });

  it('accepts good values', () => {
    expect(
      submit.safeParse({ tthc_total: 120, tthc_online: 95, satisfaction: 87.5, budget: 12.5, notes: 'Ổn' })
        .success,
    ).toBe(true);
  });

  it.each([
    [{ tthc_total: 1.5 }, 'tthc_total', 'notAnInteger'],
    [{ tthc_total: -1 }, 'tthc_total', 'belowMin'],
    [{ satisfaction: 101 }, 'satisfaction', 'aboveMax'],
    [{ satisfaction: -0.1 }, 'satisfaction', 'belowMin'],
    [{ budget: Number.NaN }, 'budget', 'notANumber'],
    [{ tthc_online: '12' }, 'tthc_online', 'notANumber'],
  ])('refuses %o naming the field %s (%s)', (patch, path, message) => {
    const result = submit.safeParse({ tthc_total: 120, tthc_online: 95, satisfaction: 87.5, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: [path], message });
  });

  it('lets a draft leave required fields empty, but not a submission', () => {
    expect(draft.safeParse({ tthc_total: 3 }).success).toBe(true);
    const result = submit.safeParse({ tthc_total: 3 });
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(
      expect.arrayContaining(['tthc_online', 'satisfaction']),
    );
  });

  it('refuses fields the template does not have', () => {
    expect(draft.safeParse({ unknown_field: 1 }).success).toBe(false);
  });
});
