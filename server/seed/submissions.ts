import { eq } from 'drizzle-orm';
import type { Random } from '../../shared/random';
import {
  cutoffMonth,
  parsePeriodKey,
  periodsEndingBetween,
  submissionDeadline,
} from '../../shared/reporting-periods';
import { shiftDate, vietnamInstant } from '../../shared/time';
import { evaluateRules, systemFigure } from '../../shared/validation-rules';
import type { Db } from '../db/client';
import {
  agencies,
  kpiFigures,
  reportTemplates,
  submissionRevisions,
  submissions,
  templateFields,
  users,
} from '../db/schema';
import { isCurrentAgency } from '../modules/agencies/current';
import { loadHolidays } from '../modules/holidays/queries';
import { figureRows } from '../modules/kpis/figures';
import { getMonthlyReport } from '../modules/reports/monthly';
import { DEMO_ACCOUNTS } from './demo-accounts';

/**
 * Reporting history since the Program started: for every obliged agency and every period whose
 * deadline has passed, most reports on time, some late, a few missing; the Office has accepted most,
 * the latest are still with the leader or the Office. KPI figures move towards the targets, each
 * agency at its own pace.
 */
/**
 * KPIs whose figures grow at a fraction of the agency's pace: in every demo history they lag far
 * behind their 2027 target, so the off-track case is always there to be seen and drilled into.
 */
const LAGGING_KPIS = new Map([
  ['DV-02', 0.5],
  ['NL-01', 0.55],
]);

/** What an agency wrote when its figures raised a warning (reviewers read it beside the figures). */
const EXPLANATIONS: Record<string, string> = {
  'source:tasks_overdue':
    'Một nhiệm vụ đã hoàn thành trước ngày chốt số liệu, hồ sơ báo cáo hoàn thành đang chờ Văn phòng Chính phủ xác nhận nên hệ thống vẫn tính là quá hạn.',
  dv_01_change:
    'Trong kỳ, cơ quan rà soát, chuẩn hóa lại danh mục thủ tục hành chính sau sắp xếp đơn vị hành chính nên số thủ tục thay đổi lớn so với kỳ trước.',
};
const DEFAULT_EXPLANATION = 'Số liệu đã được rà soát, đối chiếu với hồ sơ gốc và xác nhận là chính xác.';

/**
 * Each agency's task counts at the period's cut-off, from the monthly monitoring report, for the
 * fields the system prefills. Read as at the last instant of the cut-off day, which is what the
 * frozen report holds, without freezing it here: the first reader freezes it with the same figures.
 */
async function taskCountsAtCutoff(db: Db, periodEnd: string) {
  const lastInstant = new Date(vietnamInstant(shiftDate(periodEnd, 1)).getTime() - 1);
  const report = await getMonthlyReport(db, cutoffMonth({ end: periodEnd }), lastInstant);
  return new Map(report.byAgency.map((r) => [r.agencyId, r]));
}
const NO_TASKS = {
  assigned: 0,
  completedOnTime: 0,
  completedLate: 0,
  inProgress: 0,
  overdue: 0,
  noDeadline: 0,
};

/** The agencies of the named demo accounts (server/seed/demo.ts). */
const DEMO_AGENCIES = new Set(
  DEMO_ACCOUNTS.map((a) => a.agency).filter((name) => name !== 'Văn phòng Chính phủ'),
);

/** The agency leader approves a report an hour after it is sent. */
const APPROVED_AFTER_MS = 3_600_000;

