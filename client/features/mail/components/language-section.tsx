import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/languages';
import { FormActions } from '../../../components/form-controls';
import { useFormMessages } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
import { useFormSubmit } from '../../../components/use-form-submit';
import { useSaveLanguage } from '../../../lib/account-language';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import '../../../components/forms.css';
import './mail.css';

/** Each language named in itself, so a reader of either finds theirs. */
const LANGUAGE_NAMES: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English' };

/**
 * The user's language, kept on the account: the interface's after each login and the language of their
 * mails and daily digest (docs/decisions/0027). The header's switch changes the same setting.
 */
export function LanguageSection() {
  const { t } = useTranslation();
  const { data: me } = useCurrentUserQuery();
  const save = useSaveLanguage();
  if (!me) return null;
  return (
    <section className="mail-settings" aria-labelledby="language-setting-title">
      <h2 id="language-setting-title">{t('mail.languageTitle')}</h2>
      <LanguageForm language={me.language} send={(language) => save.mutateAsync({ language })} />
    </section>
  );
}

/** The form itself, given the account's language and how to save one (tested alone). */
export function LanguageForm({
  language,
  send,
}: {
  language: Language;
  send: (language: Language) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { describe } = useFormMessages({
    validation: 'mail.validation',
    errors: 'mail.errors',
    label: () => t('mail.languageLegend'),
  });
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useFormSubmit(formRef, describe);
  const [chosen, setChosen] = useState(language);
  useEffect(() => setChosen(language), [language]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit.run(() => send(chosen));
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
      <SubmitFeedback submit={submit} successText={t('mail.languageSaved')} />
      <fieldset className="mail-settings__kind">
        <legend>{t('mail.languageLegend')}</legend>
        <p className="hint">{t('mail.languageHint')}</p>
        {LANGUAGES.map((option) => (
          <label key={option} className="radio" lang={option}>
            <input
              type="radio"
              name="account-language"
              value={option}
              checked={chosen === option}
              onChange={() => setChosen(option)}
            />{' '}
            {LANGUAGE_NAMES[option]}
          </label>
        ))}
      </fieldset>
      <FormActions pending={submit.pending} label={t('mail.saveLanguage')} pendingLabel={t('mail.saving')} />
    </form>
  );
}
