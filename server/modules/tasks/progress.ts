import { and, inArray, sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { AppError } from '../../../shared/errors';
import type { PostProgress } from '../../../shared/schemas/tasks';
import type { Db } from '../../db/client';
import { BatchQueue, groupCommit, MAX_BATCH, together } from '../../db/group-commit';
import { evidenceFiles, progressUpdates, tasks } from '../../db/schema';
import { type AuditInput, appendAudits } from '../audit/service';
import type { Actor } from '../auth/actor';
import { type ChangeInput, recordChanges } from '../live/record';
import { assertTaskAction } from './policy';
import { type LockedTask, lockTasks, parentChange, taskChange } from './write-steps';

/**
 * Progress updates (the lead agency) and contributions (a coordinating agency), the most frequent
 * write. There is one way to save them, `saveProgressBatch`: a batch of updates in one transaction,
 * with set-based statements serving all of them at once (docs/decisions/0006-group-commit.md):
 *
 *   1. the idempotency keys already saved (a retry is answered with the first record, even if the
 *      task has closed since), beside the tasks, locked in id order with their parties and state, and
 *      the evidence files named;
 *   2. each update checked on its own (the task policy, the file its author's): a refusal is its own;
 *   3. the accepted rows in one insert, in arrival order;
 *   4. the tasks' latest percent in one update, the audit entries chained in one insert and the
 *      change events in one insert with one NOTIFY, sent together.
 *
 * So a batch costs about seven statements whatever its size. Updates arriving while a batch runs wait
 * for the next one (`ProgressBatches`). Rows are locked before the write-order lock, as every task
 * write does: no deadlock. If a statement or the commit fails, nothing of the batch was saved, and
 * each update runs again alone, as a batch of one in a savepoint (`saveProgress` in `groupCommit`),
 * where a failure stays its own; retrying is safe (idempotency keys).
 */
export interface ProgressResult {
  id: number;
  duplicate: boolean;
}

interface ProgressWrite {
  actor: Actor;
  p: PostProgress;
}

interface Pending extends ProgressWrite {
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

  post(actor: Actor, p: PostProgress): Promise<ProgressResult> {
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
 * Appends a progress update or contribution (the procedure has checked the input). The idempotency
 * key makes a double click or a retried request one record: the second call returns the first record.
 */
export function postProgress(db: Db, actor: Actor, p: PostProgress): Promise<ProgressResult> {
  return progressBatchesFor(db).post(actor, p);
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

/** One update in the transaction or savepoint it is given: a batch of one. */
export async function saveProgress(tx: Db, actor: Actor, p: PostProgress): Promise<ProgressResult> {
  const [outcome] = await saveProgressBatch(tx, [{ actor, p }]);
  if (!outcome) throw new AppError('INTERNAL');
  if ('error' in outcome) throw outcome.error;
  return outcome.ok;
}

/** The lead agency posts progress, a coordinating agency a contribution; the policy decides the rest. */
function checkProgress(actor: Actor, task: LockedTask) {
  const kind = actor.agencyId === task.leadAgencyId ? 'progress' : 'contribution';
  assertTaskAction(actor, task, kind === 'progress' ? 'postProgress' : 'postContribution');
  return kind;
}

const keyOf = (authorId: number, key: string) => `${authorId}\u0000${key}`;

/** One batch's statements (see above), in its transaction; an outcome per update, in order. */
export async function saveProgressBatch(tx: Db, batch: readonly ProgressWrite[]): Promise<Outcome[]> {
  const taskIds = [...new Set(batch.map((b) => b.p.taskId))];
  const fileIds = [...new Set(batch.flatMap((b) => (b.p.evidenceFileId ? [b.p.evidenceFileId] : [])))];
  const [savedIds, locked, files] = await Promise.all([
    savedKeys(tx, batch),
    lockTasks(tx, taskIds),
    fileIds.length
      ? tx
          .select({ id: evidenceFiles.id, uploadedBy: evidenceFiles.uploadedBy })
          .from(evidenceFiles)
          .where(inArray(evidenceFiles.id, fileIds))
          // Held to commit: the cleanup of unattached files skips a file being attached.
          .for('key share')
      : Promise.resolve([]),
  ]);
  const taskById = new Map(locked.map((t) => [t.id, t]));
  const uploader = new Map(files.map((f) => [f.id, f.uploadedBy]));

  // Step 2: each update on its own. `outcomes[i]` is its answer, the row it inserts, or the earlier update of this
  // batch with the same key (a double click that arrived twice at once: answered with the first).
  const outcomes: (Outcome | { sameAs: number } | { insert: string })[] = [];
  const firstOfKey = new Map<string, number>();
  const rows: PgInsertValue<typeof progressUpdates>[] = [];
  for (const [i, { actor, p }] of batch.entries()) {
    const key = keyOf(actor.id, p.idempotencyKey);
    const saved = savedIds.get(key);
    const first = firstOfKey.get(key);
    // A retry gets the first answer; the same key sent with other content is refused, not ignored.
    if (saved !== undefined) {
      outcomes.push(
        sameProgress(saved, p) ? { ok: { id: saved.id, duplicate: true } } : { error: keyReused() },
      );
      continue;
    }
    if (first !== undefined) {
      const original = batch[first]?.p;
      outcomes.push(
        original &&
          original.taskId === p.taskId &&
          original.percent === p.percent &&
          original.narrative === p.narrative
          ? { sameAs: first }
          : { error: keyReused() },
      );
      continue;
    }
    try {
      const task = taskById.get(p.taskId);
      if (!task) throw new AppError('NOT_FOUND');
      const kind = checkProgress(actor, task);
      // Evidence attached to an update must be a file its author uploaded.
      if (p.evidenceFileId && uploader.get(p.evidenceFileId) !== actor.id)
        throw new AppError('VALIDATION', 'unknownFile', { field: 'evidenceFileId' });
      firstOfKey.set(key, i);
      outcomes.push({ insert: key });
      rows.push({
        taskId: task.id,
        agencyId: actor.agencyId,
        authorId: actor.id,
        kind,
        percent: p.percent,
        narrative: p.narrative,
        evidenceUrl: p.evidenceUrl,
        evidenceFileId: p.evidenceFileId,
        idempotencyKey: p.idempotencyKey,
        // The moment of this write, not its transaction's start (now()): updates keep their order.
        createdAt: sql`clock_timestamp()`,
      });
    } catch (error) {
      outcomes.push({ error });
    }
  }

  // Step 3. A key another transaction saved since step 1 (the same update sent twice, to two
  // processes) inserts nothing: that update is answered with the record saved first.
  const inserted = rows.length
    ? await tx
        .insert(progressUpdates)
        .values(rows)
        .onConflictDoNothing({ target: [progressUpdates.authorId, progressUpdates.idempotencyKey] })
        .returning()
    : [];
  const insertedByKey = new Map(inserted.map((r) => [keyOf(r.authorId, r.idempotencyKey ?? ''), r]));
  const savedMeanwhile =
    inserted.length < rows.length
      ? await savedKeys(
          tx,
          batch.filter((_, i) => {
            const outcome = outcomes[i];
            return outcome && 'insert' in outcome && !insertedByKey.has(outcome.insert);
          }),
        )
      : new Map<string, SavedProgress>();

  // Step 4.
  const latest = new Map<number, { percent: number; at: Date }>();
  const audits: { actor: Actor; input: AuditInput }[] = [];
  const changes: ChangeInput[] = [];
  for (const [i, outcome] of outcomes.entries()) {
    if (!('insert' in outcome)) continue;
    const row = insertedByKey.get(outcome.insert);
    if (!row) continue;
    const pending = batch[i];
    const task = row && taskById.get(row.taskId);
    if (!pending || !task) throw new AppError('INTERNAL');
    if (row.kind === 'progress') latest.set(task.id, { percent: row.percent, at: row.createdAt });
    audits.push({
      actor: pending.actor,
      input: { action: `task.${row.kind}`, entityType: 'task', entityId: task.id, after: row },
    });
    const change = taskChange(task, pending.actor);
    changes.push({
      ...change,
      type: row.kind === 'progress' ? 'task.progress' : 'task.contribution',
      payload: { ...change.payload, percent: row.percent },
      detail: { narrative: row.narrative.slice(0, 300) },
    });
    changes.push(...parentChange(task));
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

  return outcomes.map((outcome, index): Outcome => {
    if ('insert' in outcome) {
      const row = insertedByKey.get(outcome.insert);
      if (row) return { ok: { id: row.id, duplicate: false } };
      const first = savedMeanwhile.get(outcome.insert);
      const pending = batch[index]?.p;
      if (first === undefined || !pending) return { error: new AppError('INTERNAL') };
      return sameProgress(first, pending)
        ? { ok: { id: first.id, duplicate: true } }
        : { error: keyReused() };
    }
    if ('sameAs' in outcome) {
      const first = outcomes[outcome.sameAs];
      const firstKey = first && 'insert' in first ? first.insert : '';
      const id = insertedByKey.get(firstKey)?.id ?? savedMeanwhile.get(firstKey)?.id;
      return id !== undefined ? { ok: { id, duplicate: true } } : { error: new AppError('INTERNAL') };
    }
    return outcome;
  });
}

interface SavedProgress {
  id: number;
  taskId: number;
  percent: number;
  narrative: string;
  evidenceUrl: string | null;
  evidenceFileId: number | null;
}

/** Whether a retried update is the one saved under its key (else the key was reused for another). */
function sameProgress(saved: SavedProgress, p: PostProgress): boolean {
  return (
    saved.taskId === p.taskId &&
    saved.percent === p.percent &&
    saved.narrative === p.narrative &&
    saved.evidenceUrl === (p.evidenceUrl ?? null) &&
    saved.evidenceFileId === (p.evidenceFileId ?? null)
  );
}

const keyReused = () => new AppError('CONFLICT', 'idempotencyKeyReused', { reason: 'idempotencyKeyReused' });

/** The records already saved under these updates' idempotency keys, by author and key. */
async function savedKeys(tx: Db, writes: readonly ProgressWrite[]): Promise<Map<string, SavedProgress>> {
  const found = await tx
    .select({
      id: progressUpdates.id,
      authorId: progressUpdates.authorId,
      key: progressUpdates.idempotencyKey,
      taskId: progressUpdates.taskId,
      percent: progressUpdates.percent,
      narrative: progressUpdates.narrative,
      evidenceUrl: progressUpdates.evidenceUrl,
      evidenceFileId: progressUpdates.evidenceFileId,
    })
    .from(progressUpdates)
    .where(
      and(
        inArray(progressUpdates.authorId, [...new Set(writes.map((w) => w.actor.id))]),
        inArray(progressUpdates.idempotencyKey, [...new Set(writes.map((w) => w.p.idempotencyKey))]),
      ),
    );
  return new Map(found.map(({ authorId, key, ...saved }) => [keyOf(authorId, key ?? ''), saved]));
}
