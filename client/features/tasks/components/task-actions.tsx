import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../../../lib/trpc';
import { useTaskWrites } from '../api/task-queries';
import { type TaskActionDone, taskStages } from '../task-stage';
import { useDecider } from '../use-decider';
import { BreakDownForm } from './break-down-form';
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

/**
 * Exactly the forms for the actions the server allows this user on this task. After an action the
 * section says what was done and what happens next, from the task as the server now returns it (a
 * write waits for its refetch, `useTaskWrites`), and the keyboard focus goes to that message: the form
 * acted on may be gone (a completion reported), and a focus left on nothing falls to the top of the page.
 */
export function TaskActions({ detail, onReload }: Props) {
  const { t } = useTranslation();
  const { task, allowedActions } = detail;
  const [outcome, setOutcome] = useState<{ done: TaskActionDone; n: number } | null>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);
  /** `send`, then the message once the task is fresh. */
  function track<Input, Result>(
    send: (input: Input) => Promise<Result>,
    done: (input: Input) => TaskActionDone,
  ) {
    return async (input: Input) => {
      const result = await send(input);
      setOutcome((o) => ({ done: done(input), n: (o?.n ?? 0) + 1 }));
      return result;
    };
  }
  const [stage] = taskStages(detail);
  const decider = useDecider(detail.issuer);
  const outcomeText = outcome
    ? `${t(`taskDetail.done.${outcome.done}`, { decider })} ${t(`taskDetail.next.${stage ?? 'inProgress'}`, {
        status: t(`status.${task.status}`),
        decider,
      })}`
    : '';
  const {
    postProgress,
    requestExtension,
    reportCompletion,
    approveCompletion,
    reviewCompletion,
    decideExtension,
    update,
    breakDown,
  } = useTaskWrites(task.id, task.documentId);

  const open = task.status === 'in_progress' || task.status === 'overdue' || task.status === 'no_deadline';
  const latestReport = detail.completions[0];
  const pendingExtension = detail.extensions.find((e) => e.state === 'pending');
  const can = (action: Detail['allowedActions'][number]) => allowedActions.includes(action);
  const forms = [];

  if (open && can('postProgress')) {
    forms.push(
      <ProgressForm
        key="progress"
        taskId={task.id}
        kind="progress"
        send={track(postProgress.mutateAsync, () => 'progress')}
      />,
    );
  }
  if (open && can('postContribution')) {
    forms.push(
      <ProgressForm
        key="contribution"
        taskId={task.id}
        kind="contribution"
        send={track(postProgress.mutateAsync, () => 'contribution')}
      />,
    );
  }
  if (open && can('requestExtension') && !pendingExtension) {
    forms.push(
      <ExtensionRequestForm
        key="extension"
        taskId={task.id}
        send={track(requestExtension.mutateAsync, () => 'extensionRequested')}
      />,
    );
  }
  const reportOpen =
    latestReport && (latestReport.state === 'awaiting_leader' || latestReport.state === 'awaiting_office');
  if (open && can('reportCompletion') && !reportOpen) {
    forms.push(
      <CompletionReportForm
        key="completion"
        taskId={task.id}
        send={track(reportCompletion.mutateAsync, () => 'completionReported')}
      />,
    );
  }
  if (can('approveCompletion') && latestReport?.state === 'awaiting_leader') {
    forms.push(
      <CompletionReviewForm
        key={`leader-${latestReport.id}`}
        stage="leader"
        decider={decider}
        report={latestReport}
        send={track(approveCompletion.mutateAsync, (input) =>
          input.decision === 'accept' ? 'leaderApproved' : 'leaderReturned',
        )}
        onReload={() => void onReload()}
      />,
    );
  }
  if (can('reviewCompletion') && latestReport?.state === 'awaiting_office') {
    forms.push(
      <CompletionReviewForm
        key={`office-${latestReport.id}`}
        stage="office"
        decider={decider}
        report={latestReport}
        send={track(reviewCompletion.mutateAsync, (input) =>
          input.decision === 'accept' ? 'officeAccepted' : 'officeReturned',
        )}
        onReload={onReload}
      />,
    );
  }
  if (can('decideExtension') && pendingExtension) {
    forms.push(
      <ExtensionDecisionForm
        key={`decide-${pendingExtension.id}`}
        request={pendingExtension}
        send={track(decideExtension.mutateAsync, (input) =>
          input.decision === 'approved' ? 'extensionApproved' : 'extensionRefused',
        )}
        onReload={onReload}
      />,
    );
  }
  if (open && can('breakDown')) {
    forms.push(
      <BreakDownForm key="break-down" task={task} send={track(breakDown.mutateAsync, () => 'brokenDown')} />,
    );
  }
  if (can('edit') && !task.withdrawn) {
    forms.push(
      <TaskEditForm
        key={`edit-${task.id}`}
        task={editable(detail)}
        send={track(update.mutateAsync, () => 'edited')}
        onReload={() => onReload().then((latest) => (latest ? editable(latest) : undefined))}
      />,
    );
  }

  return (
    <section className="task-actions" aria-labelledby="task-actions-title">
      <h2 id="task-actions-title">{t('taskDetail.actions')}</h2>
      {/* Present from the start, so a screen reader announces what is put in it. */}
      <p
        ref={outcomeRef}
        className={outcome ? 'task-outcome task-outcome--shown' : 'task-outcome'}
        role="status"
        tabIndex={-1}
      >
        {outcomeText}
      </p>
      {forms.length ? (
        <div className="task-actions__forms">{forms}</div>
      ) : (
        <p>{allowedActions.length ? t('taskDetail.nothingNow') : t('taskDetail.noActions')}</p>
      )}
    </section>
  );
}
