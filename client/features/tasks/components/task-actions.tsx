import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../../../lib/trpc';
import { useTaskWrites } from '../api/task-queries';
import { CompletionReportForm } from './completion-report-form';
import { CompletionReviewForm } from './completion-review-form';
import { ExtensionDecisionForm } from './extension-decision-form';
import { ExtensionRequestForm } from './extension-request-form';
import { ProgressForm } from './progress-form';
import { type EditableTask, TaskEditForm } from './task-edit-form';

type Detail = RouterOutputs['tasks']['get'];

interface Props {
  detail: Detail;
  /** Fetches the latest task. */
  onReload: () => Promise<Detail | undefined>;
}

function editable({ task, coordinators }: Detail): EditableTask {
  return {
    id: task.id,
    version: task.version,
    title: task.title,
    description: task.description,
    groupNo: task.groupNo,
    leadAgencyId: task.leadAgencyId,
    coordinatorIds: coordinators.map((c) => c.id),
    deadline: task.deadline,
    priority: task.priority,
    isKey: task.isKey,
  };
}

/** Exactly the forms for the actions the server allows this user on this task. */
export function TaskActions({ detail, onReload }: Props) {
  const { t } = useTranslation();
  const { task, allowedActions } = detail;
  const {
    postProgress,
    requestExtension,
    reportCompletion,
    approveCompletion,
    reviewCompletion,
    decideExtension,
    update,
  } = useTaskWrites(task.id, task.documentId);

  const open = task.status === 'in_progress' || task.status === 'overdue' || task.status === 'no_deadline';
  const latestReport = detail.completions[0];
  const pendingExtension = detail.extensions.find((e) => e.state === 'pending');
  const can = (action: Detail['allowedActions'][number]) => allowedActions.includes(action);
  const forms = [];

  if (open && can('postProgress')) {
    forms.push(
      <ProgressForm key="progress" taskId={task.id} kind="progress" send={postProgress.mutateAsync} />,
    );
  }
  if (open && can('postContribution')) {
    forms.push(
      <ProgressForm
        key="contribution"
        taskId={task.id}
        kind="contribution"
        send={postProgress.mutateAsync}
      />,
    );
  }
  if (open && can('requestExtension') && !pendingExtension) {
    forms.push(<ExtensionRequestForm key="extension" taskId={task.id} send={requestExtension.mutateAsync} />);
  }
  const reportOpen =
    latestReport && (latestReport.state === 'awaiting_leader' || latestReport.state === 'awaiting_office');
  if (open && can('reportCompletion') && !reportOpen) {
    forms.push(
      <CompletionReportForm key="completion" taskId={task.id} send={reportCompletion.mutateAsync} />,
    );
  }
  if (can('approveCompletion') && latestReport?.state === 'awaiting_leader') {
    forms.push(
      <CompletionReviewForm
        key={`leader-${latestReport.id}`}
        stage="leader"
        report={latestReport}
        send={approveCompletion.mutateAsync}
        onReload={() => void onReload()}
      />,
    );
  }
  if (can('reviewCompletion') && latestReport?.state === 'awaiting_office') {
    forms.push(
      <CompletionReviewForm
        key={`office-${latestReport.id}`}
        stage="office"
        report={latestReport}
        send={reviewCompletion.mutateAsync}
        onReload={onReload}
      />,
    );
  }
  if (can('decideExtension') && pendingExtension) {
    forms.push(
      <ExtensionDecisionForm
        key={`decide-${pendingExtension.id}`}
        request={pendingExtension}
        send={decideExtension.mutateAsync}
        onReload={onReload}
      />,
    );
  }
  if (can('edit') && !task.withdrawn) {
    forms.push(
      <TaskEditForm
        key={`edit-${task.id}`}
        task={editable(detail)}
        send={update.mutateAsync}
        onReload={() => onReload().then((latest) => (latest ? editable(latest) : undefined))}
      />,
    );
  }

  return (
    <section className="task-actions" aria-labelledby="task-actions-title">
      <h2 id="task-actions-title">{t('taskDetail.actions')}</h2>
      {forms.length ? (
        <div className="task-actions__forms">{forms}</div>
      ) : (
        <p>{allowedActions.length ? t('taskDetail.nothingNow') : t('taskDetail.noActions')}</p>
      )}
    </section>
  );
}
