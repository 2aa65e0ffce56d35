import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deliveriesFor, MAIL_KIND_DEFAULTS, type MailDelivery, type MailKind } from '../../../../shared/mail';
import {
  type MailSettings,
  type UpdateMailSettingsInput,
  updateMailSettingsInput,
} from '../../../../shared/schemas/mail';
import { ErrorState } from '../../../components/error-state';
import { FormActions, TextField } from '../../../components/form-controls';
import { type FormVocabulary, useFormMessages } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
import { Spinner } from '../../../components/spinner';
import { useFormSubmit } from '../../../components/use-form-submit';
import { useMailSettings, useUpdateMailSettings } from '../api/mail-queries';
import '../../../components/forms.css';
import './mail.css';

/**
 * The user's mail settings: their address, and for each kind of notification a radio group (at once,
 * daily digest, no mail), the kind's default marked. Validated with the server's own schema.
 */
export function MailSettingsSection() {
  const { t } = useTranslation();
  const query = useMailSettings();
  const update = useUpdateMailSettings();
  return (
    <section className="mail-settings" aria-labelledby="mail-settings-title">
      <h2 id="mail-settings-title">{t('mail.settingsTitle')}</h2>
      {query.isPending ? (
        <Spinner />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <MailSettingsForm settings={query.data} send={update.mutateAsync} />
      )}
    </section>
  );
}

/** The form itself, given the settings and how to send them (tested alone). */
export function MailSettingsForm({
  settings,
  send,
}: {
  settings: MailSettings;
  send: (input: UpdateMailSettingsInput) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const vocabulary: FormVocabulary = {
    validation: 'mail.validation',
    errors: 'mail.errors',
    label: () => t('mail.email'),
  };
  const { fieldErrors, describe } = useFormMessages(vocabulary);
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useFormSubmit(formRef, describe);
  const [email, setEmail] = useState(settings.email ?? '');
  const [choices, setChoices] = useState(
    () => new Map<MailKind, MailDelivery>(settings.preferences.map((p) => [p.kind, p.delivery])),
  );
  useEffect(() => {
    setEmail(settings.email ?? '');
    setChoices(new Map(settings.preferences.map((p) => [p.kind, p.delivery])));
  }, [settings]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = {
      email,
      // A kind left at its default stays unchosen (a later default applies to it); any other is stored.
      preferences: settings.preferences
        .map((p) => ({ kind: p.kind, delivery: choices.get(p.kind) ?? p.delivery, wasDefault: p.isDefault }))
        .filter((p) => !(p.wasDefault && p.delivery === MAIL_KIND_DEFAULTS[p.kind]))
        .map(({ kind, delivery }) => ({ kind, delivery })),
    };
    const parsed = updateMailSettingsInput.safeParse(input);
    if (!parsed.success) {
      submit.setErrors(fieldErrors(parsed.error));
      return;
    }
    void submit.run(() => send(input));
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
      <SubmitFeedback submit={submit} successText={t('mail.saved')} />
      <p className="hint">{t('mail.settingsIntro')}</p>
      {!settings.smtp && <p className="hint">{t('mail.noSmtp')}</p>}
      <TextField
        label={t('mail.email')}
        hint={t('mail.emailHint')}
        error={submit.errors.email}
        type="email"
        autoComplete="email"
        value={email}
        onChange={setEmail}
      />
      {settings.preferences.map((p) => (
        <fieldset key={p.kind} className="mail-settings__kind">
          <legend>{t(`mail.kinds.${p.kind}`)}</legend>
          {deliveriesFor(p.kind).map((delivery) => (
            <label key={delivery} className="radio">
              <input
                type="radio"
                name={`mail-${p.kind}`}
                value={delivery}
                checked={(choices.get(p.kind) ?? p.delivery) === delivery}
                onChange={() => setChoices((current) => new Map(current).set(p.kind, delivery))}
              />{' '}
              {t(`mail.deliveries.${delivery}`)}
              {MAIL_KIND_DEFAULTS[p.kind] === delivery && ` ${t('mail.defaultChoice')}`}
            </label>
          ))}
        </fieldset>
      ))}
      <FormActions pending={submit.pending} label={t('mail.save')} pendingLabel={t('mail.saving')} />
    </form>
  );
}
