import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { LEVEL_OF_KIND } from '../../../shared/agencies';
import { AppError } from '../../../shared/errors';
import type { AgencyImportInput, AgencyImportReport } from '../../../shared/schemas/agencies';
import { foldVietnamese, vietnameseSortKey } from '../../../shared/text';
import { type Db, inTransaction } from '../../db/client';
import { agencies, agencyChangeLinks, agencyChanges } from '../../db/schema';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import { type ExistingUnit, type ImportPlan, importReport, planAgencyImport } from './import-plan';
import { parseUnitCsv } from './unit-csv';

const parent = alias(agencies, 'parent');

async function existingUnits(db: Db): Promise<ExistingUnit[]> {
  return db
    .select({
      id: agencies.id,
      code: agencies.code,
      nameVi: agencies.nameVi,
      nameEn: agencies.nameEn,
      kind: agencies.kind,
      level: agencies.level,
      parentCode: parent.code,
      validTo: agencies.validTo,
    })
    .from(agencies)
    .leftJoin(parent, eq(parent.id, agencies.parentId));
}

async function planFor(db: Db, input: AgencyImportInput): Promise<ImportPlan> {
  const { units, problems } = parseUnitCsv(input.csv);
  if (problems.length)
    return { problems, add: [], rename: [], move: [], expire: [], changes: [], unchanged: 0 };
  return planAgencyImport(await existingUnits(db), units, input.effectiveOn);
}

/** What importing the unit list would change: nothing is written (docs/decisions/0028). */
export async function previewAgencyImport(db: Db, input: AgencyImportInput): Promise<AgencyImportReport> {
  return importReport(await planFor(db, input), false);
}

/**
 * Imports the unit list as the preview showed it, in one transaction with one audit entry; a list with
 * any problem is refused whole (VALIDATION `badUnitList`, its problems in the details), nothing written.
 */
export async function applyAgencyImport(
  db: Db,
  /** null: the command line (`npm run import-units`), audited without a user. */
  actor: Actor | null,
  input: AgencyImportInput,
): Promise<AgencyImportReport> {
  return inTransaction(db, async (tx) => {
    const plan = await planFor(tx, input);
    if (plan.problems.length)
      throw new AppError('VALIDATION', 'badUnitList', { reason: 'badUnitList', problems: plan.problems });
    const ids = new Map((await existingUnits(tx)).map((u) => [u.code, u.id]));
    const idOf = (code: string) => {
      const id = ids.get(code);
      if (id === undefined) throw new AppError('INTERNAL');
      return id;
    };
    for (const u of plan.add) {
      const [row] = await tx
        .insert(agencies)
        .values({
          code: u.code,
          nameVi: u.nameVi,
          nameEn: u.nameEn,
          kind: u.kind,
          level: LEVEL_OF_KIND[u.kind],
          parentId: u.parentCode ? idOf(u.parentCode) : null,
          searchText: foldVietnamese(`${u.nameVi} ${u.nameEn} ${u.code}`),
          sortKey: vietnameseSortKey(u.nameVi),
          validFrom: u.validFrom,
          validTo: u.validTo,
        })
        .returning({ id: agencies.id });
      if (!row) throw new AppError('INTERNAL');
      ids.set(u.code, row.id);
    }
    for (const r of plan.rename) {
      await tx
        .update(agencies)
        .set({
          nameVi: r.nameVi,
          nameEn: r.nameEn,
          searchText: foldVietnamese(`${r.nameVi} ${r.nameEn} ${r.code}`),
          sortKey: vietnameseSortKey(r.nameVi),
        })
        .where(eq(agencies.id, idOf(r.code)));
    }
    for (const m of plan.move) {
      await tx
        .update(agencies)
        .set({ parentId: m.parentCode ? idOf(m.parentCode) : null })
        .where(eq(agencies.id, idOf(m.code)));
    }
    for (const e of plan.expire) {
      await tx
        .update(agencies)
        .set({ validTo: e.validTo })
        .where(eq(agencies.id, idOf(e.code)));
    }
    for (const c of plan.changes) {
      const [change] = await tx
        .insert(agencyChanges)
        .values({
          kind: c.kind,
          effectiveOn: c.effectiveOn,
          note: `${c.from.join(', ')} → ${c.to.join(', ')}`,
        })
        .returning({ id: agencyChanges.id });
      if (!change) throw new AppError('INTERNAL');
      await tx
        .insert(agencyChangeLinks)
        .values(
          c.from.flatMap((from) =>
            c.to.map((to) => ({ changeId: change.id, fromAgencyId: idOf(from), toAgencyId: idOf(to) })),
          ),
        );
    }
    const report = importReport(plan, true);
    await appendAudit(tx, actor, {
      action: 'agency.import',
      entityType: 'agency',
      entityId: 'list',
      after: { effectiveOn: input.effectiveOn, ...report },
    });
    return report;
  });
}
