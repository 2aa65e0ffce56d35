import { useTranslation } from 'react-i18next';
import {
  type RemindReportsInput,
  remindReportsInput,
  type SendReminderInput,
  sendReminderInput,
} from '../../../../shared/schemas/accountability';
import { ActionFormCard, useActionForm } from '../../../components/action-form';
import { SubmitButton, TextAreaField } from '../../../components/form-controls';
import { SubmitFeedback } from '../../../components/form-feedback';
import { ACCOUNTABILITY_FORM_VOCABULARY } from '../accountability-form-vocabulary';
import type { AccountabilitySubject } from '../subject';

type Subject<K> = Extract<AccountabilitySubject, { kind: K }>;
type Props =
  | { subject: Subject<'task'>; send: (input: SendReminderInput) => Promise<unknown> }
  | { subject: Subject<'report'>; send: (input: RemindReportsInput) => Promise<unknown> };

const EMPTY = { message: '' };

/**
 * The Office reminds the task's lead agency (đôn đốc), or the agency whose report is missing, with a
 * message its staff are notified of.
 */
export function ReminderForm(props: Props) {
  const { t } = useTranslation();
  const labels = { message: t('accountabilityForms.message') };
  const { formRef, values, set, submit, sendParsed } = useActionForm(
    EMPTY,
    labels,
    ACCOUNTABILITY_FORM_VOCABULARY,
  );

  function handleSubmit() {
    const common = { message: values.message, idempotencyKey: submit.idempotencyKey() };
    if (props.subject.kind === 'task') {
      const parsed = sendReminderInput.safeParse({ taskIds: [props.subject.taskId], ...common });
      sendParsed(parsed, props.send as (input: SendReminderInput) => Promise<unknown>);
    } else {
      const { templateId, agencyId, periodKey } = props.subject;
      const parsed = remindReportsInput.safeParse({
        templateId,
        periodKey,
        agencyIds: [agencyId],
        ...common,
      });
      sendParsed(parsed, props.send as (input: RemindReportsInput) => Promise<unknown>);
    }
  }

  return (
    <ActionFormCard
      headingId="reminder-form-title"
      title={t('accountabilityForms.remindTitle')}
      intro={
        <p className="hint">
          {t(
            props.subject.kind === 'task'
              ? 'accountabilityForms.remindIntro'
              : 'accountabilityForms.remindReportIntro',
          )}
        </p>
      }
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
