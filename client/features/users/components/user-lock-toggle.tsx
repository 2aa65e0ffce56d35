import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateUserInput } from '../../../../shared/schemas/users';
import { useFormMessages } from '../../../components/form-errors';
import type { RouterOutputs } from '../../../lib/trpc';
import { userFormVocabulary } from '../user-form-vocabulary';

export type UserRow = RouterOutputs['users']['list']['items'][number];

export interface Notice {
  text: string;
  ok: boolean;
}

interface UserLockToggleProps {
  user: UserRow;
  send: (input: UpdateUserInput) => Promise<unknown>;
  onNotice: (notice: Notice) => void;
}

/** "Lock" / "Unlock" with a confirm step: the question and its two buttons take the button's place. */
export function UserLockToggle({ user, send, onNotice }: UserLockToggleProps) {
  const { t } = useTranslation();
  const { describe } = useFormMessages(userFormVocabulary(t));
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const name = user.fullName;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      toggleRef.current?.focus();
    }
  }, [confirming]);

  async function confirm() {
    setPending(true);
    try {
      await send({ id: user.id, active: !user.active });
      onNotice({ text: t(user.active ? 'userAdmin.locked' : 'userAdmin.unlocked', { name }), ok: true });
    } catch (error) {
      onNotice({ text: describe(error).message, ok: false });
    } finally {
      setPending(false);
      returnFocus.current = true;
      setConfirming(false);
    }
  }

  if (confirming) {
    return (
      // biome-ignore lint/a11y/useSemanticElements: a small inline confirmation, not a form; the group names it for screen readers
      <span
        className="row-actions"
        role="group"
        aria-label={t(user.active ? 'userAdmin.confirmLock' : 'userAdmin.confirmUnlock', { name })}
      >
        <span>{t(user.active ? 'userAdmin.confirmLock' : 'userAdmin.confirmUnlock', { name })}</span>
        <button
          ref={confirmRef}
          type="button"
          className="button button--primary"
          disabled={pending}
          onClick={() => void confirm()}
        >
          {t('userAdmin.confirm')}
        </button>
        <button
          type="button"
          className="button"
          disabled={pending}
          onClick={() => {
            returnFocus.current = true;
            setConfirming(false);
          }}
        >
          {t('userAdmin.cancel')}
        </button>
      </span>
    );
  }
  return (
    <button
      ref={toggleRef}
      type="button"
      className="button"
      aria-label={t(user.active ? 'userAdmin.lockLabel' : 'userAdmin.unlockLabel', { name })}
      onClick={() => setConfirming(true)}
    >
      {user.active ? t('userAdmin.lock') : t('userAdmin.unlock')}
    </button>
  );
}
