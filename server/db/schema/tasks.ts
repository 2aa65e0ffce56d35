import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { agencies } from './agencies';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

import { users } from './auth';
import { taskGroups } from './catalog';

export const documentKind = pgEnum('document_kind', [
  'decision',
  'resolution',
  'conclusion_notice',
  'official_letter',
  'directive',
]);
export const taskPriority = pgEnum('task_priority', ['normal', 'high', 'urgent']);
export const progressKind = pgEnum('progress_kind', ['progress', 'contribution']);
export const extensionState = pgEnum('extension_state', ['pending', 'approved', 'refused']);
export const completionState = pgEnum('completion_state', [
  'awaiting_leader',
  'awaiting_office',
  'accepted',
  'returned_by_leader',
  'returned_by_office',
]);

export const documents = pgTable(
  'documents',
  {
    id: serial('id').primaryKey(),
    number: text('number').notNull().unique(),
    kind: documentKind('kind').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    signer: text('signer').notNull(),
    title: text('title').notNull(),
    searchText: text('search_text').notNull(),
    /** The province that issued it; null: the Government (docs/decisions/0029-provinces-assign-onward.md). */
    issuerAgencyId: integer('issuer_agency_id').references(() => agencies.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('documents_issued_idx').on(t.issuedOn)],
);

export const tasks = pgTable(
  'tasks',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    groupNo: smallint('group_no').references(() => taskGroups.no),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    leadAgencyId: integer('lead_agency_id')
      .notNull()
      .references(() => agencies.id),
    /** Calendar date in Vietnam time; null for recurring or ongoing work. */
    deadline: date('deadline', { mode: 'string' }),
    originalDeadline: date('original_deadline', { mode: 'string' }),
    priority: taskPriority('priority').notNull().default('normal'),
    isKey: boolean('is_key').notNull().default(false),
    /** Set when the Government Office accepts the completion: the reported completion date. */
    completedOn: date('completed_on', { mode: 'string' }),
    withdrawn: boolean('withdrawn').notNull().default(false),
    lastLeadUpdateAt: timestamp('last_lead_update_at', { withTimezone: true }),
    latestPercent: smallint('latest_percent').notNull().default(0),
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    /**
     * Who assigned it and decides its requests: null, the Government (the Office); else the province
     * that assigned it to one of its communes (docs/decisions/0029-provinces-assign-onward.md).
     */
    issuerAgencyId: integer('issuer_agency_id').references(() => agencies.id),
    /** The province's task this commune task is a part of (a break-down); null for a task of its own. */
    parentTaskId: integer('parent_task_id').references((): AnyPgColumn => tasks.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => {
    /**
     * The task lists' orders (server/modules/tasks/queries.ts `listOrder`), each twice: over all tasks,
     * and behind the lead agency (the filter every agency's list has). A page is then a walk of one
     * index, forwards or backwards (a far page from the nearer end), however many tasks match: a
     * province leading 43,000 tasks sorted them all for each page (README, Performance). After the
     * order's columns come those the other filters read (status, due soon, group, key tasks, deadline
     * range): a filtered walk checks them on the index entry, without visiting the table. Functions,
     * because `desc()` marks the shared column object until an index takes it.
     */
    const closed = sql`(${t.completedOn} is not null or ${t.withdrawn})`;
    const orders: Record<string, () => Parameters<ReturnType<typeof index>['on']>> = {
      // Open work first whichever way; no deadline after the dated ones.
      deadline: () => [closed, t.deadline, t.id],
      deadline_desc: () => [closed, t.deadline.desc().nullsLast(), t.id.desc().nullsFirst()],
      created: () => [t.createdAt, t.id],
      title: () => [t.title, t.id],
      percent: () => [t.latestPercent, t.id],
      // Newest update first, never updated last; walked backwards: never updated first, then the oldest.
      last_update: () => [t.lastLeadUpdateAt.desc().nullsLast(), t.id.desc().nullsFirst()],
    };
    const filterColumns = (name: string) =>
      [t.completedOn, t.withdrawn, t.deadline, t.groupNo, t.isKey].filter(
        (c) => !(name.startsWith('deadline') && c === t.deadline),
      );
    return [
      index('tasks_document_idx').on(t.documentId),
      // A task's parts (its page's roll-up): few, so a partial index of the tasks that have a parent.
      index('tasks_parent_idx').on(t.parentTaskId).where(sql`${t.parentTaskId} is not null`),
      index('tasks_group_idx').on(t.groupNo),
      index('tasks_deadline_idx').on(t.deadline),
      index('tasks_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
      ...Object.entries(orders).flatMap(([name, keys]) => [
        index(`tasks_list_${name}_idx`).on(...keys(), t.leadAgencyId, ...filterColumns(name)),
        index(`tasks_lead_list_${name}_idx`).on(t.leadAgencyId, ...keys(), ...filterColumns(name)),
      ]),
    ];
  },
);

export const taskCoordinators = pgTable(
  'task_coordinators',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.agencyId] }),
    // An agency's coordinated tasks from the index alone (the inbox).
    index('task_coordinators_agency_idx').on(t.agencyId, t.taskId),
  ],
);

