import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { mayRegisterDocuments } from '../../../../shared/page-access';
import { createDocumentInput, DOCUMENT_KINDS, TASK_PRIORITIES } from '../../../../shared/schemas/tasks';
import { AgencyPicker, type PickedAgency } from '../../../components/agency-picker';
import { DateField } from '../../../components/date-field';
import { parseDisplayDate } from '../../../components/display-date';
import { useFormMessages } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
import { Field } from '../../../components/form-field';
import { useFormSubmit } from '../../../components/use-form-submit';
import { formatDate } from '../../../lib/format';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { usePageTitle } from '../../../lib/use-page-title';
import { useCreateDocument } from '../api/document-queries';
import { TaskImport } from './task-import';
import './documents.css';

type Kind = (typeof DOCUMENT_KINDS)[number];
type Priority = (typeof TASK_PRIORITIES)[number];
const GROUPS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

interface TaskDraft {
  key: number;
  title: string;
  description: string;
  groupNo: string;
  lead: PickedAgency[];
  coordinators: PickedAgency[];
  noDeadline: boolean;
  deadline: string;
  priority: Priority;
  isKey: boolean;
}

let nextKey = 1;
function emptyTask(): TaskDraft {
  return {
    key: nextKey++,
    title: '',
    description: '',
    groupNo: '',
    lead: [],
    coordinators: [],
    noDeadline: false,
    deadline: '',
    priority: 'normal',
    isKey: false,
  };
}

/**
 * The Government Office registers documents, and a province's officer those of its province, for its
 * own communes (ADR 0029); the server refuses anyone else anyway.
 */
export function DocumentCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t('documents.create.title'));
  const me = useCurrentUserQuery();
  if (me.data && mayRegisterDocuments(me.data)) {
    return <DocumentCreateForm communesOf={me.data.role === 'office' ? undefined : me.data.agencyId} />;
  }
  return (
    <section className="page">
      <h1>{t('documents.create.title')}</h1>
      <p role="alert">{t('errors.FORBIDDEN')}</p>
    </section>
  );
}

