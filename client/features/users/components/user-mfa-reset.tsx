import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message';
import { useResetMfa } from '../api/use-mfa-reset';
import type { UserRow } from './user-lock-toggle';

/**
 * Resets a person's two-step verification, after a confirmation: their sessions end and their next
 * login sets it up again where their role requires it (audited on the server).
 */
export function UserMfaReset({ user }: { user: UserRow }) {
  const { t } = useTranslation();
  const headingId = useId();
  const reset = useResetMfa();
  const [confirming, setConfirming] = useState(false);
  const name = user.fullName;

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('mfaReset.heading')}</h3>
      <p className="hint">{t('mfaReset.intro')}</p>
      {reset.isSuccess && (
        <p className="form__success" role="status">
          {t('mfaReset.done', { name })}
        </p>
      )}
      {reset.isError && (
        <p className="form__alert" role="alert">
          {errorMessage(reset.error, t)}
        </p>
      )}
      {confirming ? (
        // biome-ignore lint/a11y/useSemanticElements: a small inline confirmation, not a form; the group names it for screen readers
        <span className="row-actions" role="group" aria-label={t('mfaReset.confirmQuestion', { name })}>
          <span>{t('mfaReset.confirmQuestion', { name })}</span>
          <button
            type="button"
            className="button button--primary"
            disabled={reset.isPending}
            onClick={() => reset.mutate({ id: user.id }, { onSettled: () => setConfirming(false) })}
          >
            {t('mfaReset.confirm')}
          </button>
          <button
            type="button"
            className="button"
            disabled={reset.isPending}
            onClick={() => setConfirming(false)}
          >
            {t('accountSecurity.cancel')}
          </button>
        </span>
      ) : (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t('mfaReset.button')}
        </button>
      )}
    </section>
  );
}
