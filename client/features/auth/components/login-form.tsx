import { useTranslation } from 'react-i18next';
import { checkLogin, type LoginField } from '../../../../shared/login-rules';
import { SubmitButton } from '../../../components/form-controls';
import type { FieldErrors } from '../../../components/form-errors';
import { Field } from '../../../components/form-field';
import { AuthForm } from './auth-form';

type LoginInput = Record<LoginField, string>;

interface LoginFormProps {
  onSubmit: (values: LoginInput) => void;
  pending: boolean;
  /** The server's answer, already in the user's language. */
  serverError: string | null;
}

const FIELDS: readonly LoginField[] = ['username', 'password'];

function useFieldMessage() {
  const { t } = useTranslation();
  return (field: LoginField, key: string): string => {
    const label = t(`login.${field}`);
    if (key === 'required') return t('validation.required', { field: label.toLocaleLowerCase() });
    if (key === 'tooLong') return t('validation.tooLong', { field: label });
    return t('validation.invalid', { field: label });
  };
}

/** The login form alone: validates with the server schema's rules (`shared/login-rules.ts`), then hands the values on. */
export function LoginForm({ onSubmit, pending, serverError }: LoginFormProps) {
  const { t } = useTranslation();
  const fieldMessage = useFieldMessage();

  function check(form: FormData): FieldErrors | undefined {
    const checked = checkLogin({
      username: String(form.get('username') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    if (checked.ok) {
      onSubmit(checked.data);
      return undefined;
    }
    const errors: FieldErrors = {};
    for (const field of FIELDS) {
      const issue = checked.issues[field];
      if (issue) errors[field] = fieldMessage(field, issue);
    }
    return errors;
  }

  return (
    <AuthForm pending={pending} serverError={serverError} onSubmit={check}>
      {(errors) => (
        <>
          {FIELDS.map((field) => (
            <Field key={field} label={t(`login.${field}`)} error={errors[field]}>
              {(control) => (
                <input
                  {...control}
                  name={field}
                  type={field === 'password' ? 'password' : 'text'}
                  autoComplete={field === 'password' ? 'current-password' : 'username'}
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                />
              )}
            </Field>
          ))}
          <SubmitButton pending={pending} label={t('login.submit')} pendingLabel={t('login.submitting')} />
        </>
      )}
    </AuthForm>
  );
}
