import { useTranslation } from 'react-i18next';
import type { ZodSafeParseResult } from 'zod';
import { TextAreaField } from '../../../components/form-controls';
import { SubmitFeedback } from '../../../components/form-feedback';
import { TaskFormCard, useTaskForm } from './task-form-card';

interface Choice<Decision> {
  decision: Decision;
  label: string;
}

interface TaskDecisionFormProps<Decision, Input> {
  headingId: string;
  title: string;
  /** What is being decided, in one sentence. */
  summary: string;
  commentHint?: string | undefined;
  /** The submit button's decision. */
  approve: Choice<Decision>;
  refuse: Choice<Decision>;
  parse: (decision: Decision, comment: string) => ZodSafeParseResult<Input>;
  send: (input: Input) => Promise<unknown>;
  onReload: () => void;
}

/** A reviewer approves or refuses what an agency sent, with an optional comment. */
export function TaskDecisionForm<Decision, Input>({
  headingId,
  title,
  summary,
  commentHint,
  approve,
  refuse,
  parse,
  send,
  onReload,
}: TaskDecisionFormProps<Decision, Input>) {
  const { t } = useTranslation();
  const label = t('taskForms.comment');
  const { formRef, values, set, submit, sendParsed } = useTaskForm({ comment: '' }, { comment: label });
  const decide = (decision: Decision) => sendParsed(parse(decision, values.comment), send);

  return (
    <TaskFormCard
      headingId={headingId}
      title={title}
      intro={<p>{summary}</p>}
      formRef={formRef}
      pending={submit.pending}
      onSubmit={() => decide(approve.decision)}
    >
      <SubmitFeedback
        submit={submit}
        onReload={() => {
          submit.clearFailure();
          onReload();
        }}
      />
      <TextAreaField
        label={label}
        hint={commentHint}
        error={submit.errors.comment}
        rows={3}
        maxLength={2000}
        value={values.comment}
        onChange={set('comment')}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={submit.pending}>
          {approve.label}
        </button>
        <button
          type="button"
          className="button"
          disabled={submit.pending}
          onClick={() => decide(refuse.decision)}
        >
          {refuse.label}
        </button>
      </div>
    </TaskFormCard>
  );
}
