import { z } from 'zod';
import { AGENCY_BORDERS, AGENCY_LEVELS, RANKING_LEVELS } from '../agencies';
import { TASK_SORTS } from '../task-sorts';
import { COMPLETION_STATES, type PartsRollup, type StatusCounts, TASK_STATUSES } from '../task-status';
import { auditSummary } from './audit';
import { calendarDate } from './dates';
import { positiveId } from './ids';

/** Messages are keys the client translates (client/lib/i18n: validation.*). */
const isoDate = calendarDate();
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
  leadAgencyId: positiveId(),
  coordinatorIds: z.array(positiveId()).max(100),
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
/** A task's fields as checked (defaults filled in). */
export type TaskFields = z.output<typeof taskFields>;

/** The Office registers a directive document with the tasks it assigns (`tasks.createDocument`). */
export const createDocumentInput = z.object({
  number: text(50),
  kind: z.enum(DOCUMENT_KINDS),
  issuedOn: isoDate,
  signer: text(200),
  title: text(1000),
  tasks: z.array(taskFields).max(200).default([]),
});
export type CreateDocumentInput = z.input<typeof createDocumentInput>;
export type CreateDocument = z.output<typeof createDocumentInput>;
export const createDocumentResult = z.object({ id: z.number(), taskIds: z.array(z.number()) });

export const createTaskInput = taskFields.extend({ documentId: positiveId() });

/**
 * A province breaks a task it leads down into a task of one of its communes (`tasks.breakDown`): the
 * part's lead is one of the province's communes, its deadline not after the task's.
 */
export const breakDownInput = taskFields.extend({ parentTaskId: positiveId() });
export type BreakDownInput = z.input<typeof breakDownInput>;
export type BreakDown = z.output<typeof breakDownInput>;
export type CreateTaskInput = z.input<typeof createTaskInput>;
/** The `z.output` types: what a procedure hands its service, checked once. */
export type CreateTask = z.output<typeof createTaskInput>;

export const updateTaskInput = z.object({
  id: positiveId(),
  /** The version the user saw: a stale one is refused with CONFLICT. */
  version: positiveId(),
  patch: z.object(taskFieldShapes).partial().extend({ withdrawn: z.boolean().optional() }),
});
export type UpdateTaskInput = z.input<typeof updateTaskInput>;
export type UpdateTask = z.output<typeof updateTaskInput>;

export const postProgressInput = z.object({
  taskId: positiveId(),
  percent: z.number().int('percentRange').min(0, 'percentRange').max(100, 'percentRange'),
  narrative: text(5000),
  evidenceUrl: z
    .url({ protocol: /^https?$/, error: 'invalidUrl' })
    .max(1000)
    .nullable()
    .default(null),
  evidenceFileId: positiveId().nullable().default(null),
  idempotencyKey,
});
export type PostProgressInput = z.input<typeof postProgressInput>;
export type PostProgress = z.output<typeof postProgressInput>;

export const requestExtensionInput = z.object({
  taskId: positiveId(),
  requestedDeadline: isoDate,
  reason: text(2000),
  idempotencyKey,
});
export type RequestExtensionInput = z.input<typeof requestExtensionInput>;
export type RequestExtension = z.output<typeof requestExtensionInput>;

export const decideExtensionInput = z.object({
  id: positiveId(),
  version: positiveId(),
  decision: z.enum(['approved', 'refused']),
  comment: z.string().trim().max(2000, 'tooLong').default(''),
});
export type DecideExtensionInput = z.input<typeof decideExtensionInput>;
export type DecideExtension = z.output<typeof decideExtensionInput>;

