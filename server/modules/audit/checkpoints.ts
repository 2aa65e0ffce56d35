import { sign, verify } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { asc, count, desc, gt, sql } from 'drizzle-orm';
import { type AuditCheckpoint, auditCheckpointLine } from '../../../shared/schemas/audit';
import { type Db, inTransaction } from '../../db/client';
import { WRITE_ORDER_LOCK } from '../../db/group-commit';
import { auditCheckpoints, auditLog } from '../../db/schema';
import { everyMinutesCron, type JobDefinition, type JobLog, periodicJob } from '../../jobs/queue';
import type { AuditKeys } from './keys';

export const CHECKPOINT_FORMAT = 'dgm-audit-checkpoint v1';

/** The text a checkpoint's signature covers: what an inspector re-signs-checks with the public key alone. */
export function checkpointText(
  c: Pick<AuditCheckpoint, 'entryCount' | 'headId' | 'headHash' | 'at'>,
): string {
  return `${CHECKPOINT_FORMAT}\n${c.entryCount}\n${c.headId}\n${c.headHash}\n${c.at.toISOString()}`;
}

export function signCheckpoint(keys: AuditKeys, c: Parameters<typeof checkpointText>[0]): string {
  return sign(null, Buffer.from(checkpointText(c)), keys.signing).toString('base64');
}

/** Signed by this server's key, over exactly these fields. */
export function checkpointSigned(keys: AuditKeys, c: AuditCheckpoint): boolean {
  if (c.keyId !== keys.keyId) return false;
  try {
    return verify(null, Buffer.from(checkpointText(c)), keys.verifying, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

const checkpointColumns = {
  id: auditCheckpoints.id,
  at: auditCheckpoints.at,
  entryCount: auditCheckpoints.entryCount,
  headId: auditCheckpoints.headId,
  headHash: auditCheckpoints.headHash,
  keyId: auditCheckpoints.keyId,
  signature: auditCheckpoints.signature,
};

/**
 * Signs the chain's head if it has grown since the last checkpoint; returns the new checkpoint, or null.
 * Under the lock appends take, so the head read is the last committed entry and no entry below it is
 * still on its way; two processes doing this at once write one checkpoint.
 */
export async function writeCheckpoint(
  db: Db,
  keys: AuditKeys,
  now = new Date(),
): Promise<AuditCheckpoint | null> {
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${WRITE_ORDER_LOCK})`);
    const [head] = await tx
      .select({ id: auditLog.id, hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.id))
      .limit(1);
    if (!head) return null;
    const [last] = await tx
      .select({ headId: auditCheckpoints.headId, entryCount: auditCheckpoints.entryCount })
      .from(auditCheckpoints)
      .orderBy(desc(auditCheckpoints.id))
      .limit(1);
    if (last && last.headId >= head.id) return null;
    // Counted from the last checkpoint on, not over the whole table (a million rows) every time.
    const [since] = await tx
      .select({ n: count() })
      .from(auditLog)
      .where(gt(auditLog.id, last?.headId ?? 0));
    const fields = {
      at: new Date(Math.floor(now.getTime())),
      entryCount: (last?.entryCount ?? 0) + (since?.n ?? 0),
      headId: head.id,
      headHash: head.hash,
    };
    const [row] = await tx
      .insert(auditCheckpoints)
      .values({ ...fields, keyId: keys.keyId, signature: signCheckpoint(keys, fields) })
      .returning(checkpointColumns);
    return row ?? null;
  });
}

/** Every checkpoint in the database, oldest first. */
export function findCheckpoints(db: Db): Promise<AuditCheckpoint[]> {
  return db.select(checkpointColumns).from(auditCheckpoints).orderBy(asc(auditCheckpoints.id));
}

/** The newest checkpoints and how many there are. */
export async function findRecentCheckpoints(db: Db, limit = 50) {
  const [items, [total]] = await Promise.all([
    db.select(checkpointColumns).from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(limit),
    db.select({ n: count() }).from(auditCheckpoints),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** One checkpoint as a line of the JSON-lines file and of the export. */
export function checkpointLine(c: AuditCheckpoint): string {
  return `${JSON.stringify({ ...c, at: c.at.toISOString() })}\n`;
}

/** Appends a checkpoint to the file kept outside the database (mode 0600). */
export function appendCheckpointFile(file: string, c: AuditCheckpoint): void {
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, checkpointLine(c), { mode: 0o600 });
}

/**
 * Checkpoints kept outside the database (the JSON-lines file, or a list an inspector kept), or null when
 * the file does not exist. A line that is not a checkpoint is returned as null (verification reports
 * it); a last line without its newline was cut by a crash while being written and is left out.
 */
export function parseCheckpointLines(text: string): (AuditCheckpoint | null)[] {
  const lines = text.split('\n');
  if (!text.endsWith('\n')) lines.pop();
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        const parsed = auditCheckpointLine.safeParse(JSON.parse(line));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    });
}

export function readCheckpointFile(file: string | null): (AuditCheckpoint | null)[] | null {
  if (!file || !existsSync(file)) return null;
  return parseCheckpointLines(readFileSync(file, 'utf8'));
}

/**
 * The checkpoint job (server/jobs/queue.ts), every `everyMinutes` and at start, where it signs the
 * entries written since the last checkpoint (e.g. before a restart). Each new checkpoint is also
 * appended to `file`, by the process that signed it.
 */
export function checkpointJob(
  db: Db,
  options: { keys: AuditKeys; file: string | null; everyMinutes: number; log?: JobLog | undefined },
): JobDefinition {
  return periodicJob({
    name: 'audit.checkpoint',
    cron: everyMinutesCron(options.everyMinutes),
    failure: 'signing an audit checkpoint failed',
    run: async () => {
      const checkpoint = await writeCheckpoint(db, options.keys);
      if (!checkpoint) return;
      try {
        if (options.file) appendCheckpointFile(options.file, checkpoint);
      } catch (err) {
        options.log?.error({ err }, 'writing the audit checkpoint file failed');
        return;
      }
      options.log?.info(
        { id: checkpoint.id, entryCount: checkpoint.entryCount, headId: checkpoint.headId },
        'audit checkpoint signed',
      );
    },
  });
}
