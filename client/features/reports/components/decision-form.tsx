import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleIssue } from '../../../../shared/validation-rules';
import { describeServerError } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
import { Field } from '../../../components/form-field';
import { useFormSubmit } from '../../../components/use-form-submit';
import { isTrpcClientError } from '../../../lib/trpc';
import { issueMessage } from '../report-values-form';

type Mode = 'leader' | 'office' | 'province' | 'reopen';

interface DecisionFormProps {
  mode: Mode;
  /** Resolves when the server has recorded the decision. */
  decide: (input: { decision: 'accept' | 'return'; text: string }) => Promise<unknown>;
  /** Why accepting is not offered (a figure fails a check): returning stays open. */
  acceptBlocked?: string | undefined;
}

/** The failed checks a refusal carries, worded in the reader's language. */
function refusedChecks(error: unknown, language: string): string {
  if (!isTrpcClientError(error)) return '';
  const issues = (error.data as { details?: { ruleIssues?: RuleIssue[] } } | null)?.details?.ruleIssues;
  return Array.isArray(issues) ? issues.map((i) => issueMessage(i, language)).join(' ') : '';
}

/**
 * The leader's approval, the Office's review, the province's review of a commune's report (each may
 * return with a comment, which is then required)
 * or the Office's reopening of an accepted report (a reason is always required).
 */
export function DecisionForm({ mode, decide, acceptBlocked }: DecisionFormProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const blockedId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [text, setText] = useState('');
  const submit = useFormSubmit(formRef, (error) =>
    describeServerError(error, t, (reason) =>
      reason === 'staleVersion'
        ? t('reports.staleVersion')
        : reason === 'submissionLocked'
          ? t('reports.submissionLocked')
          : reason === 'awaitingApproval'
            ? t('reports.awaitingApproval')
            : reason === 'rules'
              ? t('reports.rules.refused', { messages: refusedChecks(error, i18n.language) })
              : reason === 'commentRequired'
                ? t('reports.validation.commentRequired')
                : undefined,
    ),
  );

  const run = (decision: 'accept' | 'return') => {
    const needsText = mode === 'reopen' || decision === 'return';
    if (needsText && text.trim() === '') {
      submit.setErrors({
        text:
          mode === 'reopen' ? t('reports.decision.reasonRequired') : t('reports.validation.commentRequired'),
      });
      return;
    }
    void submit.run(
      () => decide({ decision, text: text.trim() }),
      () => setText(''),
    );
  };

  const title =
    mode === 'leader'
      ? t('reports.decision.leaderTitle')
      : mode === 'office'
        ? t('reports.decision.officeTitle')
        : mode === 'province'
          ? t('reports.decision.provinceTitle')
          : t('reports.decision.reopenTitle');

  return (
    <form
      ref={formRef}
      className="form report-decision"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (mode !== 'reopen' && acceptBlocked) return;
        run('accept');
      }}
    >
      <h2 id={headingId}>{title}</h2>
      <SubmitFeedback submit={submit} successText={t('reports.decision.done')} />
      <Field
        label={mode === 'reopen' ? t('reports.decision.reason') : t('reports.decision.comment')}
        hint={mode === 'reopen' ? undefined : t('reports.decision.commentHint')}
        required={mode === 'reopen'}
        error={submit.errors.text}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={2000}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </Field>
      {mode !== 'reopen' && acceptBlocked && (
        <p className="form__error" id={blockedId}>
          {acceptBlocked}
        </p>
      )}
      <div className="form__actions">
        {mode === 'reopen' ? (
          <button type="submit" className="button button--primary" disabled={submit.pending}>
            {t('reports.decision.reopen')}
          </button>
        ) : (
          <>
            <button
              type="submit"
              className="button button--primary"
              disabled={submit.pending || acceptBlocked !== undefined}
              aria-describedby={acceptBlocked ? blockedId : undefined}
            >
              {mode === 'leader' ? t('reports.decision.approve') : t('reports.decision.accept')}
            </button>
            <button type="button" className="button" disabled={submit.pending} onClick={() => run('return')}>
              {t('reports.decision.return')}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
