import type { AgencyLevel } from '../../../shared/agencies';
import { AppError } from '../../../shared/errors';
import { mayRegisterDocuments } from '../../../shared/page-access';
import { isOversight } from '../../../shared/roles';
import type { TaskAction } from '../../../shared/schemas/tasks';
import { acceptsProgress, isTaskOpen, type TaskOpenness } from '../../../shared/task-status';
import type { Actor } from '../auth/actor';

/**
 * Who may do what to a task: pure functions of the actor, the task's parties (which agencies) and its
 * state. The procedures' role builders say which roles may call at all; the services assert these on
 * the locked row; the detail page's action flags, the live fan-out and the HTTP routes read them too.
 */
export interface TaskParties {
  leadAgencyId: number;
  coordinatorIds: readonly number[];
  /** The lead agency's parent: a commune's province, which answers for its communes' tasks. */
  leadParentId: number | null;
  /** The province that assigned the task and decides its requests; null: the Government (the Office). */
  issuerAgencyId: number | null;
}

/** A task as the policy sees it: its parties, its lead's level (who may break it down) and whether it is open. */
export type PolicyTask = TaskParties & TaskOpenness & { leadLevel: AgencyLevel };

/**
 * Progress narratives, evidence, extension reasons and completion reports: oversight, the task's
 * agencies, and the province over its lead (a province reads all of its communes' work; a commune
 * reads only its own, never its province's or a sibling's).
 */
export function canReadTaskDetails(actor: Pick<Actor, 'role' | 'agencyId'>, task: TaskParties): boolean {
  return (
    isOversight(actor.role) ||
    actor.agencyId === task.leadAgencyId ||
    task.coordinatorIds.includes(actor.agencyId) ||
    actor.agencyId === task.leadParentId ||
    actor.agencyId === task.issuerAgencyId
  );
}

/**
 * The actions this actor's role and agency give on this task, whatever its state. A province's officer
 * plays the Office's part on the tasks the province assigned (deciding extensions and completions, as
 * the Office's officer does on the Government's); the Office keeps every right everywhere.
 */
function taskRights(actor: Actor, task: PolicyTask): TaskAction[] {
  const lead = actor.agencyId === task.leadAgencyId;
  const coordinator = task.coordinatorIds.includes(actor.agencyId);
  switch (actor.role) {
    case 'office':
      return ['edit', 'decideExtension', 'reviewCompletion'];
    case 'officer':
      if (lead)
        return [
          'postProgress',
          'requestExtension',
          'reportCompletion',
          ...(task.leadLevel === 'provincial' ? (['breakDown'] as const) : []),
        ];
      if (task.issuerAgencyId !== null && actor.agencyId === task.issuerAgencyId)
        return ['decideExtension', 'reviewCompletion'];
      return coordinator ? ['postContribution'] : [];
    case 'leader':
      return lead ? ['approveCompletion'] : [];
    default:
      return [];
  }
}

/**
 * Whether the task's state takes the action now. Deciding a request or a report is checked against
 * that request's or report's own state and version (services); editing stays possible on a closed task.
 */
function stateAccepts(action: TaskAction, task: TaskOpenness): boolean {
  switch (action) {
    case 'postProgress':
    case 'postContribution':
      return acceptsProgress(task);
    case 'requestExtension':
    case 'reportCompletion':
    case 'breakDown':
      return isTaskOpen(task);
    default:
      return true;
  }
}

/** Every action this actor may take on this task now, by role, row and state (the UI shows exactly these). */
export function allowedTaskActions(actor: Actor, task: PolicyTask): TaskAction[] {
  return taskRights(actor, task).filter((action) => stateAccepts(action, task));
}

/**
 * A decision on one of the task's requests (an extension request, a completion report): those are the
 * task's details, so an actor who may not read them is told NOT_FOUND, as for an id that does not exist
 * (request ids are sequential); then as `assertTaskAction`.
 */
export function assertRequestDecision(actor: Actor, task: PolicyTask, action: TaskAction): void {
  if (!canReadTaskDetails(actor, task)) throw new AppError('NOT_FOUND');
  assertTaskAction(actor, task, action);
}

/**
 * FORBIDDEN without the right to the action; CONFLICT when the task's state refuses it now: closed
 * (completed or withdrawn), or its completion reported and awaiting a decision.
 */
export function assertTaskAction(actor: Actor, task: PolicyTask, action: TaskAction): void {
  if (!taskRights(actor, task).includes(action)) throw new AppError('FORBIDDEN');
  if (!stateAccepts(action, task)) {
    const reason = isTaskOpen(task) ? 'completionPending' : 'taskClosed';
    throw new AppError('CONFLICT', reason, { reason });
  }
}

/**
 * Who issues what an actor assigns (a document, its tasks): the Office for the Government (null), a
 * province's officer for its province. Only they assign tasks (PRODUCT.md; issue 17: provinces assign
 * onward); anyone else is FORBIDDEN.
 */
export function issuerOf(actor: Actor, actorLevel: AgencyLevel): number | null {
  if (!mayRegisterDocuments({ role: actor.role, agencyLevel: actorLevel })) throw new AppError('FORBIDDEN');
  return actor.role === 'office' ? null : actor.agencyId;
}

/**
 * A province assigns only to its own units, its communes and departments (lead and coordinators): not
 * to another province's, a ministry or itself. The Government (null) assigns to any agency.
 */
export function mayAssignTo(issuerAgencyId: number | null, agency: { parentId: number | null }): boolean {
  return issuerAgencyId === null || agency.parentId === issuerAgencyId;
}

export function assertAssignable(
  issuerAgencyId: number | null,
  agencies: readonly { parentId: number | null }[],
  field: string,
): void {
  if (agencies.some((a) => !mayAssignTo(issuerAgencyId, a)))
    throw new AppError('VALIDATION', 'notOwnCommune', { field, reason: 'notOwnCommune' });
}
