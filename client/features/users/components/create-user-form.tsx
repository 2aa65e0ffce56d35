import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/roles';
import { type CreateUserInput, createUserInput } from '../../../../shared/schemas/users';
import { AgencyPicker, type PickedAgency } from '../../../components/agency-picker';
import { useFormMessages } from '../../../components/form-errors';
import { FormFeedback } from '../../../components/form-feedback';
import { Field } from '../../../components/form-field';
import { useFormSubmit } from '../../../components/use-form-submit';
import { userFormVocabulary } from '../user-form-vocabulary';

interface CreateUserFormProps {
  send: (input: CreateUserInput) => Promise<unknown>;
}

const EMPTY = { username: '', fullName: '', role: '', password: '' };

/** The administrator opens an account: checked against the shared schema before it is sent. */
export function CreateUserForm({ send }: CreateUserFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, describe } = useFormMessages(userFormVocabulary(t));
  const submit = useFormSubmit(formRef, describe);
  const [values, setValues] = useState(EMPTY);
  const [agency, setAgency] = useState<PickedAgency | null>(null);
  const [created, setCreated] = useState('');
  const { errors } = submit;
  const set = (name: keyof typeof EMPTY) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = createUserInput.safeParse({
      username: values.username,
      fullName: values.fullName,
      role: ROLES.find((r) => r === values.role),
      agencyId: agency?.id,
      password: values.password,
    });
    if (!parsed.success) {
      submit.setErrors(fieldErrors(parsed.error));
      return;
    }
    const input = parsed.data;
    void submit.run(
      () => send(input),
      () => {
        setCreated(input.username);
        setValues(EMPTY);
        setAgency(null);
      },
    );
  }

  const invalid = Object.keys(errors).length > 0 && !submit.failure;

  return (
    <section className="admin-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('userAdmin.createTitle')}</h2>
      <p className="hint">{t('validation.requiredFieldsIntro')}</p>
      <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
        <FormFeedback
          failure={submit.failure}
          succeeded={submit.succeeded}
          successText={t('userAdmin.created', { username: created })}
          invalidText={invalid ? t('validation.fixErrors') : undefined}
        />
        <Field
          label={t('userAdmin.username')}
          hint={t('userAdmin.usernameHint')}
          error={errors.username}
          required
        >
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={50}
              value={values.username}
              onChange={(e) => set('username')(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('userAdmin.fullName')} error={errors.fullName} required>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              maxLength={200}
              value={values.fullName}
              onChange={(e) => set('fullName')(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('userAdmin.role')} error={errors.role} required>
          {(control) => (
            <select {...control} value={values.role} onChange={(e) => set('role')(e.target.value)}>
              <option value="">{t('userAdmin.chooseRole')}</option>
              {ROLES.map((role: Role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <AgencyPicker
          label={t('userAdmin.agency')}
          value={agency ? [agency] : []}
          onChange={(picked) => setAgency(picked[0] ?? null)}
          error={errors.agencyId}
          required
        />
        <Field
          label={t('userAdmin.password')}
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
              value={values.password}
              onChange={(e) => set('password')(e.target.value)}
            />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={submit.pending}>
            {submit.pending ? t('userAdmin.sending') : t('userAdmin.createSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
