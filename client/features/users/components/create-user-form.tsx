import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../shared/roles';
import { type CreateUserInput, createUserInput } from '../../../../shared/schemas/users';
import { AdminPanel } from '../../../components/admin-panel';
import { AgencyPicker, type PickedAgency } from '../../../components/agency-picker';
import { FormActions, NewPasswordField, SelectField, TextField } from '../../../components/form-controls';
import { useFormMessages } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
import { useFormSubmit } from '../../../components/use-form-submit';
import { userFormVocabulary } from '../user-form-vocabulary';

interface CreateUserFormProps {
  send: (input: CreateUserInput) => Promise<unknown>;
}

const EMPTY = { username: '', fullName: '', role: '', email: '', password: '' };

/** The administrator opens an account: checked against the shared schema before it is sent. */
export function CreateUserForm({ send }: CreateUserFormProps) {
  const { t } = useTranslation();
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
      email: values.email,
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

  return (
    <AdminPanel title={t('userAdmin.createTitle')}>
      <p className="hint">{t('validation.requiredFieldsIntro')}</p>
      <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
        <SubmitFeedback submit={submit} successText={t('userAdmin.created', { username: created })} />
        <TextField
          label={t('userAdmin.username')}
          hint={t('userAdmin.usernameHint')}
          error={errors.username}
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={50}
          value={values.username}
          onChange={set('username')}
        />
        <TextField
          label={t('userAdmin.fullName')}
          error={errors.fullName}
          required
          autoComplete="off"
          maxLength={200}
          value={values.fullName}
          onChange={set('fullName')}
        />
        <SelectField
          label={t('userAdmin.role')}
          error={errors.role}
          required
          placeholder={t('userAdmin.chooseRole')}
          options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          value={values.role}
          onChange={set('role')}
        />
        <AgencyPicker
          label={t('userAdmin.agency')}
          value={agency ? [agency] : []}
          onChange={(picked) => setAgency(picked[0] ?? null)}
          error={errors.agencyId}
          required
        />
        <TextField
          label={t('userAdmin.email')}
          hint={t('userAdmin.emailHint')}
          error={errors.email}
          type="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={254}
          value={values.email}
          onChange={set('email')}
        />
        <NewPasswordField
          label={t('userAdmin.password')}
          hint={t('userAdmin.passwordHint')}
          error={errors.password}
          value={values.password}
          onChange={set('password')}
        />
        <FormActions
          pending={submit.pending}
          label={t('userAdmin.createSubmit')}
          pendingLabel={t('userAdmin.sending')}
        />
      </form>
    </AdminPanel>
  );
}
