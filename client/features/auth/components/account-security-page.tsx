import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { Spinner } from '../../../components/spinner';
import { formatDate } from '../../../lib/format';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { usePageTitle } from '../../../lib/use-page-title';
import { useDisableMfa, useMfaStatus, useRegenerateRecoveryCodes } from '../api/use-mfa';
import { CodeForm } from './code-form';
import { MfaEnrollment } from './mfa-enrollment';
import { mfaErrorText } from './mfa-messages';
import { RecoveryCodesPanel } from './recovery-codes-panel';

function RegenerateCodes({ username }: { username: string }) {
  const { t, i18n } = useTranslation();
  const regenerate = useRegenerateRecoveryCodes();
  if (regenerate.data)
    return (
      <RecoveryCodesPanel
        codes={regenerate.data.recoveryCodes}
        username={username}
        onContinue={() => regenerate.reset()}
      />
    );
  return (
    <section>
      <h2>{t('accountSecurity.regenerateHeading')}</h2>
      <p className="muted">{t('accountSecurity.regenerateIntro')}</p>
      <CodeForm
        kind="totp"
        label={t('mfa.code')}
        submitLabel={t('accountSecurity.regenerate')}
        pendingLabel={t('mfa.verifying')}
        pending={regenerate.isPending}
        serverError={regenerate.error ? mfaErrorText(regenerate.error, t, i18n) : null}
        onSubmit={(code) => regenerate.mutate({ code })}
      />
    </section>
  );
}

function DisableMfa() {
  const { t, i18n } = useTranslation();
  const disable = useDisableMfa();
  return (
    <section>
      <h2>{t('accountSecurity.disableHeading')}</h2>
      <p className="muted">{t('accountSecurity.disableIntro')}</p>
      <CodeForm
        kind="totp"
        label={t('mfa.code')}
        submitLabel={t('accountSecurity.disable')}
        pendingLabel={t('mfa.verifying')}
        pending={disable.isPending}
        serverError={disable.error ? mfaErrorText(disable.error, t, i18n) : null}
        onSubmit={(code) => disable.mutate({ code })}
      />
    </section>
  );
}

/** The account's second factor: its state; turn it on (where optional), new recovery codes, turn it off (where allowed). */
export function AccountSecurityPage() {
  const { t } = useTranslation();
  usePageTitle(t('accountSecurity.title'));
  const { data: user } = useCurrentUserQuery();
  const status = useMfaStatus();
  const [enrolling, setEnrolling] = useState(false);

  let body: React.ReactNode;
  if (status.isPending) body = <Spinner />;
  else if (status.isError) body = <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  else {
    const s = status.data;
    body = (
      <>
        <section className="card">
          <h2>{t('accountSecurity.mfaHeading')}</h2>
          <p data-testid="mfa-state">
            {s.enabled && s.enabledAt
              ? t('accountSecurity.enabledSince', { date: formatDate(s.enabledAt) })
              : t('accountSecurity.disabled')}
          </p>
          <p className="muted">
            {s.required ? t('accountSecurity.requiredNote') : t('accountSecurity.optionalNote')}
          </p>
          {s.enabled && <p>{t('accountSecurity.codesLeft', { count: s.recoveryCodesLeft })}</p>}
          {!s.enabled && !enrolling && (
            <button type="button" className="button button--primary" onClick={() => setEnrolling(true)}>
              {t('accountSecurity.enable')}
            </button>
          )}
          {/* Stays up once MFA is on, until the person has saved the recovery codes it shows once. */}
          {enrolling && (
            <>
              <MfaEnrollment username={user?.username ?? ''} onFinished={() => setEnrolling(false)} />
              {!s.enabled && (
                <button type="button" className="button" onClick={() => setEnrolling(false)}>
                  {t('accountSecurity.cancel')}
                </button>
              )}
            </>
          )}
        </section>
        {s.enabled && !enrolling && (
          <section className="card">
            <RegenerateCodes username={user?.username ?? ''} />
          </section>
        )}
        {s.enabled && !s.required && !enrolling && (
          <section className="card">
            <DisableMfa />
          </section>
        )}
      </>
    );
  }
  return (
    <section className="page">
      <h1>{t('accountSecurity.title')}</h1>
      {body}
    </section>
  );
}
