import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { testDatabaseUrl } from '../test/database-url';
import { createTestDatabase } from '../test/db';
import type { Database, Db } from './client';
import { GroupCommit, together, WRITE_ORDER_LOCK } from './group-commit';
import { selectRows } from './rows';

/** Batches of writes in one transaction, on PGlite and (with TEST_DATABASE_URL) PostgreSQL. */
describe('group commit', () => {
  let database: Database;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    // A row whose parent is missing is refused only at COMMIT: a way to make a commit fail.
    await db.execute(
      sql`create table probe (id int primary key, parent int references probe (id) deferrable initially deferred)`,
    );
  });
  afterAll(() => database.close());

  const insert = (tx: Db, id: number, parent: number | null = null) =>
    tx.execute(sql`insert into probe (id, parent) values (${id}, ${parent})`);
  const txid = async (tx: Db) =>
    (await selectRows<{ id: string }>(tx, sql`select txid_current()::text as id`))[0]?.id;
  const saved = async (from: number, to: number) =>
    (
      await selectRows<{ id: number }>(
        db,
        sql`select id from probe where id between ${from} and ${to} order by id`,
      )
    ).map((r) => r.id);
  /** The SQLSTATE of a database error, however deep the drivers wrapped it. */
  const sqlState = (error: unknown): unknown => {
    for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
      if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    }
    return undefined;
  };
  const deferred = () => {
    let resolve: () => void = () => {};
    const promise = new Promise<void>((r) => {
      resolve = r;
    });
    return { promise, resolve };
  };

  it('runs writes that arrive together in one transaction, and all commit', async () => {
    const gc = new GroupCommit(db);
    const ids = [1, 2, 3, 4, 5];
    const txids = await Promise.all(
      ids.map((id) =>
        gc.run(async (tx) => {
          await insert(tx, id);
          return txid(tx);
        }),
      ),
    );
    expect(new Set(txids).size).toBe(1);
    expect(gc.stats).toEqual({ batches: 1, writes: 5, requeued: 0 });
    expect(await saved(1, 5)).toEqual(ids);
  });

  it('starts a lone write at once; writes arriving meanwhile share the next batch', async () => {
    const gc = new GroupCommit(db);
    const running = deferred();
    const gate = deferred();
    const first = gc.run(async (tx) => {
      running.resolve();
      await gate.promise;
      await insert(tx, 10);
      return txid(tx);
    });
    await running.promise;
    const later = [11, 12].map((id) =>
      gc.run(async (tx) => {
        await insert(tx, id);
        return txid(tx);
      }),
    );
    gate.resolve();
    const [a, b, c] = await Promise.all([first, ...later]);
    expect(b).toBe(c);
    expect(a).not.toBe(b);
    expect(gc.stats).toMatchObject({ batches: 2, writes: 3 });
    expect(await saved(10, 12)).toEqual([10, 11, 12]);
  });

  it('a write that fails rolls back only its own work and rejects only its own promise', async () => {
    const gc = new GroupCommit(db);
    const refused = new AppError('FORBIDDEN');
    const results = await Promise.allSettled([
      gc.run((tx) => insert(tx, 20)),
      gc.run(async (tx) => {
        await insert(tx, 21);
        throw refused;
      }),
      gc.run((tx) => insert(tx, 22)),
      // A statement the database refuses (duplicate key) aborts the savepoint, not the batch.
      gc.run((tx) => insert(tx, 20)),
      gc.run((tx) => insert(tx, 23)),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((results[1] as PromiseRejectedResult).reason).toBe(refused);
    expect(sqlState((results[3] as PromiseRejectedResult).reason)).toBe('23505');
    expect(gc.stats).toMatchObject({ batches: 1, writes: 5 });
    expect(await saved(20, 23)).toEqual([20, 22, 23]);
  });

  it('if the commit fails, every write of the batch rejects and nothing is saved; the next batch runs', async () => {
    const gc = new GroupCommit(db);
    const invalid = new AppError('VALIDATION');
    const results = await Promise.allSettled([
      gc.run((tx) => insert(tx, 30)),
      gc.run((tx) => insert(tx, 31, 999)), // fine until COMMIT checks the deferred foreign key
      gc.run(async () => {
        throw invalid;
      }),
      gc.run((tx) => insert(tx, 32)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(sqlState((results[0] as PromiseRejectedResult).reason)).toBe('23503');
    expect(sqlState((results[1] as PromiseRejectedResult).reason)).toBe('23503');
    expect((results[2] as PromiseRejectedResult).reason).toBe(invalid);
    expect(sqlState((results[3] as PromiseRejectedResult).reason)).toBe('23503');
    expect(await saved(30, 32)).toEqual([]);

    await gc.run((tx) => insert(tx, 33));
    expect(await saved(30, 33)).toEqual([33]);
    expect(gc.stats).toMatchObject({ batches: 2, writes: 5 });
  });

  it('a lone write that fails rejects with its own error and saves nothing', async () => {
    const gc = new GroupCommit(db);
    const conflict = new AppError('CONFLICT');
    await expect(
      gc.run(async (tx) => {
        await insert(tx, 35);
        throw conflict;
      }),
    ).rejects.toBe(conflict);
    expect(await saved(35, 35)).toEqual([]);
  });

  it('together: sends its steps at once and throws the first failure only once all have settled', async () => {
    let slowDone = false;
    const failure = new Error('first');
    await expect(
      together(
        Promise.reject(failure),
        new Promise((resolve) =>
          setTimeout(() => {
            slowDone = true;
            resolve(null);
          }, 20),
        ),
        undefined,
        Promise.reject(new Error('second')),
      ),
    ).rejects.toBe(failure);
    expect(slowDone).toBe(true);
    await together(insert(db, 36), insert(db, 37));
    expect(await saved(36, 37)).toEqual([36, 37]);
  });

  // Needs a second connection: PostgreSQL only.
  it.skipIf(!testDatabaseUrl())(
    'a write whose row is held by a transaction waiting for the batch’s lock is retried in the next batch, not deadlocked',
    async () => {
      const pg = database.pg;
      if (!pg) throw new Error('needs PostgreSQL');
      await insert(db, 41);
      // Another transaction, as a standalone write does it: the row first, then the write-order lock.
      const other = await pg.reserve();
      await other`begin`;
      await other`select id from probe where id = 41 for update`;
      let otherDone: Promise<unknown> = Promise.resolve();

      const gc = new GroupCommit(db);
      const first = gc.run(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${WRITE_ORDER_LOCK})`);
        await insert(tx, 42);
        // Now the other transaction asks for the lock this batch holds, and waits.
        otherDone = other`select pg_advisory_xact_lock(${WRITE_ORDER_LOCK})`.then(() => other`commit`);
        for (let i = 0; i < 500; i++) {
          const [waiting] = await selectRows<{ n: number }>(
            tx,
            sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`,
          );
          if (waiting?.n === 1) return 'first';
          await new Promise((r) => setTimeout(r, 10));
        }
        throw new Error('the other transaction never waited for the lock');
      });
      // In the same batch: wants the row the other transaction holds (a deadlock if it waited).
      const second = gc.run(async (tx) => {
        await tx.execute(sql`select id from probe where id = 41 for update`);
        await insert(tx, 43);
        return 'second';
      });

      try {
        expect(await Promise.all([first, second])).toEqual(['first', 'second']);
        await otherDone;
      } finally {
        other.release();
      }
      expect(gc.stats).toEqual({ batches: 2, writes: 2, requeued: 1 });
      expect(await saved(42, 43)).toEqual([42, 43]);
    },
  );
});
