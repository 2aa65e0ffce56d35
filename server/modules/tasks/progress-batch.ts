import { and, inArray, sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { AppError } from '../../../shared/errors';
import { type PostProgressInput, postProgressInput } from '../../../shared/schemas/tasks';
import type { Db } from '../../db/client';
import { BatchQueue, groupCommit, MAX_BATCH, together } from '../../db/group-commit';
import { evidenceFiles, progressUpdates, tasks } from '../../db/schema';
import { type AuditInput, appendAudits } from '../audit/service';
import type { Actor } from '../auth/actor';
import { type ChangeInput, recordChanges } from '../live/record';
import {
  assertOpen,
  assertOwnFile,
  lockTasks,
  progressAudit,
  progressChange,
  progressKind,
  progressRow,
  saveProgress,
} from './service';

/**
 * Progress updates, the most frequent write, saved a batch at a time with set-based statements
 * (docs/decisions/0006-group-commit.md). Updates arriving while a batch runs wait for the next one; a
 * batch is one transaction whose statements serve all its updates at once:
 *
 *   1. the idempotency keys already saved (a retry is answered with the first record, even if the
 *      task has closed since), beside the tasks, locked in id order with their coordinators, and the
 *      evidence files named;
 *   2. each update checked on its own (rights, task open, file its author's): a refusal is its own;
 *   3. the accepted rows in one insert, in arrival order;
 *   4. the tasks' latest percent in one update, the audit entries chained in one insert and the
 *      change events in one insert with one NOTIFY, sent together.
 *
 * So a batch costs about seven statements whatever its size, where updates in savepoints cost six
 * each. Rows are locked before the write-order lock, as a standalone write does: no deadlock. If a
 * statement fails (none should: every rule is checked in step 2), or the commit does, nothing of the
 * batch was saved, and each update is run again alone through the savepoint path (`saveProgress` in
 * `groupCommit`), where a failure stays its own; retrying is safe (idempotency keys).
 */
export type ProgressInput = ReturnType<typeof postProgressInput.parse>;
export interface ProgressResult {
  id: number;
  duplicate: boolean;
}

interface Pending {
  actor: Actor;
  p: ProgressInput;
  resolve: (result: ProgressResult) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: ProgressResult } | { error: unknown };

export class ProgressBatches extends BatchQueue<Pending> {
  /** Counters for diagnostics and tests. */
  readonly stats = { batches: 0, writes: 0, fallbacks: 0 };

  constructor(private readonly db: Db) {
    super();
  }

  post(actor: Actor, p: ProgressInput): Promise<ProgressResult> {
    return new Promise((resolve, reject) => this.enqueue({ actor, p, resolve, reject }));
  }

  protected async runBatch(): Promise<void> {
    let batch: Pending[] = [];
    let outcomes: Outcome[] = [];
    try {
      await this.db.transaction(async (tx) => {
        // Taken once the transaction has begun: updates that arrived during BEGIN ride along.
        batch = this.queue.splice(0, MAX_BATCH);
        outcomes = await saveProgressBatch(tx as unknown as Db, batch);
      });
    } catch {
      if (batch.length === 0) batch = this.queue.splice(0, MAX_BATCH);
      this.stats.fallbacks++;
      await Promise.all(
        batch.map(({ actor, p, resolve, reject }) =>
          groupCommit(this.db, (tx) => saveProgress(tx, actor, p)).then(resolve, reject),
        ),
      );
      return;
    }
    this.stats.batches++;
    this.stats.writes += batch.length;
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome && 'ok' in outcome) pending.resolve(outcome.ok);
      else pending.reject(outcome?.error ?? new AppError('INTERNAL'));
    });
  }
}

/**
 * Appends a progress update (lead agency) or contribution (coordinating agency). The idempotency key
 * makes a double click or a retried request one record: the second call returns the first record.
 */
export function postProgress(db: Db, actor: Actor, input: PostProgressInput): Promise<ProgressResult> {
  return progressBatchesFor(db).post(actor, postProgressInput.parse(input));
}

const batchers = new WeakMap<Db, ProgressBatches>();

/** This process's progress batches on `db` (one per database object). */
export function progressBatchesFor(db: Db): ProgressBatches {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new ProgressBatches(db);
    batchers.set(db, batcher);
  }
  return batcher;
}

const keyOf = (authorId: number, key: string) => `${authorId}\u0000${key}`;

