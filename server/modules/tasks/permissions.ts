import { AppError } from '../../../shared/errors';
import type { Actor } from '../auth/actor';

/**
 * Row-level rules for tasks: which agency may do what to a given task. Role-only rules (the Office
 * registers and decides; inspectors never write) are in the procedure builders; these add the row.
 */
export interface TaskParties {
  leadAgencyId: number;
  coordinatorIds: readonly number[];
}

export type TaskAction =
  | 'postProgress'
  | 'postContribution'
  | 'requestExtension'
  | 'reportCompletion'
  | 'approveCompletion'
  | 'decideExtension'
  | 'reviewCompletion'
  | 'edit';

const OVERSIGHT_ROLES = new Set(['office', 'inspector', 'admin']);

/** Progress narratives, evidence, extension reasons and completion reports: oversight and the task's agencies. */
export function canReadTaskDetails(actor: Actor, task: TaskParties): boolean {
  return (
    OVERSIGHT_ROLES.has(actor.role) ||
    actor.agencyId === task.leadAgencyId ||
    task.coordinatorIds.includes(actor.agencyId)
  );
}

/** Every action this actor may take on this task, by role and row (the UI shows exactly these). */
export function allowedTaskActions(actor: Actor, task: TaskParties): TaskAction[] {
  const lead = actor.agencyId === task.leadAgencyId;
  const coordinator = task.coordinatorIds.includes(actor.agencyId);
  switch (actor.role) {
    case 'office':
      return ['edit', 'decideExtension', 'reviewCompletion'];
    case 'officer':
      if (lead) return ['postProgress', 'requestExtension', 'reportCompletion'];
      return coordinator ? ['postContribution'] : [];
    case 'leader':
      return lead ? ['approveCompletion'] : [];
    default:
      return [];
  }
}

export function assertTaskAction(actor: Actor, task: TaskParties, action: TaskAction): void {
  if (!allowedTaskActions(actor, task).includes(action)) throw new AppError('FORBIDDEN');
}
