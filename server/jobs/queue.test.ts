import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VIETNAM_TZ } from '../../shared/vietnam-date';
import { type Database, openPglite, openPostgres } from '../db/client';
import { selectRows } from '../db/rows';
import { testDatabaseUrl } from '../test/database-url';
import { createTestDatabase } from '../test/db';
import {
  everyMinutesCron,
  type JobDefinition,
  type JobLog,
  type JobQueue,
  keyedJobId,
  periodicJob,
  startJobQueue,
} from './queue';

/**
 * The job queue (pg-boss) on the test database: PGlite in memory by default, a PostgreSQL database of
 * this file's own with TEST_DATABASE_URL, where two queues are two pools, as two server processes are.
 * On PGlite two queues are two pg-boss instances on the one connection: what the single process that
 * may open a PGlite folder never does, but the same claims and policies, run one statement at a time.
 */

/** A promise and the function that settles it. */
function deferred<T = void>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Resolves once `check` holds, looking every 50 ms (the test's own timeout bounds the wait). */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 50));
}

const standardJob = (
  name: string,
  run: JobDefinition<{ n: number }>['run'],
  retry = { limit: 2, delaySeconds: 1, maxDelaySeconds: 1 },
): JobDefinition<{ n: number }> => ({ name, failure: `${name} failed`, policy: 'standard', retry, run });

