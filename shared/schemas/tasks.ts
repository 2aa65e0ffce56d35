import { z } from 'zod';
import { AGENCY_LEVELS, RANKING_LEVELS } from '../agencies';
import { TASK_STATUSES } from '../task-status';

/** Messages are keys the client translates (client/lib/i18n: validation.*). */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate');
const idempotencyKey = z.string().min(8, 'invalid').max(100, 'tooLong');
const text = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong');

export const DOCUMENT_KINDS = [
  'decision',
  'resolution',
  'conclusion_notice',
  'official_letter',
  'directive',
] as const;
export const TASK_PRIORITIES = ['normal', 'high', 'urgent'] as const;

/** The editable fields of a task, without defaults (an edit changes only what it names). */
const taskFieldShapes = {
  title: text(500),
  description: z.string().trim().max(5000, 'tooLong'),
  groupNo: z.number().int().min(1).max(9).nullable(),
  leadAgencyId: z.number().int().positive(),
  coordinatorIds: z.array(z.number().int().positive()).max(100),
  deadline: isoDate.nullable(),
  priority: z.enum(TASK_PRIORITIES),
  isKey: z.boolean(),
};

export const taskFields = z.object({
  ...taskFieldShapes,
  description: taskFieldShapes.description.default(''),
  groupNo: taskFieldShapes.groupNo.default(null),
  coordinatorIds: taskFieldShapes.coordinatorIds.default([]),
  deadline: taskFieldShapes.deadline.default(null),
  priority: taskFieldShapes.priority.default('normal'),
  isKey: taskFieldShapes.isKey.default(false),
});

export const createDocumentInput = z.object({
  number: text(50),
  kind: z.enum(DOCUMENT_KINDS),
  issuedOn: isoDate,
  signer: text(200),
  title: text(1000),
  tasks: z.array(taskFields).max(200).default([]),
});
export type CreateDocumentInput = z.input<typeof createDocumentInput>;

export const createTaskInput = taskFields.extend({ documentId: z.number().int().positive() });
export type CreateTaskInput = z.input<typeof createTaskInput>;

export const updateTaskInput = z.object({
  id: z.number().int().positive(),
  /** The version the user saw: a stale one is refused with CONFLICT. */
  version: z.number().int().positive(),
  patch: z.object(taskFieldShapes).partial().extend({ withdrawn: z.boolean().optional() }),
});
export type UpdateTaskInput = z.input<typeof updateTaskInput>;

export const postProgressInput = z.object({
  taskId: z.number().int().positive(),
  percent: z.number().int().min(0, 'percentRange').max(100, 'percentRange'),
  narrative: text(5000),
  evidenceUrl: z
    .url({ protocol: /^https?$/, error: 'invalidUrl' })
    .max(1000)
    .nullable()
    .default(null),
  evidenceFileId: z.number().int().positive().nullable().default(null),
  idempotencyKey,
});
export type PostProgressInput = z.input<typeof postProgressInput>;

export const requestExtensionInput = z.object({
  taskId: z.number().int().positive(),
  requestedDeadline: isoDate,
  reason: text(2000),
  idempotencyKey,
});
export type RequestExtensionInput = z.input<typeof requestExtensionInput>;

export const decideExtensionInput = z.object({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  decision: z.enum(['approved', 'refused']),
  comment: z.string().trim().max(2000, 'tooLong').default(''),
});
export type DecideExtensionInput = z.input<typeof decideExtensionInput>;

export const reportCompletionInput = z.object({
  taskId: z.number().int().positive(),
  result: text(5000),
  completionDate: isoDate,
  evidenceUrl: z
    .url({ protocol: /^https?$/, error: 'invalidUrl' })
    .max(1000)
    .nullable()
    .default(null),
  idempotencyKey,
});
export type ReportCompletionInput = z.input<typeof reportCompletionInput>;

export const reviewCompletionInput = z
  .object({
    id: z.number().int().positive(),
    version: z.number().int().positive(),
    decision: z.enum(['accept', 'return']),
    comment: z.string().trim().max(2000, 'tooLong').default(''),
  })
  .refine((v) => v.decision !== 'return' || v.comment.length > 0, {
    message: 'commentRequired',
    path: ['comment'],
  });
export type ReviewCompletionInput = z.input<typeof reviewCompletionInput>;

export const TASK_SORTS = ['deadline', 'createdAt', 'title', 'percent', 'lastUpdate'] as const;

/** Progress updates and audit entries a task's page loads at first; "show earlier" asks for more. */
export const TASK_HISTORY_PAGE = 50;
export const taskDetailInput = z.object({
  id: z.number().int().positive(),
  /** How many of the latest progress updates and audit entries to return. */
  history: z.number().int().min(1).max(5000).default(TASK_HISTORY_PAGE),
});
export type TaskDetailInput = z.input<typeof taskDetailInput>;

export const taskFilterInput = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.array(z.enum(TASK_STATUSES)).max(6).optional(),
  dueSoon: z.boolean().optional(),
  stale: z.boolean().optional(),
  isKey: z.boolean().optional(),
  agencyId: z.number().int().positive().optional(),
  /** Tasks the agency leads or coordinates (the inbox); with agencyId, `lead` keeps only those it leads. */
  agencyRole: z.enum(['lead', 'any']).default('lead'),
  agencyLevel: z.enum(AGENCY_LEVELS).optional(),
  groupNo: z.number().int().min(1).max(9).optional(),
  documentId: z.number().int().positive().optional(),
  deadlineFrom: isoDate.optional(),
  deadlineTo: isoDate.optional(),
});
export type TaskFilterInput = z.input<typeof taskFilterInput>;

export const taskListInput = taskFilterInput.extend({
  sort: z.enum(TASK_SORTS).default('deadline'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(25),
});
export type TaskListInput = z.input<typeof taskListInput>;

/** A page of the agency ranking (`tasks.agencyRanking`); the dashboard itself carries only the worst few. */
export const agencyRankingInput = z.object({
  level: z.enum(RANKING_LEVELS).default('all'),
  /** false: the agencies with too few tasks to rank, listed apart. */
  ranked: z.boolean().default(true),
  /** Part of the agency's name, with or without diacritics. */
  q: z.string().trim().max(100, 'tooLong').optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type AgencyRankingInput = z.input<typeof agencyRankingInput>;

export const monthInput = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalidMonth') });
