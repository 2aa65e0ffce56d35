import {
  boolean,
  date,
  doublePrecision,
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
import { APPROVAL_CHAINS } from '../../../shared/approval-levels';
import type { Obligation } from '../../../shared/obligations';
import { FIELD_TYPES } from '../../../shared/report-values';
import { CALENDAR_DAY_KINDS, type DeadlineRule, PERIOD_TYPES } from '../../../shared/reporting-periods';
import type { SystemSource, ValidationRule } from '../../../shared/validation-rules';
import { agencies } from './agencies';
import { users } from './auth';
import { kpis } from './catalog';

export const periodType = pgEnum('period_type', PERIOD_TYPES);
export const fieldType = pgEnum('field_type', FIELD_TYPES);
export const templateApproval = pgEnum('template_approval', APPROVAL_CHAINS);
export const kpiRole = pgEnum('kpi_role', ['numerator', 'denominator']);
export const submissionState = pgEnum('submission_state', [
  'draft',
  'submitted',
  'approved',
  'accepted',
  'returned',
]);

/** What a calendar entry makes of its day (`shared/reporting-periods.ts`). */
export const calendarDayKind = pgEnum('calendar_day_kind', CALENDAR_DAY_KINDS);

/**
 * The working calendar the administrator maintains (named 'holidays' for history): days off beyond
 * weekends, and working Saturdays; deadlines count working days over it.
 */
export const holidays = pgTable('holidays', {
  date: date('date', { mode: 'string' }).primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  kind: calendarDayKind('kind').notNull().default('public_holiday'),
});

/**
 * A reporting regime. A template in use is never edited: a change makes a new version (same code),
 * and existing submissions keep pointing at the version they were made under.
 */
export const reportTemplates = pgTable(
  'report_templates',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    version: integer('version').notNull().default(1),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    periodType: periodType('period_type').notNull(),
    deadlineRule: jsonb('deadline_rule').$type<DeadlineRule>().notNull(),
    obligation: jsonb('obligation').$type<Obligation>().notNull(),
    /** Who approves at which level (shared/approval-levels.ts); part of the version like its fields. */
    approval: templateApproval('approval').notNull().default('office'),
    /** First period this version applies to (period key), e.g. 2026-Q1. */
    firstPeriod: text('first_period').notNull(),
    /**
     * Last period this version applies to, set when a newer version takes over from the next period;
     * null while it is the current version. Each period of a code belongs to exactly one version.
     */
    lastPeriod: text('last_period'),
    active: boolean('active').notNull().default(true),
    /** Cross-field validation rules of this version (shared/validation-rules.ts). */
    validationRules: jsonb('validation_rules').$type<ValidationRule[]>().notNull().default([]),
    /** Optimistic-concurrency token of the administrator's edits (not the template version). */
    editVersion: integer('edit_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_templates_code_version_idx').on(t.code, t.version)],
);

export const templateFields = pgTable(
  'template_fields',
  {
    id: serial('id').primaryKey(),
    templateId: integer('template_id')
      .notNull()
      .references(() => reportTemplates.id),
    code: text('code').notNull(),
    labelVi: text('label_vi').notNull(),
    labelEn: text('label_en').notNull(),
    unit: text('unit'),
    type: fieldType('type').notNull(),
    required: boolean('required').notNull().default(true),
    min: doublePrecision('min'),
    max: doublePrecision('max'),
    kpiCode: text('kpi_code').references(() => kpis.code),
    kpiRole: kpiRole('kpi_role'),
    /** A figure the system already holds: the form is prefilled with it; a difference needs explaining. */
    systemSource: text('system_source').$type<SystemSource>(),
    sortOrder: smallint('sort_order').notNull(),
  },
  (t) => [uniqueIndex('template_fields_code_idx').on(t.templateId, t.code)],
);

/** One agency's figures for one template and period; its revisions hold the values. */
export const submissions = pgTable(
  'submissions',
  {
    id: serial('id').primaryKey(),
    templateId: integer('template_id')
      .notNull()
      .references(() => reportTemplates.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    periodKey: text('period_key').notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    state: submissionState('state').notNull().default('draft'),
    currentRevision: integer('current_revision').notNull().default(1),
    /** When the agency first submitted (timeliness is judged on it). */
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('submissions_unique_idx').on(t.templateId, t.agencyId, t.periodKey),
    index('submissions_agency_idx').on(t.agencyId, t.periodEnd),
    index('submissions_period_idx').on(t.templateId, t.periodKey, t.state),
  ],
);

export const submissionRevisions = pgTable(
  'submission_revisions',
  {
    id: serial('id').primaryKey(),
    submissionId: integer('submission_id')
      .notNull()
      .references(() => submissions.id),
    revision: integer('revision').notNull(),
    values: jsonb('values').$type<Record<string, number | string | null>>().notNull(),
    /** Written explanations, keyed by warning rule code (or `source:<field>` for a prefill difference). */
    explanations: jsonb('explanations').$type<Record<string, string>>().notNull().default({}),
    authorId: integer('author_id').references(() => users.id),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approverId: integer('approver_id').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    reviewerId: integer('reviewer_id').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewOutcome: text('review_outcome'),
    reviewComment: text('review_comment'),
    /**
     * A province's computed figure (province_then_office): how many communes' accepted reports it sums,
     * of how many owe it, as of when it was computed. Null for a report typed in.
     */
    coverage: jsonb('coverage').$type<{ accepted: number; expected: number; asOf: string }>(),
  },
  (t) => [uniqueIndex('submission_revisions_idx').on(t.submissionId, t.revision)],
);
