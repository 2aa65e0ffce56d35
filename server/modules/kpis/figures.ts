import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { figuresFromValues, type KpiField } from '../../../shared/kpi-math';
import type { Db } from '../../db/client';
import { kpiFigures, submissionRevisions, type submissions, templateFields } from '../../db/schema';

type SubmissionRow = typeof submissions.$inferSelect;

const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

export async function kpiFieldsOf(db: Db, templateId: number): Promise<KpiField[]> {
  return db
    .select({ code: templateFields.code, kpiCode: templateFields.kpiCode, kpiRole: templateFields.kpiRole })
    .from(templateFields)
    .where(and(eq(templateFields.templateId, templateId), isNotNull(templateFields.kpiCode)));
}

/** Figures rows of one accepted submission's revision (pure mapping, shared with the seed's backfill). */
export function figureRows(
  submission: Pick<SubmissionRow, 'id' | 'agencyId' | 'periodKey' | 'periodEnd'>,
  revision: number,
  fields: readonly KpiField[],
  values: Readonly<Record<string, unknown>>,
): (typeof kpiFigures.$inferInsert)[] {
  return figuresFromValues(fields, values).map((f) => ({
    kpiCode: f.kpiCode,
    agencyId: submission.agencyId,
    periodKey: submission.periodKey,
    periodEnd: submission.periodEnd,
    numerator: f.numerator,
    denominator: f.denominator,
    value: f.value,
    level: f.level,
    submissionId: submission.id,
    revision,
  }));
}

/**
 * In the transaction that accepts a submission: its current revision's KPI figures replace whatever
 * that submission had. Returns the KPI codes written (none for a template without KPI fields).
 */
export async function writeKpiFigures(tx: Db, submission: SubmissionRow): Promise<string[]> {
  const fields = await kpiFieldsOf(tx, submission.templateId);
  await tx.delete(kpiFigures).where(eq(kpiFigures.submissionId, submission.id));
  if (fields.length === 0) return [];
  const [revision] = await tx
    .select({ values: submissionRevisions.values })
    .from(submissionRevisions)
    .where(
      and(
        eq(submissionRevisions.submissionId, submission.id),
        eq(submissionRevisions.revision, submission.currentRevision),
      ),
    );
  const rows = figureRows(submission, submission.currentRevision, fields, revision?.values ?? {});
  if (rows.length === 0) return [];
  await tx
    .insert(kpiFigures)
    .values(rows)
    .onConflictDoUpdate({
      target: [kpiFigures.kpiCode, kpiFigures.agencyId, kpiFigures.periodKey],
      set: {
        periodEnd: submission.periodEnd,
        numerator: sqlExcluded('numerator'),
        denominator: sqlExcluded('denominator'),
        value: sqlExcluded('value'),
        level: sqlExcluded('level'),
        submissionId: submission.id,
        revision: submission.currentRevision,
      },
    });
  return [...new Set(rows.map((r) => r.kpiCode))];
}

/** In the transaction that reopens an accepted submission: its figures leave the national values. */
export async function clearKpiFigures(tx: Db, submissionId: number): Promise<string[]> {
  const removed = await tx
    .delete(kpiFigures)
    .where(eq(kpiFigures.submissionId, submissionId))
    .returning({ kpiCode: kpiFigures.kpiCode });
  return [...new Set(removed.map((r) => r.kpiCode))];
}
