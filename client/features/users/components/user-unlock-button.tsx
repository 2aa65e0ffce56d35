import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormMessages } from '../../../components/form-errors';
import { userFormVocabulary } from '../user-form-vocabulary';
import type { Notice, UserRow } from './user-lock-toggle';

/** "Lift lock" on the row of an account locked after failed logins (the account stays active). */
export function UserUnlockButton({
  user,
  send,
  onNotice,
}: {
  user: UserRow;
  send: (input: { id: number }) => Promise<unknown>;
  onNotice: (notice: Notice) => void;
}) {
  const { t } = useTranslation();
  const { describe } = useFormMessages(userFormVocabulary(t));
  const [pending, setPending] = useState(false);
  if (!user.lockedUntil) return null;
  const name = user.fullName;
  async function unlock() {
    setPending(true);
    try {
      await send({ id: user.id });
      onNotice({ text: t('loginFailures.unlocked', { name }), ok: true });
    } catch (error) {
      onNotice({ text: describe(error).message, ok: false });
    } finally {
      setPending(false);
    }
  }
  return (
    <button
      type="button"
      className="button"
      disabled={pending}
      aria-label={t('loginFailures.unlockLabel', { name })}
      onClick={() => void unlock()}
    >
      {t('loginFailures.unlock')}
    </button>
  );
}
