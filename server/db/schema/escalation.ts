import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { ESCALATION_LEVELS, ESCALATION_RULE_KINDS, ESCALATION_STEP_KINDS } from '../../../shared/escalation';
import { explanationRequests } from './accountability';
import { agencies } from './agencies';
import { users } from './auth';
import { reportTemplates } from './reports';
import { tasks } from './tasks';

export const escalationRuleKind = pgEnum('escalation_rule_kind', ESCALATION_RULE_KINDS);
export const escalationLevel = pgEnum('escalation_level', ESCALATION_LEVELS);
export const escalationStepKind = pgEnum('escalation_step_kind', ESCALATION_STEP_KINDS);

/**
 * The administrator's escalation rules, one row per kind once saved (a kind never saved keeps the
 * defaults in shared/escalation.ts). Edits are audited; `version` guards against overwriting another
 * administrator's change.
 */
export const escalationRules = pgTable('escalation_rules', {
  kind: escalationRuleKind('kind').primaryKey(),
  enabled: boolean('enabled').notNull(),
  params: jsonb('params').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Each open task's escalation level now (no row: none), since when, by which rule, and the figures it
 * fired on. Written by the escalation job, set-wise; a row changes only when the level or its start does.
 */
export const taskEscalations = pgTable(
  'task_escalations',
  {
    taskId: integer('task_id')
      .primaryKey()
      .references(() => tasks.id),
    level: escalationLevel('level').notNull(),
    rule: escalationRuleKind('rule').notNull(),
    /** The Vietnam date the condition began to hold (red: the day after the deadline). */
    since: date('since', { mode: 'string' }).notNull(),
    facts: jsonb('facts').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('task_escalations_level_idx').on(t.level)],
);

/**
 * The actions taken, once per task and overdue deadline (the key): an explanation request opened, the
 * Office notified. A run that finds the row already there does nothing, so a second run, a retry or a
 * second process never asks or notifies twice; an extended deadline that passes again is a new key.
 */
export const escalationSteps = pgTable(
  'escalation_steps',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    kind: escalationStepKind('kind').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    explanationId: integer('explanation_id').references(() => explanationRequests.id),
    facts: jsonb('facts').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.kind, t.deadline] })],
);

/**
 * The actions taken on a missed periodic report, once per obligation (an agency's report of a template
 * version for a period: the key, with the step's kind): an explanation request opened, the Office
 * notified. As for tasks, a run that finds its row does nothing; the deadline it counted from is kept.
 */
export const reportEscalationSteps = pgTable(
  'report_escalation_steps',
  {
    templateId: integer('template_id')
      .notNull()
      .references(() => reportTemplates.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    periodKey: text('period_key').notNull(),
    kind: escalationStepKind('kind').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    explanationId: integer('explanation_id').references(() => explanationRequests.id),
    facts: jsonb('facts').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.agencyId, t.periodKey, t.kind] })],
);
