import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../shared/roles';
import {
  type ResetPasswordInput,
  resetPasswordInput,
  type UpdateUserInput,
  updateUserInput,
} from '../../../../shared/schemas/users';
import { AgencyPicker, type PickedAgency } from '../../../components/agency-picker';
import { useFormMessages } from '../../../components/form-errors';
import { FormFeedback } from '../../../components/form-feedback';
import { Field } from '../../../components/form-field';
import { useFormSubmit } from '../../../components/use-form-submit';
import { userFormVocabulary } from '../user-form-vocabulary';
import type { UserRow } from './user-lock-toggle';

interface UserEditPanelProps {
  user: UserRow;
  update: (input: UpdateUserInput) => Promise<unknown>;
  resetPassword: (input: ResetPasswordInput) => Promise<unknown>;
  onClose: () => void;
}

/** One account's role, agency and password; focus moves to its heading when it opens. */
export function UserEditPanel({ user, update, resetPassword, onClose }: UserEditPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="admin-panel" aria-labelledby={headingId}>
      <div className="page__header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('userAdmin.editTitle', { name: user.fullName, username: user.username })}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          {t('userAdmin.close')}
        </button>
      </div>
      <AccessForm user={user} send={update} />
      <PasswordForm user={user} send={resetPassword} />
    </section>
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
      <Field label={t('userAdmin.role')} error={errors.role}>
        {(control) => (
          <select {...control} value={role} onChange={(e) => setRole(e.target.value)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <AgencyPicker
        label={t('userAdmin.newAgency')}
        hint={t('userAdmin.newAgencyHint', { name: currentAgency })}
        value={agency ? [agency] : []}
        onChange={(picked) => setAgency(picked[0] ?? null)}
        error={errors.agencyId}
      />
      {unchanged ? (
        <p className="hint" role="status">
          {t('userAdmin.nothingChanged')}
        </p>
      ) : (
        <FormFeedback
          failure={submit.failure}
          succeeded={submit.succeeded}
          successText={t('userAdmin.accessSaved')}
        />
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={submit.pending}>
          {submit.pending ? t('userAdmin.sending') : t('userAdmin.saveAccess')}
        </button>
      </div>
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
      <Field
        label={t('userAdmin.newPassword')}
        hint={t('userAdmin.passwordHint')}
        error={errors.password}
        required
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            maxLength={200}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <FormFeedback
        failure={submit.failure}
        succeeded={submit.succeeded}
        successText={t('userAdmin.passwordReset')}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={submit.pending}>
          {submit.pending ? t('userAdmin.sending') : t('userAdmin.resetPassword')}
        </button>
      </div>
    </form>
  );
}
