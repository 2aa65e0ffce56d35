import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { TemplateField } from '../../../shared/report-values';
import { type Period, parsePeriodKey, submissionDeadline } from '../../../shared/reporting-periods';
import { versionCovers, versionForPeriod } from '../../../shared/template-versions';
import type { Db } from '../../db/client';
import { agencies, holidays, reportTemplates } from '../../db/schema';
import type { Obligation } from '../../db/schema/reports';
import { findTemplateFields } from '../templates/queries';

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
  const fields = await findTemplateFields(db, templateId);
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
  if (period.type !== template.periodType || !versionCovers(template, period) || period.start > today) {
    throw new AppError('VALIDATION', 'invalidPeriod', { field: 'periodKey' });
  }
  return period;
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
