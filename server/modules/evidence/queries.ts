import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { evidenceFiles, progressUpdates, taskCoordinators, tasks } from '../../db/schema';
import type { Actor } from '../auth/actor';
import type { TaskParties } from '../tasks/policy';

export async function insertEvidenceFile(
  db: Db,
  uploader: Pick<Actor, 'id' | 'agencyId'>,
  file: { name: string; mimeType: string; data: Buffer },
) {
  const [row] = await db
    .insert(evidenceFiles)
    .values({
      name: file.name,
      mimeType: file.mimeType,
      size: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      data: file.data,
      uploadedBy: uploader.id,
      agencyId: uploader.agencyId,
    })
    .returning({
      id: evidenceFiles.id,
      name: evidenceFiles.name,
      size: evidenceFiles.size,
      mimeType: evidenceFiles.mimeType,
    });
  if (!row) throw new Error('insert failed');
  return row;
}

export async function findEvidenceFile(db: Db, id: number) {
  const [file] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id));
  return file ?? null;
}

/** The parties of the task whose progress update cites this file, or null when none does. */
export async function findEvidenceTask(db: Db, fileId: number): Promise<TaskParties | null> {
  const [use] = await db
    .select({ taskId: progressUpdates.taskId, leadAgencyId: tasks.leadAgencyId })
    .from(progressUpdates)
    .innerJoin(tasks, eq(tasks.id, progressUpdates.taskId))
    .where(eq(progressUpdates.evidenceFileId, fileId))
    .limit(1);
  if (!use) return null;
  const coordinators = await db
    .select({ agencyId: taskCoordinators.agencyId })
    .from(taskCoordinators)
    .where(eq(taskCoordinators.taskId, use.taskId));
  return { leadAgencyId: use.leadAgencyId, coordinatorIds: coordinators.map((c) => c.agencyId) };
}
