import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PostProgressInput, postProgressInput } from '../../../../shared/schemas/tasks';
import { useFormMessages } from '../../../components/form-errors';
import { FormFeedback } from '../../../components/form-feedback';
import { Field } from '../../../components/form-field';
import { useFormSubmit } from '../../../components/use-form-submit';
import { TASK_FORM_VOCABULARY } from '../task-form-vocabulary';

interface ProgressFormProps {
  taskId: number;
  /** A coordinating agency's contribution uses the same form under its own title. */
  kind: 'progress' | 'contribution';
  send: (input: PostProgressInput) => Promise<unknown>;
}

const EMPTY = { percent: '', narrative: '', evidenceUrl: '' };
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ACCEPTED = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

/** Uploads the evidence file (server: server/http/evidence.ts) and returns its id. */
async function uploadEvidence(file: File): Promise<number> {
  const body = new FormData();
  body.append('file', file);
  const res = await fetch('/api/evidence', { method: 'POST', body, credentials: 'same-origin' });
  if (!res.ok) throw new EvidenceUploadError(res.status);
  return ((await res.json()) as { id: number }).id;
}

export class EvidenceUploadError extends Error {
  constructor(readonly status: number) {
    super(`evidence upload failed: ${status}`);
  }
}

export function ProgressForm({ taskId, kind, send }: ProgressFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(EMPTY);
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // A retried submission reuses the file already uploaded instead of storing it twice.
  const uploaded = useRef<{ file: File; id: number } | null>(null);
  const labels: Record<string, string> = {
    percent: t('taskForms.percent'),
    narrative: t('taskForms.narrative'),
    evidenceUrl: t('taskForms.evidenceUrl'),
    evidenceFile: t('taskForms.evidenceFile'),
  };
  const messages = useFormMessages({ ...TASK_FORM_VOCABULARY, label: (path) => labels[path] ?? path });
  const submit = useFormSubmit(formRef, messages.describe);
  const title = kind === 'progress' ? t('taskForms.progressTitle') : t('taskForms.contributionTitle');
  const headingId = `progress-form-${kind}`;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = postProgressInput.safeParse({
      taskId,
      percent: values.percent.trim() === '' ? Number.NaN : Number(values.percent),
      narrative: values.narrative,
      evidenceUrl: values.evidenceUrl.trim() || null,
      idempotencyKey: submit.idempotencyKey(),
    });
    const fileError =
      file && file.size > MAX_FILE_BYTES
        ? t('taskForms.fileTooLarge')
        : file && !/\.(pdf|docx|xlsx|png|jpe?g)$/i.test(file.name)
          ? t('taskForms.fileType')
          : undefined;
    if (!parsed.success || fileError) {
      const errors = parsed.success ? {} : messages.fieldErrors(parsed.error);
      if (values.percent.trim() === '') errors.percent = messages.message('required', 'percent');
      if (fileError) errors.evidenceFile = fileError;
      submit.setErrors(errors);
      return;
    }
    void submit.run(
      async () => {
        let evidenceFileId: number | null = null;
        if (file) {
          try {
            evidenceFileId =
              uploaded.current?.file === file ? uploaded.current.id : await uploadEvidence(file);
          } catch (error) {
            const status = error instanceof EvidenceUploadError ? error.status : 0;
            submit.setErrors({
              evidenceFile:
                status === 413
                  ? t('taskForms.fileTooLarge')
                  : status === 415
                    ? t('taskForms.fileType')
                    : t('taskForms.fileUploadFailed'),
            });
            throw error;
          }
          uploaded.current = { file, id: evidenceFileId };
        }
        return send({ ...parsed.data, evidenceFileId });
      },
      () => {
        setValues(EMPTY);
        setFile(null);
        uploaded.current = null;
        if (fileInput.current) fileInput.current.value = '';
      },
    );
  }

  const set = (field: keyof typeof EMPTY) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  return (
    <section className="task-form card" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <form ref={formRef} className="form" noValidate onSubmit={handleSubmit} aria-busy={submit.pending}>
        <FormFeedback
          failure={submit.failure}
          succeeded={submit.succeeded}
          successText={t('taskForms.sent')}
          invalidText={submit.invalid ? t('validation.fixErrors') : undefined}
        />
        <Field
          label={labels.percent ?? ''}
          hint={t('taskForms.percentHint')}
          error={submit.errors.percent}
          required
        >
          {(control) => (
            <input
              {...control}
              className="input--short"
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              value={values.percent}
              onChange={(e) => set('percent')(e.target.value)}
            />
          )}
        </Field>
        <Field label={labels.narrative ?? ''} error={submit.errors.narrative} required>
          {(control) => (
            <textarea
              {...control}
              rows={4}
              maxLength={5000}
              value={values.narrative}
              onChange={(e) => set('narrative')(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={labels.evidenceUrl ?? ''}
          hint={t('taskForms.evidenceHint')}
          error={submit.errors.evidenceUrl}
        >
          {(control) => (
            <input
              {...control}
              type="url"
              inputMode="url"
              autoComplete="url"
              maxLength={1000}
              value={values.evidenceUrl}
              onChange={(e) => set('evidenceUrl')(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={labels.evidenceFile ?? ''}
          hint={t('taskForms.evidenceFileHint')}
          error={submit.errors.evidenceFile}
        >
          {(control) => (
            <input
              {...control}
              ref={fileInput}
              type="file"
              accept={ACCEPTED}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <div>
          <button type="submit" className="button button--primary" disabled={submit.pending}>
            {submit.pending
              ? t('taskForms.sending')
              : kind === 'progress'
                ? t('taskForms.submitProgress')
                : t('taskForms.submitContribution')}
          </button>
        </div>
      </form>
    </section>
  );
}
