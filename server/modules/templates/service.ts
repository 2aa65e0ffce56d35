import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { parsePeriodKey } from '../../../shared/reporting-periods';
import type {
  createTemplateInput,
  setTemplateActiveInput,
  updateTemplateInput,
} from '../../../shared/schemas/templates';
import { periodAfter, previousPeriod } from '../../../shared/template-versions';
import { type Db, inTransaction } from '../../db/client';
import { agencies, kpis, reportTemplates, submissions, templateFields } from '../../db/schema';
import { isCurrentAgency } from '../agencies/current';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import { recordChange } from '../live/record';
import { canEditTemplates } from './policy';
import { findTemplateFields, type TemplateRow } from './queries';

type FieldValues = z.output<typeof createTemplateInput>['fields'];

/** Field codes must be KPIs of the catalog and agencies of the list must exist; the message names the input. */
async function assertReferences(
  tx: Db,
  input: { fields: FieldValues; obligation: TemplateRow['obligation'] },
): Promise<void> {
  const codes = [...new Set(input.fields.map((f) => f.kpiCode).filter((c): c is string => Boolean(c)))];
  if (codes.length) {
    const found = new Set(
      (await tx.select({ code: kpis.code }).from(kpis).where(inArray(kpis.code, codes))).map((k) => k.code),
    );
    const index = input.fields.findIndex((f) => f.kpiCode && !found.has(f.kpiCode));
    if (index >= 0) {
      throw new AppError('VALIDATION', 'unknownKpi', {
        field: `fields.${index}.kpiCode`,
        reason: 'unknownKpi',
        value: input.fields[index]?.kpiCode,
      });
    }
  }
  if ('agencyIds' in input.obligation) {
    const ids = [...new Set(input.obligation.agencyIds)];
    const [row] = await tx
      .select({ n: count() })
      .from(agencies)
      .where(and(inArray(agencies.id, ids), isCurrentAgency()));
    if (Number(row?.n ?? 0) !== ids.length) {
      throw new AppError('VALIDATION', 'unknownAgency', { field: 'obligation', reason: 'unknownAgency' });
    }
  }
}

async function insertFields(tx: Db, templateId: number, fields: FieldValues): Promise<void> {
  await tx.insert(templateFields).values(
    fields.map((f, i) => ({
      templateId,
      code: f.code,
      labelVi: f.labelVi,
      labelEn: f.labelEn,
      unit: f.unit || null,
      type: f.type,
      required: f.required,
      min: f.type === 'text' ? null : f.min,
      max: f.type === 'text' ? null : f.max,
      kpiCode: f.kpiCode,
      kpiRole: f.kpiCode ? f.kpiRole : null,
      systemSource: f.type === 'text' ? null : f.systemSource,
      sortOrder: i + 1,
    })),
  );
}

/** A version written: its fields, its audit entry (fields included) and its change event. */
async function saveVersion(
  tx: Db,
  actor: Actor,
  action: string,
  row: TemplateRow,
  fields: FieldValues,
  audit: { before?: unknown; note?: Record<string, unknown> } = {},
): Promise<void> {
  await insertFields(tx, row.id, fields);
  await appendAudit(tx, actor, {
    action,
    entityType: 'report_template',
    entityId: row.id,
    before: audit.before,
    after: { ...row, fields, ...audit.note },
  });
  await announce(tx, row);
}

async function announce(tx: Db, row: TemplateRow): Promise<void> {
  await recordChange(tx, {
    type: 'template.changed',
    payload: { templateId: row.id, templateCode: row.code, templateVersion: row.version },
  });
}

/**
 * What a version of a regime says, as the administrator gave it. Its validation rules are part of it:
 * a version in use keeps the rules its submissions were checked with, a change makes the next version.
 */
function definitionOf(d: Omit<z.output<typeof createTemplateInput>, 'code'>) {
  return {
    nameVi: d.nameVi,
    nameEn: d.nameEn,
    periodType: d.periodType,
    deadlineRule: d.deadlineRule,
    obligation: d.obligation,
    approval: d.approval,
    firstPeriod: d.firstPeriod,
    validationRules: d.validationRules,
  };
}

