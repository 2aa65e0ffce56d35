import { useTranslation } from 'react-i18next';
import {
  COMPARE_OPERATORS,
  type CompareOperator,
  RULE_KINDS,
  RULE_SEVERITIES,
  type RuleKind,
  type RuleSeverity,
} from '../../../../shared/validation-rules';
import { SelectField, TextField } from '../../../components/form-controls';
import type { FieldErrors } from '../../../components/form-errors';
import { emptyRule, type FieldDraft, type RuleDraft } from '../template-draft';

interface RulesEditorProps {
  rules: RuleDraft[];
  /** The template's indicators as edited now: rules choose among its number fields. */
  fields: readonly FieldDraft[];
  onChange: (rules: RuleDraft[]) => void;
  /** Errors keyed by schema path (`validationRules.1.right`). */
  errors: FieldErrors;
}

/**
 * The validation rules of a template version: comparisons, sums that must match and a warning for a
 * value far from the agency's previous period, each with its severity and its message in both
 * languages. Above them, the rules every template has without declaring them.
 */
export function RulesEditor({ rules, fields, onChange, errors }: RulesEditorProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const update = (index: number, patch: Partial<RuleDraft>) =>
    onChange(rules.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const numeric = fields.filter((f) => f.type !== 'text' && f.code.trim() !== '');
  const labelOf = (f: FieldDraft) => {
    const label = en ? f.labelEn || f.labelVi : f.labelVi || f.labelEn;
    return label ? `${f.code} — ${label}` : f.code;
  };
  /** The template's number fields; a code no longer among them stays visible, marked. */
  const fieldOptions = (current: string) => [
    ...numeric.map((f) => ({ value: f.code, label: labelOf(f) })),
    ...(current && !numeric.some((f) => f.code === current)
      ? [{ value: current, label: t('templateAdmin.rules.missingField', { code: current }) }]
      : []),
  ];
  const pairs = [
    ...new Set(
      fields
        .filter((f) => f.kpiCode && f.kpiRole === 'numerator')
        .filter((f) => fields.some((g) => g.kpiCode === f.kpiCode && g.kpiRole === 'denominator'))
        .map((f) => f.kpiCode),
    ),
  ];
  const sourced = fields.some((f) => f.type !== 'text' && f.systemSource !== '');

  return (
    <fieldset className="template-rules">
      <legend>{t('templateAdmin.rules.legend')}</legend>
      <p className="hint">{t('templateAdmin.rules.intro')}</p>
      {pairs.length > 0 && (
        <p className="hint">{t('templateAdmin.rules.always', { kpis: pairs.join(', ') })}</p>
      )}
      {sourced && <p className="hint">{t('templateAdmin.rules.alwaysSource')}</p>}
      {rules.length === 0 && <p>{t('templateAdmin.rules.none')}</p>}
      <ol className="template-fields__list">
        {rules.map((rule, index) => {
          const n = index + 1;
          const error = (key: string) => errors[`validationRules.${index}.${key}`];
          const input = (key: keyof typeof import('../../../lib/i18n/vi').vi.templateAdmin.rules.inputs) =>
            t(`templateAdmin.rules.inputs.${key}`);
          const chooseField = (key: 'left' | 'right' | 'total' | 'field') => (
            <SelectField
              label={input(key)}
              error={error(key)}
              required
              placeholder={t('templateAdmin.rules.chooseField')}
              options={fieldOptions(rule[key])}
              value={rule[key]}
              onChange={(value) => update(index, { [key]: value })}
            />
          );
          return (
            <li key={rule.key} className="template-field">
              <fieldset>
                <legend>{t('templateAdmin.rules.ruleNo', { n })}</legend>
                <div className="template-field__grid">
                  <TextField
                    label={input('code')}
                    hint={t('templateAdmin.rules.codeHint')}
                    error={error('code')}
                    required
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={40}
                    value={rule.code}
                    onChange={(value) => update(index, { code: value })}
                  />
                  <SelectField
                    label={input('kind')}
                    error={error('kind')}
                    required
                    options={RULE_KINDS.map((kind) => ({
                      value: kind,
                      label: t(`templateAdmin.rules.kinds.${kind}`),
                    }))}
                    value={rule.kind}
                    onChange={(value) => {
                      const kind = value as RuleKind;
                      // A change from the previous period is only ever a warning.
                      update(index, kind === 'deviation' ? { kind, severity: 'warning' } : { kind });
                    }}
                  />
                  <SelectField
                    label={input('severity')}
                    error={error('severity')}
                    required
                    disabled={rule.kind === 'deviation'}
                    options={RULE_SEVERITIES.map((severity) => ({
                      value: severity,
                      label: t(`templateAdmin.rules.severities.${severity}`),
                    }))}
                    value={rule.severity}
                    onChange={(value) => update(index, { severity: value as RuleSeverity })}
                  />
                  {rule.kind === 'compare' && (
                    <>
                      {chooseField('left')}
                      <SelectField
                        label={input('op')}
                        error={error('op')}
                        required
                        options={COMPARE_OPERATORS.map((op) => ({
                          value: op,
                          label: t(`templateAdmin.rules.ops.${op}`),
                        }))}
                        value={rule.op}
                        onChange={(value) => update(index, { op: value as CompareOperator })}
                      />
                      {chooseField('right')}
                    </>
                  )}
                  {rule.kind === 'sum' && (
                    <>
                      {chooseField('total')}
                      <fieldset className="template-rules__parts">
                        <legend>{input('parts')}</legend>
                        {error('parts') && <p className="form__error">{error('parts')}</p>}
                        {numeric
                          .filter((f) => f.code !== rule.total)
                          .map((f) => (
                            <label key={f.key} className="checkbox">
                              <input
                                type="checkbox"
                                aria-invalid={error('parts') ? true : undefined}
                                checked={rule.parts.includes(f.code)}
                                onChange={(e) =>
                                  update(index, {
                                    parts: e.target.checked
                                      ? [...rule.parts, f.code]
                                      : rule.parts.filter((p) => p !== f.code),
                                  })
                                }
                              />{' '}
                              {labelOf(f)}
                            </label>
                          ))}
                      </fieldset>
                    </>
                  )}
                  {rule.kind === 'deviation' && (
                    <>
                      {chooseField('field')}
                      <TextField
                        label={input('maxChangePercent')}
                        hint={t('templateAdmin.rules.percentHint')}
                        error={error('maxChangePercent')}
                        required
                        inputMode="decimal"
                        autoComplete="off"
                        value={rule.maxChangePercent}
                        onChange={(value) => update(index, { maxChangePercent: value })}
                      />
                    </>
                  )}
                  <TextField
                    label={input('messageVi')}
                    error={error('messageVi')}
                    required
                    maxLength={500}
                    value={rule.messageVi}
                    onChange={(value) => update(index, { messageVi: value })}
                  />
                  <TextField
                    label={input('messageEn')}
                    error={error('messageEn')}
                    required
                    lang="en"
                    maxLength={500}
                    value={rule.messageEn}
                    onChange={(value) => update(index, { messageEn: value })}
                  />
                </div>
                <div className="template-field__actions">
                  <button
                    type="button"
                    className="button button--danger"
                    onClick={() => onChange(rules.filter((_, i) => i !== index))}
                  >
                    {t('templateAdmin.rules.remove', { n })}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" onClick={() => onChange([...rules, emptyRule()])}>
        {t('templateAdmin.rules.add')}
      </button>
    </fieldset>
  );
}
