import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DecideExtensionInput, decideExtensionInput } from '../../../../shared/schemas/tasks';
import { useFormMessages } from '../../../components/form-errors';
import { FormFeedback } from '../../../components/form-feedback';
import { Field } from '../../../components/form-field';
import { useFormSubmit } from '../../../components/use-form-submit';
import { formatDate } from '../../../lib/format';
import { TASK_FORM_VOCABULARY } from '../task-form-vocabulary';

interface Request {
  id: number;
  version: number;
  reason: string;
  currentDeadline: string | null;
  requestedDeadline: string;
}

interface Props {
  request: Request;
  send: (input: DecideExtensionInput) => Promise<unknown>;
  onReload: () => void;
}

export function ExtensionDecisionForm({ request, send, onReload }: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const messages = useFormMessages({ ...TASK_FORM_VOCABULARY, label: () => t('taskForms.comment') });
  const submit = useFormSubmit(formRef, messages.describe);
  const [comment, setComment] = useState('');

  function decide(decision: 'approved' | 'refused') {
    const parsed = decideExtensionInput.safeParse({
      id: request.id,
      version: request.version,
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
    decide('approved');
  }

  return (
    <section className="task-form card" aria-labelledby="extension-decision-title">
      <h3 id="extension-decision-title">{t('taskForms.extensionDecisionTitle')}</h3>
      <p>
        {t('taskForms.extensionSummary', {
          from: request.currentDeadline ? formatDate(request.currentDeadline) : t('taskDetail.noDeadline'),
          to: formatDate(request.requestedDeadline),
          reason: request.reason,
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
        <Field label={t('taskForms.comment')} error={submit.errors.comment}>
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
            {t('taskForms.approveExtension')}
          </button>
          <button
            type="button"
            className="button"
            disabled={submit.pending}
            onClick={() => decide('refused')}
          >
            {t('taskForms.refuseExtension')}
          </button>
        </div>
      </form>
    </section>
  );
}