export const reportCompletionInput = z.object({
  taskId: positiveId(),
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
export type ReportCompletion = z.output<typeof reportCompletionInput>;

export const reviewCompletionInput = z
  .object({
    id: positiveId(),
    version: positiveId(),
    decision: z.enum(['accept', 'return']),
    comment: z.string().trim().max(2000, 'tooLong').default(''),
  })
  .refine((v) => v.decision !== 'return' || v.comment.length > 0, {
    message: 'commentRequired',
    path: ['comment'],
  });
export type ReviewCompletionInput = z.input<typeof reviewCompletionInput>;
export type ReviewCompletion = z.output<typeof reviewCompletionInput>;

/** Progress updates and audit entries a task's page loads at first; "show earlier" asks for more. */
export const TASK_HISTORY_PAGE = 50;
export const taskDetailInput = z.object({
  id: positiveId(),
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
  agencyId: positiveId().optional(),
  /** Tasks the agency leads or coordinates (the inbox); with agencyId, `lead` keeps only those it leads. */
  agencyRole: z.enum(['lead', 'any']).default('lead'),
  agencyLevel: z.enum(AGENCY_LEVELS).optional(),
  /** Tasks led by the communes of this agency (a province's "các xã trực thuộc"). */
  communesOf: positiveId().optional(),
  groupNo: z.number().int().min(1).max(9).optional(),
  documentId: positiveId().optional(),
  deadlineFrom: isoDate.optional(),
  deadlineTo: isoDate.optional(),
  /** The state of the task's latest completion report (returned, awaiting a decision…). */
  completion: z.array(z.enum(COMPLETION_STATES)).max(COMPLETION_STATES.length).optional(),
  /** Tasks with an extension request awaiting the Office's decision. */
  extensionPending: z.boolean().optional(),
});
export type TaskFilterInput = z.input<typeof taskFilterInput>;

export const taskListInput = taskFilterInput.extend({
  sort: z.enum(TASK_SORTS).default('deadline'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(25),
});
export type TaskListInput = z.input<typeof taskListInput>;
export type TaskListQuery = z.output<typeof taskListInput>;

/** A page of the agency ranking (`tasks.agencyRanking`); the dashboard itself carries only the worst few. */
export const agencyRankingInput = z.object({
  level: z.enum(RANKING_LEVELS).default('all'),
  /** false: the agencies with too few tasks to rank, listed apart. */
  ranked: z.boolean().default(true),
  /** Today's units (figures of merged-away units added to their successor) or the units as recorded. */
  borders: z.enum(AGENCY_BORDERS).default('current'),
  /** Part of the agency's name, with or without diacritics. */
  q: z.string().trim().max(100, 'tooLong').optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type AgencyRankingInput = z.input<typeof agencyRankingInput>;
export type AgencyRankingQuery = z.output<typeof agencyRankingInput>;

/** The inbox's two scopes: the agency's own tasks, or those of the communes under it (a province). */
export const INBOX_SCOPES = ['own', 'communes'] as const;

export const monthInput = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalidMonth') });

/**
 * The inbox: the user's own agency's tasks, so no agency to choose; `leadOnly` keeps the tasks it leads
 * (what a completion decision concerns), otherwise those it coordinates come too.
 */
export const inboxInput = taskListInput.omit({ agencyId: true, agencyRole: true, communesOf: true }).extend({
  leadOnly: z.boolean().optional(),
  /** `communes`: the tasks of the user's agency's communes (a province's), instead of its own. */
  scope: z.enum(INBOX_SCOPES).default('own'),
});
export type InboxInput = z.input<typeof inboxInput>;

// What the procedures answer (`.output()`): plain schemas, no transforms, checked on every response.

export const TASK_ACTIONS = [
  'postProgress',
  'postContribution',
  'requestExtension',
  'reportCompletion',
  'approveCompletion',
  'decideExtension',
  'reviewCompletion',
  'edit',
  'breakDown',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];
export const PROGRESS_KINDS = ['progress', 'contribution'] as const;
export const EXTENSION_STATES = ['pending', 'approved', 'refused'] as const;

/** A write that an idempotency key makes safe to repeat: `duplicate` when an earlier call saved it. */
export const writeResult = z.object({ id: z.number(), duplicate: z.boolean() });
export const createTaskResult = z.object({ id: z.number() });
export const updateTaskResult = z.object({ id: z.number(), version: z.number() });
export const decideExtensionResult = z.object({ id: z.number(), state: decideExtensionInput.shape.decision });
export const reviewCompletionResult = z.object({ id: z.number(), state: z.enum(COMPLETION_STATES) });

export const statusCounts = z.object({
  completed_on_time: z.number(),
  completed_late: z.number(),
  in_progress: z.number(),
  overdue: z.number(),
  no_deadline: z.number(),
  withdrawn: z.number(),
}) satisfies z.ZodType<StatusCounts>;

const rate = z.number().nullable();
/** `completionRates` (shared/task-status.ts). */
export const completionRatesOutput = z.object({
  total: z.number(),
  assigned: z.number(),
  completed: z.number(),
  ofDue: rate,
  ofAssigned: rate,
  onTimeOfCompleted: rate,
  overdueRate: rate,
});

export const taskListItem = z.object({
  id: z.number(),
  title: z.string(),
  documentId: z.number(),
  documentNumber: z.string(),
  groupNo: z.number().nullable(),
  leadAgencyId: z.number(),
  leadNameVi: z.string(),
  leadNameEn: z.string(),
  leadLevel: z.enum(AGENCY_LEVELS),
  deadline: z.string().nullable(),
  originalDeadline: z.string().nullable(),
  completedOn: z.string().nullable(),
  priority: z.enum(TASK_PRIORITIES),
  isKey: z.boolean(),
  latestPercent: z.number(),
  lastLeadUpdateAt: z.date().nullable(),
  status: z.enum(TASK_STATUSES),
  dueSoon: z.boolean(),
  stale: z.boolean(),
  extensionPending: z.boolean(),
  completionState: z.enum(COMPLETION_STATES).nullable(),
  version: z.number(),
});
export type TaskListItem = z.infer<typeof taskListItem>;

export const taskListPage = z.object({
  items: z.array(taskListItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  asOf: z.date(),
});

export const taskCounts = z.object({
  counts: statusCounts,
  keyCounts: statusCounts,
  rates: completionRatesOutput,
  keyRates: completionRatesOutput,
});

export const rankingRow = z.object({
  agencyId: z.number(),
  nameVi: z.string(),
  nameEn: z.string(),
  level: z.enum(AGENCY_LEVELS),
  counts: statusCounts,
  ...completionRatesOutput.shape,
  ranked: z.boolean(),
  /** Place among the ranked agencies of the level asked for (1 = highest overdue rate); null when unranked. */
  rank: z.number().nullable(),
  /** The unit's last day when it is no longer one of today's units (shown as recorded). */
  validTo: z.string().nullable(),
  /** How many former units' tasks are counted in this row (today's units only). */
  formerUnits: z.number(),
});
export type RankingRow = z.infer<typeof rankingRow>;

export const agencyRankingPage = z.object({
  /** Which units the figures are shown under: the page says so. */
  borders: z.enum(AGENCY_BORDERS),
  items: z.array(rankingRow),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  minTasksToRank: z.number(),
  asOf: z.date(),
});
export type AgencyRankingPage = z.infer<typeof agencyRankingPage>;

/** The Office dashboard: national figures and the worst few of the agency ranking. */
export const dashboardSummary = z.object({
  asOf: z.date(),
  today: z.string(),
  ...taskCounts.shape,
  dueSoon: z.number(),
  stale: z.number(),
  overdueByMonth: z.array(z.object({ month: z.string(), n: z.number() })),
  byGroup: z.array(
    z.object({ groupNo: z.number(), nameVi: z.string(), nameEn: z.string(), counts: statusCounts }),
  ),
  byLevel: z.array(z.object({ level: z.enum(AGENCY_LEVELS), counts: statusCounts })),
  ranking: z.object({
    worst: z.array(rankingRow),
    rankedCount: z.number(),
    unrankedCount: z.number(),
    minTasksToRank: z.number(),
  }),
  statuses: z.array(z.enum(TASK_STATUSES)),
});
export type DashboardSummary = z.infer<typeof dashboardSummary>;

/** A directive document as a task's page and the document list show it. */
export const documentHeader = z.object({
  id: z.number(),
  number: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  issuedOn: z.string(),
  signer: z.string(),
  title: z.string(),
  /** The province that issued it; null: the Government. */
  issuerNameVi: z.string().nullable(),
  issuerNameEn: z.string().nullable(),
});

const nullableDate = z.date().nullable();
const agencyName = z.object({ id: z.number(), nameVi: z.string(), nameEn: z.string() });

/** `rollUpParts` (shared/task-status.ts). */
export const partsRollup = z.object({
  total: z.number(),
  done: z.number(),
  late: z.number(),
  open: z.number(),
  overdue: z.number(),
  withdrawn: z.number(),
}) satisfies z.ZodType<PartsRollup>;
/** The parts a task's page lists (a province has at most a few hundred communes). */
export const PARTS_SHOWN = 500;
export const taskPart = z.object({
  id: z.number(),
  title: z.string(),
  leadAgencyId: z.number(),
  leadNameVi: z.string(),
  leadNameEn: z.string(),
  deadline: z.string().nullable(),
  latestPercent: z.number(),
  status: z.enum(TASK_STATUSES),
});
export type TaskPart = z.infer<typeof taskPart>;
/** A task's page; the history (progress, requests, reports, audit) only for those who may read it. */
export const taskDetail = z.object({
  task: taskListItem.extend({
    description: z.string(),
    createdAt: z.date(),
    updatedAt: z.date(),
    withdrawn: z.boolean(),
    groupNameVi: z.string().nullable(),
    groupNameEn: z.string().nullable(),
  }),
  document: documentHeader,
  coordinators: z.array(z.object({ id: z.number(), nameVi: z.string(), nameEn: z.string() })),
  /** The province that assigned the task; null: the Government. */
  issuer: agencyName.nullable(),
  /** The province's task this one is a part of. */
  parent: z
    .object({ id: z.number(), title: z.string(), leadNameVi: z.string(), leadNameEn: z.string() })
    .nullable(),
  /** The commune tasks it was broken down into: their roll-up and the first PARTS_SHOWN of them. */
  parts: z.object({ rollup: partsRollup, items: z.array(taskPart) }),
  detailsVisible: z.boolean(),
  /** What this user may do on this task now (the policy): the page offers exactly these. */
  allowedActions: z.array(z.enum(TASK_ACTIONS)),
  progress: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(PROGRESS_KINDS),
      percent: z.number(),
      narrative: z.string(),
      evidenceUrl: z.string().nullable(),
      evidenceFileId: z.number().nullable(),
      evidenceFileName: z.string().nullable(),
      authorName: z.string(),
      agencyNameVi: z.string(),
      agencyNameEn: z.string(),
      createdAt: z.date(),
    }),
  ),
  extensions: z.array(
    z.object({
      id: z.number(),
      reason: z.string(),
      currentDeadline: z.string().nullable(),
      requestedDeadline: z.string(),
      state: z.enum(EXTENSION_STATES),
      requestedByName: z.string(),
      decidedByName: z.string().nullable(),
      decidedAt: nullableDate,
      decisionComment: z.string().nullable(),
      createdAt: z.date(),
      version: z.number(),
    }),
  ),
  completions: z.array(
    z.object({
      id: z.number(),
      result: z.string(),
      completionDate: z.string(),
      evidenceUrl: z.string().nullable(),
      state: z.enum(COMPLETION_STATES),
      reportedByName: z.string(),
      leaderName: z.string().nullable(),
      leaderAt: nullableDate,
      leaderComment: z.string().nullable(),
      reviewerName: z.string().nullable(),
      reviewedAt: nullableDate,
      reviewComment: z.string().nullable(),
      createdAt: z.date(),
      version: z.number(),
    }),
  ),
  audit: z.array(auditSummary),
  /** How many there are in all: the page offers the earlier ones when it shows fewer. */
  progressTotal: z.number(),
  auditTotal: z.number(),
});
export type TaskDetail = z.infer<typeof taskDetail>;

/** The early warning of one task (shared/forecast.ts): null when there is none to show this reader. */
export const taskForecastInput = z.object({ id: positiveId() });
export const taskForecast = z
  .object({
    forecast: z.object({
      method: z.enum(['own', 'similar', 'none']),
      expectedOn: z.string().nullable(),
      lateByDays: z.number().nullable(),
      pacePerWeek: z.number().nullable(),
      basis: z.number(),
      flagged: z.boolean(),
    }),
    asOf: z.string(),
  })
  .nullable();