export const progressUpdates = pgTable(
  'progress_updates',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    kind: progressKind('kind').notNull().default('progress'),
    percent: smallint('percent').notNull(),
    narrative: text('narrative').notNull(),
    evidenceUrl: text('evidence_url'),
    evidenceFileId: integer('evidence_file_id').references(() => evidenceFiles.id),
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('progress_task_idx').on(t.taskId, t.createdAt),
    uniqueIndex('progress_idempotency_idx').on(t.authorId, t.idempotencyKey),
    // The evidence cleanup asks, per file, whether any update cites it (and evidence reads find its task).
    index('progress_evidence_idx').on(t.evidenceFileId).where(sql`${t.evidenceFileId} is not null`),
  ],
);

/** Uploaded evidence, kept in the database so both drivers and every server process see the same files. */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The quota adds up an agency's stored sizes: read from this index alone.
  (t) => [index('evidence_files_agency_idx').on(t.agencyId, t.size)],
);

export const extensionRequests = pgTable(
  'extension_requests',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    currentDeadline: date('current_deadline', { mode: 'string' }),
    requestedDeadline: date('requested_deadline', { mode: 'string' }).notNull(),
    state: extensionState('state').notNull().default('pending'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionComment: text('decision_comment'),
    idempotencyKey: text('idempotency_key'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('extension_task_idx').on(t.taskId, t.createdAt),
    index('extension_state_idx').on(t.state),
    uniqueIndex('extension_idempotency_idx').on(t.requestedBy, t.idempotencyKey),
  ],
);

export const completionReports = pgTable(
  'completion_reports',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    reportedBy: integer('reported_by')
      .notNull()
      .references(() => users.id),
    result: text('result').notNull(),
    completionDate: date('completion_date', { mode: 'string' }).notNull(),
    evidenceUrl: text('evidence_url'),
    state: completionState('state').notNull().default('awaiting_leader'),
    leaderId: integer('leader_id').references(() => users.id),
    leaderAt: timestamp('leader_at', { withTimezone: true }),
    leaderComment: text('leader_comment'),
    reviewerId: integer('reviewer_id').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    idempotencyKey: text('idempotency_key'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('completion_task_idx').on(t.taskId, t.createdAt),
    index('completion_state_idx').on(t.state),
    uniqueIndex('completion_idempotency_idx').on(t.reportedBy, t.idempotencyKey),
  ],
);

/** Frozen monthly monitoring reports: written by the freeze job once the month's cut-off has passed, never changed. */
export const monthlyReports = pgTable('monthly_reports', {
  month: text('month').primaryKey(),
  cutoff: date('cutoff', { mode: 'string' }).notNull(),
  data: jsonb('data').notNull(),
  frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The history of the task facts the monitoring reports count (deadline, completion date, withdrawal, lead
 * agency): one row per state, valid from its instant until the next row's. A trigger on tasks writes it
 * (migration 0009), so no writer can forget; its instant is the row's `updated_at` when the writer set
 * one (the seed replays history with past instants), else the transaction time, never before the task's
 * latest state (migration 0010: a clock-skewed writer's state goes 1 µs after it). The trigger also
 * closes the previous state (`valid_to`), so as-of reports read the rows with
 * `valid_from ≤ T < coalesce(valid_to, infinity)`, a plain filter.
 */
export const taskStates = pgTable(
  'task_states',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    /** The next state's `valid_from` (the trigger closes a state when the next is recorded); null: the task's present state. */
    validTo: timestamp('valid_to', { withTimezone: true }),
    leadAgencyId: integer('lead_agency_id').notNull(),
    deadline: date('deadline', { mode: 'string' }),
    completedOn: date('completed_on', { mode: 'string' }),
    withdrawn: boolean('withdrawn').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.validFrom] }),
    index('task_states_valid_from_idx').on(t.validFrom),
  ],
);