/** One batch's statements (see above), in its transaction; an outcome per update, in order. */
export async function saveProgressBatch(tx: Db, batch: readonly Pending[]): Promise<Outcome[]> {
  const taskIds = [...new Set(batch.map((b) => b.p.taskId))];
  const fileIds = [...new Set(batch.flatMap((b) => (b.p.evidenceFileId ? [b.p.evidenceFileId] : [])))];
  const [saved, locked, files] = await Promise.all([
    tx
      .select({
        id: progressUpdates.id,
        authorId: progressUpdates.authorId,
        key: progressUpdates.idempotencyKey,
      })
      .from(progressUpdates)
      .where(
        and(
          inArray(progressUpdates.authorId, [...new Set(batch.map((b) => b.actor.id))]),
          inArray(progressUpdates.idempotencyKey, [...new Set(batch.map((b) => b.p.idempotencyKey))]),
        ),
      ),
    lockTasks(tx, taskIds),
    fileIds.length
      ? tx
          .select({ id: evidenceFiles.id, uploadedBy: evidenceFiles.uploadedBy })
          .from(evidenceFiles)
          .where(inArray(evidenceFiles.id, fileIds))
      : Promise.resolve([]),
  ]);
  const savedIds = new Map(saved.map((r) => [keyOf(r.authorId, r.key ?? ''), r.id]));
  const taskById = new Map(locked.map((t) => [t.id, t]));
  const uploader = new Map(files.map((f) => [f.id, f.uploadedBy]));

  // Step 2: each update on its own. `outcomes[i]` is its answer, the row it inserts, or the earlier update of this
  // batch with the same key (a double click that arrived twice at once: answered with the first).
  const outcomes: (Outcome | { sameAs: number } | { insert: number })[] = [];
  const firstOfKey = new Map<string, number>();
  const rows: PgInsertValue<typeof progressUpdates>[] = [];
  for (const [i, { actor, p }] of batch.entries()) {
    const key = keyOf(actor.id, p.idempotencyKey);
    const savedId = savedIds.get(key);
    const first = firstOfKey.get(key);
    if (savedId !== undefined) {
      outcomes.push({ ok: { id: savedId, duplicate: true } });
      continue;
    }
    if (first !== undefined) {
      outcomes.push({ sameAs: first });
      continue;
    }
    try {
      const task = taskById.get(p.taskId);
      if (!task) throw new AppError('NOT_FOUND');
      const kind = progressKind(actor, task);
      assertOpen(task);
      if (p.evidenceFileId) assertOwnFile(actor, uploader.get(p.evidenceFileId));
      firstOfKey.set(key, i);
      outcomes.push({ insert: rows.length });
      rows.push(progressRow(actor, task, kind, p));
    } catch (error) {
      outcomes.push({ error });
    }
  }

  // Step 3. A key saved meanwhile by another process makes the insert fail (no ON CONFLICT here, so
  // that returned rows match `rows` one to one): the batch then falls back to one update at a time.
  const inserted = rows.length ? await tx.insert(progressUpdates).values(rows).returning() : [];
  if (inserted.length !== rows.length) throw new AppError('INTERNAL');

  // Step 4.
  const latest = new Map<number, { percent: number; at: Date }>();
  const audits: { actor: Actor; input: AuditInput }[] = [];
  const changes: ChangeInput[] = [];
  for (const [i, outcome] of outcomes.entries()) {
    if (!('insert' in outcome)) continue;
    const row = inserted[outcome.insert];
    const pending = batch[i];
    const task = row && taskById.get(row.taskId);
    if (!row || !pending || !task) throw new AppError('INTERNAL');
    if (row.kind === 'progress') latest.set(task.id, { percent: row.percent, at: row.createdAt });
    audits.push({ actor: pending.actor, input: progressAudit(task, row) });
    changes.push(progressChange(task, pending.actor, row));
  }
  const updates = [...latest];
  await together(
    updates.length
      ? tx.execute(sql`update ${tasks}
          set ${sql.identifier(tasks.latestPercent.name)} = v.percent,
            ${sql.identifier(tasks.lastLeadUpdateAt.name)} = v.at, ${sql.identifier(tasks.updatedAt.name)} = v.at
          from (values ${sql.join(
            updates.map(
              ([id, u]) => sql`(${id}::integer, ${u.percent}::integer, ${u.at.toISOString()}::timestamptz)`,
            ),
            sql`, `,
          )}) as v(id, percent, at)
          where ${tasks.id} = v.id`)
      : undefined,
    appendAudits(tx, audits),
    recordChanges(tx, changes),
  );

  return outcomes.map((outcome) => {
    if ('insert' in outcome) {
      const row = inserted[outcome.insert];
      return row ? { ok: { id: row.id, duplicate: false } } : { error: new AppError('INTERNAL') };
    }
    if ('sameAs' in outcome) {
      const first = outcomes[outcome.sameAs];
      const row = first && 'insert' in first ? inserted[first.insert] : undefined;
      return row ? { ok: { id: row.id, duplicate: true } } : { error: new AppError('INTERNAL') };
    }
    return outcome;
  });
}
