import { and, asc, count, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AgencyListInput } from '../../../shared/schemas/agencies';
import { foldVietnamese } from '../../../shared/text';
import type { Db } from '../../db/client';
import { agencies } from '../../db/schema';
import { isCurrentAgency } from './current';

const parent = alias(agencies, 'parent');

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A page of today's agencies: the children of one node, or every match of a diacritic-insensitive search. */
export async function findAgencies(
  db: Db,
  input: Required<Pick<AgencyListInput, 'page' | 'pageSize'>> & AgencyListInput,
) {
  const filters: SQL[] = [isCurrentAgency()];
  const q = input.q ? foldVietnamese(input.q) : '';
  if (q) filters.push(sql`${agencies.searchText} like ${likePattern(q)}`);
  if (input.level) filters.push(eq(agencies.level, input.level));
  if (input.parentId !== undefined) {
    filters.push(input.parentId === null ? isNull(agencies.parentId) : eq(agencies.parentId, input.parentId));
  }
  const where = and(...filters);
  // A province's communes and its departments are counted apart (the tree lists them apart).
  const childrenOf = (level: 'commune' | 'department') =>
    sql<number>`(select count(*) from ${agencies} c where c.parent_id = ${agencies.id} and c.level = ${level} and ${isCurrentAgency(sql`c.valid_to`)})`.mapWith(
      Number,
    );
  const childCount = childrenOf('commune');
  const departmentCount = childrenOf('department');
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: agencies.id,
        code: agencies.code,
        nameVi: agencies.nameVi,
        nameEn: agencies.nameEn,
        kind: agencies.kind,
        level: agencies.level,
        parentId: agencies.parentId,
        parentNameVi: parent.nameVi,
        parentNameEn: parent.nameEn,
        childCount,
        departmentCount,
      })
      .from(agencies)
      .leftJoin(parent, eq(parent.id, agencies.parentId))
      .where(where)
      .orderBy(asc(agencies.level), asc(agencies.sortKey), asc(agencies.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(agencies).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

export async function countAgenciesByLevel(db: Db) {
  return db
    .select({ level: agencies.level, n: count() })
    .from(agencies)
    .where(isCurrentAgency())
    .groupBy(agencies.level)
    .orderBy(asc(agencies.level));
}

/** The province's commune-level units of today (ADR 0028), in Vietnamese order (the parent index). */
export function findCommunesOf(db: Db, provinceId: number) {
  return db
    .select({ id: agencies.id, nameVi: agencies.nameVi, nameEn: agencies.nameEn })
    .from(agencies)
    .where(and(eq(agencies.parentId, provinceId), eq(agencies.level, 'commune'), isCurrentAgency()))
    .orderBy(sql`${agencies.sortKey} collate "C"`, asc(agencies.id));
}
