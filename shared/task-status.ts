import { vietnamDate } from './vietnam-date';

/**
 * Task status, derived from dates in Vietnam time — the one rule (PRODUCT.md, "Tasks"). The server's SQL
 * (server/modules/tasks/status-sql.ts) states the same rule for aggregates; a test holds them together.
 * A deadline is a calendar date that ends at 23:59:59 Vietnam time.
 */
export const TASK_STATUSES = [
  'completed_on_time',
  'completed_late',
  'in_progress',
  'overdue',
  'no_deadline',
  'withdrawn',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const DEFAULT_DUE_SOON_DAYS = 3;
export const DEFAULT_STALE_DAYS = 30;

export interface TaskDates {
  /** Current deadline (after approved extensions), YYYY-MM-DD, or null for ongoing work. */
  deadline: string | null;
  /** The deadline as first assigned. */
  originalDeadline: string | null;
  /** Completion date of an accepted completion report; null while not accepted (also after a return). */
  completedOn: string | null;
  withdrawn: boolean;
  /** Last progress update posted by the lead agency; null if none yet. */
  lastLeadUpdateAt: Date | null;
  createdAt: Date;
}

export interface StatusOptions {
  now: Date;
  dueSoonDays?: number;
  staleDays?: number;
  /** Count against the current deadline (default) or the original one, as reports may. */
  basis?: 'current' | 'original';
}

export interface DerivedStatus {
  status: TaskStatus;
  /** In progress and due within `dueSoonDays` days (today counts as 0). */
  dueSoon: boolean;
  /** Unfinished, and the lead agency has posted nothing for `staleDays` Vietnam calendar days. */
  stale: boolean;
  /** Days from today (Vietnam) to the deadline; negative when overdue; null without deadline. */
  daysLeft: number | null;
}

const DAY_MS = 86_400_000;

/** Whole days from calendar date a to calendar date b (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

export function deriveTaskStatus(task: TaskDates, options: StatusOptions): DerivedStatus {
  const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  const staleDays = options.staleDays ?? DEFAULT_STALE_DAYS;
  const deadline = options.basis === 'original' ? (task.originalDeadline ?? task.deadline) : task.deadline;
  const today = vietnamDate(options.now);
  const daysLeft = deadline ? daysBetween(today, deadline) : null;

  let status: TaskStatus;
  if (task.withdrawn) status = 'withdrawn';
  else if (task.completedOn)
    status = !deadline || task.completedOn <= deadline ? 'completed_on_time' : 'completed_late';
  else if (!deadline) status = 'no_deadline';
  else if (today > deadline) status = 'overdue';
  else status = 'in_progress';

  const open = isTaskOpen(task);
  const lastActivity = task.lastLeadUpdateAt ?? task.createdAt;
  return {
    status,
    dueSoon: status === 'in_progress' && daysLeft !== null && daysLeft <= dueSoonDays,
    // Whole Vietnam days, as deadlines count: a task turns stale at midnight, not at the hour of its
    // last update (the dashboard's tallies move with the date; server/modules/tasks/tallies.ts).
    stale: open && daysBetween(vietnamDate(lastActivity), today) >= staleDays,
    daysLeft,
  };
}

/** A completion report's way: the agency's leader signs it off, then the Government Office decides. */
export const COMPLETION_STATES = [
  'awaiting_leader',
  'awaiting_office',
  'accepted',
  'returned_by_leader',
  'returned_by_office',
] as const;
export type CompletionState = (typeof COMPLETION_STATES)[number];
/** A report in these states awaits a decision: the task's work is reported done, no new report is taken. */
export const PENDING_COMPLETION_STATES = ['awaiting_leader', 'awaiting_office'] as const;

export function isCompletionPending(state: string | null | undefined): boolean {
  return (PENDING_COMPLETION_STATES as readonly (string | null | undefined)[]).includes(state);
}

/** A task is open until it is withdrawn or its completion is accepted: in progress, overdue or no deadline. */
export function isTaskOpen(task: Pick<TaskDates, 'withdrawn' | 'completedOn'>): boolean {
  return !task.withdrawn && !task.completedOn;
}

export interface TaskOpenness extends Pick<TaskDates, 'withdrawn' | 'completedOn'> {
  /** A completion report awaits the leader or the Office. */
  completionPending: boolean;
}

/**
 * Whether progress (or a contribution) may be posted now: the task is open and its completion is not
 * awaiting a decision (once reported done, the work is frozen until the report is returned or accepted).
 */
export function acceptsProgress(task: TaskOpenness): boolean {
  return isTaskOpen(task) && !task.completionPending;
}

export interface StatusCounts {
  completed_on_time: number;
  completed_late: number;
  in_progress: number;
  overdue: number;
  no_deadline: number;
  withdrawn: number;
}

/** Every bucket at zero, for a count to add to. */
export function emptyStatusCounts(): StatusCounts {
  return {
    completed_on_time: 0,
    completed_late: 0,
    in_progress: 0,
    overdue: 0,
    no_deadline: 0,
    withdrawn: 0,
  };
}

/**
 * The two completion rates official reporting uses, from the status buckets (which sum to the total).
 * - of due tasks: completed / (completed + overdue unfinished)
 * - of all assigned: completed / assigned (withdrawn tasks are not assigned work any more)
 * null when the denominator is zero, never a made-up 0 % or 100 %.
 */
export function completionRates(c: StatusCounts) {
  const completed = c.completed_on_time + c.completed_late;
  const assigned = completed + c.in_progress + c.overdue + c.no_deadline;
  const due = completed + c.overdue;
  return {
    total: assigned + c.withdrawn,
    assigned,
    completed,
    ofDue: due > 0 ? completed / due : null,
    ofAssigned: assigned > 0 ? completed / assigned : null,
    onTimeOfCompleted: completed > 0 ? c.completed_on_time / completed : null,
    overdueRate: c.in_progress + c.overdue > 0 ? c.overdue / (c.in_progress + c.overdue) : null,
  };
}

/**
 * A task's parts (the commune tasks a province broke it into) summed up on its page: done (of which
 * late), still open within their deadline (or without one), overdue, withdrawn. The buckets but `late`
 * add up to `total`; the parent's own status stays its own (the province reports it to the Government).
 */
export function rollUpParts(c: StatusCounts) {
  const done = c.completed_on_time + c.completed_late;
  const open = c.in_progress + c.no_deadline;
  return {
    total: done + open + c.overdue + c.withdrawn,
    done,
    late: c.completed_late,
    open,
    overdue: c.overdue,
    withdrawn: c.withdrawn,
  };
}
export type PartsRollup = ReturnType<typeof rollUpParts>;
