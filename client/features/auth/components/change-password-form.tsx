import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOGIN_LIMITS } from '../../../../shared/login-rules';
import { passwordProblem } from '../../../../shared/password-rules';
import type { ChangePasswordInput } from '../../../../shared/schemas/auth';
import { FormActions, NewPasswordField, TextField } from '../../../components/form-controls';
import { type FieldErrors, type FormVocabulary, useFormMessages } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
import { useFormSubmit } from '../../../components/use-form-submit';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { useChangePassword } from '../api/use-change-password';
import '../../../components/forms.css';

const FIELD_LABELS = {
  currentPassword: 'account.currentPassword',
  newPassword: 'account.newPassword',
  confirmPassword: 'account.confirmPassword',
} as const;

interface ChangePasswordFormProps {
  /** The login stands at the 'password' step: this password must change before anything else opens. */
  forced: boolean;
  /** Called once the password has changed (and `auth.me` has been reloaded). */
  onDone: () => void;
}

/**
 * The signed-in person changes their own password: on the account page, and as the login's step when a
 * new password must be chosen. The rules that need no dictionary are checked here; the server adds the
 * common-password check and words its refusal per field. Built without zod, so the step stays light.
 */
export function ChangePasswordForm({ forced, onDone }: ChangePasswordFormProps) {
  const me = useCurrentUserQuery();
  const change = useChangePassword();
  return (
    <ChangePasswordFields
      username={me.data?.username ?? ''}
      forced={forced}
      send={change.mutateAsync}
      onDone={onDone}
    />
  );
}

interface ChangePasswordFieldsProps extends ChangePasswordFormProps {
  username: string;
  send: (input: ChangePasswordInput) => Promise<unknown>;
}

/** The form itself, given who is signed in and how to send (tested alone). */
export function ChangePasswordFields({ username, forced, send, onDone }: ChangePasswordFieldsProps) {
  const { t } = useTranslation();
  const vocabulary: FormVocabulary = {
    validation: 'account.validation',
    errors: 'account.errors',
    label: (path) => t(FIELD_LABELS[path as keyof typeof FIELD_LABELS] ?? 'account.newPassword'),
  };
  const { message, describe } = useFormMessages(vocabulary);
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useFormSubmit(formRef, describe);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const { errors } = submit;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (!currentPassword) problems.currentPassword = message('required', 'currentPassword');
    else if (currentPassword.length > LOGIN_LIMITS.password)
      problems.currentPassword = message('tooLong', 'currentPassword');
    const problem = newPassword ? passwordProblem(newPassword, username) : 'required';
    if (problem) problems.newPassword = message(problem, 'newPassword');
    else if (confirmPassword !== newPassword)
      problems.confirmPassword = message('passwordMismatch', 'confirmPassword');
    if (Object.keys(problems).length > 0) {
      submit.setErrors(problems);
      return;
    }
    void submit.run(
      () => send({ currentPassword, newPassword }),
      () => {
        setCurrentPassword('');
        setNewPassword('');
        setConfirmPassword('');
        onDone();
      },
    );
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
      <SubmitFeedback submit={submit} successText={t('account.changed')} />
      <p className="hint">{t(forced ? 'account.forcedIntro' : 'account.intro')}</p>
      {/* For password managers: whose password this is. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <TextField
        label={t('account.currentPassword')}
        error={errors.currentPassword}
        required
        type="password"
        autoComplete="current-password"
        maxLength={LOGIN_LIMITS.password}
        value={currentPassword}
        onChange={setCurrentPassword}
      />
      <NewPasswordField
        label={t('account.newPassword')}
        hint={t('account.newPasswordHint')}
        error={errors.newPassword}
        value={newPassword}
        onChange={setNewPassword}
      />
      <NewPasswordField
        label={t('account.confirmPassword')}
        error={errors.confirmPassword}
        value={confirmPassword}
        onChange={setConfirmPassword}
      />
      <FormActions pending={submit.pending} label={t('account.submit')} pendingLabel={t('account.sending')} />
    </form>
  );
}
