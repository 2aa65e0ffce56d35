import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { TemplateField } from '../../../shared/report-values';
import { type Period, parsePeriodKey, submissionDeadline } from '../../../shared/reporting-periods';
import type { Db } from '../../db/client';
import { agencies, holidays, reportTemplates, templateFields } from '../../db/schema';
import type { Obligation } from '../../db/schema/reports';

export type TemplateRow = typeof reportTemplates.$inferSelect;

export async function loadHolidays(db: Db): Promise<Set<string>> {
  const rows = await db.select({ date: holidays.date }).from(holidays);
  return new Set(rows.map((r) => r.date));
}

export async function loadTemplate(
  db: Db,
  templateId: number,
): Promise<{ template: TemplateRow; fields: TemplateField[] }> {
  const [template] = await db.select().from(reportTemplates).where(eq(reportTemplates.id, templateId));
  if (!template) throw new AppError('NOT_FOUND');
  const fields = await db
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
    })
    .from(templateFields)
    .where(eq(templateFields.templateId, templateId))
    .orderBy(asc(templateFields.sortOrder));
  return { template, fields };
}

export function isObliged(obligation: Obligation, agency: { id: number; level: string }): boolean {
  return 'levels' in obligation
    ? (obligation.levels as string[]).includes(agency.level)
    : obligation.agencyIds.includes(agency.id);
}

/** A period this template collects, already started (its figures can be entered). */
export function templatePeriod(template: TemplateRow, periodKey: string, today: string): Period {
  let period: Period;
  try {
    period = parsePeriodKey(periodKey);
  } catch {
    throw new AppError('VALIDATION', 'invalidPeriod', { field: 'periodKey' });
  }
  const first = parsePeriodKey(template.firstPeriod);
  if (period.type !== template.periodType || period.end < first.end || period.start > today) {
    throw new AppError('VALIDATION', 'invalidPeriod', { field: 'periodKey' });
  }
  return period;
}

export function deadlineOf(template: TemplateRow, period: Period, holidaySet: ReadonlySet<string>): string {
  return submissionDeadline(period, template.deadlineRule, holidaySet);
}

export async function agencyOf(db: Db, agencyId: number) {
  const [agency] = await db
    .select({ id: agencies.id, level: agencies.level })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!agency) throw new AppError('NOT_FOUND');
  return agency;
}
