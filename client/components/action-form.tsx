import { type FormEvent, type ReactNode, type RefObject, useRef, useState } from 'react';
import type { ZodSafeParseResult } from 'zod';
import { type FormVocabulary, useFormMessages } from './form-errors';
import { useFormSubmit } from './use-form-submit';
import './forms.css';

/**
 * The state of one action form on a record's page (a task's progress, an explanation's answer): its
 * values, its messages in the form's vocabulary and its submissions.
 */
export function useActionForm<Values extends Record<string, string>>(
  empty: Values,
  labels: Record<string, string>,
  vocabulary: Omit<FormVocabulary, 'label'>,
) {
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(empty);
  const messages = useFormMessages({ ...vocabulary, label: (path) => labels[path] ?? path });
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

interface ActionFormCardProps {
  headingId: string;
  title: string;
  /** The card's heading level: 3 under a page section, 4 inside a record shown at level 3. */
  level?: 3 | 4;
  /** What the form acts on, shown between the title and the form. */
  intro?: ReactNode;
  formRef: RefObject<HTMLFormElement | null>;
  pending: boolean;
  onSubmit: () => void;
  children: ReactNode;
}

/** An action form: a card titled for screen readers, its form busy while a submission is on its way. */
export function ActionFormCard({
  headingId,
  title,
  level = 3,
  intro,
  formRef,
  pending,
  onSubmit,
  children,
}: ActionFormCardProps) {
  const Heading = level === 3 ? 'h3' : 'h4';
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <section className="action-form card" aria-labelledby={headingId}>
      <Heading id={headingId}>{title}</Heading>
      {intro}
      <form ref={formRef} className="form" noValidate onSubmit={handleSubmit} aria-busy={pending}>
        {children}
      </form>
    </section>
  );
}
