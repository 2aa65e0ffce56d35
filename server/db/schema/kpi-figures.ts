import {
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
} from 'drizzle-orm/pg-core';
import { agencies } from './agencies';
import { kpis } from './catalog';
import { submissions } from './reports';

/**
 * KPI figures per agency × KPI × period, taken from accepted submissions: written in the transaction
 * that accepts a submission, deleted in the one that reopens it, so that national figures are one
 * indexed GROUP BY (docs/decisions/0004-kpis.md). Derived data: submission_revisions stays the record.
 */
export const kpiFigures = pgTable(
  'kpi_figures',
  {
    kpiCode: text('kpi_code')
      .notNull()
      .references(() => kpis.code),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    periodKey: text('period_key').notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    numerator: doublePrecision('numerator').notNull(),
    denominator: doublePrecision('denominator').notNull(),
    /** Percent; null when the denominator is 0. */
    value: doublePrecision('value'),
    /** Data-governance maturity level (1–5) behind DL-04/05/06 figures. */
    level: smallint('level'),
    submissionId: integer('submission_id')
      .notNull()
      .references(() => submissions.id),
    revision: integer('revision').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kpiCode, t.agencyId, t.periodKey] }),
    index('kpi_figures_kpi_period_idx').on(t.kpiCode, t.periodEnd),
    index('kpi_figures_agency_idx').on(t.agencyId, t.kpiCode, t.periodEnd),
    index('kpi_figures_submission_idx').on(t.submissionId),
  ],
);
