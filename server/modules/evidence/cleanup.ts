import { and, asc, eq, inArray, lt, notExists, sql } from 'drizzle-orm';
import { type Db, inTransaction } from '../../db/client';
import { WRITE_ORDER_LOCK } from '../../db/group-commit';
import { evidenceFiles, progressUpdates } from '../../db/schema';
import { appendAudits } from '../audit/service';

export const EVIDENCE_CLEANUP_INTERVAL_MS = 60 * 60_000;
export const EVIDENCE_CLEANUP_BATCH = 200;

/**
 * Deletes the evidence files attached to nothing (no progress update cites them: the only table that
 * refers to `evidence_files`) and uploaded before `now - graceMs`, in batches of `batchSize`, each
 * batch in one transaction with one audit entry per file (`evidence.cleanup`, its name, size, hash,
 * agency and uploader; not its content). Returns the ids deleted.
 *
 * A file being attached is never deleted: the batch first takes the write-order lock, which every
 * progress write holds until its commit, so every attachment committed before is seen; a progress
 * write still running holds a lock on its file's row (`saveProgressBatch` reads files `for key
 * share`), and the delete skips locked rows. Behind both, the foreign key refuses the delete of a
 * cited file (the batch then fails whole and the next run retries). Taking the write-order lock
 * first is deadlock-free here because the delete never waits for a row (`skip locked`).
 */
export async function deleteUnattachedEvidence(
  db: Db,
  options: { now: Date; graceMs: number; batchSize?: number; signal?: AbortSignal },
): Promise<number[]> {
  const batchSize = options.batchSize ?? EVIDENCE_CLEANUP_BATCH;
  const cutoff = new Date(options.now.getTime() - options.graceMs);
  const deleted: number[] = [];
  while (!options.signal?.aborted) {
    const rows = await inTransaction(db, async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${WRITE_ORDER_LOCK})`);
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
      return gone;
    });
    deleted.push(...rows.map((r) => r.id));
    if (rows.length < batchSize) break;
  }
  return deleted;
}

export interface EvidenceCleanupLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface EvidenceCleanupJob {
  /** Resolves when the run in progress, if any, has ended. */
  settled(): Promise<void>;
  /** Ends the run in progress after its current batch; no run starts afterwards. */
  stop(): Promise<void>;
}

/**
 * The cleanup job of the server process (server/main.ts), on the freeze job's pattern: a run at once,
 * then one every `intervalMs` (a run still going is not doubled); its timer does not keep the process
 * alive. Several processes may run it together: each batch skips the rows another one has locked.
 */
export function startEvidenceCleanupJob(
  db: Db,
  options: { graceMs: number; intervalMs?: number; log?: EvidenceCleanupLog },
): EvidenceCleanupJob {
  const controller = new AbortController();
  let running: Promise<void> | null = null;
  const run = () => {
    if (running || controller.signal.aborted) return;
    running = deleteUnattachedEvidence(db, {
      now: new Date(),
      graceMs: options.graceMs,
      signal: controller.signal,
    })
      .then(
        (ids) => {
          if (ids.length) options.log?.info({ count: ids.length }, 'unattached evidence files deleted');
        },
        (err: unknown) => options.log?.error({ err }, 'deleting unattached evidence files failed'),
      )
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? EVIDENCE_CLEANUP_INTERVAL_MS);
  timer.unref();
  return {
    async settled() {
      await running;
    },
    async stop() {
      controller.abort();
      clearInterval(timer);
      await running;
    },
  };
}
