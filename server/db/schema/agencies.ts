import { type AnyPgColumn, index, integer, pgEnum, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { AGENCY_KINDS, AGENCY_LEVELS } from '../../../shared/agencies';

export const agencyLevel = pgEnum('agency_level', AGENCY_LEVELS);
export const agencyKind = pgEnum('agency_kind', AGENCY_KINDS);

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
  },
  (t) => [
    index('agencies_parent_idx').on(t.parentId, t.sortKey),
    index('agencies_level_idx').on(t.level, t.sortKey),
    index('agencies_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);
