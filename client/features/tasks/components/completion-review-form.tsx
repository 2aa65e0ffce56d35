import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReviewCompletionInput, reviewCompletionInput } from '../../../../shared/schemas/tasks';
import { useFormMessages } from '../../../components/form-errors';
import { FormFeedback } from '../../../components/form-feedback';
import { Field } from '../../../components/form-field';
import { useFormSubmit } from '../../../components/use-form-submit';
import { formatDate } from '../../../lib/format';
import { TASK_FORM_VOCABULARY } from '../task-form-vocabulary';

interface Report {
  id: number;
  version: number;
  result: string;
  completionDate: string;
  reportedByName: string;
}

interface Props {
  /** The leader signs off before the report goes to the Office; the Office accepts or returns it. */
  stage: 'leader' | 'office';
  report: Report;
  send: (input: ReviewCompletionInput) => Promise<unknown>;
  onReload: () => void;
}

export function CompletionReviewForm({ stage, report, send, onReload }: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const messages = useFormMessages({ ...TASK_FORM_VOCABULARY, label: () => t('taskForms.comment') });
  const submit = useFormSubmit(formRef, messages.describe);
  const [comment, setComment] = useState('');
  const titleId = `completion-review-${stage}`;

  function decide(decision: 'accept' | 'return') {
    const parsed = reviewCompletionInput.safeParse({
      id: report.id,
      version: report.version,
      decision,
      comment,
    });
    if (!parsed.success) {
      submit.setErrors(messages.fieldErrors(parsed.error));
      return;
    }
    void submit.run(
      () => send(parsed.data),
      () => setComment(''),
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    decide('accept');
  }

  return (
    <section className="task-form card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {stage === 'leader' ? t('taskForms.leaderReviewTitle') : t('taskForms.officeReviewTitle')}
      </h3>
      <p>
        {t('taskForms.reportSummary', {
          date: formatDate(report.completionDate),
          name: report.reportedByName,
          result: report.result,
        })}
      </p>
      <form ref={formRef} className="form" noValidate onSubmit={handleSubmit} aria-busy={submit.pending}>
        <FormFeedback
          failure={submit.failure}
          succeeded={submit.succeeded}
          successText={t('taskForms.sent')}
          onReload={() => {
            submit.clearFailure();
            onReload();
          }}
        />
        <Field label={t('taskForms.comment')} hint={t('taskForms.commentHint')} error={submit.errors.comment}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={submit.pending}>
            {stage === 'leader' ? t('taskForms.leaderApprove') : t('taskForms.accept')}
          </button>
          <button type="button" className="button" disabled={submit.pending} onClick={() => decide('return')}>
            {t('taskForms.return')}
          </button>
        </div>
      </form>
    </section>
  );
}
