import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
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
import { tasks } from './tasks';

/**
 * Reminders (đôn đốc) the Government Office sends about a task: one row per task reminded, so a task
 * says how many times and when last. A selection sent at once shares its sender's idempotency key.
 */
export const reminders = pgTable(
  'reminders',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    /** The task's lead agency when reminded: whose scorecard counts it. */
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
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    /** The lead agency asked: it answers, and its scorecard counts the request. */
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
