import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RenameAgencyInput, renameAgencyInput } from '../../../../shared/schemas/agencies';
import { ClosablePanel } from '../../../components/admin-panel';
import { BilingualNameFields } from '../../../components/bilingual-name-fields';
import { FormActions } from '../../../components/form-controls';
import { useFormMessages } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
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
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, describe } = useFormMessages(agencyFormVocabulary(t));
  const submit = useFormSubmit(formRef, describe);
  const [names, setNames] = useState({ nameVi: agency.nameVi, nameEn: agency.nameEn });
  const [renamed, setRenamed] = useState('');
  // The title keeps the name the unit had when the form opened.
  const [title] = useState(() => agencyName(agency, i18n.language));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = renameAgencyInput.safeParse({ id: agency.id, ...names });
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

  return (
    <ClosablePanel
      title={t('agencyAdmin.renameTitle', { name: title })}
      closeLabel={t('agencyAdmin.close')}
      onClose={onClose}
    >
      <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
        <SubmitFeedback submit={submit} successText={t('agencyAdmin.renamed', { name: renamed })} />
        <BilingualNameFields
          labels={{ nameVi: t('agencyAdmin.nameVi'), nameEn: t('agencyAdmin.nameEn') }}
          values={names}
          errors={submit.errors}
          onChange={(field, value) => setNames((n) => ({ ...n, [field]: value }))}
        />
        <FormActions
          pending={submit.pending}
          label={t('agencyAdmin.renameSubmit')}
          pendingLabel={t('agencyAdmin.sending')}
        >
          <button type="button" className="button" onClick={onClose} disabled={submit.pending}>
            {t('agencyAdmin.cancel')}
          </button>
        </FormActions>
      </form>
    </ClosablePanel>
  );
}
