import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BreakDownInput, breakDownInput } from '../../../../shared/schemas/tasks';
import { AgencyPicker, type PickedAgency } from '../../../components/agency-picker';
import { DateField } from '../../../components/date-field';
import { parseDisplayDate } from '../../../components/display-date';
import { SubmitButton, TextAreaField } from '../../../components/form-controls';
import { SubmitFeedback } from '../../../components/form-feedback';
import { formatDate } from '../../../lib/format';
import { TaskFormCard, useTaskForm } from './task-form-card';

interface Props {
  /** The province's task to break down: its lead (the province) and deadline bound the part. */
  task: { id: number; leadAgencyId: number; deadline: string | null };
  send: (input: BreakDownInput) => Promise<unknown>;
}

const EMPTY = { title: '', description: '', deadline: '' };

/**
 * "Giao tiếp cho xã": a province gives a part of a task it leads to one of its communes, due no later
 * than the task. The server checks the same (the commune is the province's, the deadline not later).
 */
export function BreakDownForm({ task, send }: Props) {
  const { t } = useTranslation();
  const labels = {
    title: t('taskParts.form.title'),
    description: t('taskParts.form.description'),
    leadAgencyId: t('taskParts.form.commune'),
    deadline: t('taskForms.deadline'),
  };
  const { formRef, values, set, submit, sendParsed } = useTaskForm(EMPTY, labels);
  const [commune, setCommune] = useState<PickedAgency[]>([]);

  function handleSubmit() {
    const parsed = breakDownInput.safeParse({
      parentTaskId: task.id,
      title: values.title,
      description: values.description,
      // 0 is refused by the schema, and the message names the field.
      leadAgencyId: commune[0]?.id ?? 0,
      // A part of a task with a deadline needs one too: empty, the schema says it is required.
      deadline: values.deadline ? parseDisplayDate(values.deadline) : task.deadline ? '' : null,
    });
    sendParsed(parsed, (input) => send(input).then(() => setCommune([])));
  }

  return (
    <TaskFormCard
      headingId="break-down-title"
      title={t('taskParts.form.heading')}
      intro={
        <p className="muted">
          {task.deadline
            ? t('taskParts.form.introDeadline', { date: formatDate(task.deadline) })
            : t('taskParts.form.intro')}
        </p>
      }
      formRef={formRef}
      pending={submit.pending}
      onSubmit={handleSubmit}
    >
      <SubmitFeedback submit={submit} />
      <TextAreaField
        label={labels.title}
        error={submit.errors.title}
        required
        rows={2}
        maxLength={500}
        value={values.title}
        onChange={set('title')}
      />
      <AgencyPicker
        label={labels.leadAgencyId}
        value={commune}
        onChange={setCommune}
        parentId={task.leadAgencyId}
        groupByLevel
        error={submit.errors.leadAgencyId}
        required
      />
      <DateField
        label={labels.deadline}
        value={values.deadline}
        onChange={set('deadline')}
        error={submit.errors.deadline}
        required={task.deadline !== null}
      />
      <TextAreaField
        label={labels.description}
        error={submit.errors.description}
        rows={3}
        maxLength={5000}
        value={values.description}
        onChange={set('description')}
      />
      <div>
        <SubmitButton
          pending={submit.pending}
          label={t('taskParts.form.submit')}
          pendingLabel={t('taskForms.sending')}
        />
      </div>
    </TaskFormCard>
  );
}
