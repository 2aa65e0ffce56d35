import type { TaskStatus } from '../../../shared/task-status';

/**
 * Where a task stands beyond its derived status: a completion report or an extension request waiting
 * on someone. The status stays "in progress" until the Office accepts a completion, so without this
 * the page would read "in progress" right after the agency reported the task done.
 */
export type TaskStage =
  | 'completionAwaitingLeader'
  | 'completionAwaitingOffice'
  | 'extensionPending'
  | 'completed'
  | 'withdrawn'
  | 'inProgress';

interface StageFacts {
  task: { status: TaskStatus; withdrawn?: boolean | null };
  /** Newest first, as `tasks.get` returns them. */
  completions: readonly { state: string }[];
  extensions: readonly { state: string }[];
}

/** The waits a task is in, the one that decides what happens next first; never empty. */
export function taskStages({ task, completions, extensions }: StageFacts): TaskStage[] {
  if (task.withdrawn || task.status === 'withdrawn') return ['withdrawn'];
  if (task.status === 'completed_on_time' || task.status === 'completed_late') return ['completed'];
  const stages: TaskStage[] = [];
  const latest = completions[0]?.state;
  if (latest === 'awaiting_leader') stages.push('completionAwaitingLeader');
  if (latest === 'awaiting_office') stages.push('completionAwaitingOffice');
  if (extensions.some((e) => e.state === 'pending')) stages.push('extensionPending');
  return stages.length ? stages : ['inProgress'];
}

/** What a task action just did, as the page says it before saying what happens next. */
export type TaskActionDone =
  | 'progress'
  | 'contribution'
  | 'extensionRequested'
  | 'completionReported'
  | 'leaderApproved'
  | 'leaderReturned'
  | 'officeAccepted'
  | 'officeReturned'
  | 'extensionApproved'
  | 'extensionRefused'
  | 'edited'
  | 'brokenDown';
