import { and, asc, eq, inArray, lt, notExists, sql } from 'drizzle-orm';
import { type Db, inTransaction } from '../../db/client';
import { evidenceFiles, progressUpdates } from '../../db/schema';
import { type JobDefinition, type JobLog, periodicJob } from '../../jobs/queue';
import { appendAudits } from '../audit/service';

export const EVIDENCE_CLEANUP_BATCH = 200;

/**
 * Deletes the evidence files attached to nothing (no progress update cites them: the only table that
 * refers to `evidence_files`) and uploaded before `now - graceMs`, in batches of `batchSize`, each
 * batch in one transaction with one audit entry per file (`evidence.cleanup`, its name, size, hash,
 * agency and uploader; not its content). Returns the ids deleted.
 *
 * A file being attached is never deleted: a progress write holds its file's row `for key share` until
 * it commits (`saveProgressBatch`), and the delete skips locked rows; one that committed before the
 * delete's snapshot is seen by `not exists`. In the instant between the two, the foreign key refuses
 * the delete of a cited file: the batch is rolled back and run again on a fresh snapshot. Row locks
 * first, the write-order lock last (by the audit append), as every write does: the search, which reads
 * all of `progress_updates`, does not hold up other writers.
 */
export async function deleteUnattachedEvidence(
  db: Db,
  options: { now: Date; graceMs: number; batchSize?: number; signal?: AbortSignal },
): Promise<number[]> {
  const batchSize = options.batchSize ?? EVIDENCE_CLEANUP_BATCH;
  const cutoff = new Date(options.now.getTime() - options.graceMs);
  const deleted: number[] = [];
  let refused = 0;
  while (!options.signal?.aborted) {
    const rows = await deleteBatch(db, cutoff, batchSize).catch((error: unknown) => {
      if (!isForeignKeyViolation(error) || ++refused > FOREIGN_KEY_RETRIES) throw error;
      return null;
    });
    if (rows === null) continue;
    deleted.push(...rows);
    if (rows.length < batchSize) break;
  }
  return deleted;
}

/** Times a batch is run again after the foreign key refused it (a file attached in the meantime). */
const FOREIGN_KEY_RETRIES = 3;

function isForeignKeyViolation(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23503') return true;
  }
  return false;
}

/** One batch and its audit entries, in one transaction; the ids deleted. */
function deleteBatch(db: Db, cutoff: Date, batchSize: number): Promise<number[]> {
  return inTransaction(db, async (tx) => {
    const doomed = tx
      .select({ id: evidenceFiles.id })
      .from(evidenceFiles)
      .where(
        and(
          lt(evidenceFiles.createdAt, cutoff),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(progressUpdates)
              .where(eq(progressUpdates.evidenceFileId, evidenceFiles.id)),
          ),
        ),
      )
      .orderBy(asc(evidenceFiles.id))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    const gone = await tx.delete(evidenceFiles).where(inArray(evidenceFiles.id, doomed)).returning({
      id: evidenceFiles.id,
      name: evidenceFiles.name,
      mimeType: evidenceFiles.mimeType,
      size: evidenceFiles.size,
      sha256: evidenceFiles.sha256,
      agencyId: evidenceFiles.agencyId,
      uploadedBy: evidenceFiles.uploadedBy,
      createdAt: evidenceFiles.createdAt,
    });
    gone.sort((a, b) => a.id - b.id);
    await appendAudits(
      tx,
      gone.map((file) => ({
        actor: null,
        input: { action: 'evidence.cleanup', entityType: 'evidence_file', entityId: file.id, before: file },
      })),
    );
    return gone.map((file) => file.id);
  });
}

/**
 * Deletes the unattached evidence at start and every hour (server/jobs/queue.ts); a shutdown ends the
 * run after its current batch.
 */
export function evidenceCleanupJob(
  db: Db,
  options: { graceMs: number; log?: JobLog | undefined },
): JobDefinition {
  return periodicJob({
    name: 'evidence.cleanup',
    cron: '0 * * * *',
    failure: 'deleting unattached evidence files failed',
    run: async (signal) => {
      const ids = await deleteUnattachedEvidence(db, { now: new Date(), graceMs: options.graceMs, signal });
      if (ids.length) options.log?.info({ count: ids.length }, 'unattached evidence files deleted');
    },
  });
}