function written(row: TemplateRow, created: boolean) {
  return { id: row.id, code: row.code, version: row.version, editVersion: row.editVersion, created };
}

/** The administrator opens a new reporting regime (version 1 of a new code). */
export async function createTemplate(db: Db, actor: Actor, d: z.output<typeof createTemplateInput>) {
  if (!canEditTemplates(actor)) throw new AppError('FORBIDDEN');
  return inTransaction(db, async (tx) => {
    await assertReferences(tx, d);
    const [row] = await tx
      .insert(reportTemplates)
      .values({ code: d.code, version: 1, ...definitionOf(d) })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      throw new AppError('CONFLICT', 'templateCodeExists', { field: 'code', reason: 'templateCodeExists' });
    }
    await saveVersion(tx, actor, 'template.create', row, d.fields);
    return written(row, true);
  });
}

async function lockTemplate(tx: Db, id: number): Promise<TemplateRow> {
  const [row] = await tx.select().from(reportTemplates).where(eq(reportTemplates.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function assertEditVersion(row: TemplateRow, editVersion: number): void {
  if (row.editVersion !== editVersion) {
    throw new AppError('CONFLICT', 'staleVersion', {
      reason: 'staleVersion',
      currentVersion: row.editVersion,
    });
  }
}

/** The newest version of the row's code (the only one an administrator changes). */
async function newestVersion(tx: Db, code: string): Promise<number> {
  const [row] = await tx
    .select({ v: sql<number>`max(${reportTemplates.version})`.mapWith(Number) })
    .from(reportTemplates)
    .where(eq(reportTemplates.code, code));
  return row?.v ?? 0;
}

/** The last period holding submissions of a version, read under the version's row lock. */
async function lastUsedPeriod(tx: Db, templateId: number): Promise<{ n: number; last: string | null }> {
  const rows = await tx
    .select({ periodKey: submissions.periodKey, periodEnd: submissions.periodEnd })
    .from(submissions)
    .where(eq(submissions.templateId, templateId));
  let last: { periodKey: string; periodEnd: string } | null = null;
  for (const r of rows) if (!last || r.periodEnd > last.periodEnd) last = r;
  return { n: rows.length, last: last?.periodKey ?? null };
}

/**
 * Changes the newest version of a regime. Unused, it is edited in place; in use, it is never touched
 * under its submissions: version N+1 takes over from `firstPeriod` (after the last period with
 * submissions) and version N ends just before it, so every period belongs to exactly one version.
 */
export async function updateTemplate(db: Db, actor: Actor, d: z.output<typeof updateTemplateInput>) {
  if (!canEditTemplates(actor)) throw new AppError('FORBIDDEN');
  return inTransaction(db, async (tx) => {
    const before = await lockTemplate(tx, d.id);
    assertEditVersion(before, d.editVersion);
    if ((await newestVersion(tx, before.code)) !== before.version) {
      throw new AppError('CONFLICT', 'notLatestVersion', { reason: 'notLatestVersion' });
    }
    await assertReferences(tx, d);
    const usage = await lastUsedPeriod(tx, before.id);
    const beforeFields = await findTemplateFields(tx, before.id);
    const definition = definitionOf(d);

    if (usage.n === 0) {
      // Unused: edit in place. A later version still starts after its predecessor's submissions.
      if (before.version > 1) {
        const [previous] = await tx
          .select()
          .from(reportTemplates)
          .where(and(eq(reportTemplates.code, before.code), eq(reportTemplates.version, before.version - 1)))
          .for('update');
        if (!previous) throw new AppError('INTERNAL');
        await assertSuccessor(tx, previous, d);
        await tx
          .update(reportTemplates)
          .set(closedBefore(previous, d.firstPeriod, new Date()))
          .where(eq(reportTemplates.id, previous.id));
      }
      const [after] = await tx
        .update(reportTemplates)
        .set({ ...definition, editVersion: before.editVersion + 1, updatedAt: new Date() })
        .where(and(eq(reportTemplates.id, before.id), eq(reportTemplates.editVersion, d.editVersion)))
        .returning();
      if (!after) throw new AppError('CONFLICT', 'staleVersion', { reason: 'staleVersion' });
      await tx.delete(templateFields).where(eq(templateFields.templateId, before.id));
      await saveVersion(tx, actor, 'template.update', after, d.fields, {
        before: { ...before, fields: beforeFields },
      });
      return written(after, false);
    }

    // In use: a new version, the old one closed just before it and otherwise left as it is.
    await assertSuccessor(tx, before, d, usage.last);
    const [closed] = await tx
      .update(reportTemplates)
      .set(closedBefore(before, d.firstPeriod, new Date()))
      .where(and(eq(reportTemplates.id, before.id), eq(reportTemplates.editVersion, d.editVersion)))
      .returning();
    if (!closed) throw new AppError('CONFLICT', 'staleVersion', { reason: 'staleVersion' });
    const [created] = await tx
      .insert(reportTemplates)
      .values({
        code: before.code,
        version: before.version + 1,
        ...definition,
        active: before.active,
      })
      .returning();
    if (!created) throw new AppError('INTERNAL');
    await saveVersion(tx, actor, 'template.version', created, d.fields, {
      before: { ...before, fields: beforeFields },
      note: { supersedes: { id: before.id, lastPeriod: closed.lastPeriod } },
    });
    return written(created, true);
  });
}

/** A version ends just before its successor's first period. */
function closedBefore(row: TemplateRow, firstPeriod: string, now: Date) {
  return {
    lastPeriod: previousPeriod(parsePeriodKey(firstPeriod)).key,
    editVersion: row.editVersion + 1,
    updatedAt: now,
  };
}

/**
 * A version's successor keeps its period type and must start after the version's own first period and
 * after the last period it has submissions for, or those submissions would fall under fields they were
 * not made with.
 */
async function assertSuccessor(
  tx: Db,
  previous: TemplateRow,
  { periodType, firstPeriod }: { periodType: TemplateRow['periodType']; firstPeriod: string },
  knownLast?: string | null,
): Promise<void> {
  if (periodType !== previous.periodType) {
    throw new AppError('VALIDATION', 'periodTypeLocked', { field: 'periodType', reason: 'periodTypeLocked' });
  }
  const last = knownLast !== undefined ? knownLast : (await lastUsedPeriod(tx, previous.id)).last;
  const bound = last && periodAfter(last, previous.firstPeriod) ? last : previous.firstPeriod;
  if (!periodAfter(firstPeriod, bound)) {
    throw new AppError('VALIDATION', 'firstPeriodTooEarly', {
      field: 'firstPeriod',
      reason: 'firstPeriodTooEarly',
      after: bound,
    });
  }
}

/** Retires a regime (or brings it back): every version of the code, so no period is collected any more. */
export async function setTemplateActive(db: Db, actor: Actor, d: z.output<typeof setTemplateActiveInput>) {
  if (!canEditTemplates(actor)) throw new AppError('FORBIDDEN');
  return inTransaction(db, async (tx) => {
    const before = await lockTemplate(tx, d.id);
    assertEditVersion(before, d.editVersion);
    const rows = await tx
      .update(reportTemplates)
      .set({
        active: d.active,
        editVersion: sql`${reportTemplates.editVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(reportTemplates.code, before.code))
      .returning();
    const after = rows.find((r) => r.id === before.id);
    if (!after) throw new AppError('INTERNAL');
    await appendAudit(tx, actor, {
      action: d.active ? 'template.activate' : 'template.retire',
      entityType: 'report_template',
      entityId: before.id,
      before: { code: before.code, active: before.active },
      after: { code: before.code, active: d.active, versions: rows.map((r) => r.version) },
    });
    await announce(tx, after);
    return { id: after.id, active: after.active, editVersion: after.editVersion };
  });
}
