import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../../../lib/trpc';
import { usePageTitle } from '../../../lib/use-page-title';
import { useLogout } from '../api/use-logout';
import { useMoveLoginOn, useVerifyMfa } from '../api/use-mfa';
import { ChangePasswordForm } from './change-password-form';
import { LoginLayout } from './login-layout';
import { MfaChallengeForm } from './mfa-challenge';
import { MfaEnrollment } from './mfa-enrollment';
import { mfaErrorText, sessionEnded } from './mfa-messages';

function MfaChallengeStep() {
  const { t, i18n } = useTranslation();
  const verify = useVerifyMfa();
  const logout = useLogout();
  if (verify.error && sessionEnded(verify.error))
    return (
      <>
        <p className="form__alert" role="alert">
          {mfaErrorText(verify.error, t, i18n)}
        </p>
        <button type="button" className="button button--primary" onClick={() => logout.mutate()}>
          {t('loginStep.loginAgain')}
        </button>
      </>
    );
  return (
    <MfaChallengeForm
      pending={verify.isPending}
      serverError={verify.error ? mfaErrorText(verify.error, t, i18n) : null}
      onSubmit={(code) => verify.mutate({ code })}
    />
  );
}

const TITLES = {
  mfa: 'mfa.challengeTitle',
  enroll: 'mfa.enrollTitle',
  password: 'loginStep.passwordTitle',
} as const;

/**
 * A login that is not complete yet (`auth.me`'s stage): the step it stands at, in place of the
 * application, with a way out. Completing the step reloads `auth.me`; the next step, or the app, follows.
 */
export function LoginStepPage({
  user,
  hold,
}: {
  user: CurrentUser & { stage: 'mfa' | 'enroll' | 'password' };
  /** Keeps this page on screen while on (the recovery codes are being saved), whatever the stage says. */
  hold: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const logout = useLogout();
  const moveOn = useMoveLoginOn();
  const title = t(TITLES[user.stage]);
  usePageTitle(title);

  return (
    <LoginLayout title={title}>
      {user.stage === 'mfa' && <MfaChallengeStep />}
      {user.stage === 'enroll' && (
        <>
          <p className="muted">{t('mfa.enrollRequired')}</p>
          <MfaEnrollment
            username={user.username}
            onConfirmed={() => hold(true)}
            onFinished={() => {
              hold(false);
              void moveOn();
            }}
          />
        </>
      )}
      {/* The forced form says why a new password is needed. */}
      {user.stage === 'password' && <ChangePasswordForm forced onDone={() => void moveOn()} />}
      <p>
        <button type="button" className="button" disabled={logout.isPending} onClick={() => logout.mutate()}>
          {t('loginStep.logout')}
        </button>
      </p>
    </LoginLayout>
  );
}
