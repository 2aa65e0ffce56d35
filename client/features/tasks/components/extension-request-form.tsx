import { useTranslation } from 'react-i18next';
import { type RequestExtensionInput, requestExtensionInput } from '../../../../shared/schemas/tasks';
import { DateField } from '../../../components/date-field';
import { parseDisplayDate } from '../../../components/display-date';
import { SubmitButton, TextAreaField } from '../../../components/form-controls';
import { SubmitFeedback } from '../../../components/form-feedback';
import { TaskFormCard, useTaskForm } from './task-form-card';

interface Props {
  taskId: number;
  send: (input: RequestExtensionInput) => Promise<unknown>;
}

const EMPTY = { requestedDeadline: '', reason: '' };

export function ExtensionRequestForm({ taskId, send }: Props) {
  const { t } = useTranslation();
  const labels = {
    requestedDeadline: t('taskForms.requestedDeadline'),
    reason: t('taskForms.reason'),
  };
  const { formRef, values, set, submit, sendParsed } = useTaskForm(EMPTY, labels);

  function handleSubmit() {
    const parsed = requestExtensionInput.safeParse({
      taskId,
      requestedDeadline: parseDisplayDate(values.requestedDeadline),
      reason: values.reason,
      idempotencyKey: submit.idempotencyKey(),
    });
    sendParsed(parsed, send);
  }

  return (
    <TaskFormCard
      headingId="extension-request-title"
      title={t('taskForms.extensionTitle')}
      formRef={formRef}
      pending={submit.pending}
      onSubmit={handleSubmit}
    >
      <SubmitFeedback submit={submit} />
      <DateField
        label={labels.requestedDeadline}
        value={values.requestedDeadline}
        onChange={set('requestedDeadline')}
        error={submit.errors.requestedDeadline}
        required
      />
      <TextAreaField
        label={labels.reason}
        error={submit.errors.reason}
        required
        rows={3}
        maxLength={2000}
        value={values.reason}
        onChange={set('reason')}
      />
      <div>
        <SubmitButton
          pending={submit.pending}
          label={t('taskForms.submitExtension')}
          pendingLabel={t('taskForms.sending')}
        />
      </div>
    </TaskFormCard>
  );
}
