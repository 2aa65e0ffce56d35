import { useTranslation } from 'react-i18next';
import { DEFAULT_ANSWER_WORKING_DAYS } from '../../../../shared/explanations';
import {
  type RequestExplanationInput,
  type RequestReportExplanationInput,
  requestExplanationInput,
  requestReportExplanationInput,
} from '../../../../shared/schemas/accountability';
import { ActionFormCard, useActionForm } from '../../../components/action-form';
import { SubmitButton, TextAreaField } from '../../../components/form-controls';
import { SubmitFeedback } from '../../../components/form-feedback';
import { ACCOUNTABILITY_FORM_VOCABULARY } from '../accountability-form-vocabulary';
import type { AccountabilitySubject } from '../subject';
import { readWorkingDays } from '../working-days';
import { WorkingDaysField } from './working-days-field';

type Subject<K> = Extract<AccountabilitySubject, { kind: K }>;
type Props =
  | { subject: Subject<'task'>; send: (input: RequestExplanationInput) => Promise<unknown> }
  | { subject: Subject<'report'>; send: (input: RequestReportExplanationInput) => Promise<unknown> };

const EMPTY = { reason: '', workingDays: String(DEFAULT_ANSWER_WORKING_DAYS) };

/**
 * The Office asks the task's lead agency, or the agency whose report is late or missing, to explain,
 * within a number of working days.
 */
export function ExplanationRequestForm(props: Props) {
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
    const common = {
      reason: values.reason,
      workingDays: days.ok ? days.value : undefined,
      idempotencyKey: submit.idempotencyKey(),
    };
    const { kind, ...key } = props.subject;
    const parsed =
      kind === 'task'
        ? requestExplanationInput.safeParse({ ...key, ...common })
        : requestReportExplanationInput.safeParse({ ...key, ...common });
    if (!parsed.success || !days.ok) {
      const errors = parsed.success ? {} : messages.fieldErrors(parsed.error);
      if (!days.ok) errors.workingDays = messages.message(days.reason, 'workingDays');
      submit.setErrors(errors);
      return;
    }
    const data = parsed.data;
    // The parsed input is the subject's own (task or report), as the schema chosen above says.
    void submit.run(() => (props.send as (input: typeof data) => Promise<unknown>)(data), clear);
  }

  return (
    <ActionFormCard
      headingId="explanation-request-title"
      title={t('accountabilityForms.requestTitle')}
      intro={
        <p className="hint">
          {t(
            props.subject.kind === 'task'
              ? 'accountabilityForms.requestIntro'
              : 'accountabilityForms.requestReportIntro',
          )}
        </p>
      }
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
