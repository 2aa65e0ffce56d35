import { useTranslation } from 'react-i18next';
import { useTaskEscalation } from '../api/escalation-queries';
import { escalationSentence, escalationStepSentence } from '../escalation-sentence';
import '../../../components/status-badge.css';
import './escalation.css';

/**
 * The task's escalation on its page: a badge with the level in words (colour is never the only
 * signal) and the sentence saying since when and why; the steps the rules took, where the reader may
 * see them. Nothing when the task has no level and no step.
 */
export function TaskEscalation({ taskId }: { taskId: number }) {
  const { t } = useTranslation();
  const query = useTaskEscalation(taskId);
  const data = query.data;
  if (!data) return null;
  const sentence = escalationSentence(data, t);
  if (!sentence && data.steps.length === 0) return null;
  return (
    <section className="task-escalation" aria-label={t('taskEscalation.label')} data-testid="task-escalation">
      {sentence && data.level && (
        <p>
          {/* The sentence names the level too: the badge is its colour, read once. */}
          <span
            aria-hidden="true"
            className={`status-badge escalation-badge escalation-badge--${data.level}`}
          >
            {t(`taskEscalation.levels.${data.level}`)}
          </span>{' '}
          {sentence}
        </p>
      )}
      {data.steps.length > 0 && (
        <ul className="task-escalation__steps">
          {data.steps.map((step) => (
            <li key={`${step.kind}-${step.deadline}`}>{escalationStepSentence(step, t)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
