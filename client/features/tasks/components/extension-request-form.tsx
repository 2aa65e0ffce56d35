import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RequestExtensionInput, requestExtensionInput } from '../../../../shared/schemas/tasks';
import { DateField } from '../../../components/date-field';
import { parseDisplayDate } from '../../../components/display-date';
import { useFormMessages } from '../../../components/form-errors';
import { FormFeedback } from '../../../components/form-feedback';
import { Field } from '../../../components/form-field';
import { useFormSubmit } from '../../../components/use-form-submit';
import { TASK_FORM_VOCABULARY } from '../task-form-vocabulary';

interface Props {
  taskId: number;
  send: (input: RequestExtensionInput) => Promise<unknown>;
}

const EMPTY = { requestedDeadline: '', reason: '' };

export function ExtensionRequestForm({ taskId, send }: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(EMPTY);
  const labels: Record<string, string> = {
    requestedDeadline: t('taskForms.requestedDeadline'),
    reason: t('taskForms.reason'),
  };
  const messages = useFormMessages({ ...TASK_FORM_VOCABULARY, label: (path) => labels[path] ?? path });
  const submit = useFormSubmit(formRef, messages.describe);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = requestExtensionInput.safeParse({
      taskId,
      requestedDeadline: parseDisplayDate(values.requestedDeadline),
      reason: values.reason,
      idempotencyKey: submit.idempotencyKey(),
    });
    if (!parsed.success) {
      submit.setErrors(messages.fieldErrors(parsed.error));
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
          invalidText={submit.invalid ? t('validation.fixErrors') : undefined}
        />
        <DateField
          label={labels.requestedDeadline ?? ''}
          value={values.requestedDeadline}
          onChange={(value) => setValues((v) => ({ ...v, requestedDeadline: value }))}
          error={submit.errors.requestedDeadline}
          required
        />
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
