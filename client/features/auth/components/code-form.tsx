import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type CodeKind = 'totp' | 'recovery';

interface CodeFormProps {
  kind: CodeKind;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The server's refusal, already in the user's language. */
  serverError: string | null;
  onSubmit: (code: string) => void;
  children?: ReactNode;
}

/** A code from the authenticator app (6 digits, numeric keyboard, the phone's one-time-code autofill) or a recovery code. */
export function CodeForm(props: CodeFormProps) {
  const { kind, label, submitLabel, pendingLabel, pending, serverError, onSubmit, children } = props;
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    const problem =
      value === ''
        ? t('mfa.required')
        : kind === 'totp' && !/^\d{6}$/.test(value.replace(/\s/g, ''))
          ? t('mfa.sixDigits')
          : null;
    setError(problem);
    if (problem) {
      input.current?.focus();
      return;
    }
    onSubmit(kind === 'totp' ? value.replace(/\s/g, '') : value);
  }

  const errorId = `${id}-error`;
  return (
    <form className="form" noValidate onSubmit={handleSubmit} aria-busy={pending}>
      {serverError && (
        <p className="form__alert" role="alert">
          {serverError}
        </p>
      )}
      <div className="form__field">
        <label htmlFor={id}>{label}</label>
        <input
          ref={input}
          key={kind}
          id={id}
          name="code"
          type="text"
          {...(kind === 'totp'
            ? { inputMode: 'numeric', autoComplete: 'one-time-code', pattern: '[0-9 ]*', maxLength: 7 }
            : { autoComplete: 'off', maxLength: 40 })}
          autoCapitalize="none"
          spellCheck={false}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {error && (
          <p className="form__error" id={errorId}>
            {error}
          </p>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        {children}
      </div>
    </form>
  );
}
