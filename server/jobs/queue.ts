import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { type ConstructorOptions, fromDrizzle, fromPglite, type Job, PgBoss } from 'pg-boss';
import { VIETNAM_TZ } from '../../shared/vietnam-date';
import type { Database, Db } from '../db/client';
import { QUEUE_SCHEMA } from '../db/roles';
import { selectRows } from '../db/rows';

/**
 * The server's scheduled and background work, on pg-boss (docs/decisions/0021-job-queue.md): jobs are
 * rows in the database's `pgboss` schema, so one enqueued before a restart runs after it; a job is
 * claimed by one process (SELECT … FOR UPDATE SKIP LOCKED), whichever of several runs it; a failed
 * attempt is retried with exponential backoff. The same queue on both databases: pg-boss's own small
 * pool on PostgreSQL, the application's PGlite instance (pg-boss's `fromPglite`) when embedded.
 */

/** Where a job says what it did and what failed: the server's logger (pino) or nothing in tests. */
export interface JobLog {
  info(details: object, message: string): void;
  warn?(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobContext {
  /** Aborted when the server shuts down: stop at the next safe point (the job then runs again later). */
  signal: AbortSignal;
  id: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
}

export interface RetryPolicy {
  /** Retries after the first attempt before the job is left failed. */
  limit: number;
  /** The first retry's delay; each next one about doubles (with jitter), up to `maxDelaySeconds`. */
  delaySeconds: number;
  maxDelaySeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = { limit: 3, delaySeconds: 10, maxDelaySeconds: 300 };

export interface JobDefinition<Data extends object | null = null> {
  /** The queue's name, one per kind of work (e.g. `tasks.tallies`). */
  name: string;
  /** What the log says when an attempt fails. */
  failure: string;
  run(data: Data, context: JobContext): Promise<void>;
  /**
   * `stately` (periodic work): at most one job waiting and one running, across every process, so
   * several processes scheduling or starting together add one run, and a run never overlaps itself.
   * `standard`: every job sent runs (one per item, e.g. an e-mail).
   */
  policy: 'stately' | 'standard';
  /** A recurring run: a five-field cron expression read in Vietnam time, and whether to run once at start. */
  schedule?: { cron: string; atStart: boolean } | undefined;
  retry?: RetryPolicy | undefined;
  /** An attempt still running after this long is taken as lost and retried. */
  timeoutSeconds?: number | undefined;
}

/**
 * Work that recurs: `run` is called on `cron` (Vietnam time) and, with `atStart`, once when the server
 * starts. It must be safe to run again (a retry, or a run after a restart, redoes what was left).
 */
export function periodicJob(options: {
  name: string;
  cron: string;
  atStart?: boolean;
  failure: string;
  retry?: RetryPolicy;
  timeoutSeconds?: number;
  run: (signal: AbortSignal) => Promise<void>;
}): JobDefinition {
  return {
    name: options.name,
    failure: options.failure,
    policy: 'stately',
    schedule: { cron: options.cron, atStart: options.atStart ?? true },
    retry: options.retry,
    timeoutSeconds: options.timeoutSeconds,
    run: (_data, { signal }) => options.run(signal),
  };
}

/**
 * A cron expression for "every `minutes` minutes": whole minutes (at least one; cron has no seconds
 * here); under an hour, on the minutes of the hour divisible by it (`*\/7` runs at :00, :07 … :56,
 * then :00 again); whole hours up to a day, on the hours divisible by it; a day or more, daily at
 * midnight.
 */
export function everyMinutesCron(minutes: number): string {
  const m = Math.max(1, Math.round(minutes));
  if (m === 1) return '* * * * *';
  if (m < 60) return `*/${m} * * * *`;
  const hours = Math.round(m / 60);
  if (hours < 24) return hours === 1 ? '0 * * * *' : `0 */${hours} * * *`;
  return '0 0 * * *';
}

export interface SendOptions {
  /**
   * One job per key and queue, ever (while the job is kept: a week after it ends): a second send with
   * the same key, from any process, adds nothing and returns null. E.g. `digest:${userId}:${date}`.
   */
  key?: string;
  /** Not before this instant. */
  startAfter?: Date;
  /** Enqueue in this transaction: the job exists only if it commits. */
  db?: Db;
}

export interface JobQueue {
  /** Enqueues a job of a kind this queue was started with; its id, or null if it was not added. */
  send(name: string, data?: object | null, options?: SendOptions): Promise<string | null>;
  /** Stops taking jobs, aborts the runs in progress and waits for them (they run again after a restart). */
  stop(): Promise<void>;
  /** The library itself, for tests and operations (its schedules, jobs and queues). */
  readonly boss: PgBoss;
}

/** A job id (a UUID) derived from the queue and the key, the same in every process (RFC 4122 v5 layout). */
export function keyedJobId(name: string, key: string): string {
  const hash = createHash('sha1').update(`dgm-job\0${name}\0${key}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** pg-boss's connections: PGlite shared with the application, or a small pool of its own on PostgreSQL. */
function connection(database: Database): ConstructorOptions {
  if (database.kind === 'pglite') {
    if (!database.pglite) throw new Error('PGlite instance missing');
    // PGlite has no autovacuum to watch, and one connection: pg-boss queues its statements among the
    // application's, which PGlite runs one at a time.
    return { backend: 'pglite', db: fromPglite(database.pglite), monitorVacuum: false };
  }
  if (!database.url) throw new Error('PostgreSQL URL missing');
  // pg-boss's own pool (pg): its multi-statement transactions (`BEGIN; …; COMMIT`) need a connection
  // of their own, which postgres.js refuses on a shared pool (UNSAFE_TRANSACTION); the LISTEN
  // connection is extra.
  return { connectionString: database.url, max: 4, application_name: 'dgm-jobs' };
}

/** pg-boss's statements through drizzle, in the caller's transaction (pg-boss's `fromDrizzle`). */
function inTransaction(tx: Db) {
  return fromDrizzle(
    { execute: (query) => tx.execute(query as SQL) as Promise<{ rows: unknown[] } | unknown[]> },
    sql,
  );
}

async function queueSchemaExists(db: Db): Promise<boolean> {
  const [row] = await selectRows<{ present: boolean }>(
    db,
    sql`select exists (select 1 from pg_namespace where nspname = ${QUEUE_SCHEMA}) as present`,
  );
  return row?.present === true;
}

/** A job stopped by the shutdown: failed so that pg-boss runs it again (after the restart). */
class Interrupted extends Error {
  constructor() {
    super('interrupted by the server shutting down; it runs again after the restart');
  }
}

/**
 * Starts the queue on the application's database: installs or upgrades pg-boss's schema (under its
 * advisory lock, so processes starting together do not race), creates each job's queue, works them in
 * this process, registers the recurring ones (an upsert: every process does it, one schedule results)
 * and enqueues the runs at start (one across processes: `stately`).
 */
export async function startJobQueue(
  database: Database,
  options: {
    jobs: readonly JobDefinition<never>[];
    log?: JobLog | undefined;
    /** How often an idle worker looks for due jobs when no notification woke it (seconds, ≥ 0.5). */
    pollingIntervalSeconds?: number;
    /** Whether this process runs jobs (default) or only schedules and sends them. */
    work?: boolean;
  },
): Promise<JobQueue> {
  const log = options.log;
  const jobs = new Map(options.jobs.map((job) => [job.name, job as JobDefinition<object | null>]));
  if (jobs.size !== options.jobs.length) throw new Error('two jobs share a name');
  // With the application role apart from the owner (MIGRATION_DATABASE_URL), the owner made the schema
  // and the application may only create in it: pg-boss must not try CREATE SCHEMA, even IF NOT EXISTS.
  const createSchema = !(await queueSchemaExists(database.db));
  const boss = new PgBoss({
    ...connection(database),
    schema: QUEUE_SCHEMA,
    createSchema,
    // A worker is woken by NOTIFY as soon as a job is sent, from any process; polling stays as the floor.
    useListenNotify: true,
  });
  boss.on('error', (err) => log?.error({ err }, 'job queue error'));
  boss.on('warning', (warning) => {
    if (log?.warn) log.warn({ data: warning.data }, warning.message);
    else log?.info({ data: warning.data }, warning.message);
  });
  await boss.start();

  const stopping = new AbortController();
  // The same interval with NOTIFY on: a notification wakes a worker for a new job, but not for one whose
  // time comes later (a retry after its delay, a job sent with `startAfter`), which only a poll finds.
  const seconds = options.pollingIntervalSeconds ?? 2;
  const polling = { pollingIntervalSeconds: seconds, notifyPollingIntervalSeconds: seconds };
  try {
    for (const job of jobs.values()) await ensureQueue(boss, job, log);
    for (const job of options.work === false ? [] : jobs.values()) {
      await boss.work(job.name, polling, ([item]: Job<object | null>[]) =>
        item ? runOne(job, item, stopping.signal, log) : Promise.resolve(),
      );
    }
    for (const job of jobs.values()) {
      if (!job.schedule) continue;
      // Missed occurrences (the server was down) are not replayed: the run at start covers them.
      await boss.schedule(job.name, job.schedule.cron, null, {
        tz: VIETNAM_TZ,
        missed: job.schedule.atStart ? 'skip' : 'once',
      });
      if (job.schedule.atStart) await boss.send(job.name, null);
    }
  } catch (err) {
    await boss.stop({ graceful: false });
    throw err;
  }

  let stopped: Promise<void> | null = null;
  return {
    boss,
    async send(name, data = null, sendOptions = {}) {
      if (!jobs.has(name)) throw new Error(`no job named ${name} on this queue`);
      return boss.send(name, data, {
        ...(sendOptions.key !== undefined && { id: keyedJobId(name, sendOptions.key) }),
        ...(sendOptions.startAfter && { startAfter: sendOptions.startAfter }),
        ...(sendOptions.db && { db: inTransaction(sendOptions.db) }),
      });
    },
    stop() {
      stopped ??= (async () => {
        stopping.abort();
        // Waits for the runs in progress (they stop at their next check of the signal); any still
        // going after 10 s is failed, to be run again: within the shutdown's 20 s.
        await boss.stop({ graceful: true, timeout: 10_000 });
      })();
      return stopped;
    },
  };
}

async function ensureQueue(boss: PgBoss, job: JobDefinition<object | null>, log: JobLog | undefined) {
  const retry = job.retry ?? DEFAULT_RETRY;
  const settings = {
    retryLimit: retry.limit,
    retryDelay: retry.delaySeconds,
    retryBackoff: true,
    expireInSeconds: job.timeoutSeconds ?? 15 * 60,
    // Periodic runs leave a row each: kept a day (to look at), not pg-boss's default week.
    deleteAfterSeconds: job.policy === 'stately' ? 86_400 : 7 * 86_400,
    notify: true,
  };
  const existing = await boss.getQueue(job.name);
  if (!existing) {
    // A process that dies mid-run stops refreshing its job's heartbeat: the job is retried within a
    // minute instead of holding its queue until `expireInSeconds`.
    await boss.createQueue(job.name, {
      ...settings,
      policy: job.policy,
      retryDelayMax: retry.maxDelaySeconds,
      heartbeatSeconds: 30,
    });
    return;
  }
  if (existing.policy !== job.policy) {
    log?.error(
      { job: job.name, policy: existing.policy },
      `queue ${job.name} keeps its policy: pg-boss cannot change it`,
    );
  }
  await boss.updateQueue(job.name, settings);
}

async function runOne(
  job: JobDefinition<object | null>,
  item: Job<object | null>,
  stopping: AbortSignal,
  log: JobLog | undefined,
): Promise<void> {
  const signal = AbortSignal.any([stopping, item.signal]);
  const attempt = item.retryCount + 1;
  try {
    await job.run(item.data, { signal, id: item.id, attempt });
  } catch (err) {
    if (stopping.aborted) throw new Interrupted();
    log?.error({ err, job: job.name, attempt }, job.failure);
    throw err;
  }
  // Cut short by the shutdown: what is left is done by a retry, after the restart.
  if (stopping.aborted) throw new Interrupted();
}
