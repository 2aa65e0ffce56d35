import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_KINDS, isProvinceChildLevel, LEVEL_OF_KIND } from '../../../../shared/agencies';
import { type CreateAgencyInput, createAgencyInput } from '../../../../shared/schemas/agencies';
import { AdminPanel } from '../../../components/admin-panel';
import { AgencyPicker, type PickedAgency } from '../../../components/agency-picker';
import { BilingualNameFields } from '../../../components/bilingual-name-fields';
import { FormActions, SelectField, TextField } from '../../../components/form-controls';
import { useFormMessages } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
import { useFormSubmit } from '../../../components/use-form-submit';
import { agencyFormVocabulary } from '../agency-form-vocabulary';

interface AgencyCreateFormProps {
  send: (input: CreateAgencyInput) => Promise<unknown>;
}

const EMPTY = { code: '', nameVi: '', nameEn: '', kind: '' };

/** Whether units of this kind sit under a province or city (communes, wards, special zones, departments). */
function needsParent(kind: string): boolean {
  const known = AGENCY_KINDS.find((k) => k === kind);
  return known !== undefined && isProvinceChildLevel(LEVEL_OF_KIND[known]);
}

/** The administrator adds a unit to the directory; commune-level units name their province or city. */
export function AgencyCreateForm({ send }: AgencyCreateFormProps) {
  const { t, i18n } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, describe, message } = useFormMessages(agencyFormVocabulary(t));
  const submit = useFormSubmit(formRef, describe);
  const [values, setValues] = useState(EMPTY);
  const [parent, setParent] = useState<PickedAgency | null>(null);
  const [created, setCreated] = useState('');
  const { errors } = submit;
  const withParent = needsParent(values.kind);
  const set = (name: keyof typeof EMPTY) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = createAgencyInput.safeParse({
      code: values.code,
      nameVi: values.nameVi,
      nameEn: values.nameEn,
      kind: AGENCY_KINDS.find((k) => k === values.kind),
      parentId: withParent ? (parent?.id ?? null) : null,
    });
    const errors = parsed.success ? {} : fieldErrors(parsed.error);
    if (withParent && !parent && !errors.parentId) errors.parentId = message('choose', 'parentId');
    if (!parsed.success || Object.keys(errors).length > 0) {
      submit.setErrors(errors);
      return;
    }
    const input = parsed.data;
    void submit.run(
      () => send(input),
      () => {
        setCreated(i18n.language === 'en' ? input.nameEn : input.nameVi);
        setValues(EMPTY);
        setParent(null);
      },
    );
  }

  return (
    <AdminPanel title={t('agencyAdmin.addTitle')}>
      <p className="hint">{t('validation.requiredFieldsIntro')}</p>
      <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
        <SubmitFeedback submit={submit} successText={t('agencyAdmin.created', { name: created })} />
        <TextField
          label={t('agencyAdmin.code')}
          hint={t('agencyAdmin.codeHint')}
          error={errors.code}
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={30}
          value={values.code}
          onChange={set('code')}
        />
        <BilingualNameFields
          labels={{ nameVi: t('agencyAdmin.nameVi'), nameEn: t('agencyAdmin.nameEn') }}
          values={values}
          errors={errors}
          onChange={(field, value) => set(field)(value)}
        />
        <SelectField
          label={t('agencyAdmin.kind')}
          error={errors.kind}
          required
          placeholder={t('agencyAdmin.chooseKind')}
          options={AGENCY_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          value={values.kind}
          onChange={set('kind')}
        />
        {withParent && (
          <AgencyPicker
            label={t('agencyAdmin.parent')}
            level="provincial"
            value={parent ? [parent] : []}
            onChange={(picked) => setParent(picked[0] ?? null)}
            error={errors.parentId}
            required
          />
        )}
        <FormActions
          pending={submit.pending}
          label={t('agencyAdmin.addSubmit')}
          pendingLabel={t('agencyAdmin.sending')}
        />
      </form>
    </AdminPanel>
  );
}
