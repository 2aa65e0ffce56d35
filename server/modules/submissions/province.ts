import { and, asc, count, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { type FigureValues, officeObligation, provinceFigure } from '../../../shared/approval-levels';
import { AppError } from '../../../shared/errors';
import { isObliged } from '../../../shared/obligations';
import { openPeriods } from '../../../shared/template-versions';
import { vietnamDate } from '../../../shared/time';
import type { Db } from '../../db/client';
import { agencies, reportTemplates, submissionRevisions, submissions } from '../../db/schema';
import { findCommunesOf } from '../agencies/queries';
import type { Actor } from '../auth/actor';
import { findTemplateFields, type StoredField, type TemplateRow } from '../templates/queries';
import { currentRevisionOf } from './current-revision';
import { assertProvinceStaff } from './policy';
import { agencyOf, getCompliance } from './queries';

/** How many of a regime's latest periods the province's page shows. */
export const PROVINCE_PERIODS_SHOWN = 4;
/** The queue is read a page at a time; a province rarely has more waiting at once. */
export const PROVINCE_QUEUE_LIMIT = 200;

/** A unit right under the province at the commune level: its communes, never its departments. */
const communeOf = (provinceId: number) =>
  and(eq(agencies.parentId, provinceId), eq(agencies.level, 'commune'));

/**
 * The accepted figures of the province's communes (each submission's current revision), per version
 * and period asked for, in one read. A commune merged away since keeps what it was accepted for.
 */
async function acceptedCommuneFigures(
  db: Db,
  provinceId: number,
  cells: readonly { templateId: number; periodKey: string }[],
) {
  if (cells.length === 0) return new Map<string, FigureValues[]>();
  const rows = await db
    .select({
      templateId: submissions.templateId,
      periodKey: submissions.periodKey,
      values: submissionRevisions.values,
    })
    .from(submissions)
    .innerJoin(agencies, eq(agencies.id, submissions.agencyId))
    .innerJoin(submissionRevisions, currentRevisionOf)
    .where(
      and(
        inArray(submissions.templateId, [...new Set(cells.map((c) => c.templateId))]),
        inArray(submissions.periodKey, [...new Set(cells.map((c) => c.periodKey))]),
        eq(submissions.state, 'accepted'),
        communeOf(provinceId),
      ),
    );
  const byCell = new Map<string, FigureValues[]>();
  for (const r of rows) {
    const key = cellKey(r.templateId, r.periodKey);
    byCell.set(key, [...(byCell.get(key) ?? []), r.values]);
  }
  return byCell;
}

const cellKey = (templateId: number, periodKey: string) => `${templateId}|${periodKey}`;

/** How many of the province's communes of today owe a version's report (ADR 0028). */
async function expectedCommunes(db: Db, provinceId: number) {
  const communes = await findCommunesOf(db, provinceId);
  return (template: Pick<TemplateRow, 'obligation'>) =>
    communes.filter((c) => isObliged(template.obligation, { id: c.id, level: 'commune' })).length;
}

/**
 * The province's figure for one version and period, computed: the sum of its communes' accepted
 * figures (`provinceFigure`), with how many of today's communes owe the report. Read in the caller's
 * transaction when it sends the figure up, so what is sent is what was summed.
 */
export async function computeProvinceFigure(
  db: Db,
  provinceId: number,
  template: Pick<TemplateRow, 'id' | 'obligation'>,
  fields: readonly StoredField[],
  periodKey: string,
) {
  const [accepted, expected] = await Promise.all([
    acceptedCommuneFigures(db, provinceId, [{ templateId: template.id, periodKey }]),
    expectedCommunes(db, provinceId),
  ]);
  return provinceFigure(fields, accepted.get(cellKey(template.id, periodKey)) ?? [], expected(template));
}

/**
 * The province's page: its communes' reports waiting for its decision (oldest sent first), and for
 * each regime under the province chain its latest periods with the computed figure, how many of its
 * communes have sent and been accepted, and where its own report to the Office stands. The figures,
 * counts and own reports of every period shown are read at once, not period by period.
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
        communeOf(province.id),
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
  const cells = periods.map(({ version, period }) => ({ templateId: version.id, periodKey: period.key }));
  const templateIds = [...new Set(cells.map((c) => c.templateId))];
  const periodKeys = [...new Set(cells.map((c) => c.periodKey))];
  const [accepted, expected, sentRows, ownRows, fieldLists, compliance] = await Promise.all([
    acceptedCommuneFigures(db, province.id, cells),
    expectedCommunes(db, province.id),
    cells.length
      ? db
          .select({ templateId: submissions.templateId, periodKey: submissions.periodKey, n: count() })
          .from(submissions)
          .innerJoin(agencies, eq(agencies.id, submissions.agencyId))
          .where(
            and(
              inArray(submissions.templateId, templateIds),
              inArray(submissions.periodKey, periodKeys),
              communeOf(province.id),
              // Sent at least once: waiting, accepted, or returned for correction.
              isNotNull(submissions.firstSubmittedAt),
            ),
          )
          .groupBy(submissions.templateId, submissions.periodKey)
      : [],
    cells.length
      ? db
          .select({
            templateId: submissions.templateId,
            periodKey: submissions.periodKey,
            id: submissions.id,
            state: submissions.state,
            version: submissions.version,
          })
          .from(submissions)
          .where(
            and(
              inArray(submissions.templateId, templateIds),
              inArray(submissions.periodKey, periodKeys),
              eq(submissions.agencyId, province.id),
            ),
          )
      : [],
    Promise.all(templateIds.map(async (id) => [id, await findTemplateFields(db, id)] as const)),
    // The communes' completeness and timeliness count toward the province's view of the regime.
    Promise.all(
      cells.map((c) =>
        getCompliance(db, { templateId: c.templateId }, now, {
          periodKey: c.periodKey,
          communesOf: province.id,
        }),
      ),
    ),
  ]);
  const sent = new Map(sentRows.map((r) => [cellKey(r.templateId, r.periodKey), Number(r.n)]));
  const own = new Map(ownRows.map(({ templateId, periodKey, ...o }) => [cellKey(templateId, periodKey), o]));
  const fieldsOf = new Map(fieldLists);
  const figures = periods.map(({ version, period }, i) => {
    const key = cellKey(version.id, period.key);
    const fields = fieldsOf.get(version.id) ?? [];
    const figure = provinceFigure(fields, accepted.get(key) ?? [], expected(version));
    const totals = compliance[i]?.totals;
    return {
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
      sent: sent.get(key) ?? 0,
      communes: {
        expected: totals?.expected ?? 0,
        onTime: totals?.onTime ?? 0,
        late: totals?.late ?? 0,
        missing: totals?.missing ?? 0,
        completeness: totals?.completeness ?? null,
        timeliness: totals?.timeliness ?? null,
      },
      own: own.get(key) ?? null,
    };
  });
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
