import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
/** The drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** A transaction as a `Db` (drizzle types the transaction apart, though it takes every query a `Db` does). */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Human-readable description for logs (never contains a password). */
  label: string;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** The postgres.js client, when on PostgreSQL (LISTEN/NOTIFY, advisory locks). */
  pg?: postgres.Sql;
  /** The connection URL, when on PostgreSQL: the job queue opens its own few connections with it. */
  url?: string;
  pglite?: PGlite;
}

export const pgliteExtensions = { pg_trgm };

export function openPostgres(
  url: string,
  options: {
    max?: number;
    /** Per-statement limit (default 15 s); 0 for administration such as creating databases. */
    statementTimeoutMs?: number;
  } = {},
): Database {
  const max = options.max ?? 10;
  const connect = (plans: 'force_custom_plan' | 'force_generic_plan') =>
    postgres(url, {
      ...lateCloseSockets(url),
      max: plans === 'force_generic_plan' ? Math.min(GENERIC_PLAN_CONNECTIONS, max) : max,
      onnotice: () => {},
      connect_timeout: 5,
      // Reconnect quickly after a database restart instead of postgres.js's default growing backoff.
      backoff: (attempt) => Math.min(0.1 * 2 ** attempt, 2),
      connection: {
        statement_timeout: options.statementTimeoutMs ?? 15_000,
        application_name: 'dgm',
        plan_cache_mode: plans,
        // No JIT compilation: our statements run in milliseconds, and JIT's compile time (0.6 s) was
        // most of the monthly report's history statement once its cost estimate crossed jit_above_cost
        // (as soon as explanation requests existed). docs/decisions/0019-prepared-statements.md
        jit: 'off',
      },
    });
  // Named statements (below) are planned for each execution's own values, as unnamed ones were; only
  // the statements measured to plan the same for every value run where their plan is kept
  // (`genericPlans`). postgres.js connects lazily: a process that never runs one opens none there.
  const client = connect('force_custom_plan');
  const generic = connect('force_generic_plan');
  const db = drizzlePostgres(namedStatements(client), { schema }) as unknown as Db;
  genericPlanDbs.set(db, drizzlePostgres(namedStatements(generic), { schema }) as unknown as Db);
  const target = new URL(url);
  return {
    db,
    kind: 'postgres',
    label: `PostgreSQL ${target.hostname}:${target.port || 5432}${target.pathname}`,
    pg: client,
    url,
    ping: () => pingDb(db),
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), generic.end({ timeout: 5 })]);
    },
  };
}

const genericPlanDbs = new WeakMap<Db, Db>();

/**
 * Connections for the statements whose plans are kept: each runs in well under a millisecond, so a few
 * connections carry them, several statements per round trip. Measured on this 2-core machine (a task's
 * first view under load): with 4 the database spent 0.7–1.1 ms of CPU per view, with 10 1.0–1.9 (a
 * backend woken for each statement).
 */
const GENERIC_PLAN_CONNECTIONS = 4;

/**
 * Where a statement whose plan is the same whatever its values runs with that plan kept: PostgreSQL plans
 * it once per connection (`plan_cache_mode=force_generic_plan`) instead of at every execution. On
 * PostgreSQL, a second set of connections to the same database; elsewhere (PGlite, a transaction) the
 * database itself. Only for statements measured to plan the same for every value
 * (server/db/prepared.ts, docs/decisions/0019-prepared-statements.md): a generic plan cannot see which
 * agency, search or page it serves, and for the task lists it was up to 80 times slower.
 */
export function genericPlans(db: Db): Db {
  return genericPlanDbs.get(db) ?? db;
}

