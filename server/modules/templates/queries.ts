import { and, asc, count, desc, eq, inArray, max } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { TemplateField } from '../../../shared/report-values';
import { type Period, parsePeriodKey } from '../../../shared/reporting-periods';
import { versionForPeriod } from '../../../shared/template-versions';
import type { SystemSource } from '../../../shared/validation-rules';
import type { Db } from '../../db/client';
import { agencies, kpis, reportTemplates, submissions, templateFields } from '../../db/schema';

export type TemplateRow = typeof reportTemplates.$inferSelect;

/** What names a template version wherever one is listed or shown. */
export const templateHeaderColumns = {
  id: reportTemplates.id,
  code: reportTemplates.code,
  version: reportTemplates.version,
  nameVi: reportTemplates.nameVi,
  nameEn: reportTemplates.nameEn,
  periodType: reportTemplates.periodType,
};

export function templateHeader(t: TemplateRow) {
  return {
    id: t.id,
    code: t.code,
    version: t.version,
    nameVi: t.nameVi,
    nameEn: t.nameEn,
    periodType: t.periodType,
  };
}

const versionColumns = {
  ...templateHeaderColumns,
  approval: reportTemplates.approval,
  firstPeriod: reportTemplates.firstPeriod,
  lastPeriod: reportTemplates.lastPeriod,
  active: reportTemplates.active,
  editVersion: reportTemplates.editVersion,
  createdAt: reportTemplates.createdAt,
  updatedAt: reportTemplates.updatedAt,
};

/** Submissions per template version, counted in the database. */
function submissionCounts(db: Db) {
  return db
    .select({ templateId: submissions.templateId, n: count().as('n') })
    .from(submissions)
    .groupBy(submissions.templateId)
    .as('counts');
}

/** Every regime with all its versions (newest first) and how many submissions each version holds. */
export async function listTemplateVersions(db: Db) {
  const counts = submissionCounts(db);
  const rows = await db
    .select({ ...versionColumns, submissions: counts.n })
    .from(reportTemplates)
    .leftJoin(counts, eq(counts.templateId, reportTemplates.id))
    .orderBy(asc(reportTemplates.code), desc(reportTemplates.version));
  const byCode = new Map<string, { code: string; versions: (typeof rows)[number][] }>();
  for (const row of rows) {
    const entry = byCode.get(row.code) ?? { code: row.code, versions: [] };
    entry.versions.push({ ...row, submissions: Number(row.submissions ?? 0) });
    byCode.set(row.code, entry);
  }
  return [...byCode.values()].map((entry) => {
    const current = entry.versions[0];
    if (!current) throw new AppError('INTERNAL');
    return { code: entry.code, current, versions: entry.versions };
  });
}

/** A version's field as stored: the shared shape, its system source always stated. */
export type StoredField = TemplateField & { systemSource: SystemSource | null };

export async function findTemplateFields(db: Db, templateId: number): Promise<StoredField[]> {
  return db
    .select({
      code: templateFields.code,
      labelVi: templateFields.labelVi,
      labelEn: templateFields.labelEn,
      unit: templateFields.unit,
      type: templateFields.type,
      required: templateFields.required,
      min: templateFields.min,
      max: templateFields.max,
      kpiCode: templateFields.kpiCode,
      kpiRole: templateFields.kpiRole,
      systemSource: templateFields.systemSource,
    })
    .from(templateFields)
    .where(eq(templateFields.templateId, templateId))
    .orderBy(asc(templateFields.sortOrder));
}

/** How a version is used: its submissions and the last period they cover (a new version starts after it). */
export async function usageOf(db: Db, templateId: number) {
  const [usage] = await db
    .select({ n: count(), lastPeriodEnd: max(submissions.periodEnd) })
    .from(submissions)
    .where(eq(submissions.templateId, templateId));
  const n = Number(usage?.n ?? 0);
  if (n === 0) return { submissions: 0, lastUsedPeriod: null };
  const [last] = await db
    .select({ periodKey: submissions.periodKey })
    .from(submissions)
    .where(and(eq(submissions.templateId, templateId), eq(submissions.periodEnd, usage?.lastPeriodEnd ?? '')))
    .limit(1);
  return { submissions: n, lastUsedPeriod: last?.periodKey ?? null };
}

/** One version with its fields, its usage and the code's version history. */
export async function getTemplate(db: Db, id: number) {
  const [template] = await db
    .select({
      ...versionColumns,
      deadlineRule: reportTemplates.deadlineRule,
      obligation: reportTemplates.obligation,
      validationRules: reportTemplates.validationRules,
    })
    .from(reportTemplates)
    .where(eq(reportTemplates.id, id));
  if (!template) throw new AppError('NOT_FOUND');
  const fields = await findTemplateFields(db, id);
  const usage = await usageOf(db, id);
  const counts = submissionCounts(db);
  const history = await db
    .select({ ...versionColumns, submissions: counts.n })
    .from(reportTemplates)
    .leftJoin(counts, eq(counts.templateId, reportTemplates.id))
    .where(eq(reportTemplates.code, template.code))
    .orderBy(desc(reportTemplates.version));
  const obligedAgencies =
    'agencyIds' in template.obligation && template.obligation.agencyIds.length
      ? await db
          .select({
            id: agencies.id,
            nameVi: agencies.nameVi,
            nameEn: agencies.nameEn,
            level: agencies.level,
          })
          .from(agencies)
          .where(inArray(agencies.id, template.obligation.agencyIds))
      : [];
  const latest = history[0]?.id === template.id;
  return {
    template,
    fields,
    usage,
    /** Only the newest version of a code is edited (in place when unused, else by a new version). */
    editable: latest,
    inUse: usage.submissions > 0,
    obligedAgencies,
    history: history.map((h) => ({ ...h, submissions: Number(h.submissions ?? 0) })),
  };
}

/** The KPI catalog a field may feed. */
export async function listKpiOptions(db: Db) {
  return db
    .select({ code: kpis.code, nameVi: kpis.nameVi, nameEn: kpis.nameEn, unit: kpis.unit })
    .from(kpis)
    .orderBy(asc(kpis.sortOrder));
}

/** A template version with its fields, in form order. */
export async function loadTemplate(
  db: Db,
  templateId: number,
): Promise<{ template: TemplateRow; fields: StoredField[] }> {
  const [template] = await db.select().from(reportTemplates).where(eq(reportTemplates.id, templateId));
  if (!template) throw new AppError('NOT_FOUND');
  const fields = await findTemplateFields(db, templateId);
  return { template, fields };
}

/**
 * The version of the template's code that collects this period (each period has exactly one), so a
 * form opened from any version of a regime saves under the right fields.
 */
export async function templateIdForPeriod(db: Db, templateId: number, periodKey: string): Promise<number> {
  let period: Period;
  try {
    period = parsePeriodKey(periodKey);
  } catch {
    throw new AppError('VALIDATION', 'invalidPeriod', { field: 'periodKey' });
  }
  const versions = await db
    .select({
      id: reportTemplates.id,
      firstPeriod: reportTemplates.firstPeriod,
      lastPeriod: reportTemplates.lastPeriod,
    })
    .from(reportTemplates)
    .where(
      eq(
        reportTemplates.code,
        db
          .select({ code: reportTemplates.code })
          .from(reportTemplates)
          .where(eq(reportTemplates.id, templateId)),
      ),
    );
  if (versions.length === 0) throw new AppError('NOT_FOUND');
  return versionForPeriod(versions, period)?.id ?? templateId;
}
