import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RenameAgencyInput, renameAgencyInput } from '../../../../shared/schemas/agencies';
import { useFormMessages } from '../../../components/form-errors';
import { FormFeedback } from '../../../components/form-feedback';
import { Field } from '../../../components/form-field';
import { useFormSubmit } from '../../../components/use-form-submit';
import { agencyFormVocabulary } from '../agency-form-vocabulary';
import { type AgencyItem, agencyName } from '../agency-name';

interface AgencyRenameFormProps {
  agency: AgencyItem;
  send: (input: RenameAgencyInput) => Promise<unknown>;
  onClose: () => void;
}

/** Both names of one unit; focus moves to its heading when it opens. */
export function AgencyRenameForm({ agency, send, onClose }: AgencyRenameFormProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, describe } = useFormMessages(agencyFormVocabulary(t));
  const submit = useFormSubmit(formRef, describe);
  const [nameVi, setNameVi] = useState(agency.nameVi);
  const [nameEn, setNameEn] = useState(agency.nameEn);
  const [renamed, setRenamed] = useState('');
  const { errors } = submit;
  // The title keeps the name the unit had when the form opened.
  const [title] = useState(() => agencyName(agency, i18n.language));
  useEffect(() => headingRef.current?.focus(), []);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = renameAgencyInput.safeParse({ id: agency.id, nameVi, nameEn });
    if (!parsed.success) {
      submit.setErrors(fieldErrors(parsed.error));
      return;
    }
    const input = parsed.data;
    void submit.run(
      () => send(input),
      () => setRenamed(i18n.language === 'en' ? input.nameEn : input.nameVi),
    );
  }

  const invalid = Object.keys(errors).length > 0 && !submit.failure;

  return (
    <section className="admin-panel" aria-labelledby={headingId}>
      <div className="page__header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('agencyAdmin.renameTitle', { name: title })}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          {t('agencyAdmin.close')}
        </button>
      </div>
      <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
        <FormFeedback
          failure={submit.failure}
          succeeded={submit.succeeded}
          successText={t('agencyAdmin.renamed', { name: renamed })}
          invalidText={invalid ? t('validation.fixErrors') : undefined}
        />
        <Field label={t('agencyAdmin.nameVi')} error={errors.nameVi} required>
          {(control) => (
            <input
              {...control}
              type="text"
              lang="vi"
              autoComplete="off"
              maxLength={200}
              value={nameVi}
              onChange={(e) => setNameVi(e.target.value)}
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
              value={nameEn}
              onChange={(e) => setNameEn(e.target.value)}
            />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={submit.pending}>
            {submit.pending ? t('agencyAdmin.sending') : t('agencyAdmin.renameSubmit')}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={submit.pending}>
            {t('agencyAdmin.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
