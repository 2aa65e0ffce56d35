import {
  type AnyPgColumn,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { AGENCY_CHANGE_KINDS, AGENCY_KINDS, AGENCY_LEVELS } from '../../../shared/agencies';

export const agencyLevel = pgEnum('agency_level', AGENCY_LEVELS);
export const agencyKind = pgEnum('agency_kind', AGENCY_KINDS);
export const agencyChangeKind = pgEnum('agency_change_kind', AGENCY_CHANGE_KINDS);

export const agencies = pgTable(
  'agencies',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    kind: agencyKind('kind').notNull(),
    level: agencyLevel('level').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => agencies.id),
    /** foldVietnamese(name_vi + ' ' + name_en): what diacritic-insensitive search matches. */
    searchText: text('search_text').notNull(),
    /** vietnameseSortKey(name_vi), compared with COLLATE "C". */
    sortKey: text('sort_key').notNull(),
    /** First day the unit exists (Vietnam calendar date); null: since before the records begin. */
    validFrom: date('valid_from', { mode: 'string' }),
    /** Last day the unit exists; null: a unit of today (server/modules/agencies/current.ts). */
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [
    index('agencies_parent_idx').on(t.parentId, t.sortKey),
    index('agencies_level_idx').on(t.level, t.sortKey),
    index('agencies_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

/** A merger, split or rename of units, effective on a date: its links say which units became which. */
export const agencyChanges = pgTable('agency_changes', {
  id: serial('id').primaryKey(),
  kind: agencyChangeKind('kind').notNull(),
  /** The first day of the new units (Vietnam calendar date); the old ones' valid_to is the day before. */
  effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
  note: text('note').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const agencyChangeLinks = pgTable(
  'agency_change_links',
  {
    changeId: integer('change_id')
      .notNull()
      .references(() => agencyChanges.id),
    fromAgencyId: integer('from_agency_id')
      .notNull()
      .references(() => agencies.id),
    toAgencyId: integer('to_agency_id')
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [
    primaryKey({ columns: [t.changeId, t.fromAgencyId, t.toAgencyId] }),
    index('agency_change_links_from_idx').on(t.fromAgencyId),
  ],
);
