import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../../components/form-controls';
import { Field } from '../../../components/form-field';
import { AuthForm } from './auth-form';

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

  function check(form: FormData) {
    const value = String(form.get('code') ?? '').trim();
    const problem =
      value === ''
        ? t('mfa.required')
        : kind === 'totp' && !/^\d{6}$/.test(value.replace(/\s/g, ''))
          ? t('mfa.sixDigits')
          : null;
    if (problem) return { code: problem };
    onSubmit(kind === 'totp' ? value.replace(/\s/g, '') : value);
    return undefined;
  }

  return (
    <AuthForm pending={pending} serverError={serverError} onSubmit={check}>
      {(errors) => (
        <>
          <Field key={kind} label={label} error={errors.code}>
            {(control) => (
              <input
                {...control}
                name="code"
                type="text"
                {...(kind === 'totp'
                  ? { inputMode: 'numeric', autoComplete: 'one-time-code', pattern: '[0-9 ]*', maxLength: 7 }
                  : { autoComplete: 'off', maxLength: 40 })}
                autoCapitalize="none"
                spellCheck={false}
                required
              />
            )}
          </Field>
          <div className="button-row">
            <SubmitButton pending={pending} label={submitLabel} pendingLabel={pendingLabel} />
            {children}
          </div>
        </>
      )}
    </AuthForm>
  );
}
