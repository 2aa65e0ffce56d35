import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../shared/roles';
import {
  type ResetPasswordInput,
  resetPasswordInput,
  type UpdateUserInput,
  updateUserInput,
} from '../../../../shared/schemas/users';
import { ClosablePanel } from '../../../components/admin-panel';
import { AgencyPicker, type PickedAgency } from '../../../components/agency-picker';
import { FormActions, NewPasswordField, SelectField, TextField } from '../../../components/form-controls';
import { useFormMessages } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
import { useFormSubmit } from '../../../components/use-form-submit';
import { userFormVocabulary } from '../user-form-vocabulary';
import type { UserRow } from './user-lock-toggle';
import { UserMfaReset } from './user-mfa-reset';

interface UserEditPanelProps {
  user: UserRow;
  update: (input: UpdateUserInput) => Promise<unknown>;
  resetPassword: (input: ResetPasswordInput) => Promise<unknown>;
  onClose: () => void;
}

/** One account's role, agency, mail address and password; focus moves to its heading when it opens. */
export function UserEditPanel({ user, update, resetPassword, onClose }: UserEditPanelProps) {
  const { t } = useTranslation();
  return (
    <ClosablePanel
      title={t('userAdmin.editTitle', { name: user.fullName, username: user.username })}
      closeLabel={t('userAdmin.close')}
      onClose={onClose}
    >
      <AccessForm user={user} send={update} />
      <EmailForm user={user} send={update} />
      <PasswordForm user={user} send={resetPassword} />
      <UserMfaReset user={user} />
    </ClosablePanel>
  );
}

function AccessForm({ user, send }: { user: UserRow; send: UserEditPanelProps['update'] }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, describe } = useFormMessages(userFormVocabulary(t));
  const submit = useFormSubmit(formRef, describe);
  const [role, setRole] = useState<string>(user.role);
  const [agency, setAgency] = useState<PickedAgency | null>(null);
  const [unchanged, setUnchanged] = useState(false);
  const { errors } = submit;
  const currentAgency = i18n.language === 'en' ? user.agencyNameEn : user.agencyNameVi;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const nextRole = ROLES.find((r) => r === role);
    const parsed = updateUserInput.safeParse({
      id: user.id,
      role: nextRole !== user.role ? nextRole : undefined,
      agencyId: agency?.id,
    });
    if (!parsed.success) {
      submit.setErrors(fieldErrors(parsed.error));
      return;
    }
    if (parsed.data.role === undefined && parsed.data.agencyId === undefined) {
      submit.reset();
      setUnchanged(true);
      return;
    }
    setUnchanged(false);
    const input = parsed.data;
    void submit.run(
      () => send(input),
      () => setAgency(null),
    );
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('userAdmin.accessTitle')}</h3>
      {unchanged ? (
        <p className="hint" role="status">
          {t('userAdmin.nothingChanged')}
        </p>
      ) : (
        <SubmitFeedback submit={submit} successText={t('userAdmin.accessSaved')} />
      )}
      <SelectField
        label={t('userAdmin.role')}
        error={errors.role}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={role}
        onChange={setRole}
      />
      <AgencyPicker
        label={t('userAdmin.newAgency')}
        hint={t('userAdmin.newAgencyHint', { name: currentAgency })}
        value={agency ? [agency] : []}
        onChange={(picked) => setAgency(picked[0] ?? null)}
        error={errors.agencyId}
      />
      <FormActions
        pending={submit.pending}
        label={t('userAdmin.saveAccess')}
        pendingLabel={t('userAdmin.sending')}
      />
    </form>
  );
}

/** Where the account's notification mails go: set, corrected or cleared (then in-app notifications only). */
function EmailForm({ user, send }: { user: UserRow; send: UserEditPanelProps['update'] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, describe } = useFormMessages(userFormVocabulary(t));
  const submit = useFormSubmit(formRef, describe);
  const [email, setEmail] = useState(user.email ?? '');
  const [saved, setSaved] = useState(user.email ?? '');
  const [unchanged, setUnchanged] = useState(false);
  const { errors } = submit;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = updateUserInput.safeParse({ id: user.id, email });
    if (!parsed.success) {
      submit.setErrors(fieldErrors(parsed.error));
      return;
    }
    const input = parsed.data;
    if (input.email === saved) {
      submit.reset();
      setUnchanged(true);
      return;
    }
    setUnchanged(false);
    void submit.run(
      () => send(input),
      () => {
        setSaved(input.email ?? '');
        setEmail(input.email ?? '');
      },
    );
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('userAdmin.emailTitle')}</h3>
      {unchanged ? (
        <p className="hint" role="status">
          {t('userAdmin.nothingChanged')}
        </p>
      ) : (
        <SubmitFeedback
          submit={submit}
          successText={t(saved === '' ? 'userAdmin.emailCleared' : 'userAdmin.emailSaved')}
        />
      )}
      <TextField
        label={t('userAdmin.email')}
        hint={t('userAdmin.editEmailHint')}
        error={errors.email}
        type="email"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={254}
        value={email}
        onChange={setEmail}
      />
      <FormActions
        pending={submit.pending}
        label={t('userAdmin.saveEmail')}
        pendingLabel={t('userAdmin.sending')}
      />
    </form>
  );
}

function PasswordForm({ user, send }: { user: UserRow; send: UserEditPanelProps['resetPassword'] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, describe } = useFormMessages(userFormVocabulary(t));
  const submit = useFormSubmit(formRef, describe);
  const [password, setPassword] = useState('');
  const { errors } = submit;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = resetPasswordInput.safeParse({ id: user.id, password });
    if (!parsed.success) {
      submit.setErrors(fieldErrors(parsed.error));
      return;
    }
    const input = parsed.data;
    void submit.run(
      () => send(input),
      () => setPassword(''),
    );
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('userAdmin.passwordTitle')}</h3>
      <SubmitFeedback submit={submit} successText={t('userAdmin.passwordReset')} />
      <NewPasswordField
        label={t('userAdmin.newPassword')}
        hint={t('userAdmin.passwordHint')}
        error={errors.password}
        value={password}
        onChange={setPassword}
      />
      <FormActions
        pending={submit.pending}
        label={t('userAdmin.resetPassword')}
        pendingLabel={t('userAdmin.sending')}
      />
    </form>
  );
}
