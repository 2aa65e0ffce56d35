import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscalationRuleView } from '../../../../shared/schemas/escalation';
import { updateEscalationRuleInput } from '../../../../shared/schemas/escalation';
import { AdminPanel } from '../../../components/admin-panel';
import { FormActions, TextField } from '../../../components/form-controls';
import { type FormVocabulary, useFormMessages } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
import { useFormSubmit } from '../../../components/use-form-submit';
import { formatDateTime } from '../../../lib/format';

function ruleVocabulary(t: TFunction): FormVocabulary {
  return {
    validation: 'escalationAdmin.validation',
    errors: 'escalationAdmin.errors',
    // The schema's paths are `params.<name>`: the label is the parameter's.
    label: (path) => {
      const name = path.replace(/^params\./, '');
      return t(`escalationAdmin.params.${name}` as 'escalationAdmin.params.workingDays', {
        defaultValue: name,
      });
    },
  };
}

/** Whole numbers as typed; anything else is left for the schema to refuse ("must be a number"). */
const toNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

interface EscalationRuleFormProps {
  rule: EscalationRuleView;
  send: (input: unknown) => Promise<unknown>;
  onReload: () => void;
}

/**
 * One rule as the administrator edits it: on or off, and its parameters (percentages, working days),
 * checked with the procedure's own schema before sending.
 */
export function EscalationRuleForm({ rule, send, onReload }: EscalationRuleFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const checkboxId = useId();
  const { fieldErrors, describe } = useFormMessages(ruleVocabulary(t));
  const submit = useFormSubmit(formRef, describe);
  const initial = () => ({
    enabled: rule.enabled,
    params: Object.fromEntries(Object.entries(rule.params).map(([k, v]) => [k, String(v)])),
  });
  const [values, setValues] = useState(initial);
  // A newer version (saved here or elsewhere) replaces what the form shows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version says when the rule changed
  useEffect(() => setValues(initial()), [rule.version]);
  const name = t(`escalationAdmin.rules.${rule.kind}.name`);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = updateEscalationRuleInput.safeParse({
      kind: rule.kind,
      enabled: values.enabled,
      params: Object.fromEntries(Object.entries(values.params).map(([k, v]) => [k, toNumber(v)])),
      version: rule.version,
    });
    if (!parsed.success) {
      submit.setErrors(fieldErrors(parsed.error));
      return;
    }
    void submit.run(() => send(parsed.data));
  }

  return (
    <AdminPanel title={name} level={3}>
      <form ref={formRef} className="form escalation-rule" noValidate onSubmit={onSubmit}>
        <p className="hint">{t(`escalationAdmin.rules.${rule.kind}.description`)}</p>
        <SubmitFeedback
          submit={submit}
          successText={t('escalationAdmin.saved', { rule: name })}
          onReload={onReload}
        />
        <div className="form__checkbox">
          <input
            id={checkboxId}
            type="checkbox"
            checked={values.enabled}
            onChange={(e) => setValues((v) => ({ ...v, enabled: e.target.checked }))}
          />
          <label htmlFor={checkboxId}>{t('escalationAdmin.enable')}</label>
        </div>
        {Object.keys(values.params).map((param) => (
          <TextField
            key={param}
            label={t(`escalationAdmin.params.${param}` as 'escalationAdmin.params.workingDays')}
            inputMode="numeric"
            required
            error={submit.errors[`params.${param}`]}
            value={values.params[param] ?? ''}
            onChange={(text) => setValues((v) => ({ ...v, params: { ...v.params, [param]: text } }))}
          />
        ))}
        <p className="muted">
          {rule.updatedAt && rule.updatedBy
            ? t('escalationAdmin.lastChange', { at: formatDateTime(rule.updatedAt), by: rule.updatedBy })
            : t('escalationAdmin.neverChanged')}
        </p>
        <FormActions
          pending={submit.pending}
          label={t('escalationAdmin.save')}
          pendingLabel={t('escalationAdmin.saving')}
        />
      </form>
    </AdminPanel>
  );
}
