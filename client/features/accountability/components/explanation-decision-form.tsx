import { useTranslation } from 'react-i18next';
import { DEFAULT_ANSWER_WORKING_DAYS } from '../../../../shared/explanations';
import {
  type DecideExplanationInput,
  decideExplanationInput,
} from '../../../../shared/schemas/accountability';
import { ActionFormCard, useActionForm } from '../../../components/action-form';
import { TextAreaField } from '../../../components/form-controls';
import { SubmitFeedback } from '../../../components/form-feedback';
import { ACCOUNTABILITY_FORM_VOCABULARY } from '../accountability-form-vocabulary';
import { readWorkingDays } from '../working-days';
import { WorkingDaysField } from './working-days-field';

/** Who decides, and the two steps each may take: the first goes forward, the second back to the agency. */
const STAGES = {
  leader: {
    forward: 'approve',
    back: 'sendBack',
    title: 'accountabilityForms.leaderTitle',
    forwardLabel: 'accountabilityForms.approve',
    backLabel: 'accountabilityForms.sendBack',
    commentHint: 'accountabilityForms.leaderCommentHint',
  },
  office: {
    forward: 'accept',
    back: 'askAgain',
    title: 'accountabilityForms.officeTitle',
    forwardLabel: 'accountabilityForms.accept',
    backLabel: 'accountabilityForms.askAgain',
    commentHint: 'accountabilityForms.officeCommentHint',
  },
} as const;

type Step = DecideExplanationInput['step'];

interface Props {
  /** The agency's leader approves or sends back; the Office accepts or asks again. */
  stage: keyof typeof STAGES;
  request: { id: number; version: number };
  send: (input: DecideExplanationInput) => Promise<unknown>;
  onReload: () => void;
}

const EMPTY = { comment: '', workingDays: String(DEFAULT_ANSWER_WORKING_DAYS) };

/**
 * A decision on an explanation, with a comment: required when it goes back (the agency cannot act on a
 * bare refusal); the Office asking again also says how many working days the new answer gets.
 */
export function ExplanationDecisionForm({ stage, request, send, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const rule = STAGES[stage];
  const labels = {
    comment: t('accountabilityForms.comment'),
    workingDays: t('accountabilityForms.askAgainDays'),
  };
  const { formRef, values, set, clear, messages, submit } = useActionForm(
    EMPTY,
    labels,
    ACCOUNTABILITY_FORM_VOCABULARY,
  );

  function decide(step: Step) {
    const back = step === rule.back;
    const days = step === 'askAgain' ? readWorkingDays(values.workingDays, i18n.language) : null;
    const parsed = decideExplanationInput.safeParse({
      id: request.id,
      version: request.version,
      step,
      comment: values.comment,
      workingDays: days?.ok ? days.value : undefined,
    });
    const errors = parsed.success ? {} : messages.fieldErrors(parsed.error);
    if (back && !values.comment.trim()) errors.comment = t('accountabilityValidation.commentRequired');
    if (days && !days.ok) errors.workingDays = messages.message(days.reason, 'workingDays');
    if (!parsed.success || Object.keys(errors).length > 0) {
      submit.setErrors(errors);
      return;
    }
    void submit.run(() => send(parsed.data), clear);
  }

  return (
    <ActionFormCard
      headingId={`explanation-${stage}-${request.id}`}
      title={t(rule.title)}
      level={4}
      formRef={formRef}
      pending={submit.pending}
      onSubmit={() => decide(rule.forward)}
    >
      <SubmitFeedback
        submit={submit}
        onReload={() => {
          submit.clearFailure();
          onReload();
        }}
      />
      <TextAreaField
        label={labels.comment}
        hint={t(rule.commentHint)}
        error={submit.errors.comment}
        rows={3}
        maxLength={2000}
        value={values.comment}
        onChange={set('comment')}
      />
      {stage === 'office' && (
        <WorkingDaysField
          label={labels.workingDays}
          hint={t('accountabilityForms.askAgainDaysHint')}
          error={submit.errors.workingDays}
          value={values.workingDays}
          onChange={set('workingDays')}
        />
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={submit.pending}>
          {t(rule.forwardLabel)}
        </button>
        <button type="button" className="button" disabled={submit.pending} onClick={() => decide(rule.back)}>
          {t(rule.backLabel)}
        </button>
      </div>
    </ActionFormCard>
  );
}
