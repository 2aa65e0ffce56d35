/** Changes of tasks and their documents: what task lists, inboxes and the dashboard show. */
export const TASK_CHANGE_TYPES = [
  'document.created',
  'task.created',
  'task.updated',
  'task.progress',
  'task.contribution',
  'extension.requested',
  'extension.decided',
  'completion.reported',
  'completion.decided',
  /** One of the task's parts (a commune task it was broken down into) changed: its roll-up moved. */
  'task.partChanged',
] as const;

/** What a change event tells a screen: enough to patch or refetch the right caches, nothing more. */
export const CHANGE_TYPES = [
  ...TASK_CHANGE_TYPES,
  'submission.changed',
  'kpi.changed',
  /** The Office reminded an agency of a task (đôn đốc). */
  'reminder.sent',
  /** An explanation request on a task was opened, answered, approved, sent back or decided. */
  'explanation.changed',
  'template.changed',
  'holiday.changed',
  /** The escalation job moved tasks' levels or took steps, or the administrator changed a rule. */
  'escalation.changed',
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export interface ChangePayload {
  taskId?: number;
  documentId?: number;
  leadAgencyId?: number;
  title?: string;
  agencyNameVi?: string;
  agencyNameEn?: string;
  percent?: number;
  /** task.partChanged: the part that changed. */
  partTaskId?: number;
  state?: string;
  submissionId?: number;
  templateId?: number;
  periodKey?: string;
  /** template.changed: the regime's code and the version now current. */
  templateCode?: string;
  templateVersion?: number;
  /** kpi.changed: the KPIs whose figures moved, for which agency. */
  kpiCodes?: string[];
  agencyId?: number;
}

export interface ChangeEvent {
  id: number;
  at: Date;
  type: ChangeType;
  payload: ChangePayload;
  /**
   * The agencies the change concerns (a task's lead and coordinating agencies, before and after an edit;
   * a report's agency): whose inboxes and agency lists it can move. Empty or absent: not known, so it
   * may concern anyone. Who coordinates a task is public, as the task is.
   */
  agencyIds?: number[];
  /** Only for oversight roles and the agencies the change concerns (narratives, reasons, results). */
  detail?: Record<string, unknown> | null;
}

/** The stream's other message: the server's own state, for the live / reconnecting indicator. */
export interface StatusMessage {
  kind: 'status';
  database: 'up' | 'down';
  at: Date;
}

export type LiveMessage = ({ kind: 'change' } & ChangeEvent) | StatusMessage;

/**
 * The request header in which a page names the newest change event its live stream told it of: its
 * reports are then read from a database that has that change (docs/decisions/0018-read-replica.md).
 */
export const SEEN_CHANGE_HEADER = 'x-dgm-seen-change';