export async function seedSubmissionHistory(
  db: Db,
  random: Random,
  today: string,
  /** Nothing is dated after it: a report due to be sent, approved or accepted later is not yet. */
  now: Date,
): Promise<void> {
  const calendar = await loadHolidays(db);
  const obliged = await db
    .select({ id: agencies.id, level: agencies.level, nameVi: agencies.nameVi })
    .from(agencies)
    .where(isCurrentAgency());
  const staff = await db.select({ id: users.id, role: users.role, agencyId: users.agencyId }).from(users);
  const officerOf = new Map(staff.filter((u) => u.role === 'officer').map((u) => [u.agencyId, u.id]));
  const leaderOf = new Map(staff.filter((u) => u.role === 'leader').map((u) => [u.agencyId, u.id]));
  const office = staff.find((u) => u.role === 'office')?.id ?? null;

  for (const template of await db.select().from(reportTemplates)) {
    const fields = await db.select().from(templateFields).where(eq(templateFields.templateId, template.id));
    const levels = 'levels' in template.obligation ? template.obligation.levels : [];
    const targets = obliged.filter((a) => (levels as string[]).includes(a.level) && officerOf.has(a.id));
    const periods = periodsEndingBetween(template.periodType, parsePeriodKey(template.firstPeriod).end, today)
      .map((p) => ({ ...p, deadline: submissionDeadline(p, template.deadlineRule, calendar) }))
      .filter((p) => p.deadline < today);
    const rows: (typeof submissions.$inferInsert)[] = [];
    const revisionValues: Record<string, number | string | null>[] = [];
    const revisionExplanations: Record<string, string>[] = [];
    const people: {
      author: number;
      leader: number | null;
      state: string;
      submittedAt: Date;
      acceptedAt: Date | null;
    }[] = [];
    const sourced = fields.filter((f) => f.systemSource);
    const countsByPeriod = new Map<string, Awaited<ReturnType<typeof taskCountsAtCutoff>>>();
    if (sourced.length > 0) {
      for (const period of periods) countsByPeriod.set(period.key, await taskCountsAtCutoff(db, period.end));
    }
    for (const agency of targets) {
      const base = random.int(35, 80);
      const pace = random.int(2, 9);
      const diligence = random.next();
      // VH-03's denominator: the agency's reporting regimes, the same from quarter to quarter.
      const regimes = random.int(12, 60);
      /** Denominators move little from one period to the next (staff, procedures, systems). */
      const denominators = new Map<string, number>();
      let lastAccepted: Record<string, number | string | null> | null = null;
      periods.forEach((period, i) => {
        const roll = random.next();
        // The agencies of the named demo accounts report every period, so their pages show a full history.
        const demo = DEMO_AGENCIES.has(agency.nameVi);
        const missing = !demo && roll < 0.04 + (1 - diligence) * 0.08;
        if (missing) return;
        const late = roll < 0.16 + (1 - diligence) * 0.15;
        const submittedOn = late
          ? shiftDate(period.deadline, random.int(1, 12))
          : shiftDate(period.deadline, -random.int(0, 5));
        if (submittedOn > today) return;
        const submittedAt = vietnamInstant(submittedOn, random.int(8, 16));
        const recent = i === periods.length - 1;
        const pending = recent && random.chance(0.3) ? (random.chance(0.5) ? 'submitted' : 'approved') : null;
        // A demo agency's last closed period is accepted too: it is the national value its users look at.
        let state: 'submitted' | 'approved' | 'accepted' = pending && !demo ? pending : 'accepted';
        const values: Record<string, number | string | null> = {};
        const rate = Math.min(100, base + pace * (i + 1)) / 100;
        // The counts the system holds are reported as it holds them.
        const counts = countsByPeriod.get(period.key)?.get(agency.id) ?? NO_TASKS;
        const systemValues: Record<string, number> = {};
        for (const f of sourced)
          if (f.systemSource) systemValues[f.code] = systemFigure(f.systemSource, counts);
        for (const f of fields) {
          if (f.type === 'text') values[f.code] = null;
          else if (f.code in systemValues) values[f.code] = systemValues[f.code] ?? 0;
          else if (f.kpiCode === 'VH-03' && f.kpiRole === 'denominator') values[f.code] = regimes;
          else if (f.kpiRole === 'denominator') {
            const before = denominators.get(f.code);
            const next =
              before === undefined
                ? random.int(40, 400)
                : Math.max(1, Math.round(before * (1 + (random.next() - 0.5) * 0.06)));
            denominators.set(f.code, next);
            values[f.code] = next;
          } else if (f.code === 'data_maturity_level')
            values[f.code] = Math.min(5, 1 + Math.floor(rate * 4 + random.next()));
          else if (f.max === 1) values[f.code] = random.next() < rate ? 1 : 0;
          else values[f.code] = 0;
        }
        // An agency that finished a task the Office has not confirmed yet reports it as not overdue.
        const overdue = values.tasks_overdue;
        if (typeof overdue === 'number' && overdue > 0 && random.chance(0.06))
          values.tasks_overdue = overdue - 1;
        // The template's own comparisons hold between the counts that are not shares.
        for (const rule of template.validationRules) {
          if (rule.kind !== 'compare' || rule.severity !== 'error' || rule.op !== 'lte') continue;
          const left = values[rule.left];
          const right = values[rule.right];
          if (typeof left === 'number' && typeof right === 'number' && left > right)
            values[rule.left] = right;
        }
        for (const f of fields) {
          if (f.kpiRole !== 'numerator') continue;
          const den = fields.find((g) => g.kpiCode === f.kpiCode && g.kpiRole === 'denominator');
          const denominator = Number(den ? values[den.code] : 0);
          const pace = rate * (LAGGING_KPIS.get(f.kpiCode ?? '') ?? 1);
          values[f.code] = Math.min(
            denominator,
            Math.round(denominator * Math.max(0, Math.min(1, pace + (random.next() - 0.5) * 0.1))),
          );
        }
        let acceptedAt =
          state === 'accepted' ? new Date(submittedAt.getTime() + random.int(1, 6) * 86_400_000) : null;
        // Drawn as above whatever the seed's instant, so the rest of the history stays the same.
        if (submittedAt > now) return;
        if (acceptedAt && acceptedAt > now) {
          acceptedAt = null;
          state = 'approved';
        }
        if (state === 'approved' && submittedAt.getTime() + APPROVED_AFTER_MS > now.getTime())
          state = 'submitted';
        // What the rules warn about, the agency explained when it submitted.
        const explanations: Record<string, string> = {};
        for (const issue of evaluateRules(fields, template.validationRules, values, {
          previousValues: lastAccepted,
          systemValues,
        })) {
          if (issue.severity === 'warning')
            explanations[issue.code] = EXPLANATIONS[issue.code] ?? DEFAULT_EXPLANATION;
        }
        if (state === 'accepted') lastAccepted = values;
        rows.push({
          templateId: template.id,
          agencyId: agency.id,
          periodKey: period.key,
          periodEnd: period.end,
          deadline: period.deadline,
          state,
          firstSubmittedAt: submittedAt,
          acceptedAt,
          version: state === 'accepted' ? 4 : state === 'approved' ? 3 : 2,
          createdAt: new Date(submittedAt.getTime() - 86_400_000),
          updatedAt: submittedAt,
        });
        revisionValues.push(values);
        revisionExplanations.push(explanations);
        people.push({
          author: officerOf.get(agency.id) ?? 0,
          leader: leaderOf.get(agency.id) ?? null,
          state,
          submittedAt,
          acceptedAt: rows[rows.length - 1]?.acceptedAt ?? null,
        });
      });
    }
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await db
        .insert(submissions)
        .values(rows.slice(i, i + 500))
        .returning({
          id: submissions.id,
          agencyId: submissions.agencyId,
          periodKey: submissions.periodKey,
          periodEnd: submissions.periodEnd,
          state: submissions.state,
        });
      // The KPI figures of the accepted history, as accepting them would have written them.
      const figures = inserted.flatMap((s, j) =>
        s.state === 'accepted' ? figureRows(s, 1, fields, revisionValues[i + j] ?? {}) : [],
      );
      for (let k = 0; k < figures.length; k += 1000) {
        await db.insert(kpiFigures).values(figures.slice(k, k + 1000));
      }
      await db.insert(submissionRevisions).values(
        inserted.map((s, j) => {
          const p = people[i + j];
          const approved = p && p.state !== 'submitted';
          return {
            submissionId: s.id,
            revision: 1,
            values: revisionValues[i + j] ?? {},
            explanations: revisionExplanations[i + j] ?? {},
            authorId: p?.author ?? null,
            savedAt: p?.submittedAt ?? new Date(),
            submittedAt: p?.submittedAt ?? null,
            approverId: approved ? (p?.leader ?? p?.author ?? null) : null,
            approvedAt: approved && p ? new Date(p.submittedAt.getTime() + APPROVED_AFTER_MS) : null,
            reviewerId: p?.state === 'accepted' ? office : null,
            reviewedAt: p?.state === 'accepted' ? p.acceptedAt : null,
            reviewOutcome: p?.state === 'accepted' ? 'accepted' : null,
          };
        }),
      );
    }
  }
}
