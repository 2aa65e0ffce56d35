import type { Config } from '../env';
import { type Database, openPostgres } from './client';
import { MIGRATION_LOCK, runMigrations } from './migrate';

/** Tables the application may only read and append to: not even their owner's process may change a row. */
export const APPEND_ONLY_TABLES = ['audit_log', 'audit_checkpoints'] as const;

/**
 * The job queue's schema (pg-boss, server/jobs/queue.ts): its tables are the library's, created and
 * upgraded by it at start, beside drizzle's migrations, which never touch this schema.
 */
export const QUEUE_SCHEMA = 'pgboss';

/** A role name as an SQL identifier. */
function identifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * What the application's role may do, granted by the owner after each migration: read and write every
 * table as before, but only SELECT and INSERT on the audit tables. Not their owner, it can neither
 * UPDATE, DELETE or TRUNCATE them nor ALTER them (disable the append-only triggers). The job queue's
 * schema is made by the owner (the application may not create schemas) and the application creates
 * the queue's tables in it, as their owner: pg-boss installs and upgrades them itself.
 */
export async function grantApplicationRole(owner: Database, role: string): Promise<void> {
  const pg = owner.pg;
  if (!pg) throw new Error('role grants need PostgreSQL');
  const r = identifier(role);
  const audit = APPEND_ONLY_TABLES.join(', ');
  await pg.begin(async (tx) => {
    // Under the migration lock: two processes starting together would race on the catalog rows.
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx.unsafe(`grant usage on schema public to ${r}`);
    await tx.unsafe(`grant select, insert, update, delete on all tables in schema public to ${r}`);
    await tx.unsafe(`grant usage, select on all sequences in schema public to ${r}`);
    await tx.unsafe(`revoke update, delete, truncate, references, trigger on ${audit} from ${r}`);
    await tx.unsafe(`create schema if not exists ${QUEUE_SCHEMA}`);
    await tx.unsafe(`grant usage, create on schema ${QUEUE_SCHEMA} to ${r}`);
  });
}

/**
 * Migrates the database: with MIGRATION_DATABASE_URL as that (owner) role, then granting the
 * application's role (DATABASE_URL's user) what it needs; otherwise on the application's own connection
 * (one role owns everything, as on PGlite).
 */
export async function prepareDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'MIGRATION_DATABASE_URL'>,
  database: Database,
): Promise<void> {
  if (!config.MIGRATION_DATABASE_URL || !config.DATABASE_URL) {
    await runMigrations(database);
    return;
  }
  const role = decodeURIComponent(new URL(config.DATABASE_URL).username);
  const ownerRole = decodeURIComponent(new URL(config.MIGRATION_DATABASE_URL).username);
  // The grants revoke the application's rights on the audit tables: never its owner's own.
  if (!role || role === ownerRole) {
    throw new Error(
      'DATABASE_URL must name the application role, another role than MIGRATION_DATABASE_URL (the owner)',
    );
  }
  // Two connections: the migrator runs beside the transaction that holds the migration lock.
  const owner = openPostgres(config.MIGRATION_DATABASE_URL, { max: 2, statementTimeoutMs: 0 });
  try {
    await runMigrations(owner);
    await grantApplicationRole(owner, role);
  } finally {
    await owner.close();
  }
}
