import { eq } from 'drizzle-orm';
import { provinceFigure } from '../../shared/approval-levels';
import { type DeadlineRule, periodContaining, submissionDeadline } from '../../shared/reporting-periods';
import { previousPeriod } from '../../shared/template-versions';
import { shiftDate, vietnamInstant } from '../../shared/time';
import type { ValidationRule } from '../../shared/validation-rules';
import type { Db } from '../db/client';
import { agencies, reportTemplates, submissionRevisions, submissions, templateFields } from '../db/schema';
import { loadHolidays } from '../modules/holidays/queries';

/**
 * The demo's regime under the province chain (docs/decisions/0030-report-approval-levels.md): communes
 * report their one-stop shop's figures each quarter to their province, which accepts or returns each
 * and sends the Office the sum. Its history covers Hà Nội: the quarter before last went the whole way
 * (every commune accepted, the sum accepted by the Office); last quarter's reports are in the
 * province's queue, one returned for correction, the demo commune's (xa.chuyenvien) awaiting decision.
 */
export const COMMUNE_REPORT_CODE = 'BC-MOTCUA-XA';

const FIELDS = [
  {
    code: 'hs_tiep_nhan',
    labelVi: 'Số hồ sơ thủ tục hành chính tiếp nhận',
    labelEn: 'Administrative procedure applications received',
  },
  {
    code: 'hs_truc_tuyen',
    labelVi: 'Trong đó: số hồ sơ tiếp nhận trực tuyến',
    labelEn: 'Of which received online',
  },
  {
    code: 'hs_dung_han',
    labelVi: 'Số hồ sơ giải quyết đúng hạn',
    labelEn: 'Applications settled on time',
  },
] as const;

const RULES: ValidationRule[] = [
  {
    code: 'online_within_received',
    kind: 'compare',
    severity: 'error',
    left: 'hs_truc_tuyen',
    op: 'lte',
    right: 'hs_tiep_nhan',
    messageVi: 'Số hồ sơ tiếp nhận trực tuyến không được lớn hơn tổng số hồ sơ tiếp nhận.',
    messageEn: 'Applications received online cannot exceed all applications received.',
  },
];

const DEADLINE: DeadlineRule = { kind: 'fixed_day', day: 20, monthsAfter: 0 };

/** A commune's figures, the same on every run for the same commune and quarter. */
function figuresOf(communeIndex: number, quarterIndex: number) {
  const received = 180 + ((communeIndex * 37 + quarterIndex * 11) % 140);
  const online = Math.round(received * (0.55 + ((communeIndex * 7) % 30) / 100));
  const onTime = received - ((communeIndex * 5 + quarterIndex) % 9);
  return { hs_tiep_nhan: received, hs_truc_tuyen: online, hs_dung_han: onTime, ghi_chu: '' };
}

