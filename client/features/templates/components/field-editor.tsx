import { useTranslation } from 'react-i18next';
import { FIELD_TYPES, type FieldType } from '../../../../shared/report-values';
import type { FieldErrors } from '../../../components/form-errors';
import { Field } from '../../../components/form-field';
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
 * The indicators of a template, in form order: each with its code, labels, unit, type, bounds and the
 * KPI it feeds; added, removed and moved with buttons (keyboard operable, each named by its number).
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
                  <Field
                    label={t('templateAdmin.fields.code')}
                    hint={t('templateAdmin.fields.codeHint')}
                    error={error('code')}
                    required
                  >
                    {(control) => (
                      <input
                        {...control}
                        type="text"
                        autoComplete="off"
                        spellCheck={false}
                        maxLength={60}
                        value={field.code}
                        onChange={(e) => update(index, { code: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field label={t('templateAdmin.fields.type')} error={error('type')} required>
                    {(control) => (
                      <select
                        {...control}
                        value={field.type}
                        onChange={(e) => {
                          const type = e.target.value as FieldType;
                          update(
                            index,
                            type === 'text' ? { type, min: '', max: '', kpiCode: '', kpiRole: '' } : { type },
                          );
                        }}
                      >
                        {FIELD_TYPES.map((type) => (
                          <option key={type} value={type}>
                            {t(`templateAdmin.fields.types.${type}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field label={t('templateAdmin.fields.labelVi')} error={error('labelVi')} required>
                    {(control) => (
                      <input
                        {...control}
                        type="text"
                        maxLength={300}
                        value={field.labelVi}
                        onChange={(e) => update(index, { labelVi: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field label={t('templateAdmin.fields.labelEn')} error={error('labelEn')} required>
                    {(control) => (
                      <input
                        {...control}
                        type="text"
                        lang="en"
                        maxLength={300}
                        value={field.labelEn}
                        onChange={(e) => update(index, { labelEn: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field label={t('templateAdmin.fields.unit')} error={error('unit')}>
                    {(control) => (
                      <input
                        {...control}
                        type="text"
                        maxLength={50}
                        value={field.unit}
                        onChange={(e) => update(index, { unit: e.target.value })}
                      />
                    )}
                  </Field>
                  {numeric && (
                    <>
                      <Field label={t('templateAdmin.fields.min')} error={error('min')}>
                        {(control) => (
                          <input
                            {...control}
                            type="text"
                            inputMode="decimal"
                            value={field.min}
                            onChange={(e) => update(index, { min: e.target.value })}
                          />
                        )}
                      </Field>
                      <Field label={t('templateAdmin.fields.max')} error={error('max')}>
                        {(control) => (
                          <input
                            {...control}
                            type="text"
                            inputMode="decimal"
                            value={field.max}
                            onChange={(e) => update(index, { max: e.target.value })}
                          />
                        )}
                      </Field>
                      <Field label={t('templateAdmin.fields.kpiCode')} error={error('kpiCode')}>
                        {(control) => (
                          <select
                            {...control}
                            value={field.kpiCode}
                            onChange={(e) =>
                              update(index, {
                                kpiCode: e.target.value,
                                kpiRole: e.target.value === '' ? '' : field.kpiRole,
                              })
                            }
                          >
                            <option value="">{t('templateAdmin.fields.kpiNone')}</option>
                            {kpis.map((k) => (
                              <option key={k.code} value={k.code}>
                                {k.code} — {en ? k.nameEn : k.nameVi}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                      <Field label={t('templateAdmin.fields.kpiRole')} error={error('kpiRole')}>
                        {(control) => (
                          <select
                            {...control}
                            value={field.kpiRole}
                            disabled={field.kpiCode === ''}
                            onChange={(e) =>
                              update(index, { kpiRole: e.target.value as FieldDraft['kpiRole'] })
                            }
                          >
                            <option value="">{t('templateAdmin.fields.kpiRoles.none')}</option>
                            <option value="numerator">{t('templateAdmin.fields.kpiRoles.numerator')}</option>
                            <option value="denominator">
                              {t('templateAdmin.fields.kpiRoles.denominator')}
                            </option>
                          </select>
                        )}
                      </Field>
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
