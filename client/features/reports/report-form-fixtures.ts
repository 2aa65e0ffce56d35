import type { TemplateField } from '../../../shared/report-values';

/** A template's field for the report form's tests: an optional integer with no bounds unless `over` says otherwise. */
export function templateField(code: string, over: Partial<TemplateField> = {}): TemplateField {
  return {
    code,
    labelVi: code,
    labelEn: code,
    unit: null,
    type: 'integer',
    required: false,
    min: null,
    max: null,
    kpiCode: null,
    kpiRole: null,
    ...over,
  };
}