export async function seedCommuneReports(
  db: Db,
  ctx: {
    today: string;
    notAfterNow: (at: Date) => Date;
    province: number;
    demoCommune: number | null;
    provinceOfficer: number | null;
    provinceLeader: number | null;
    communeOfficer: number | null;
    officeUser: number | null;
  },
): Promise<void> {
  const current = periodContaining('quarter', ctx.today);
  if (!current) return;
  const last = previousPeriod(current);
  const before = previousPeriod(last);
  const [template] = await db
    .insert(reportTemplates)
    .values({
      code: COMMUNE_REPORT_CODE,
      nameVi: 'Báo cáo kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa cấp xã',
      nameEn: 'Report on procedures settled at the commune one-stop shop',
      periodType: 'quarter',
      deadlineRule: DEADLINE,
      obligation: { levels: ['commune'] },
      approval: 'province_then_office',
      firstPeriod: before.key,
      validationRules: RULES,
    })
    .onConflictDoNothing()
    .returning();
  if (!template) return;
  const fields = [
    ...FIELDS.map((f) => ({ ...f, unit: 'hồ sơ', type: 'integer' as const, required: true, min: 0 })),
    {
      code: 'ghi_chu',
      labelVi: 'Khó khăn, kiến nghị',
      labelEn: 'Difficulties and recommendations',
      unit: null,
      type: 'text' as const,
      required: false,
      min: null,
    },
  ];
  await db
    .insert(templateFields)
    .values(fields.map((f, i) => ({ ...f, templateId: template.id, sortOrder: i + 1 })));

  const calendar = await loadHolidays(db);
  const communes = (
    await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.parentId, ctx.province))
      .orderBy(agencies.sortKey)
  ).map((c) => c.id);
  // The demo commune first, so its report is always among the few seeded.
  const ordered = ctx.demoCommune
    ? [ctx.demoCommune, ...communes.filter((c) => c !== ctx.demoCommune)]
    : communes;
  const shown = ordered.slice(0, 12);

  for (const [q, period] of [before, last].entries()) {
    const deadline = submissionDeadline(period, DEADLINE, calendar);
    const settled = q === 0;
    const accepted: Record<string, number | string | null>[] = [];
    for (const [i, agencyId] of shown.entries()) {
      // Last quarter: the demo commune waits for the province, one in four accepted, one returned,
      // one still a draft, the others not yet sent.
      const state = settled
        ? 'accepted'
        : i === 0
          ? 'submitted'
          : i % 4 === 1
            ? 'accepted'
            : i % 4 === 2
              ? 'returned'
              : i % 4 === 3
                ? 'draft'
                : null;
      if (state === null) continue;
      const sentAt = ctx.notAfterNow(vietnamInstant(shiftDate(deadline, -3 + (i % 3)), 9 + (i % 6)));
      const decidedAt = ctx.notAfterNow(new Date(sentAt.getTime() + 26 * 3_600_000));
      const values = figuresOf(i, q);
      const sent = state !== 'draft';
      const decided = state === 'accepted' || state === 'returned';
      const [row] = await db
        .insert(submissions)
        .values({
          templateId: template.id,
          agencyId,
          periodKey: period.key,
          periodEnd: period.end,
          deadline,
          state,
          firstSubmittedAt: sent ? sentAt : null,
          acceptedAt: state === 'accepted' ? decidedAt : null,
          createdAt: sentAt,
          updatedAt: decided ? decidedAt : sentAt,
        })
        .returning({ id: submissions.id });
      if (!row) continue;
      await db.insert(submissionRevisions).values({
        submissionId: row.id,
        revision: 1,
        values,
        authorId: agencyId === ctx.demoCommune ? ctx.communeOfficer : null,
        savedAt: sentAt,
        submittedAt: sent ? sentAt : null,
        reviewerId: decided ? ctx.provinceOfficer : null,
        reviewedAt: decided ? decidedAt : null,
        reviewOutcome: decided ? state : null,
        reviewComment:
          state === 'returned'
            ? 'Số hồ sơ giải quyết đúng hạn chưa khớp với sổ theo dõi của Bộ phận Một cửa, đề nghị rà soát lại.'
            : null,
      });
      if (state === 'accepted') accepted.push(values);
    }
    if (!settled) continue;
    // The quarter before last: Hà Nội sent the sum up, its leader signed it, the Office accepted it.
    const figure = provinceFigure(fields, accepted, communes.length);
    const sentAt = ctx.notAfterNow(vietnamInstant(deadline, 10));
    const approvedAt = ctx.notAfterNow(new Date(sentAt.getTime() + 3_600_000));
    const acceptedAt = ctx.notAfterNow(new Date(sentAt.getTime() + 24 * 3_600_000));
    const [own] = await db
      .insert(submissions)
      .values({
        templateId: template.id,
        agencyId: ctx.province,
        periodKey: period.key,
        periodEnd: period.end,
        deadline,
        state: 'accepted',
        firstSubmittedAt: sentAt,
        acceptedAt,
        createdAt: sentAt,
        updatedAt: acceptedAt,
      })
      .returning({ id: submissions.id });
    if (!own) continue;
    await db.insert(submissionRevisions).values({
      submissionId: own.id,
      revision: 1,
      values: figure.values,
      coverage: { accepted: figure.accepted, expected: figure.expected, asOf: sentAt.toISOString() },
      authorId: ctx.provinceOfficer,
      savedAt: sentAt,
      submittedAt: sentAt,
      approverId: ctx.provinceLeader,
      approvedAt,
      reviewerId: ctx.officeUser,
      reviewedAt: acceptedAt,
      reviewOutcome: 'accepted',
    });
  }
}
