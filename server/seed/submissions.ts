import { eq } from 'drizzle-orm';
import type { Random } from '../../shared/random';
import { parsePeriodKey, periodsEndingBetween, submissionDeadline } from '../../shared/reporting-periods';
import { shiftDate, vietnamInstant } from '../../shared/time';
import type { Db } from '../db/client';
import {
  agencies,
  holidays,
  kpiFigures,
  reportTemplates,
  submissionRevisions,
  submissions,
  templateFields,
  users,
} from '../db/schema';
import { figureRows } from '../modules/kpis/figures';

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

/** The agency leader approves a report an hour after it is sent. */
const APPROVED_AFTER_MS = 3_600_000;

export async function seedSubmissionHistory(
  db: Db,
  random: Random,
  today: string,
  /** Nothing is dated after it: a report due to be sent, approved or accepted later is not yet. */
  now: Date,
): Promise<void> {
  const holidaySet = new Set((await db.select({ date: holidays.date }).from(holidays)).map((h) => h.date));
  const obliged = await db.select({ id: agencies.id, level: agencies.level }).from(agencies);
  const staff = await db.select({ id: users.id, role: users.role, agencyId: users.agencyId }).from(users);
  const officerOf = new Map(staff.filter((u) => u.role === 'officer').map((u) => [u.agencyId, u.id]));
  const leaderOf = new Map(staff.filter((u) => u.role === 'leader').map((u) => [u.agencyId, u.id]));
  const office = staff.find((u) => u.role === 'office')?.id ?? null;

  for (const template of await db.select().from(reportTemplates)) {
    const fields = await db.select().from(templateFields).where(eq(templateFields.templateId, template.id));
    const levels = 'levels' in template.obligation ? template.obligation.levels : [];
    const targets = obliged.filter((a) => (levels as string[]).includes(a.level) && officerOf.has(a.id));
    const periods = periodsEndingBetween(template.periodType, parsePeriodKey(template.firstPeriod).end, today)
      .map((p) => ({ ...p, deadline: submissionDeadline(p, template.deadlineRule, holidaySet) }))
      .filter((p) => p.deadline < today);
    const rows: (typeof submissions.$inferInsert)[] = [];
    const revisionValues: Record<string, number | string | null>[] = [];
    const people: {
      author: number;
      leader: number | null;
      state: string;
      submittedAt: Date;
      acceptedAt: Date | null;
    }[] = [];
    for (const agency of targets) {
      const base = random.int(35, 80);
      const pace = random.int(2, 9);
      const diligence = random.next();
      periods.forEach((period, i) => {
        const roll = random.next();
        const missing = roll < 0.04 + (1 - diligence) * 0.08;
        if (missing) return;
        const late = roll < 0.16 + (1 - diligence) * 0.15;
        const submittedOn = late
          ? shiftDate(period.deadline, random.int(1, 12))
          : shiftDate(period.deadline, -random.int(0, 5));
        if (submittedOn > today) return;
        const submittedAt = vietnamInstant(submittedOn, random.int(8, 16));
        const recent = i === periods.length - 1;
        let state: 'submitted' | 'approved' | 'accepted' =
          recent && random.chance(0.3) ? (random.chance(0.5) ? 'submitted' : 'approved') : 'accepted';
        const values: Record<string, number | string | null> = {};
        const rate = Math.min(100, base + pace * (i + 1)) / 100;
        for (const f of fields) {
          if (f.type === 'text') values[f.code] = null;
          else if (f.kpiRole === 'denominator') values[f.code] = random.int(40, 400);
          else if (f.code === 'tasks_assigned') values[f.code] = 10 + i * random.int(1, 3);
          else if (f.code === 'tasks_completed') values[f.code] = Math.round((10 + i) * rate * 0.8);
          else if (f.code === 'tasks_overdue') values[f.code] = random.int(0, 3);
          else if (f.code === 'data_maturity_level')
            values[f.code] = Math.min(5, 1 + Math.floor(rate * 4 + random.next()));
          else if (f.max === 1) values[f.code] = random.next() < rate ? 1 : 0;
          else values[f.code] = 0;
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
