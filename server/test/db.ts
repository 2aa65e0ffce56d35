import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../db/client';
import { withDatabase } from './database-url';

/**
 * A database of the test file's own, copied from the migrated template with reference data
 * (agencies with a few communes per province, task groups, KPIs), so tests cannot see each other's rows.
 */
export async function createTestDatabase(): Promise<Database> {
  const config = inject('testDb');
  if (config.kind === 'pglite') {
    const dump = new Blob([readFileSync(config.dumpFile)]);
    return openPglite(undefined, dump);
  }
  const name = `dgm_t_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(config.templateUrl.replace(/\/[^/]*$/, '/postgres'), {
    max: 1,
    statementTimeoutMs: 0,
  });
  await admin.pg?.unsafe(`create database ${name} template ${new URL(config.templateUrl).pathname.slice(1)}`);
  await admin.close();
  const database = openPostgres(withDatabase(config.templateUrl, name), { max: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = openPostgres(config.templateUrl.replace(/\/[^/]*$/, '/postgres'), {
        max: 1,
        statementTimeoutMs: 0,
      });
      await cleanup.pg?.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.close();
    },
  };
}
