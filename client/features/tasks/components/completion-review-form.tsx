import { useTranslation } from 'react-i18next';
import { type ReviewCompletionInput, reviewCompletionInput } from '../../../../shared/schemas/tasks';
import { formatDate } from '../../../lib/format';
import { TaskDecisionForm } from './task-decision-form';

interface Report {
  id: number;
  version: number;
  result: string;
  completionDate: string;
  reportedByName: string;
}

interface Props {
  /** The leader signs off before the report goes to the Office; the Office accepts or returns it. */
  stage: 'leader' | 'office';
  /** Who the signed-off report goes to: the Office, or the province that assigned the task. */
  decider: string;
  report: Report;
  send: (input: ReviewCompletionInput) => Promise<unknown>;
  onReload: () => void;
}

export function CompletionReviewForm({ stage, decider, report, send, onReload }: Props) {
  const { t } = useTranslation();
  return (
    <TaskDecisionForm
      headingId={`completion-review-${stage}`}
      title={stage === 'leader' ? t('taskForms.leaderReviewTitle') : t('taskForms.officeReviewTitle')}
      summary={t('taskForms.reportSummary', {
        date: formatDate(report.completionDate),
        name: report.reportedByName,
        result: report.result,
      })}
      commentHint={t('taskForms.commentHint')}
      approve={{
        decision: 'accept',
        label: stage === 'leader' ? t('taskForms.leaderApprove', { decider }) : t('taskForms.accept'),
      }}
      refuse={{ decision: 'return', label: t('taskForms.return') }}
      parse={(decision, comment) =>
        reviewCompletionInput.safeParse({ id: report.id, version: report.version, decision, comment })
      }
      send={send}
      onReload={onReload}
    />
  );
}