/** The Office registers a directive document and the tasks it assigns, in one go. */
function DocumentCreateForm({ communesOf }: { communesOf: number | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateDocument();
  const formRef = useRef<HTMLFormElement>(null);
  const [doc, setDoc] = useState({
    number: '',
    kind: 'decision' as Kind,
    issuedOn: '',
    signer: '',
    title: '',
  });
  const [tasks, setTasks] = useState<TaskDraft[]>(() => [emptyTask()]);

  const labels: Record<string, string> = {
    number: t('documents.number'),
    kind: t('documents.kind'),
    issuedOn: t('documents.issuedOn'),
    signer: t('documents.signer'),
    title: t('documents.docTitle'),
    'task.title': t('documents.create.taskTitle'),
    'task.description': t('documents.create.description'),
    'task.groupNo': t('documents.create.group'),
    'task.leadAgencyId': t('documents.create.lead'),
    'task.coordinatorIds': t('documents.create.coordinators'),
    'task.deadline': t('documents.create.deadline'),
    'task.priority': t('documents.create.priority'),
  };
  const labelOf = (path: string) => labels[path.replace(/^tasks\.\d+\./, 'task.')] ?? path;
  const messages = useFormMessages({
    validation: 'taskValidation',
    errors: 'taskErrors',
    conflict: 'taskErrors.staleVersion',
    label: labelOf,
    choice: (path) => path.endsWith('.leadAgencyId'),
  });
  const submit = useFormSubmit(formRef, messages.describe);
  const e = submit.errors;

  const updateTask = (key: number, patch: Partial<TaskDraft>) =>
    setTasks((list) => list.map((task) => (task.key === key ? { ...task, ...patch } : task)));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createDocumentInput.safeParse({
      ...doc,
      issuedOn: parseDisplayDate(doc.issuedOn),
      tasks: tasks.map((task) => ({
        title: task.title,
        description: task.description,
        groupNo: task.groupNo ? Number(task.groupNo) : null,
        leadAgencyId: task.lead[0]?.id ?? 0,
        coordinatorIds: task.coordinators.map((a) => a.id),
        deadline: task.noDeadline ? null : parseDisplayDate(task.deadline),
        priority: task.priority,
        isKey: task.isKey,
      })),
    });
    if (!parsed.success) {
      submit.setErrors(messages.fieldErrors(parsed.error));
      return;
    }
    void submit.run(async () => {
      const created = await create.mutateAsync(parsed.data);
      await navigate(`/documents/${created.id}`);
    });
  }

  return (
    <section className="page">
      <h1>{t('documents.create.title')}</h1>
      <p>{t('documents.create.intro')}</p>
      <TaskImport
        onTake={(rows) =>
          setTasks((list) => [
            // The empty task the form starts with gives way to the imported ones.
            ...list.filter((task) => task.title.trim() !== '' || task.lead.length > 0),
            ...rows.map((row) => ({
              ...emptyTask(),
              title: row.title,
              description: row.description,
              groupNo: row.groupNo === null ? '' : String(row.groupNo),
              lead: [row.lead],
              coordinators: row.coordinators,
              noDeadline: row.deadline === null,
              deadline: row.deadline ? formatDate(row.deadline) : '',
              priority: row.priority,
              isKey: row.isKey,
            })),
          ])
        }
      />
      <form
        ref={formRef}
        className="form document-form"
        noValidate
        onSubmit={handleSubmit}
        aria-busy={submit.pending}
      >
        {/* A created document opens its own page: no success line here. */}
        <SubmitFeedback submit={{ ...submit, succeeded: false }} successText="" />
        <fieldset>
          <legend>{t('documents.create.documentSection')}</legend>
          <div className="document-form__grid">
            <Field label={labels.number ?? ''} error={e.number} required>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  maxLength={50}
                  placeholder="2629/QĐ-TTg"
                  value={doc.number}
                  onChange={(ev) => setDoc((d) => ({ ...d, number: ev.target.value }))}
                />
              )}
            </Field>
            <Field label={labels.kind ?? ''} error={e.kind} required>
              {(control) => (
                <select
                  {...control}
                  value={doc.kind}
                  onChange={(ev) => setDoc((d) => ({ ...d, kind: ev.target.value as Kind }))}
                >
                  {DOCUMENT_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`documents.kinds.${kind}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <DateField
              label={labels.issuedOn ?? ''}
              value={doc.issuedOn}
              onChange={(value) => setDoc((d) => ({ ...d, issuedOn: value }))}
              error={e.issuedOn}
              required
            />
            <Field label={labels.signer ?? ''} error={e.signer} required>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  maxLength={200}
                  value={doc.signer}
                  onChange={(ev) => setDoc((d) => ({ ...d, signer: ev.target.value }))}
                />
              )}
            </Field>
          </div>
          <Field label={labels.title ?? ''} error={e.title} required>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                maxLength={1000}
                value={doc.title}
                onChange={(ev) => setDoc((d) => ({ ...d, title: ev.target.value }))}
              />
            )}
          </Field>
        </fieldset>

        <h2>{t('documents.create.tasksSection')}</h2>
        {tasks.length === 0 && <p className="empty">{t('documents.create.noTasksYet')}</p>}
        {tasks.map((task, index) => {
          const p = `tasks.${index}.`;
          const n = index + 1;
          return (
            <fieldset key={task.key}>
              <legend>{t('documents.create.taskN', { n })}</legend>
              <Field label={t('documents.create.taskTitle')} error={e[`${p}title`]} required>
                {(control) => (
                  <textarea
                    {...control}
                    rows={2}
                    maxLength={500}
                    value={task.title}
                    onChange={(ev) => updateTask(task.key, { title: ev.target.value })}
                  />
                )}
              </Field>
              <Field label={t('documents.create.description')} error={e[`${p}description`]}>
                {(control) => (
                  <textarea
                    {...control}
                    rows={3}
                    maxLength={5000}
                    value={task.description}
                    onChange={(ev) => updateTask(task.key, { description: ev.target.value })}
                  />
                )}
              </Field>
              <Field label={t('documents.create.group')} error={e[`${p}groupNo`]}>
                {(control) => (
                  <select
                    {...control}
                    value={task.groupNo}
                    onChange={(ev) => updateTask(task.key, { groupNo: ev.target.value })}
                  >
                    <option value="">{t('documents.create.noGroup')}</option>
                    {GROUPS.map((g) => (
                      <option key={g} value={g}>
                        {g}. {t(`taskGroups.${g}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <div className="document-form__grid">
                <AgencyPicker
                  label={t('documents.create.lead')}
                  value={task.lead}
                  onChange={(lead) => updateTask(task.key, { lead })}
                  error={e[`${p}leadAgencyId`]}
                  {...(communesOf ? { parentId: communesOf, groupByLevel: true } : {})}
                  exclude={task.coordinators.map((a) => a.id)}
                  required
                />
                <AgencyPicker
                  label={t('documents.create.coordinators')}
                  multiple
                  value={task.coordinators}
                  onChange={(coordinators) => updateTask(task.key, { coordinators })}
                  error={e[`${p}coordinatorIds`]}
                  {...(communesOf ? { parentId: communesOf, groupByLevel: true } : {})}
                  exclude={task.lead.map((a) => a.id)}
                />
              </div>
              <div className="document-form__grid">
                <div className="stack">
                  <div className="form__checkbox">
                    <input
                      id={`task-${task.key}-no-deadline`}
                      type="checkbox"
                      checked={task.noDeadline}
                      onChange={(ev) => updateTask(task.key, { noDeadline: ev.target.checked })}
                    />
                    <label htmlFor={`task-${task.key}-no-deadline`}>{t('documents.create.noDeadline')}</label>
                  </div>
                  {!task.noDeadline && (
                    <Field
                      label={t('documents.create.deadline')}
                      hint={t('validation.dateHint')}
                      error={e[`${p}deadline`]}
                      required
                    >
                      {(control) => (
                        <input
                          {...control}
                          className="input--date"
                          type="text"
                          inputMode="numeric"
                          placeholder="dd/mm/yyyy"
                          autoComplete="off"
                          value={task.deadline}
                          onChange={(ev) => updateTask(task.key, { deadline: ev.target.value })}
                        />
                      )}
                    </Field>
                  )}
                </div>
                <Field label={t('documents.create.priority')} error={e[`${p}priority`]}>
                  {(control) => (
                    <select
                      {...control}
                      value={task.priority}
                      onChange={(ev) => updateTask(task.key, { priority: ev.target.value as Priority })}
                    >
                      {TASK_PRIORITIES.map((priority) => (
                        <option key={priority} value={priority}>
                          {t(`priorities.${priority}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <div className="form__checkbox">
                  <input
                    id={`task-${task.key}-key`}
                    type="checkbox"
                    checked={task.isKey}
                    onChange={(ev) => updateTask(task.key, { isKey: ev.target.checked })}
                  />
                  <label htmlFor={`task-${task.key}-key`}>{t('documents.create.isKey')}</label>
                </div>
              </div>
              <div>
                <button
                  type="button"
                  className="button"
                  onClick={() => setTasks((list) => list.filter((x) => x.key !== task.key))}
                >
                  {t('documents.create.removeTask', { n })}
                </button>
              </div>
            </fieldset>
          );
        })}
        <div className="button-row">
          <button type="button" className="button" onClick={() => setTasks((list) => [...list, emptyTask()])}>
            {t('documents.create.addTask')}
          </button>
          <button type="submit" className="button button--primary" disabled={submit.pending}>
            {submit.pending ? t('documents.create.submitting') : t('documents.create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
