import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { numberLanguage, parseNumberInput } from '../../../../shared/number-input';
import { type PostProgressInput, postProgressInput } from '../../../../shared/schemas/tasks';
import { FileInput } from '../../../components/file-input';
import { SubmitButton, TextAreaField, TextField } from '../../../components/form-controls';
import { SubmitFeedback } from '../../../components/form-feedback';
import { Field } from '../../../components/form-field';
import { formatNumber } from '../../../lib/format';
import { type EvidenceUsage, evidenceUsageQuery, useEvidenceUsage } from '../api/evidence-usage';
import { EvidenceUrlField, TaskFormCard, useTaskForm } from './task-form-card';

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
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as
      | ({ reason?: string } & Partial<EvidenceUsage>)
      | null;
    throw new EvidenceUploadError(res.status, body);
  }
  return ((await res.json()) as { id: number }).id;
}

export class EvidenceUploadError extends Error {
  constructor(
    readonly status: number,
    readonly body: ({ reason?: string } & Partial<EvidenceUsage>) | null = null,
  ) {
    super(`evidence upload failed: ${status}`);
  }
}

const MB = 1024 * 1024;

export function ProgressForm({ taskId, kind, send }: ProgressFormProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const usage = useEvidenceUsage().data;
  const megabytes = (bytes: number) => formatNumber(bytes / MB, i18n.language, 1);
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // A retried submission reuses the file already uploaded instead of storing it twice.
  const uploaded = useRef<{ file: File; id: number } | null>(null);
  const labels = {
    percent: t('taskForms.percent'),
    narrative: t('taskForms.narrative'),
    evidenceUrl: t('taskForms.evidenceUrl'),
    evidenceFile: t('taskForms.evidenceFile'),
  };
  const { formRef, values, set, clear, messages, submit } = useTaskForm(EMPTY, labels);
  const headingId = `progress-form-${kind}`;

  function handleSubmit() {
    // Read as the officer types it ("12,5" is twelve and a half in Vietnamese, refused as not whole).
    const percent = parseNumberInput(values.percent, numberLanguage(i18n.language));
    const parsed = postProgressInput.safeParse({
      taskId,
      percent: percent.ok && percent.value !== null ? percent.value : Number.NaN,
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
      if (!percent.ok) errors.percent = messages.message(percent.reason, 'percent');
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
            const body = error instanceof EvidenceUploadError ? error.body : null;
            submit.setErrors({
              evidenceFile:
                body?.reason === 'uploadQuota'
                  ? t('taskForms.fileQuota', {
                      used: megabytes(body.usedBytes ?? 0),
                      quota: megabytes(body.quotaBytes ?? 0),
                    })
                  : status === 413
                    ? t('taskForms.fileTooLarge')
                    : status === 415
                      ? t('taskForms.fileType')
                      : t('taskForms.fileUploadFailed'),
            });
            throw error;
          } finally {
            void queryClient.invalidateQueries({ queryKey: evidenceUsageQuery.queryKey });
          }
          uploaded.current = { file, id: evidenceFileId };
        }
        return send({ ...parsed.data, evidenceFileId });
      },
      () => {
        clear();
        setFile(null);
        uploaded.current = null;
        if (fileInput.current) fileInput.current.value = '';
      },
    );
  }

  return (
    <TaskFormCard
      headingId={headingId}
      title={kind === 'progress' ? t('taskForms.progressTitle') : t('taskForms.contributionTitle')}
      formRef={formRef}
      pending={submit.pending}
      onSubmit={handleSubmit}
    >
      <SubmitFeedback submit={submit} />
      <TextField
        label={labels.percent}
        hint={t('taskForms.percentHint')}
        error={submit.errors.percent}
        required
        className="input--short"
        // Text, not type="number": a number input silently drops what it cannot read ("12e", "12,5").
        inputMode="numeric"
        autoComplete="off"
        value={values.percent}
        onChange={set('percent')}
      />
      <TextAreaField
        label={labels.narrative}
        error={submit.errors.narrative}
        required
        rows={4}
        maxLength={5000}
        value={values.narrative}
        onChange={set('narrative')}
      />
      <EvidenceUrlField
        label={labels.evidenceUrl}
        value={values.evidenceUrl}
        onChange={set('evidenceUrl')}
        error={submit.errors.evidenceUrl}
      />
      <Field
        label={labels.evidenceFile}
        hint={
          usage
            ? `${t('taskForms.evidenceFileHint')} ${t('taskForms.evidenceUsage', {
                used: megabytes(usage.usedBytes),
                quota: megabytes(usage.quotaBytes),
              })}`
            : t('taskForms.evidenceFileHint')
        }
        error={submit.errors.evidenceFile}
      >
        {(control) => (
          <FileInput
            control={control}
            ref={fileInput}
            accept={ACCEPTED}
            fileName={file?.name ?? null}
            onChange={setFile}
          />
        )}
      </Field>
      <div>
        <SubmitButton
          pending={submit.pending}
          label={kind === 'progress' ? t('taskForms.submitProgress') : t('taskForms.submitContribution')}
          pendingLabel={t('taskForms.sending')}
        />
      </div>
    </TaskFormCard>
  );
}
