import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { EXPLANATION_STATES } from '../../../shared/explanations';
import { agencies } from './agencies';
import { users } from './auth';
import { reportTemplates } from './reports';
import { tasks } from './tasks';

/**
 * A reminder or an explanation request is about exactly one subject: a task, or a report obligation
 * (an agency's report of one template version for one period, the key of `submissions`; the agency is
 * the row's `agency_id`). Nullable columns and a check rather than two tables: one workflow, one count.
 */
const oneSubject = (t: { taskId: unknown; templateId: unknown; periodKey: unknown }) =>
  sql`(${t.taskId} is not null and ${t.templateId} is null and ${t.periodKey} is null) or (${t.taskId} is null and ${t.templateId} is not null and ${t.periodKey} is not null)`;

/**
 * Reminders (đôn đốc) the Government Office sends about a task: one row per task reminded, so a task
 * says how many times and when last. A selection sent at once shares its sender's idempotency key.
 */
export const reminders = pgTable(
  'reminders',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id').references(() => tasks.id),
    /** A report obligation reminded: the template version collecting the period, and the period. */
    templateId: integer('template_id').references(() => reportTemplates.id),
    periodKey: text('period_key'),
    /** The task's lead agency (or the obliged agency) when reminded: whose scorecard counts it. */
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    sentBy: integer('sent_by')
      .notNull()
      .references(() => users.id),
    message: text('message').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reminders_task_idx').on(t.taskId, t.createdAt),
    index('reminders_agency_idx').on(t.agencyId, t.createdAt),
    uniqueIndex('reminders_idempotency_idx').on(t.sentBy, t.idempotencyKey, t.taskId),
    index('reminders_obligation_idx')
      .on(t.templateId, t.agencyId, t.periodKey)
      .where(sql`${t.templateId} is not null`),
    uniqueIndex('reminders_obligation_idempotency_idx')
      .on(t.sentBy, t.idempotencyKey, t.templateId, t.agencyId, t.periodKey)
      .where(sql`${t.templateId} is not null`),
    check('reminders_one_subject', oneSubject(t)),
  ],
);

export const explanationState = pgEnum('explanation_state', EXPLANATION_STATES);

/**
 * Explanation requests (giải trình): asked of a task's lead agency, answered by its officer, approved
 * by its leader, accepted by the Office (or asked again: a new round). One not yet accepted per task.
 */
export const explanationRequests = pgTable(
  'explanation_requests',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id').references(() => tasks.id),
    /** A late or missing report asked about: the template version collecting the period, and the period. */
    templateId: integer('template_id').references(() => reportTemplates.id),
    periodKey: text('period_key'),
    /** The lead (or obliged) agency asked: it answers, and its scorecard counts the request. */
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    /** Opened by an escalation rule rather than by a person. */
    automatic: boolean('automatic').notNull().default(false),
    reason: text('reason').notNull(),
    /** The last working day to answer (counted over the holiday calendar). */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    state: explanationState('state').notNull().default('awaiting_answer'),
    round: smallint('round').notNull().default(1),
    cause: text('cause'),
    remedy: text('remedy'),
    committedDate: date('committed_date', { mode: 'string' }),
    answeredBy: integer('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    leaderBy: integer('leader_by').references(() => users.id),
    leaderAt: timestamp('leader_at', { withTimezone: true }),
    leaderComment: text('leader_comment'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionComment: text('decision_comment'),
    idempotencyKey: text('idempotency_key'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('explanation_task_idx').on(t.taskId, t.createdAt),
    index('explanation_agency_idx').on(t.agencyId, t.state),
    uniqueIndex('explanation_idempotency_idx').on(t.requestedBy, t.idempotencyKey),
    // One request in progress per task: a second would split the agency's answer in two.
    uniqueIndex('explanation_open_idx').on(t.taskId).where(sql`${t.state} <> 'accepted'`),
    index('explanation_obligation_idx')
      .on(t.templateId, t.agencyId, t.periodKey)
      .where(sql`${t.templateId} is not null`),
    // And one per report obligation.
    uniqueIndex('explanation_open_obligation_idx')
      .on(t.templateId, t.agencyId, t.periodKey)
      .where(sql`${t.templateId} is not null and ${t.state} <> 'accepted'`),
    check('explanation_one_subject', oneSubject(t)),
  ],
);

/**
 * The in-app notification centre: one row per user and event (a reminder, an explanation asked,
 * answered, approved, decided). `params` holds what the message names (the task's title, the date);
 * the client writes the sentence in the user's language. Unread until the user marks it read.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    taskId: integer('task_id').references(() => tasks.id),
    params: jsonb('params').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.id),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);
