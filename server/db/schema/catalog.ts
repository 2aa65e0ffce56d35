import { doublePrecision, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';

/** The nine task groups of Decision 2629/QĐ-TTg. */
export const taskGroups = pgTable('task_groups', {
  no: smallint('no').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
});

export const kpis = pgTable('kpis', {
  code: text('code').primaryKey(),
  pillar: text('pillar').notNull(),
  unit: text('unit').notNull(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull(),
  /**
   * Coverage (percent of obliged agencies reported) at which a period that has not closed becomes the
   * national value; below it the period is shown as provisional.
   */
  coverageFloor: doublePrecision('coverage_floor').notNull().default(80),
});

export const kpiTargets = pgTable(
  'kpi_targets',
  {
    kpiCode: text('kpi_code')
      .notNull()
      .references(() => kpis.code, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kpiCode, t.year] })],
);
