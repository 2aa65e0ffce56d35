import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message';
import { useBeginEnrollment, useConfirmEnrollment } from '../api/use-mfa';
import { CodeForm } from './code-form';
import { mfaErrorText } from './mfa-messages';
import { QrCode } from './qr-code';
import { RecoveryCodesPanel } from './recovery-codes-panel';

interface MfaEnrollmentSetupProps {
  uri: string;
  secret: string;
  pending: boolean;
  serverError: string | null;
  onConfirm: (code: string) => void;
}

/** The base32 key in groups of four, as people copy it by hand. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/** Scan (or type) the new secret, then prove it with the app's first code. */
export function MfaEnrollmentSetup({
  uri,
  secret,
  pending,
  serverError,
  onConfirm,
}: MfaEnrollmentSetupProps) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('mfa.enrollSteps')}</p>
      <QrCode text={uri} />
      <p className="muted">{t('mfa.manualEntry')}</p>
      <p>
        <code className="totp-secret" data-testid="totp-secret">
          {groupSecret(secret)}
        </code>
      </p>
      <CodeForm
        kind="totp"
        label={t('mfa.code')}
        submitLabel={t('mfa.confirm')}
        pendingLabel={t('mfa.confirming')}
        pending={pending}
        serverError={serverError}
        onSubmit={onConfirm}
      />
    </>
  );
}

/**
 * The whole set-up: a fresh secret on arrival, its confirmation, then the recovery codes, shown once;
 * `onFinished` runs when the person says they saved them.
 */
export function MfaEnrollment({
  username,
  onConfirmed,
  onFinished,
}: {
  username: string;
  /** MFA is on and the codes are on screen (the login has moved on on the server). */
  onConfirmed?: () => void;
  onFinished: () => void;
}) {
  const { t, i18n } = useTranslation();
  const begin = useBeginEnrollment();
  const confirm = useConfirmEnrollment();
  const started = useRef(false);
  const { mutate: start } = begin;

  useEffect(() => {
    // Once per mount, also under StrictMode's double effects: each start replaces the pending secret.
    if (started.current) return;
    started.current = true;
    start();
  }, [start]);

  if (confirm.data)
    return (
      <RecoveryCodesPanel codes={confirm.data.recoveryCodes} username={username} onContinue={onFinished} />
    );
  if (begin.isError)
    return (
      <p className="form__alert" role="alert">
        {errorMessage(begin.error, t)}
      </p>
    );
  if (!begin.data) return <p className="muted">{t('mfa.preparing')}</p>;
  return (
    <MfaEnrollmentSetup
      uri={begin.data.uri}
      secret={begin.data.secret}
      pending={confirm.isPending}
      serverError={confirm.error ? mfaErrorText(confirm.error, t, i18n) : null}
      onConfirm={(code) => confirm.mutate({ code }, { onSuccess: () => onConfirmed?.() })}
    />
  );
}
