import type {
  AnswerExplanationInput,
  DecideExplanationInput,
  ExplanationView,
} from '../../../../shared/schemas/accountability';
import { ExplanationAnswerForm } from './explanation-answer-form';
import { ExplanationCard } from './explanation-card';
import { ExplanationDecisionForm } from './explanation-decision-form';

interface Props {
  request: ExplanationView;
  answer: (input: AnswerExplanationInput) => Promise<unknown>;
  decide: (input: DecideExplanationInput) => Promise<unknown>;
  /** Fetches the latest requests (someone else moved this one meanwhile). */
  onReload: () => void;
}

/** One explanation request, then exactly the forms of the steps the server allows this user on it now. */
export function ExplanationItem({ request, answer, decide, onReload }: Props) {
  const headingId = `explanation-${request.id}`;
  const can = (step: ExplanationView['allowedSteps'][number]) => request.allowedSteps.includes(step);
  return (
    <article className="explanation card" aria-labelledby={headingId}>
      <ExplanationCard request={request} headingId={headingId} />
      {can('answer') && <ExplanationAnswerForm request={request} send={answer} onReload={onReload} />}
      {can('approve') && (
        <ExplanationDecisionForm stage="leader" request={request} send={decide} onReload={onReload} />
      )}
      {can('accept') && (
        <ExplanationDecisionForm stage="office" request={request} send={decide} onReload={onReload} />
      )}
    </article>
  );
}
