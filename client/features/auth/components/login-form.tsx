import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkLogin, type LoginField } from '../../../../shared/login-rules';

type Field = LoginField;
type LoginInput = Record<Field, string>;
type FieldErrors = Partial<Record<Field, string>>;

interface LoginFormProps {
  onSubmit: (values: LoginInput) => void;
  pending: boolean;
  /** The server's answer, already in the user's language. */
  serverError: string | null;
}

const FIELDS: readonly Field[] = ['username', 'password'];

function useFieldMessage() {
  const { t } = useTranslation();
  return (field: Field, key: string): string => {
    const label = t(`login.${field}`);
    if (key === 'required') return t('validation.required', { field: label.toLocaleLowerCase() });
    if (key === 'tooLong') return t('validation.tooLong', { field: label });
    return t('validation.invalid', { field: label });
  };
}

/** The login form alone: validates with the server schema's rules (`shared/login-rules.ts`), then hands the values on. */
export function LoginForm({ onSubmit, pending, serverError }: LoginFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const fieldMessage = useFieldMessage();
  const [errors, setErrors] = useState<FieldErrors>({});
  const inputs = { username: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const checked = checkLogin({
      username: String(form.get('username') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    if (checked.ok) {
      setErrors({});
      onSubmit(checked.data);
      return;
    }
    const next: FieldErrors = {};
    for (const field of FIELDS) {
      const issue = checked.issues[field];
      if (issue) next[field] = fieldMessage(field, issue);
    }
    setErrors(next);
    const first = FIELDS.find((field) => next[field]);
    if (first) inputs[first].current?.focus();
  }

  return (
    <form className="form" noValidate onSubmit={handleSubmit} aria-busy={pending}>
      {serverError && (
        <p className="form__alert" role="alert">
          {serverError}
        </p>
      )}
      {FIELDS.map((field) => {
        const inputId = `${id}-${field}`;
        const errorId = `${inputId}-error`;
        const error = errors[field];
        return (
          <div className="form__field" key={field}>
            <label htmlFor={inputId}>{t(`login.${field}`)}</label>
            <input
              ref={inputs[field]}
              id={inputId}
              name={field}
              type={field === 'password' ? 'password' : 'text'}
              autoComplete={field === 'password' ? 'current-password' : 'username'}
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
        );
      })}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
