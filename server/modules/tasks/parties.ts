import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies, taskCoordinators, tasks } from '../../db/schema';
import type { TaskParties } from './policy';

/** A task's parties as the policy reads them (`canReadTaskDetails`), in one statement; null: no such task. */
export async function findTaskParties(db: Db, taskId: number): Promise<TaskParties | null> {
  const [row] = await db
    .select({
      leadAgencyId: tasks.leadAgencyId,
      issuerAgencyId: tasks.issuerAgencyId,
      leadParentId: agencies.parentId,
      coordinatorIds: sql<
        number[]
      >`array(select ${taskCoordinators.agencyId} from ${taskCoordinators} where ${taskCoordinators.taskId} = ${tasks.id})`,
    })
    .from(tasks)
    .innerJoin(agencies, eq(agencies.id, tasks.leadAgencyId))
    .where(eq(tasks.id, taskId));
  return row ?? null;
}
