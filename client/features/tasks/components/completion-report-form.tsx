import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReportCompletionInput, reportCompletionInput } from '../../../../shared/schemas/tasks';
import { Field } from '../../../components/form-field';
import { zodFieldErrors } from '../form-errors';
import { parseDisplayDate } from '../task-dates';
import { FormFeedback } from './form-feedback';
import { useFormSubmit } from './use-form-submit';

interface Props {
  taskId: number;
  send: (input: ReportCompletionInput) => Promise<unknown>;
}

const EMPTY = { result: '', completionDate: '', evidenceUrl: '' };

export function CompletionReportForm({ taskId, send }: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useFormSubmit(formRef);
  const [values, setValues] = useState(EMPTY);
  const labels: Record<string, string> = {
    result: t('taskForms.result'),
    completionDate: t('taskForms.completionDate'),
    evidenceUrl: t('taskForms.evidenceUrl'),
  };
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
      submit.setErrors(zodFieldErrors(parsed.error, t, (path) => labels[path] ?? path));
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
          invalid={Object.keys(submit.errors).length > 0}
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
        <Field
          label={labels.completionDate ?? ''}
          hint={t('taskForms.dateHint')}
          error={submit.errors.completionDate}
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
              value={values.completionDate}
              onChange={(e) => set('completionDate')(e.target.value)}
            />
          )}
        </Field>
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
