import type { Role } from '../../../shared/roles';
import type { RouterOutputs } from '../../lib/trpc';

export type InboxItem = RouterOutputs['tasks']['inbox']['items'][number];

export type InboxTodo =
  | 'needsUpdate'
  | 'update'
  | 'contribute'
  | 'awaitingLeader'
  | 'approveNow'
  | 'awaitingOffice'
  | 'returned'
  | 'extensionPending';

interface Viewer {
  role: Role;
  agencyId: number;
}

const OPEN = new Set(['in_progress', 'overdue', 'no_deadline']);

/** What the viewer's agency has to do about a task, or is waiting for, as the inbox says it. */
export function inboxTodos(task: InboxItem, viewer: Viewer): InboxTodo[] {
  if (!OPEN.has(task.status)) return [];
  const leads = task.leadAgencyId === viewer.agencyId;
  const todos: InboxTodo[] = [];
  if (task.completionState === 'awaiting_leader') {
    todos.push(viewer.role === 'leader' && leads ? 'approveNow' : 'awaitingLeader');
  } else if (task.completionState === 'awaiting_office') {
    todos.push('awaitingOffice');
  } else if (leads && viewer.role === 'officer') {
    if (task.completionState === 'returned_by_leader' || task.completionState === 'returned_by_office') {
      todos.push('returned');
    }
    const behind = task.stale || task.status === 'overdue' || task.dueSoon || !task.lastLeadUpdateAt;
    todos.push(behind ? 'needsUpdate' : 'update');
  } else if (!leads && viewer.role === 'officer') {
    todos.push('contribute');
  }
  if (task.extensionPending) todos.push('extensionPending');
  return todos;
}
