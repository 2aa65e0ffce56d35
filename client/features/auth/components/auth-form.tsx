import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import type { FieldErrors } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
import { useErrorFocus } from '../../../components/use-form-submit';

interface AuthFormProps {
  pending: boolean;
  /** The server's refusal, already in the user's language. */
  serverError: string | null;
  /**
   * Checks what was typed and, when it passes, hands it on; returns the messages of the fields it
   * refuses, by field name.
   */
  onSubmit: (data: FormData) => FieldErrors | undefined;
  /** The fields (each showing its message) and the buttons. */
  children: (errors: FieldErrors) => ReactNode;
}

/**
 * A login's form (the password, then a code): the fields are read from the form when it is sent, the
 * mutation is the page's. A refusal here shows the error summary and takes the focus to it; the
 * server's refusal is the alert above the fields.
 */
export function AuthForm({ pending, serverError, onSubmit, children }: AuthFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const focusErrors = useErrorFocus(formRef);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const refused = onSubmit(new FormData(event.currentTarget)) ?? {};
    setErrors(refused);
    if (Object.keys(refused).length > 0) focusErrors();
  }

  const failure = serverError ? { message: serverError, stale: false } : null;
  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit} aria-busy={pending}>
      <SubmitFeedback submit={{ failure, succeeded: false, invalid: false, errors }} />
      {children(errors)}
    </form>
  );
}
