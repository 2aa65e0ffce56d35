import { type FormEvent, type ReactNode, type RefObject, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodSafeParseResult } from 'zod';
import { TextField } from '../../../components/form-controls';
import { useFormMessages } from '../../../components/form-errors';
import { useFormSubmit } from '../../../components/use-form-submit';
import { TASK_FORM_VOCABULARY } from '../task-form-vocabulary';

/** The state every task action form keeps: its values, its messages and its submissions. */
export function useTaskForm<Values extends Record<string, string>>(
  empty: Values,
  labels: Record<string, string>,
) {
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(empty);
  const messages = useFormMessages({ ...TASK_FORM_VOCABULARY, label: (path) => labels[path] ?? path });
  const submit = useFormSubmit(formRef, messages.describe);
  const set = (field: keyof Values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const clear = () => setValues(empty);

  /** Shows the schema's complaints, or sends what it accepted and empties the form. */
  function sendParsed<Input>(parsed: ZodSafeParseResult<Input>, send: (input: Input) => Promise<unknown>) {
    if (!parsed.success) {
      submit.setErrors(messages.fieldErrors(parsed.error));
      return;
    }
    void submit.run(() => send(parsed.data), clear);
  }

  return { formRef, values, set, clear, messages, submit, sendParsed };
}

interface TaskFormCardProps {
  headingId: string;
  title: string;
  /** What the form acts on, shown between the title and the form. */
  intro?: ReactNode;
  formRef: RefObject<HTMLFormElement | null>;
  pending: boolean;
  onSubmit: () => void;
  children: ReactNode;
}

/** A task action form: a card titled for screen readers, its form busy while a submission is on its way. */
export function TaskFormCard({
  headingId,
  title,
  intro,
  formRef,
  pending,
  onSubmit,
  children,
}: TaskFormCardProps) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <section className="task-form card" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {intro}
      <form ref={formRef} className="form" noValidate onSubmit={handleSubmit} aria-busy={pending}>
        {children}
      </form>
    </section>
  );
}

interface EvidenceUrlFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** The optional link to evidence kept elsewhere, asked by the progress and completion forms. */
export function EvidenceUrlField({ label, value, onChange, error }: EvidenceUrlFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      label={label}
      hint={t('taskForms.evidenceHint')}
      error={error}
      type="url"
      inputMode="url"
      autoComplete="url"
      maxLength={1000}
      value={value}
      onChange={onChange}
    />
  );
}
