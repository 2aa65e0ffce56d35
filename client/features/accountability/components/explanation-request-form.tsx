import { useTranslation } from 'react-i18next';
import { DEFAULT_ANSWER_WORKING_DAYS } from '../../../../shared/explanations';
import {
  type RequestExplanationInput,
  requestExplanationInput,
} from '../../../../shared/schemas/accountability';
import { ActionFormCard, useActionForm } from '../../../components/action-form';
import { SubmitButton, TextAreaField } from '../../../components/form-controls';
import { SubmitFeedback } from '../../../components/form-feedback';
import { ACCOUNTABILITY_FORM_VOCABULARY } from '../accountability-form-vocabulary';
import { readWorkingDays } from '../working-days';
import { WorkingDaysField } from './working-days-field';

interface Props {
  taskId: number;
  send: (input: RequestExplanationInput) => Promise<unknown>;
}

const EMPTY = { reason: '', workingDays: String(DEFAULT_ANSWER_WORKING_DAYS) };

/** The Office asks the task's lead agency to explain, within a number of working days. */
export function ExplanationRequestForm({ taskId, send }: Props) {
  const { t, i18n } = useTranslation();
  const labels = {
    reason: t('accountabilityForms.reason'),
    workingDays: t('accountabilityForms.workingDays'),
  };
  const { formRef, values, set, clear, messages, submit } = useActionForm(
    EMPTY,
    labels,
    ACCOUNTABILITY_FORM_VOCABULARY,
  );

  function handleSubmit() {
    const days = readWorkingDays(values.workingDays, i18n.language);
    const parsed = requestExplanationInput.safeParse({
      taskId,
      reason: values.reason,
      workingDays: days.ok ? days.value : undefined,
      idempotencyKey: submit.idempotencyKey(),
    });
    if (!parsed.success || !days.ok) {
      const errors = parsed.success ? {} : messages.fieldErrors(parsed.error);
      if (!days.ok) errors.workingDays = messages.message(days.reason, 'workingDays');
      submit.setErrors(errors);
      return;
    }
    void submit.run(() => send(parsed.data), clear);
  }

  return (
    <ActionFormCard
      headingId="explanation-request-title"
      title={t('accountabilityForms.requestTitle')}
      intro={<p className="hint">{t('accountabilityForms.requestIntro')}</p>}
      formRef={formRef}
      pending={submit.pending}
      onSubmit={handleSubmit}
    >
      <SubmitFeedback submit={submit} />
      <TextAreaField
        label={labels.reason}
        error={submit.errors.reason}
        required
        rows={3}
        maxLength={2000}
        value={values.reason}
        onChange={set('reason')}
      />
      <WorkingDaysField
        label={labels.workingDays}
        hint={t('accountabilityForms.workingDaysHint')}
        error={submit.errors.workingDays}
        required
        value={values.workingDays}
        onChange={set('workingDays')}
      />
      <div>
        <SubmitButton
          pending={submit.pending}
          label={t('accountabilityForms.sendRequest')}
          pendingLabel={t('accountabilityForms.sending')}
        />
      </div>
    </ActionFormCard>
  );
}
