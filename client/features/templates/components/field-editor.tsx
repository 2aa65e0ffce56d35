import { useTranslation } from 'react-i18next';
import { FIELD_TYPES, type FieldType } from '../../../../shared/report-values';
import { SYSTEM_SOURCES, type SystemSource } from '../../../../shared/validation-rules';
import { SelectField, TextField } from '../../../components/form-controls';
import type { FieldErrors } from '../../../components/form-errors';
import { emptyField, type FieldDraft } from '../template-draft';

export interface KpiOption {
  code: string;
  nameVi: string;
  nameEn: string;
}

interface FieldEditorProps {
  fields: FieldDraft[];
  onChange: (fields: FieldDraft[]) => void;
  /** Errors keyed by schema path (`fields.2.code`). */
  errors: FieldErrors;
  kpis: readonly KpiOption[];
  disabled?: boolean;
}

/**
 * The indicators of a template, in form order: each with its code, labels, unit, type, bounds, the
 * KPI it feeds and the system figure it is prefilled from; added, removed and moved with buttons
 * (keyboard operable, each named by its number). Bounds are typed the reader's way ("1.000" in vi).
 */
export function FieldEditor({ fields, onChange, errors, kpis, disabled = false }: FieldEditorProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const update = (index: number, patch: Partial<FieldDraft>) =>
    onChange(fields.map((f, i) => (i === index ? { ...f, ...patch } : f)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...fields];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    onChange(next);
  };

  return (
    <fieldset className="template-fields" disabled={disabled}>
      <legend>{t('templateAdmin.fields.legend')}</legend>
      <p className="hint">
        {t('templateAdmin.fields.intro')} {t('templateAdmin.fields.count', { count: fields.length })}
      </p>
      {errors.fields && (
        <p className="form__error" role="alert">
          {errors.fields}
        </p>
      )}
      <ol className="template-fields__list">
        {fields.map((field, index) => {
          const n = index + 1;
          const error = (key: string) => errors[`fields.${index}.${key}`];
          const numeric = field.type !== 'text';
          return (
            <li key={field.key} className="template-field">
              <fieldset>
                <legend>{t('templateAdmin.fields.fieldNo', { n })}</legend>
                <div className="template-field__grid">
                  <TextField
                    label={t('templateAdmin.fields.code')}
                    hint={t('templateAdmin.fields.codeHint')}
                    error={error('code')}
                    required
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={60}
                    value={field.code}
                    onChange={(value) => update(index, { code: value })}
                  />
                  <SelectField
                    label={t('templateAdmin.fields.type')}
                    error={error('type')}
                    required
                    options={FIELD_TYPES.map((type) => ({
                      value: type,
                      label: t(`templateAdmin.fields.types.${type}`),
                    }))}
                    value={field.type}
                    onChange={(value) => {
                      const type = value as FieldType;
                      update(
                        index,
                        type === 'text'
                          ? { type, min: '', max: '', kpiCode: '', kpiRole: '', systemSource: '' }
                          : { type },
                      );
                    }}
                  />
                  <TextField
                    label={t('templateAdmin.fields.labelVi')}
                    error={error('labelVi')}
                    required
                    maxLength={300}
                    value={field.labelVi}
                    onChange={(value) => update(index, { labelVi: value })}
                  />
                  <TextField
                    label={t('templateAdmin.fields.labelEn')}
                    error={error('labelEn')}
                    required
                    lang="en"
                    maxLength={300}
                    value={field.labelEn}
                    onChange={(value) => update(index, { labelEn: value })}
                  />
                  <TextField
                    label={t('templateAdmin.fields.unit')}
                    error={error('unit')}
                    maxLength={50}
                    value={field.unit}
                    onChange={(value) => update(index, { unit: value })}
                  />
                  {numeric && (
                    <>
                      <TextField
                        label={t('templateAdmin.fields.min')}
                        error={error('min')}
                        inputMode="decimal"
                        value={field.min}
                        onChange={(value) => update(index, { min: value })}
                      />
                      <TextField
                        label={t('templateAdmin.fields.max')}
                        error={error('max')}
                        inputMode="decimal"
                        value={field.max}
                        onChange={(value) => update(index, { max: value })}
                      />
                      <SelectField
                        label={t('templateAdmin.fields.kpiCode')}
                        error={error('kpiCode')}
                        placeholder={t('templateAdmin.fields.kpiNone')}
                        options={kpis.map((k) => ({
                          value: k.code,
                          label: `${k.code} — ${en ? k.nameEn : k.nameVi}`,
                        }))}
                        value={field.kpiCode}
                        onChange={(kpiCode) =>
                          update(index, { kpiCode, kpiRole: kpiCode === '' ? '' : field.kpiRole })
                        }
                      />
                      <SelectField
                        label={t('templateAdmin.fields.kpiRole')}
                        error={error('kpiRole')}
                        placeholder={t('templateAdmin.fields.kpiRoles.none')}
                        options={(['numerator', 'denominator'] as const).map((role) => ({
                          value: role,
                          label: t(`templateAdmin.fields.kpiRoles.${role}`),
                        }))}
                        value={field.kpiRole}
                        disabled={field.kpiCode === ''}
                        onChange={(value) => update(index, { kpiRole: value as FieldDraft['kpiRole'] })}
                      />
                      <SelectField
                        label={t('templateAdmin.fields.systemSource')}
                        hint={t('templateAdmin.fields.systemSourceHint')}
                        error={error('systemSource')}
                        placeholder={t('templateAdmin.fields.systemSourceNone')}
                        options={SYSTEM_SOURCES.map((source) => ({
                          value: source,
                          label: t(`templateAdmin.fields.systemSources.${source}`),
                        }))}
                        value={field.systemSource}
                        onChange={(value) => update(index, { systemSource: value as '' | SystemSource })}
                      />
                    </>
                  )}
                  <div className="form__field form__field--check">
                    <label>
                      <input
                        type="checkbox"
                        checked={field.required}
                        onChange={(e) => update(index, { required: e.target.checked })}
                      />{' '}
                      {t('templateAdmin.fields.required')}
                    </label>
                  </div>
                </div>
                <div className="template-field__actions">
                  <button
                    type="button"
                    className="button"
                    disabled={index === 0}
                    aria-label={t('templateAdmin.fields.moveUp', { n })}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={index === fields.length - 1}
                    aria-label={t('templateAdmin.fields.moveDown', { n })}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button--danger"
                    disabled={fields.length === 1}
                    onClick={() => onChange(fields.filter((_, i) => i !== index))}
                  >
                    {t('templateAdmin.fields.remove', { n })}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" onClick={() => onChange([...fields, emptyField()])}>
        {t('templateAdmin.fields.add')}
      </button>
    </fieldset>
  );
}
