import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReportCompletionInput, reportCompletionInput } from '../../../../shared/schemas/tasks';
import { DateField } from '../../../components/date-field';
import { parseDisplayDate } from '../../../components/display-date';
import { useFormMessages } from '../../../components/form-errors';
import { FormFeedback } from '../../../components/form-feedback';
import { Field } from '../../../components/form-field';
import { useFormSubmit } from '../../../components/use-form-submit';
import { TASK_FORM_VOCABULARY } from '../task-form-vocabulary';

interface Props {
  taskId: number;
  send: (input: ReportCompletionInput) => Promise<unknown>;
}

const EMPTY = { result: '', completionDate: '', evidenceUrl: '' };

export function CompletionReportForm({ taskId, send }: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(EMPTY);
  const labels: Record<string, string> = {
    result: t('taskForms.result'),
    completionDate: t('taskForms.completionDate'),
    evidenceUrl: t('taskForms.evidenceUrl'),
  };
  const messages = useFormMessages({ ...TASK_FORM_VOCABULARY, label: (path) => labels[path] ?? path });
  const submit = useFormSubmit(formRef, messages.describe);
  const set = (field: keyof typeof EMPTY) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = reportCompletionInput.safeParse({
      taskId,
      result: values.result,
      completionDate: parseDisplayDate(values.completionDate),
      evidenceUrl: values.evidenceUrl.trim() || null,
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
    <section className="task-form card" aria-labelledby="completion-report-title">
      <h3 id="completion-report-title">{t('taskForms.completionTitle')}</h3>
      <form ref={formRef} className="form" noValidate onSubmit={handleSubmit} aria-busy={submit.pending}>
        <FormFeedback
          failure={submit.failure}
          succeeded={submit.succeeded}
          successText={t('taskForms.sent')}
          invalidText={submit.invalid ? t('validation.fixErrors') : undefined}
        />
        <Field
          label={labels.result ?? ''}
          hint={t('taskForms.resultHint')}
          error={submit.errors.result}
          required
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={5000}
              value={values.result}
              onChange={(e) => set('result')(e.target.value)}
            />
          )}
        </Field>
        <DateField
          label={labels.completionDate ?? ''}
          value={values.completionDate}
          onChange={(value) => set('completionDate')(value)}
          error={submit.errors.completionDate}
          required
        />
        <Field
          label={labels.evidenceUrl ?? ''}
          hint={t('taskForms.evidenceHint')}
          error={submit.errors.evidenceUrl}
        >
          {(control) => (
            <input
              {...control}
              type="url"
              inputMode="url"
              maxLength={1000}
              value={values.evidenceUrl}
              onChange={(e) => set('evidenceUrl')(e.target.value)}
            />
          )}
        </Field>
        <div>
          <button type="submit" className="button button--primary" disabled={submit.pending}>
            {submit.pending ? t('taskForms.sending') : t('taskForms.submitCompletion')}
          </button>
        </div>
      </form>
    </section>
  );
}
