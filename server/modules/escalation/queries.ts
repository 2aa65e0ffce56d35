import { and, desc, eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { workingDaysOverdue } from '../../../shared/escalation';
import type { ReportObligationInput } from '../../../shared/schemas/accountability';
import type { ReportEscalation, TaskEscalation } from '../../../shared/schemas/escalation';
import { vietnamDate } from '../../../shared/vietnam-date';
import type { Db } from '../../db/client';
import { escalationSteps, reportEscalationSteps, taskEscalations, tasks } from '../../db/schema';
import { canReadExplanation } from '../accountability/policy';
import type { Actor } from '../auth/actor';
import { loadHolidays } from '../holidays/queries';
import { findTaskParties } from '../tasks/parties';
import { canReadTaskDetails } from '../tasks/policy';

type Facts = TaskEscalation['facts'];

/**
 * A task's escalation as its page explains it: the level, since when, by which rule and on which
 * figures; the working days overdue today. The level is as public as the task's status; the steps
 * (a request opened, the Office told) are the lead agency's and oversight's, as the requests are; the
 * forecast a `likely_late` level rests on is for those who may read the task's progress (ADR 0025): the
 * others read the level and its deadline only.
 */
export async function findTaskEscalation(
  db: Db,
  actor: Actor,
  taskId: number,
  now = new Date(),
): Promise<TaskEscalation> {
  const [task] = await db
    .select({ leadAgencyId: tasks.leadAgencyId, deadline: tasks.deadline })
    .from(tasks)
    .where(eq(tasks.id, taskId));
  if (!task) throw new AppError('NOT_FOUND');
  const [[row], steps] = await Promise.all([
    db.select().from(taskEscalations).where(eq(taskEscalations.taskId, taskId)),
    canReadExplanation(actor, { agencyId: task.leadAgencyId })
      ? db
          .select({
            kind: escalationSteps.kind,
            deadline: escalationSteps.deadline,
            takenAt: escalationSteps.takenAt,
            facts: escalationSteps.facts,
          })
          .from(escalationSteps)
          .where(and(eq(escalationSteps.taskId, taskId)))
          .orderBy(desc(escalationSteps.takenAt))
          .limit(20)
      : [],
  ]);
  const red = row?.level === 'red' && task.deadline;
  let facts = (row?.facts ?? {}) as Facts;
  if (row?.rule === 'likely_late') {
    const parties = await findTaskParties(db, taskId);
    if (!parties || !canReadTaskDetails(actor, parties)) facts = { deadline: facts.deadline ?? null };
  }
  return {
    level: row?.level ?? null,
    since: row?.since ?? null,
    rule: row?.rule ?? null,
    facts,
    workingDaysOverdue:
      red && task.deadline
        ? workingDaysOverdue(task.deadline, vietnamDate(now), await loadHolidays(db))
        : null,
    steps: steps.map((s) => ({ ...s, facts: s.facts as Facts })),
  };
}

/**
 * The steps the rules took on one agency's report of a period (the compliance page's opened cell): for
 * oversight and that agency, as its requests are (NOT_FOUND to anyone else, as `accountability.forReport`).
 */
export async function findReportEscalation(
  db: Db,
  actor: Actor,
  key: ReportObligationInput,
): Promise<ReportEscalation> {
  if (!canReadExplanation(actor, { agencyId: key.agencyId })) throw new AppError('NOT_FOUND');
  const steps = await db
    .select({
      kind: reportEscalationSteps.kind,
      deadline: reportEscalationSteps.deadline,
      takenAt: reportEscalationSteps.takenAt,
      facts: reportEscalationSteps.facts,
    })
    .from(reportEscalationSteps)
    .where(
      and(
        eq(reportEscalationSteps.templateId, key.templateId),
        eq(reportEscalationSteps.agencyId, key.agencyId),
        eq(reportEscalationSteps.periodKey, key.periodKey),
      ),
    )
    .orderBy(desc(reportEscalationSteps.takenAt));
  return { steps: steps.map((s) => ({ ...s, facts: s.facts as Facts })) };
}
