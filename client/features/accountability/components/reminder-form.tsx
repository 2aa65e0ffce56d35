import { useTranslation } from 'react-i18next';
import { type SendReminderInput, sendReminderInput } from '../../../../shared/schemas/accountability';
import { ActionFormCard, useActionForm } from '../../../components/action-form';
import { SubmitButton, TextAreaField } from '../../../components/form-controls';
import { SubmitFeedback } from '../../../components/form-feedback';
import { ACCOUNTABILITY_FORM_VOCABULARY } from '../accountability-form-vocabulary';

interface Props {
  taskId: number;
  send: (input: SendReminderInput) => Promise<unknown>;
}

const EMPTY = { message: '' };

/** The Office reminds the task's lead agency (đôn đốc), with a message its staff are notified of. */
export function ReminderForm({ taskId, send }: Props) {
  const { t } = useTranslation();
  const labels = { message: t('accountabilityForms.message') };
  const { formRef, values, set, submit, sendParsed } = useActionForm(
    EMPTY,
    labels,
    ACCOUNTABILITY_FORM_VOCABULARY,
  );

  function handleSubmit() {
    const parsed = sendReminderInput.safeParse({
      taskIds: [taskId],
      message: values.message,
      idempotencyKey: submit.idempotencyKey(),
    });
    sendParsed(parsed, send);
  }

  return (
    <ActionFormCard
      headingId="reminder-form-title"
      title={t('accountabilityForms.remindTitle')}
      intro={<p className="hint">{t('accountabilityForms.remindIntro')}</p>}
      formRef={formRef}
      pending={submit.pending}
      onSubmit={handleSubmit}
    >
      <SubmitFeedback submit={submit} />
      <TextAreaField
        label={labels.message}
        error={submit.errors.message}
        required
        rows={3}
        maxLength={2000}
        value={values.message}
        onChange={set('message')}
      />
      <div>
        <SubmitButton
          pending={submit.pending}
          label={t('accountabilityForms.sendReminder')}
          pendingLabel={t('accountabilityForms.sending')}
        />
      </div>
    </ActionFormCard>
  );
}
