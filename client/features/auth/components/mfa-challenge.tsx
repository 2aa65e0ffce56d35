import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeForm, type CodeKind } from './code-form';

interface MfaChallengeFormProps {
  pending: boolean;
  serverError: string | null;
  onSubmit: (code: string) => void;
}

/** The login's second step: the app's code, or (by a link) a recovery code. */
export function MfaChallengeForm({ pending, serverError, onSubmit }: MfaChallengeFormProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CodeKind>('totp');
  const totp = kind === 'totp';
  return (
    <>
      <p className="muted">{totp ? t('mfa.challengeIntro') : t('mfa.recoveryIntro')}</p>
      <CodeForm
        kind={kind}
        label={totp ? t('mfa.code') : t('mfa.recoveryCode')}
        submitLabel={t('mfa.verify')}
        pendingLabel={t('mfa.verifying')}
        pending={pending}
        serverError={serverError}
        onSubmit={onSubmit}
      >
        <button type="button" className="button" onClick={() => setKind(totp ? 'recovery' : 'totp')}>
          {totp ? t('mfa.useRecoveryCode') : t('mfa.useAppCode')}
        </button>
      </CodeForm>
    </>
  );
}
