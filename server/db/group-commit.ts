import { sql } from 'drizzle-orm';
import { type Db, inTransaction } from './client';

/**
 * Held until commit by every audited write (audit appends and change events), across transactions and
 * server processes, so the audit chain and the change events have one order.
 */
export const WRITE_ORDER_LOCK = 2629_0001;

/**
 * A queue drained one batch at a time: what arrives while a batch runs waits for the next one, and
 * something arriving when nothing runs starts a batch at once. `runBatch` takes its items from
 * `queue` (it may put some back at the front).
 */
export abstract class BatchQueue<Q> {
  protected readonly queue: Q[] = [];
  private running = false;

  protected enqueue(item: Q): void {
    this.queue.push(item);
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) await this.runBatch();
    } finally {
      this.running = false;
    }
  }

  protected abstract runBatch(): Promise<void>;
}

/**
 * Group commit for frequent short writes (progress updates; see docs/decisions/0006-group-commit.md).
 *
 * Every audited write appends to the hash chain and records a change event under one advisory lock
 * held until commit (`WRITE_ORDER_LOCK`), so writes commit one at a time, each paying its own WAL
 * flush. Here, writes that arrive while a batch is running wait for the next batch, which runs them
 * one after another in ONE transaction, each in its own savepoint: one flush and one hold of the lock
 * serve the whole batch.
 *
 * - A write arriving when no batch runs starts one at once: a lone writer waits for nothing.
 * - A write that throws rolls back its own savepoint and rejects its own promise; the others commit.
 * - A write's promise settles once its batch has committed. If the commit fails, every write of the
 *   batch rejects: none of them was saved, and a retry is safe (idempotency keys).
 * - One batch at a time per process (and per database); across processes the lock orders batches.
 * - A write must use only the `tx` it is given and must not wait for anything but the database: on
 *   PGlite (one connection) a query on `db` would wait for the batch to end, i.e. forever.
 *
 * PGlite runs batches too: the same semantics everywhere (the tests exercise them on both), and
 * PGlite skips its file-system sync inside a transaction, so a batch saves syncs there as well.
 *
 * Lock order: a standalone write takes its row locks first and the write-order lock last. In a batch,
 * the writes after the first take their row locks while the batch already holds the write-order lock,
 * and a transaction holding such a row may be waiting for that very lock: a deadlock. So once a write
 * of the batch has succeeded, lock waits time out quickly (`lock_timeout`, 20 ms) and a write that hit
 * one is put back at the front of the queue, to run first in the next batch, where it may wait.
 */
export class GroupCommit extends BatchQueue<Queued> {
  /** Counters for diagnostics and tests. */
  readonly stats = { batches: 0, writes: 0, requeued: 0 };

  constructor(
    private readonly db: Db,
    private readonly maxBatch = MAX_BATCH,
  ) {
    super();
  }

  /** Runs `write` in the next batch; resolves with its result once that batch has committed. */
  run<T>(write: Write<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.enqueue({ write, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  protected async runBatch(): Promise<void> {
    let batch: Queued[] = [];
    const outcomes: Outcome[] = [];
    try {
      await inTransaction(this.db, async (tx) => {
        // Taken once the transaction has begun: writes that arrived during BEGIN ride along.
        batch = this.queue.splice(0, this.maxBatch);
        const [lone] = batch;
        if (batch.length === 1 && lone) {
          // No savepoint needed: if the write fails, the transaction rolls back with it.
          outcomes.push({ kind: 'ok', value: await lone.write(tx) });
          return;
        }
        let succeeded = false;
        let shortLockWaits = false;
        for (const { write } of batch) {
          if (succeeded && !shortLockWaits) {
            await tx.execute(sql.raw(`set local lock_timeout = '${LOCK_WAIT_IN_BATCH}'`));
            shortLockWaits = true;
          }
          try {
            const value = await tx.transaction((savepoint) => write(savepoint as unknown as Db));
            outcomes.push({ kind: 'ok', value });
            succeeded = true;
          } catch (error) {
            const retry = shortLockWaits && isLockTimeout(error);
            outcomes.push(retry ? { kind: 'retry' } : { kind: 'failed', error });
          }
        }
      });
    } catch (error) {
      // BEGIN or COMMIT failed, or the connection broke: nothing of this batch was saved.
      if (batch.length === 0) batch = this.queue.splice(0, this.maxBatch);
      this.stats.batches++;
      this.stats.writes += batch.length;
      batch.forEach((queued, i) => {
        const outcome = outcomes[i];
        queued.reject(outcome?.kind === 'failed' ? outcome.error : error);
      });
      return;
    }
    this.stats.batches++;
    const retry: Queued[] = [];
    batch.forEach((queued, i) => {
      const outcome = outcomes[i];
      if (outcome?.kind === 'ok') queued.resolve(outcome.value);
      else if (outcome?.kind === 'failed') queued.reject(outcome.error);
      else retry.push(queued);
    });
    this.stats.writes += batch.length - retry.length;
    this.stats.requeued += retry.length;
    this.queue.unshift(...retry);
  }
}

/**
 * Runs independent statements of one transaction together: each is sent without waiting for the
 * others (postgres.js pipelines them on the connection), so they cost one round trip, not one each.
 * Settles only once all have (no statement of a failed write may run after its rollback) and throws
 * the first failure; else resolves to their results, in order. Statements are sent in the order given
 * (a drizzle query is sent when awaited, so pass them unawaited).
 */
export async function together(...steps: (PromiseLike<unknown> | undefined)[]): Promise<unknown[]> {
  let failure: { error: unknown } | undefined;
  const results = await Promise.all(
    steps.map((step) =>
      Promise.resolve(step).catch((error: unknown) => {
        failure ??= { error };
      }),
    ),
  );
  if (failure) throw failure.error;
  return results;
}

/** Runs `write` in this process's group commit on `db` (one per database object). */
export function groupCommit<T>(db: Db, write: Write<T>): Promise<T> {
  return groupCommitFor(db).run(write);
}

export function groupCommitFor(db: Db): GroupCommit {
  let committer = committers.get(db);
  if (!committer) {
    committer = new GroupCommit(db);
    committers.set(db, committer);
  }
  return committer;
}

export type Write<T> = (tx: Db) => Promise<T>;

/**
 * Below PostgreSQL's 64 subtransaction ids cached per session: past them ("suboverflow") every other
 * session's snapshots must look subtransactions up on disk while the batch is open.
 */
export const MAX_BATCH = 48;

/** Long enough for a brief wait on a relation's extension lock, far below deadlock_timeout (1 s). */
const LOCK_WAIT_IN_BATCH = '20ms';

const committers = new WeakMap<Db, GroupCommit>();

interface Queued {
  write: Write<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { kind: 'ok'; value: unknown } | { kind: 'failed'; error: unknown } | { kind: 'retry' };

/** PostgreSQL's lock_not_available, however deep drizzle wrapped it. */
function isLockTimeout(error: unknown): boolean {
  let e = error;
  while (e instanceof Error) {
    if ((e as Error & { code?: unknown }).code === '55P03') return true;
    e = e.cause;
  }
  return false;
}
