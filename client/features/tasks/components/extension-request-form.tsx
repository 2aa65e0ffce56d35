import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RequestExtensionInput, requestExtensionInput } from '../../../../shared/schemas/tasks';
import { Field } from '../../../components/form-field';
import { zodFieldErrors } from '../form-errors';
import { parseDisplayDate } from '../task-dates';
import { FormFeedback } from './form-feedback';
import { useFormSubmit } from './use-form-submit';

interface Props {
  taskId: number;
  send: (input: RequestExtensionInput) => Promise<unknown>;
}

const EMPTY = { requestedDeadline: '', reason: '' };

export function ExtensionRequestForm({ taskId, send }: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useFormSubmit(formRef);
  const [values, setValues] = useState(EMPTY);
  const labels: Record<string, string> = {
    requestedDeadline: t('taskForms.requestedDeadline'),
    reason: t('taskForms.reason'),
  };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = requestExtensionInput.safeParse({
      taskId,
      requestedDeadline: parseDisplayDate(values.requestedDeadline),
      reason: values.reason,
      idempotencyKey: submit.idempotencyKey(),
    });
    if (!parsed.success) {
      submit.setErrors(zodFieldErrors(parsed.error, t, (path) => labels[path] ?? path));
      return;
    }
    void submit.run(
      () => send(parsed.data),
      () => setValues(EMPTY),
    );
  }

  return (
    <section className="task-form card" aria-labelledby="extension-request-title">
      <h3 id="extension-request-title">{t('taskForms.extensionTitle')}</h3>
      <form ref={formRef} className="form" noValidate onSubmit={handleSubmit} aria-busy={submit.pending}>
        <FormFeedback
          failure={submit.failure}
          succeeded={submit.succeeded}
          successText={t('taskForms.sent')}
          invalid={Object.keys(submit.errors).length > 0}
        />
        <Field
          label={labels.requestedDeadline ?? ''}
          hint={t('taskForms.dateHint')}
          error={submit.errors.requestedDeadline}
          required
        >
          {(control) => (
            <input
              {...control}
              className="input--date"
              type="text"
              inputMode="numeric"
              placeholder="dd/mm/yyyy"
              autoComplete="off"
              value={values.requestedDeadline}
              onChange={(e) => setValues((v) => ({ ...v, requestedDeadline: e.target.value }))}
            />
          )}
        </Field>
        <Field label={labels.reason ?? ''} error={submit.errors.reason} required>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={2000}
              value={values.reason}
              onChange={(e) => setValues((v) => ({ ...v, reason: e.target.value }))}
            />
          )}
        </Field>
        <div>
          <button type="submit" className="button button--primary" disabled={submit.pending}>
            {submit.pending ? t('taskForms.sending') : t('taskForms.submitExtension')}
          </button>
        </div>
      </form>
    </section>
  );
}
