import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../db/client';
import { runMigrations } from '../db/migrate';
import { seedReference } from '../seed/reference';
import { TEMPLATE_DB, testDatabaseUrl, withDatabase } from './database-url';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { kind: 'pglite'; dumpFile: string } | { kind: 'postgres'; templateUrl: string };
  }
}

/** Migrate and load reference data once; each test file then starts from a copy of it. */
export default async function setup(project: TestProject) {
  const url = testDatabaseUrl();
  if (url) {
    const admin = openPostgres(url, { max: 1, statementTimeoutMs: 0 });
    await admin.pg?.unsafe(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.pg?.unsafe(`create database ${TEMPLATE_DB}`);
    const templateUrl = withDatabase(url, TEMPLATE_DB);
    const template = openPostgres(templateUrl, { max: 2 });
    await runMigrations(template);
    await seedReference(template.db, { communes: 68 });
    await template.close();
    await admin.close();
    console.log(`[tests] server tests run on PostgreSQL (${new URL(url).host}), a database per test file`);
    project.provide('testDb', { kind: 'postgres', templateUrl });
    return;
  }
  const database = await openPglite();
  await runMigrations(database);
  await seedReference(database.db, { communes: 68 });
  const dump = await database.pglite?.dumpDataDir('none');
  await database.close();
  if (!dump) throw new Error('PGlite dump failed');
  const dir = mkdtempSync(path.join(tmpdir(), 'dgm-test-'));
  const dumpFile = path.join(dir, 'template.tar');
  writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  console.log('[tests] server tests run on embedded PGlite in memory, a database per test file');
  project.provide('testDb', { kind: 'pglite', dumpFile });
  return () => rmSync(dir, { recursive: true, force: true });
}
