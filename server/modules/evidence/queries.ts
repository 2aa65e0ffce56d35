import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { type Db, inTransaction } from '../../db/client';
import { evidenceFiles, progressUpdates } from '../../db/schema';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import { findTaskParties } from '../tasks/parties';
import type { TaskParties } from '../tasks/policy';
import { fitsUploadQuota } from './policy';

/** Advisory lock class of the upload quota; the second key is the agency (one lock per agency). */
const UPLOAD_QUOTA_LOCK = 2629_0013;

export type StoreEvidenceOutcome =
  | { stored: { id: number; name: string; size: number; mimeType: string } }
  | { overQuota: { usedBytes: number; quotaBytes: number } };

/**
 * Stores an uploaded file for the uploader's agency, unless it would take the agency's stored total past
 * `quotaBytes`, and audits the upload (without the content). The agency's lock is held until commit, so
 * two uploads of one agency are summed one after the other and cannot both pass the last free bytes.
 */
export async function storeEvidenceFile(
  db: Db,
  uploader: Actor,
  file: { name: string; mimeType: string; data: Buffer },
  quotaBytes: number,
): Promise<StoreEvidenceOutcome> {
  const size = file.data.length;
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${UPLOAD_QUOTA_LOCK}::int, ${uploader.agencyId}::int)`);
    const usedBytes = await agencyEvidenceBytes(tx, uploader.agencyId);
    if (!fitsUploadQuota(usedBytes, size, quotaBytes)) return { overQuota: { usedBytes, quotaBytes } };
    const [row] = await tx
      .insert(evidenceFiles)
      .values({
        name: file.name,
        mimeType: file.mimeType,
        size,
        sha256,
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
    await appendAudit(tx, uploader, {
      action: 'evidence.upload',
      entityType: 'evidence_file',
      entityId: row.id,
      after: { name: row.name, mimeType: row.mimeType, size, sha256, agencyId: uploader.agencyId },
    });
    return { stored: row };
  });
}

/** The bytes of evidence an agency has stored, attached or not. */
export async function agencyEvidenceBytes(db: Db, agencyId: number): Promise<number> {
  const [row] = await db
    .select({ bytes: sql<number>`coalesce(sum(${evidenceFiles.size}), 0)`.mapWith(Number) })
    .from(evidenceFiles)
    .where(eq(evidenceFiles.agencyId, agencyId));
  return row?.bytes ?? 0;
}

export async function findEvidenceFile(db: Db, id: number) {
  const [file] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id));
  return file ?? null;
}

/** The parties of the task whose progress update cites this file, or null when none does. */
export async function findEvidenceTask(db: Db, fileId: number): Promise<TaskParties | null> {
  const [use] = await db
    .select({ taskId: progressUpdates.taskId })
    .from(progressUpdates)
    .where(eq(progressUpdates.evidenceFileId, fileId))
    .limit(1);
  if (!use) return null;
  return findTaskParties(db, use.taskId);
}