/**
 * postgres.js 3.4.x defers small writes to the next turn of the event loop, and a connection whose socket
 * closes before that turn breaks (porsager/postgres#1066, #1154, #1208, unfixed in 3.4.10): a write made
 * once the socket is gone, such as the rollback of a transaction whose connection died, crashes the
 * process (TypeError in nextWrite), and a write pending at the close leaves the connection unable to send
 * again (each reconnect then times out). Seen with the database stopped under load (server/db-outage.test.ts).
 * The driver is patched for both (patches/postgres+3.4.9.patch, applied by `npm install`; tested in
 * server/db/postgres-driver.test.ts). Its sockets here also report their close two turns late, after any
 * such write has gone into the closed socket (an error the driver already handles), so the queries that
 * wrote fail as "connection closed" rather than later. Not with TLS: the driver then makes its own socket.
 */
class LateCloseSocket extends net.Socket {
  private failed = false;
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'error') this.failed = true;
    if (event !== 'close') return super.emit(event, ...args);
    // A close without an error (the server's end of the connection went away) is told as an error first,
    // while the driver still holds the socket: what the failed queries' callers write in reply is deferred
    // like any small write, and goes before the close below.
    if (!this.failed) {
      this.failed = true;
      super.emit('error', Object.assign(new Error('connection closed'), { code: 'ECONNRESET' }));
    }
    setImmediate(() => setImmediate(() => super.emit('close', ...args)));
    return true;
  }
}

function lateCloseSockets(url: string): {
  socket?: (o: { host: string[]; port: number[]; path?: string }) => net.Socket;
} {
  const sslmode = new URL(url).searchParams.get('sslmode') ?? new URL(url).searchParams.get('ssl');
  if (sslmode && sslmode !== 'disable' && sslmode !== 'false') return {};
  return {
    socket: ({ host, port, path }) => {
      const socket = new LateCloseSocket();
      if (path) socket.connect(path);
      else socket.connect(port[0] ?? 5432, host[0] ?? 'localhost');
      return socket;
    },
  };
}

/**
 * drizzle hands postgres.js every query as an unnamed statement (`prepare: false` unless the query
 * was given a name), and postgres.js then first asks the server for the parameters' types: two round
 * trips per statement, and statements sent together (pipelined) wait for each other. Here every query
 * runs as a named statement instead: described once per connection and kept, it takes one round trip
 * and pipelines (the gain is measured in the README, Performance). The
 * statements a connection keeps are bounded by the query shapes of the code (an `IN` list of each
 * length is one) and by postgres.js recycling connections every 30–60 minutes (`max_lifetime`);
 * `plan_cache_mode=force_custom_plan` keeps plans made for each execution's own values, as before,
 * except on the connections of `genericPlans`.
 * Inside transactions and savepoints too (drizzle runs them on the client these hand to it).
 */
function namedStatements(client: postgres.Sql): postgres.Sql {
  // One function for every query (a prepared statement, `.prepare()`, already asks for a name).
  const unsafe = (
    query: string,
    params?: postgres.ParameterOrJSON<never>[],
    options?: postgres.UnsafeQueryOptions,
  ) => client.unsafe(query, params, options?.prepare ? options : { ...options, prepare: true });
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key === 'unsafe') return unsafe;
      if (key === 'begin' || key === 'savepoint') {
        // drizzle runs a transaction (savepoint) on the client these hand to their callback.
        return (...args: unknown[]) => {
          const run = args.pop() as (sql: postgres.Sql) => unknown;
          const scoped = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[key];
          return scoped?.(...args, (sql: postgres.Sql) => run(namedStatements(sql)));
        };
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

/** Embedded PostgreSQL. `dataDir` undefined means in memory (tests). */
export async function openPglite(dataDir?: string, loadDataDir?: Blob | File): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: dataDir ? path.resolve(dataDir, 'pglite') : undefined,
    extensions: pgliteExtensions,
    loadDataDir,
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    label: dataDir ? `embedded PGlite in ${path.resolve(dataDir, 'pglite')}` : 'embedded PGlite in memory',
    pglite: client,
    ping: () => pingDb(db),
    close: () => client.close(),
  };
}

async function pingDb(db: Db): Promise<boolean> {
  try {
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error('ping timeout')), 2000)),
    ]);
    return true;
  } catch {
    return false;
  }
}
