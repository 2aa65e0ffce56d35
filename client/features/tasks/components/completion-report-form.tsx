import { useTranslation } from 'react-i18next';
import { type ReportCompletionInput, reportCompletionInput } from '../../../../shared/schemas/tasks';
import { DateField } from '../../../components/date-field';
import { parseDisplayDate } from '../../../components/display-date';
import { SubmitButton, TextAreaField } from '../../../components/form-controls';
import { SubmitFeedback } from '../../../components/form-feedback';
import { EvidenceUrlField, TaskFormCard, useTaskForm } from './task-form-card';

interface Props {
  taskId: number;
  send: (input: ReportCompletionInput) => Promise<unknown>;
}

const EMPTY = { result: '', completionDate: '', evidenceUrl: '' };

export function CompletionReportForm({ taskId, send }: Props) {
  const { t } = useTranslation();
  const labels = {
    result: t('taskForms.result'),
    completionDate: t('taskForms.completionDate'),
    evidenceUrl: t('taskForms.evidenceUrl'),
  };
  const { formRef, values, set, submit, sendParsed } = useTaskForm(EMPTY, labels);

  function handleSubmit() {
    const parsed = reportCompletionInput.safeParse({
      taskId,
      result: values.result,
      completionDate: parseDisplayDate(values.completionDate),
      evidenceUrl: values.evidenceUrl.trim() || null,
      idempotencyKey: submit.idempotencyKey(),
    });
    sendParsed(parsed, send);
  }

  return (
    <TaskFormCard
      headingId="completion-report-title"
      title={t('taskForms.completionTitle')}
      formRef={formRef}
      pending={submit.pending}
      onSubmit={handleSubmit}
    >
      <SubmitFeedback submit={submit} />
      <TextAreaField
        label={labels.result}
        hint={t('taskForms.resultHint')}
        error={submit.errors.result}
        required
        rows={3}
        maxLength={5000}
        value={values.result}
        onChange={set('result')}
      />
      <DateField
        label={labels.completionDate}
        value={values.completionDate}
        onChange={set('completionDate')}
        error={submit.errors.completionDate}
        required
      />
      <EvidenceUrlField
        label={labels.evidenceUrl}
        value={values.evidenceUrl}
        onChange={set('evidenceUrl')}
        error={submit.errors.evidenceUrl}
      />
      <div>
        <SubmitButton
          pending={submit.pending}
          label={t('taskForms.submitCompletion')}
          pendingLabel={t('taskForms.sending')}
        />
      </div>
    </TaskFormCard>
  );
}