describe('the job queue', () => {
  let database: Database;
  const queues: JobQueue[] = [];
  const errors: string[] = [];
  const log: JobLog = {
    info: () => {},
    warn: () => {},
    error: (details, message) => {
      const err = (details as { err?: Error }).err;
      errors.push(`${message}${err ? `: ${err.message}` : ''}`);
    },
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((queue) => queue.stop()));
  });
  afterAll(() => database?.close());

  async function start(jobs: JobDefinition<never>[], options: { on?: Database; work?: boolean } = {}) {
    const queue = await startJobQueue(options.on ?? database, {
      jobs,
      log,
      pollingIntervalSeconds: 0.5,
      work: options.work,
    });
    queues.push(queue);
    return queue;
  }

  // PostgreSQL only: on PGlite one process holds the data folder, and two pg-boss instances on one
  // PGlite share its one session, where pg-boss's advisory lock cannot keep their installs apart.
  it.skipIf(!testDatabaseUrl())(
    'installs its schema once when two processes start together on a database without it',
    async () => {
      const [a, b] = await Promise.all([start([]), start([])]);
      expect(await a.boss.isInstalled()).toBe(true);
      expect(await b.boss.schemaVersion()).toBe(await a.boss.schemaVersion());
      const [row] = await selectRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from pgboss.version`,
      );
      expect(row?.n).toBe(1);
    },
  );

  it('runs a job it is sent once, with its data', async () => {
    const ran = deferred<number>();
    const runs: number[] = [];
    const queue = await start([
      standardJob('test.echo', async ({ n }) => {
        runs.push(n);
        ran.resolve(n);
      }),
    ]);
    const id = await queue.send('test.echo', { n: 7 });
    expect(await ran.promise).toBe(7);
    await until(async () => (await queue.boss.getJobById('test.echo', id ?? ''))?.state === 'completed');
    expect(runs).toEqual([7]);
    await expect(queue.send('test.unknown', {})).rejects.toThrow(/no job named test.unknown/);
  });

  it('runs a periodic job when it starts, and schedules it in Vietnam time', async () => {
    const ran = deferred();
    const queue = await start([
      periodicJob({
        name: 'test.periodic',
        cron: '*/10 * * * *',
        failure: 'failed',
        run: async () => ran.resolve(),
      }),
    ]);
    await ran.promise;
    const [schedule] = await queue.boss.getSchedules('test.periodic');
    expect(schedule).toMatchObject({ cron: '*/10 * * * *', timezone: VIETNAM_TZ });
    expect(VIETNAM_TZ).toBe('Asia/Ho_Chi_Minh');
  });

  it('retries a failed job with a growing delay, logging each failure, until it succeeds', async () => {
    const attempts: { attempt: number; startedAt: number; failedAt?: number }[] = [];
    const done = deferred();
    const queue = await start([
      standardJob(
        'test.flaky',
        async (_data, { attempt }) => {
          const entry: (typeof attempts)[number] = { attempt, startedAt: Date.now() };
          attempts.push(entry);
          if (attempt < 3) {
            entry.failedAt = Date.now();
            throw new Error(`attempt ${attempt} failed`);
          }
          done.resolve();
        },
        { limit: 3, delaySeconds: 1, maxDelaySeconds: 8 },
      ),
    ]);
    const id = await queue.send('test.flaky', { n: 1 });
    await done.promise;
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(errors.filter((e) => e.startsWith('test.flaky failed'))).toEqual([
      'test.flaky failed: attempt 1 failed',
      'test.flaky failed: attempt 2 failed',
    ]);
    // Exponential backoff: the n-th retry waits at least delay × 2^(n-1) (1 s, then 2 s; pg-boss adds
    // up to as much again in jitter). Lower bounds of the rule, measured from the failure.
    const [first, second, third] = attempts;
    expect((second?.startedAt ?? 0) - (first?.failedAt ?? 0)).toBeGreaterThanOrEqual(1000 - 50);
    expect((third?.startedAt ?? 0) - (second?.failedAt ?? 0)).toBeGreaterThanOrEqual(2000 - 50);
    await until(async () => (await queue.boss.getJobById('test.flaky', id ?? ''))?.state === 'completed');
    expect(await queue.boss.getJobById('test.flaky', id ?? '')).toMatchObject({ retryCount: 2 });
  });

  it('enqueues in a transaction: a job sent in one that rolls back never runs', async () => {
    const runs: number[] = [];
    const ran = deferred();
    const queue = await start([
      standardJob('test.in-transaction', async ({ n }) => {
        runs.push(n);
        ran.resolve();
      }),
    ]);
    await expect(
      database.db.transaction(async (tx) => {
        await queue.send('test.in-transaction', { n: 1 }, { db: tx as never });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    await database.db.transaction(async (tx) => {
      await queue.send('test.in-transaction', { n: 2 }, { db: tx as never });
    });
    await ran.promise;
    expect(runs).toEqual([2]);
    expect(await queue.boss.findJobs('test.in-transaction', { data: { n: 1 } })).toEqual([]);
  });

  describe('across two queues on the same database (two server processes)', () => {
    it('runs each job exactly once, whichever queue takes it', async () => {
      const ranBy = new Map<number, string[]>();
      const job = (who: string) =>
        standardJob('test.shared', async ({ n }) => {
          ranBy.set(n, [...(ranBy.get(n) ?? []), who]);
          await new Promise((r) => setTimeout(r, 20));
        });
      const [a, b] = await Promise.all([start([job('a')]), start([job('b')])]);
      const sends = Array.from({ length: 20 }, (_, n) => (n % 2 ? a : b).send('test.shared', { n }));
      expect((await Promise.all(sends)).every((id) => id !== null)).toBe(true);
      await until(() => ranBy.size === 20);
      // A last look after the queues have had time to take anything twice.
      await new Promise((r) => setTimeout(r, 1500));
      expect([...ranBy.values()].every((who) => who.length === 1)).toBe(true);
    });

    it('never runs a periodic job twice at once, and keeps one more run for after the one in progress', async () => {
      let running = 0;
      let most = 0;
      let runs = 0;
      const first = deferred();
      let release: () => void = () => {};
      const released = new Promise<void>((r) => {
        release = r;
      });
      const job = periodicJob({
        name: 'test.singleton',
        cron: '0 0 * * *',
        failure: 'failed',
        run: async () => {
          runs++;
          running++;
          most = Math.max(most, running);
          first.resolve();
          await released;
          running--;
        },
      });
      // Both start together, each asking for a run at start.
      const [a, b] = await Promise.all([start([job]), start([job])]);
      await first.promise;
      // While it runs, both processes ask for more: one more run is kept, the others add nothing.
      const more = await Promise.all([
        a.send('test.singleton'),
        b.send('test.singleton'),
        a.send('test.singleton'),
      ]);
      expect(more.filter((id) => id !== null).length).toBeLessThanOrEqual(1);
      release();
      await until(() => runs === 2 && running === 0);
      await new Promise((r) => setTimeout(r, 1500));
      expect(runs).toBe(2);
      expect(most).toBe(1);
    });

    it('adds a keyed job once, whichever queue sends it, and runs it once', async () => {
      const runs: string[] = [];
      const job = (who: string) => standardJob('test.keyed', async () => void runs.push(who));
      const [a, b] = await Promise.all([start([job('a')]), start([job('b')])]);
      const key = 'digest:42:2026-11-20';
      const ids = await Promise.all([
        a.send('test.keyed', { n: 1 }, { key }),
        b.send('test.keyed', { n: 1 }, { key }),
      ]);
      expect(ids.filter((id) => id !== null)).toEqual([keyedJobId('test.keyed', key)]);
      await until(() => runs.length === 1);
      // Later too: the key stays taken while the job is kept.
      expect(await a.send('test.keyed', { n: 1 }, { key })).toBeNull();
      await new Promise((r) => setTimeout(r, 1500));
      expect(runs).toHaveLength(1);
    });
  });

  describe('across a restart', () => {
    /** The database as a second server process opens it: on PGlite, the same data folder reopened. */
    let dir: string | undefined;
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });
    async function firstProcess(): Promise<{ database: Database; restart: () => Promise<Database> }> {
      if (database.kind === 'postgres') {
        const url = database.url ?? '';
        return {
          database: openPostgres(url, { max: 2 }),
          restart: async () => openPostgres(url, { max: 2 }),
        };
      }
      dir = mkdtempSync(path.join(tmpdir(), 'dgm-queue-'));
      const folder = dir;
      // A folder of its own, copied from this file's database (a new folder would take seconds to make).
      const copy = await database.pglite?.dumpDataDir('none');
      return { database: await openPglite(folder, copy), restart: () => openPglite(folder) };
    }

    it('runs after the restart a job sent before it', async () => {
      const { database: before, restart } = await firstProcess();
      const sender = await start([standardJob('test.survives', async () => {})], { on: before, work: false });
      const id = await sender.send('test.survives', { n: 5 });
      await sender.stop();
      await before.close();

      const after = await restart();
      try {
        const ran = deferred<number>();
        const queue = await start([standardJob('test.survives', async ({ n }) => ran.resolve(n))], {
          on: after,
        });
        expect(await ran.promise).toBe(5);
        await until(
          async () => (await queue.boss.getJobById('test.survives', id ?? ''))?.state === 'completed',
        );
        await queue.stop();
      } finally {
        await after.close();
      }
    });

    it('runs again after the restart a job the shutdown interrupted', async () => {
      const { database: before, restart } = await firstProcess();
      const attempts: number[] = [];
      const started = deferred();
      const queue = await start(
        [
          standardJob('test.interrupted', async (_data, { attempt, signal }) => {
            attempts.push(attempt);
            started.resolve();
            await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
          }),
        ],
        { on: before },
      );
      await queue.send('test.interrupted', { n: 1 });
      await started.promise;
      await queue.stop();
      await before.close();
      expect(errors.some((e) => e.startsWith('test.interrupted failed'))).toBe(false);

      const after = await restart();
      try {
        const ran = deferred<number>();
        const again = await start(
          [standardJob('test.interrupted', async (_data, { attempt }) => ran.resolve(attempt))],
          { on: after },
        );
        expect(await ran.promise).toBe(2);
        expect(attempts).toEqual([1]);
        await again.stop();
      } finally {
        await after.close();
      }
    });
  });
});

describe('everyMinutesCron', () => {
  it.each([
    [0.5, '* * * * *'],
    [1, '* * * * *'],
    [5, '*/5 * * * *'],
    [7, '*/7 * * * *'],
    [60, '0 * * * *'],
    [90, '0 */2 * * *'],
    [180, '0 */3 * * *'],
    [1440, '0 0 * * *'],
  ])('every %s minutes: %s', (minutes, cron) => {
    expect(everyMinutesCron(minutes)).toBe(cron);
  });
});

describe('keyedJobId', () => {
  it('is a UUID that depends on the queue and the key only', () => {
    const id = keyedJobId('notify.digest', '42:2026-11-20');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keyedJobId('notify.digest', '42:2026-11-20')).toBe(id);
    expect(keyedJobId('notify.digest', '42:2026-11-21')).not.toBe(id);
    expect(keyedJobId('notify.other', '42:2026-11-20')).not.toBe(id);
  });
});
