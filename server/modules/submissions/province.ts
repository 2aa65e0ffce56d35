import { and, asc, count, desc, eq, isNotNull } from 'drizzle-orm';
import { officeObligation, provinceFigure } from '../../../shared/approval-levels';
import { AppError } from '../../../shared/errors';
import { isObliged } from '../../../shared/obligations';
import { openPeriods } from '../../../shared/template-versions';
import { vietnamDate } from '../../../shared/time';
import type { Db } from '../../db/client';
import { agencies, reportTemplates, submissionRevisions, submissions } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { findTemplateFields, type StoredField, type TemplateRow } from '../templates/queries';
import { assertProvinceStaff } from './policy';
import { agencyOf, getCompliance } from './queries';

/** How many of a regime's latest periods the province's page shows. */
export const PROVINCE_PERIODS_SHOWN = 4;
/** The queue is read a page at a time; a province rarely has more waiting at once. */
export const PROVINCE_QUEUE_LIMIT = 200;

/**
 * The province's figure for one version and period, computed: the sum of its communes' accepted
 * figures (`provinceFigure`), with how many communes owe the report. Read in the caller's
 * transaction when it sends the figure up, so what is sent is what was summed.
 */
export async function computeProvinceFigure(
  db: Db,
  provinceId: number,
  template: Pick<TemplateRow, 'id' | 'obligation'>,
  fields: readonly StoredField[],
  periodKey: string,
) {
  const accepted = await db
    .select({ values: submissionRevisions.values })
    .from(submissions)
    .innerJoin(agencies, eq(agencies.id, submissions.agencyId))
    .innerJoin(
      submissionRevisions,
      and(
        eq(submissionRevisions.submissionId, submissions.id),
        eq(submissionRevisions.revision, submissions.currentRevision),
      ),
    )
    .where(
      and(
        eq(submissions.templateId, template.id),
        eq(submissions.periodKey, periodKey),
        eq(submissions.state, 'accepted'),
        eq(agencies.parentId, provinceId),
      ),
    );
  const communes = await db
    .select({ id: agencies.id, level: agencies.level })
    .from(agencies)
    .where(eq(agencies.parentId, provinceId));
  const expected = communes.filter((c) => isObliged(template.obligation, c)).length;
  return provinceFigure(
    fields,
    accepted.map((a) => a.values),
    expected,
  );
}

/**
 * The province's page: its communes' reports waiting for its decision (oldest sent first), and for
 * each regime under the province chain its latest periods with the computed figure, how many of its
 * communes have sent and been accepted, and where its own report to the Office stands.
 */
export async function getProvinceApprovals(db: Db, actor: Actor, now = new Date()) {
  const province = await agencyOf(db, actor.agencyId);
  assertProvinceStaff(actor, province);
  const today = vietnamDate(now);
  const pending = await db
    .select({
      id: submissions.id,
      version: submissions.version,
      templateId: submissions.templateId,
      templateCode: reportTemplates.code,
      templateNameVi: reportTemplates.nameVi,
      templateNameEn: reportTemplates.nameEn,
      agencyId: submissions.agencyId,
      agencyNameVi: agencies.nameVi,
      agencyNameEn: agencies.nameEn,
      periodKey: submissions.periodKey,
      deadline: submissions.deadline,
      firstSubmittedAt: submissions.firstSubmittedAt,
      revision: submissions.currentRevision,
    })
    .from(submissions)
    .innerJoin(agencies, eq(agencies.id, submissions.agencyId))
    .innerJoin(reportTemplates, eq(reportTemplates.id, submissions.templateId))
    .where(
      and(
        eq(agencies.parentId, province.id),
        eq(submissions.state, 'submitted'),
        eq(reportTemplates.approval, 'province_then_office'),
      ),
    )
    .orderBy(asc(submissions.updatedAt), asc(submissions.id))
    .limit(PROVINCE_QUEUE_LIMIT);

  const versions = await db
    .select()
    .from(reportTemplates)
    .where(and(eq(reportTemplates.approval, 'province_then_office'), eq(reportTemplates.active, true)))
    .orderBy(asc(reportTemplates.code), desc(reportTemplates.version));
  const obliged = versions.filter((v) => isObliged(officeObligation(v), province));
  const periods = obliged
    .flatMap((version) => openPeriods(version, today).map((period) => ({ version, period })))
    .sort((a, b) => (a.period.end < b.period.end ? 1 : -1))
    .slice(0, PROVINCE_PERIODS_SHOWN * Math.max(1, new Set(obliged.map((v) => v.code)).size));
  const fieldsOf = new Map<number, StoredField[]>();
  const figures = [];
  for (const { version, period } of periods) {
    const fields = fieldsOf.get(version.id) ?? (await findTemplateFields(db, version.id));
    fieldsOf.set(version.id, fields);
    const figure = await computeProvinceFigure(db, province.id, version, fields, period.key);
    const [sent] = await db
      .select({ n: count() })
      .from(submissions)
      .innerJoin(agencies, eq(agencies.id, submissions.agencyId))
      .where(
        and(
          eq(submissions.templateId, version.id),
          eq(submissions.periodKey, period.key),
          eq(agencies.parentId, province.id),
          // Sent at least once: waiting, accepted, or returned for correction.
          isNotNull(submissions.firstSubmittedAt),
        ),
      );
    const [own] = await db
      .select({ id: submissions.id, state: submissions.state, version: submissions.version })
      .from(submissions)
      .where(
        and(
          eq(submissions.templateId, version.id),
          eq(submissions.periodKey, period.key),
          eq(submissions.agencyId, province.id),
        ),
      );
    // The communes' completeness and timeliness count toward the province's view of the regime.
    const { totals } = await getCompliance(db, { templateId: version.id }, now, {
      periodKey: period.key,
      communesOf: province.id,
    });
    figures.push({
      templateId: version.id,
      templateCode: version.code,
      templateNameVi: version.nameVi,
      templateNameEn: version.nameEn,
      periodKey: period.key,
      periodEnd: period.end,
      fields: fields.map((f) => ({
        code: f.code,
        labelVi: f.labelVi,
        labelEn: f.labelEn,
        unit: f.unit,
        type: f.type,
      })),
      values: figure.values,
      accepted: figure.accepted,
      expected: figure.expected,
      sent: Number(sent?.n ?? 0),
      communes: {
        expected: totals.expected,
        onTime: totals.onTime,
        late: totals.late,
        missing: totals.missing,
        completeness: totals.completeness,
        timeliness: totals.timeliness,
      },
      own: own ?? null,
    });
  }
  return {
    provinceId: province.id,
    pending,
    figures,
    canDecide: actor.role === 'officer',
    asOf: now,
  };
}

/** Only a regime under the province chain has a computed province figure; any other is no such thing. */
export function assertProvinceChain(template: Pick<TemplateRow, 'approval'>): void {
  if (template.approval !== 'province_then_office') throw new AppError('NOT_FOUND');
}
