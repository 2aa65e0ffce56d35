import { useTranslation } from 'react-i18next';
import {
  type AnswerExplanationInput,
  answerExplanationInput,
} from '../../../../shared/schemas/accountability';
import { ActionFormCard, useActionForm } from '../../../components/action-form';
import { DateField } from '../../../components/date-field';
import { parseDisplayDate } from '../../../components/display-date';
import { SubmitButton, TextAreaField } from '../../../components/form-controls';
import { SubmitFeedback } from '../../../components/form-feedback';
import { ACCOUNTABILITY_FORM_VOCABULARY } from '../accountability-form-vocabulary';

interface Props {
  request: { id: number; version: number };
  send: (input: AnswerExplanationInput) => Promise<unknown>;
  onReload: () => void;
}

const EMPTY = { cause: '', remedy: '', committedDate: '' };

/**
 * The lead agency's officer explains: the cause, the remedy and the date the agency now commits to
 * (typed dd/mm/yyyy; the server refuses a date before today, said under the field).
 */
export function ExplanationAnswerForm({ request, send, onReload }: Props) {
  const { t } = useTranslation();
  const labels = {
    cause: t('accountabilityForms.cause'),
    remedy: t('accountabilityForms.remedy'),
    committedDate: t('accountabilityForms.committedDate'),
  };
  const { formRef, values, set, clear, messages, submit } = useActionForm(
    EMPTY,
    labels,
    ACCOUNTABILITY_FORM_VOCABULARY,
  );

  function handleSubmit() {
    const parsed = answerExplanationInput.safeParse({
      id: request.id,
      version: request.version,
      cause: values.cause,
      remedy: values.remedy,
      committedDate: parseDisplayDate(values.committedDate),
    });
    if (!parsed.success) {
      const errors = messages.fieldErrors(parsed.error);
      if (!values.committedDate.trim()) errors.committedDate = messages.message('required', 'committedDate');
      submit.setErrors(errors);
      return;
    }
    void submit.run(() => send(parsed.data), clear);
  }

  return (
    <ActionFormCard
      headingId={`explanation-answer-${request.id}`}
      title={t('accountabilityForms.answerTitle')}
      level={4}
      formRef={formRef}
      pending={submit.pending}
      onSubmit={handleSubmit}
    >
      <SubmitFeedback
        submit={submit}
        onReload={() => {
          submit.clearFailure();
          onReload();
        }}
      />
      <TextAreaField
        label={labels.cause}
        error={submit.errors.cause}
        required
        rows={3}
        maxLength={3000}
        value={values.cause}
        onChange={set('cause')}
      />
      <TextAreaField
        label={labels.remedy}
        error={submit.errors.remedy}
        required
        rows={3}
        maxLength={3000}
        value={values.remedy}
        onChange={set('remedy')}
      />
      <DateField
        label={labels.committedDate}
        value={values.committedDate}
        onChange={set('committedDate')}
        error={submit.errors.committedDate}
        required
      />
      <div>
        <SubmitButton
          pending={submit.pending}
          label={t('accountabilityForms.sendAnswer')}
          pendingLabel={t('accountabilityForms.sending')}
        />
      </div>
    </ActionFormCard>
  );
}
