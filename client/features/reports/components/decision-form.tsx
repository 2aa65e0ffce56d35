import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/form-field';
import { errorMessage } from '../../../lib/error-message';
import { isTrpcClientError } from '../../../lib/trpc';

type Mode = 'leader' | 'office' | 'reopen';

interface DecisionFormProps {
  mode: Mode;
  /** Resolves when the server has recorded the decision. */
  decide: (input: { decision: 'accept' | 'return'; text: string }) => Promise<unknown>;
}

/**
 * The leader's approval, the Office's review (both may return with a comment, which is then required)
 * or the Office's reopening of an accepted report (a reason is always required).
 */
export function DecisionForm({ mode, decide }: DecisionFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  const run = async (decision: 'accept' | 'return') => {
    if (pending) return;
    const needsText = mode === 'reopen' || decision === 'return';
    if (needsText && text.trim() === '') {
      setError(
        mode === 'reopen' ? t('reports.decision.reasonRequired') : t('reports.validation.commentRequired'),
      );
      textRef.current?.focus();
      return;
    }
    setError(undefined);
    setAlert(null);
    setDone(false);
    setPending(true);
    try {
      await decide({ decision, text: text.trim() });
      setDone(true);
      setText('');
    } catch (caught) {
      const reason = isTrpcClientError(caught)
        ? ((caught.data as { details?: { reason?: unknown } } | null)?.details?.reason ?? caught.message)
        : '';
      setAlert(
        reason === 'staleVersion'
          ? t('reports.staleVersion')
          : reason === 'submissionLocked'
            ? t('reports.submissionLocked')
            : reason === 'commentRequired'
              ? t('reports.validation.commentRequired')
              : errorMessage(caught, t),
      );
    } finally {
      setPending(false);
    }
  };

  const title =
    mode === 'leader'
      ? t('reports.decision.leaderTitle')
      : mode === 'office'
        ? t('reports.decision.officeTitle')
        : t('reports.decision.reopenTitle');

  return (
    <form
      className="form report-decision"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run('accept');
      }}
    >
      <h2 id={headingId}>{title}</h2>
      <Field
        label={mode === 'reopen' ? t('reports.decision.reason') : t('reports.decision.comment')}
        hint={mode === 'reopen' ? undefined : t('reports.decision.commentHint')}
        required={mode === 'reopen'}
        error={error}
      >
        {(control) => (
          <textarea
            {...control}
            ref={textRef}
            rows={3}
            maxLength={2000}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </Field>
      {alert ? (
        <p className="form__alert" role="alert">
          {alert}
        </p>
      ) : (
        <p className="form__success" role="status">
          {done ? t('reports.decision.done') : ''}
        </p>
      )}
      <div className="form__actions">
        {mode === 'reopen' ? (
          <button type="submit" className="button button--primary" disabled={pending}>
            {t('reports.decision.reopen')}
          </button>
        ) : (
          <>
            <button type="submit" className="button button--primary" disabled={pending}>
              {mode === 'leader' ? t('reports.decision.approve') : t('reports.decision.accept')}
            </button>
            <button type="button" className="button" disabled={pending} onClick={() => void run('return')}>
              {t('reports.decision.return')}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
