import type { Actor } from '../auth/actor';
import { canReadTaskDetails, type TaskParties } from '../tasks/policy';

/** Evidence is attached to progress updates, which agency officers post (`tasks.postProgress`). */
export function canUploadEvidence(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'officer';
}

/** Its uploader, and whoever may read the details of the task whose progress cites it. */
export function canReadEvidence(
  actor: Pick<Actor, 'id' | 'role' | 'agencyId'>,
  file: { uploadedBy: number },
  task: TaskParties | null,
): boolean {
  return file.uploadedBy === actor.id || (task !== null && canReadTaskDetails(actor, task));
}
