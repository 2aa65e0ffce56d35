import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_KINDS, LEVEL_OF_KIND } from '../../../../shared/agencies';
import { type CreateAgencyInput, createAgencyInput } from '../../../../shared/schemas/agencies';
import { AgencyPicker, type PickedAgency } from '../../../components/agency-picker';
import { useFormMessages } from '../../../components/form-errors';
import { FormFeedback } from '../../../components/form-feedback';
import { Field } from '../../../components/form-field';
import { useFormSubmit } from '../../../components/use-form-submit';
import { agencyFormVocabulary } from '../agency-form-vocabulary';

interface AgencyCreateFormProps {
  send: (input: CreateAgencyInput) => Promise<unknown>;
}

const EMPTY = { code: '', nameVi: '', nameEn: '', kind: '' };

/** Whether units of this kind sit under a province or city (communes, wards, special zones). */
function needsParent(kind: string): boolean {
  const known = AGENCY_KINDS.find((k) => k === kind);
  return known !== undefined && LEVEL_OF_KIND[known] === 'commune';
}

/** The administrator adds a unit to the directory; commune-level units name their province or city. */
export function AgencyCreateForm({ send }: AgencyCreateFormProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
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

  const invalid = Object.keys(errors).length > 0 && !submit.failure;

  return (
    <section className="admin-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('agencyAdmin.addTitle')}</h2>
      <p className="hint">{t('validation.requiredFieldsIntro')}</p>
      <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
        <FormFeedback
          failure={submit.failure}
          succeeded={submit.succeeded}
          successText={t('agencyAdmin.created', { name: created })}
          invalidText={invalid ? t('validation.fixErrors') : undefined}
        />
        <Field label={t('agencyAdmin.code')} hint={t('agencyAdmin.codeHint')} error={errors.code} required>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={30}
              value={values.code}
              onChange={(e) => set('code')(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('agencyAdmin.nameVi')} error={errors.nameVi} required>
          {(control) => (
            <input
              {...control}
              type="text"
              lang="vi"
              autoComplete="off"
              maxLength={200}
              value={values.nameVi}
              onChange={(e) => set('nameVi')(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('agencyAdmin.nameEn')} error={errors.nameEn} required>
          {(control) => (
            <input
              {...control}
              type="text"
              lang="en"
              autoComplete="off"
              maxLength={200}
              value={values.nameEn}
              onChange={(e) => set('nameEn')(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('agencyAdmin.kind')} error={errors.kind} required>
          {(control) => (
            <select {...control} value={values.kind} onChange={(e) => set('kind')(e.target.value)}>
              <option value="">{t('agencyAdmin.chooseKind')}</option>
              {AGENCY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
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
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={submit.pending}>
            {submit.pending ? t('agencyAdmin.sending') : t('agencyAdmin.addSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
