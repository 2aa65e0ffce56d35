import { eq } from 'drizzle-orm';
import { isProvinceChildLevel, LEVEL_OF_KIND } from '../../../shared/agencies';
import { AppError } from '../../../shared/errors';
import type { CreateAgency, RenameAgency } from '../../../shared/schemas/agencies';
import { foldVietnamese, vietnameseSortKey } from '../../../shared/text';
import { type Db, inTransaction } from '../../db/client';
import { agencies } from '../../db/schema';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';

/** Communes and provincial departments sit under a provincial unit; central and provincial units at the top. */
export async function createAgency(db: Db, actor: Actor, a: CreateAgency) {
  const level = LEVEL_OF_KIND[a.kind];
  return inTransaction(db, async (tx) => {
    if (isProvinceChildLevel(level)) {
      const [parent] = a.parentId
        ? await tx.select({ level: agencies.level }).from(agencies).where(eq(agencies.id, a.parentId))
        : [];
      if (parent?.level !== 'provincial')
        throw new AppError('VALIDATION', 'parentMustBeProvincial', { field: 'parentId' });
    } else if (a.parentId) {
      throw new AppError('VALIDATION', 'noParentAllowed', { field: 'parentId' });
    }
    const [taken] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, a.code));
    if (taken)
      throw new AppError('CONFLICT', 'agencyCodeTaken', { field: 'code', reason: 'agencyCodeTaken' });
    const [row] = await tx
      .insert(agencies)
      .values({
        ...a,
        level,
        searchText: foldVietnamese(`${a.nameVi} ${a.nameEn} ${a.code}`),
        sortKey: vietnameseSortKey(a.nameVi),
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await appendAudit(tx, actor, {
      action: 'agency.create',
      entityType: 'agency',
      entityId: row.id,
      after: row,
    });
    return { id: row.id };
  });
}

export async function renameAgency(db: Db, actor: Actor, r: RenameAgency) {
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(agencies).where(eq(agencies.id, r.id)).for('update');
    if (!before) throw new AppError('NOT_FOUND');
    const [after] = await tx
      .update(agencies)
      .set({
        nameVi: r.nameVi,
        nameEn: r.nameEn,
        searchText: foldVietnamese(`${r.nameVi} ${r.nameEn} ${before.code}`),
        sortKey: vietnameseSortKey(r.nameVi),
      })
      .where(eq(agencies.id, r.id))
      .returning();
    await appendAudit(tx, actor, {
      action: 'agency.rename',
      entityType: 'agency',
      entityId: r.id,
      before,
      after,
    });
    return { id: r.id };
  });
}
