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

/** The bytes of `UPLOAD_QUOTA_MB_PER_AGENCY` (server/env.ts). */
export function quotaBytes(megabytes: number): number {
  return Math.floor(megabytes * 1024 * 1024);
}

/**
 * An agency keeps at most its quota of evidence stored: every file it holds counts, attached or not
 * (files attached to nothing are deleted after a grace period, `deleteUnattachedEvidence`).
 */
export function fitsUploadQuota(usedBytes: number, size: number, quota: number): boolean {
  return usedBytes + size <= quota;
}
