import { and, desc, eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { workingDaysOverdue } from '../../../shared/escalation';
import type { TaskEscalation } from '../../../shared/schemas/escalation';
import { vietnamDate } from '../../../shared/vietnam-date';
import type { Db } from '../../db/client';
import { escalationSteps, taskEscalations, tasks } from '../../db/schema';
import { canReadExplanation } from '../accountability/policy';
import type { Actor } from '../auth/actor';
import { loadHolidays } from '../holidays/queries';

type Facts = TaskEscalation['facts'];

/**
 * A task's escalation as its page explains it: the level, since when, by which rule and on which
 * figures; the working days overdue today. The level is as public as the task's status; the steps
 * (a request opened, the Office told) are the lead agency's and oversight's, as the requests are.
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
  return {
    level: row?.level ?? null,
    since: row?.since ?? null,
    rule: row?.rule ?? null,
    facts: (row?.facts ?? {}) as Facts,
    workingDaysOverdue:
      red && task.deadline
        ? workingDaysOverdue(task.deadline, vietnamDate(now), await loadHolidays(db))
        : null,
    steps: steps.map((s) => ({ ...s, facts: s.facts as Facts })),
  };
}
