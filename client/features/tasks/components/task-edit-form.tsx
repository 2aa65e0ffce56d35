import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_PRIORITIES, type UpdateTaskInput, updateTaskInput } from '../../../../shared/schemas/tasks';
import { DateField } from '../../../components/date-field';
import { parseDisplayDate } from '../../../components/display-date';
import { useFormMessages } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
import { Field } from '../../../components/form-field';
import { useFormSubmit } from '../../../components/use-form-submit';
import { formatDate } from '../../../lib/format';
import { TASK_FORM_VOCABULARY } from '../task-form-vocabulary';

type Priority = (typeof TASK_PRIORITIES)[number];

export interface EditableTask {
  id: number;
  version: number;
  title: string;
  description: string;
  groupNo: number | null;
  leadAgencyId: number;
  coordinatorIds: number[];
  deadline: string | null;
  priority: Priority;
  isKey: boolean;
}

interface Props {
  /** The task as the user last saw it; its version goes with the change. */
  task: EditableTask;
  send: (input: UpdateTaskInput) => Promise<{ version: number }>;
  /** Fetches the latest task. */
  onReload: () => Promise<EditableTask | undefined>;
}

function initialValues(task: EditableTask) {
  return {
    title: task.title,
    deadline: task.deadline ? formatDate(task.deadline) : '',
    noDeadline: task.deadline === null,
    priority: task.priority,
    isKey: task.isKey,
    withdrawn: false,
  };
}

/** The Office edits a task; what the user typed survives a conflict, and reloading brings the new version. */
export function TaskEditForm({ task, send, onReload }: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(() => initialValues(task));
  const [seen, setSeen] = useState(() => initialValues(task));
  // The version the user started editing from. Live updates may bring a newer task meanwhile; saving
  // must still be refused until the user has reloaded and seen it, or their form would undo the change.
  const [baseVersion, setBaseVersion] = useState(task.version);
  const labels: Record<string, string> = {
    'patch.title': t('taskForms.title'),
    'patch.deadline': t('taskForms.deadline'),
    'patch.priority': t('taskForms.priority'),
  };
  const messages = useFormMessages({ ...TASK_FORM_VOCABULARY, label: (path) => labels[path] ?? path });
  const submit = useFormSubmit(formRef, messages.describe);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The whole task goes in the patch: the shared schema fills absent fields with their defaults, so a
    // partial patch would blank the description, group and coordinating agencies.
    const input = {
      id: task.id,
      version: baseVersion,
      patch: {
        title: values.title,
        description: task.description,
        groupNo: task.groupNo,
        leadAgencyId: task.leadAgencyId,
        coordinatorIds: task.coordinatorIds,
        deadline: values.noDeadline ? null : parseDisplayDate(values.deadline),
        priority: values.priority,
        isKey: values.isKey,
        ...(values.withdrawn ? { withdrawn: true } : {}),
      },
    };
    const parsed = updateTaskInput.safeParse(input);
    if (!parsed.success) {
      const errors = messages.fieldErrors(parsed.error);
      submit.setErrors(
        Object.fromEntries(
          Object.entries(errors).map(([path, message]) => [path.replace(/^patch\./, ''), message]),
        ),
      );
      return;
    }
    void submit.run(async () => {
      const saved = await send(parsed.data);
      setBaseVersion(saved.version);
    });
  }

  return (
    <section className="task-form card" aria-labelledby="task-edit-title">
      <h3 id="task-edit-title">{t('taskForms.editTitle')}</h3>
      <form ref={formRef} className="form" noValidate onSubmit={handleSubmit} aria-busy={submit.pending}>
        <SubmitFeedback
          submit={submit}
          onReload={() => {
            submit.clearFailure();
            void onReload().then((latest) => {
              if (!latest) return;
              // Keep what the user changed; take everything else from the latest version.
              const fresh = initialValues(latest);
              setValues((current) => {
                const merged = { ...fresh };
                for (const field of Object.keys(fresh) as (keyof typeof fresh)[]) {
                  if (current[field] !== seen[field]) Object.assign(merged, { [field]: current[field] });
                }
                return merged;
              });
              setSeen(fresh);
              setBaseVersion(latest.version);
            });
          }}
        />
        <Field label={t('taskForms.title')} error={submit.errors.title} required>
          {(control) => (
            <textarea
              {...control}
              rows={2}
              maxLength={500}
              value={values.title}
              onChange={(e) => setValues((v) => ({ ...v, title: e.target.value }))}
            />
          )}
        </Field>
        <div className="form__checkbox">
          <input
            id="task-edit-no-deadline"
            type="checkbox"
            checked={values.noDeadline}
            onChange={(e) => setValues((v) => ({ ...v, noDeadline: e.target.checked }))}
          />
          <label htmlFor="task-edit-no-deadline">{t('taskForms.noDeadline')}</label>
        </div>
        {!values.noDeadline && (
          <DateField
            label={t('taskForms.deadline')}
            value={values.deadline}
            onChange={(value) => setValues((v) => ({ ...v, deadline: value }))}
            error={submit.errors.deadline}
            required
          />
        )}
        <Field label={t('taskForms.priority')} error={submit.errors.priority}>
          {(control) => (
            <select
              {...control}
              value={values.priority}
              onChange={(e) => setValues((v) => ({ ...v, priority: e.target.value as Priority }))}
            >
              {TASK_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`priorities.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form__checkbox">
          <input
            id="task-edit-key"
            type="checkbox"
            checked={values.isKey}
            onChange={(e) => setValues((v) => ({ ...v, isKey: e.target.checked }))}
          />
          <label htmlFor="task-edit-key">{t('taskForms.isKey')}</label>
        </div>
        <div className="form__checkbox">
          <input
            id="task-edit-withdrawn"
            type="checkbox"
            aria-describedby="task-edit-withdrawn-hint"
            checked={values.withdrawn}
            onChange={(e) => setValues((v) => ({ ...v, withdrawn: e.target.checked }))}
          />
          <label htmlFor="task-edit-withdrawn">{t('taskForms.withdraw')}</label>
          <p id="task-edit-withdrawn-hint" className="form__hint">
            {t('taskForms.withdrawHint')}
          </p>
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={submit.pending}>
            {submit.pending ? t('taskForms.sending') : t('taskForms.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
