import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { resolveSession } from '../modules/auth/sessions';
import { taskChangeMark } from '../modules/live/change-cache';
import { findTasks, loadTaskDetail } from '../modules/tasks/queries';
import { statusClock } from '../modules/tasks/status-sql';
import { testDatabaseUrl, withDatabase } from '../test/database-url';
import { type Database, type Db, genericPlans, openPostgres } from './client';
import { selectRows } from './rows';

/**
 * Which statements PostgreSQL plans once per connection and which for the values of each execution
 * (docs/decisions/0019-prepared-statements.md): a task's detail, its change mark and the session lookup
 * once, the task list at every page. Needs PostgreSQL (TEST_DATABASE_URL): PGlite plans every statement for its values.
 * One connection per pool, so that the statements' counts are read on the connection that ran them.
 */
const url = testDatabaseUrl();
if (!url) console.log('[plans] statement plan test skipped: it needs TEST_DATABASE_URL (PostgreSQL)');

interface PlanCounts {
  statement: string;
  generic: number;
  custom: number;
}

const plansOn = (db: Db) =>
  selectRows<PlanCounts>(
    db,
    sql`select statement, generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements`,
  );

describe.skipIf(!url)('statement plans on PostgreSQL', () => {
  const name = `dgm_t_plans_${randomBytes(4).toString('hex')}`;
  let admin: Database;
  let database: Database;
  const clock = statusClock(new Date('2026-12-07T03:00:00Z'));

  beforeAll(async () => {
    const testDb = inject('testDb');
    if (testDb.kind !== 'postgres') throw new Error('the test template is not on PostgreSQL');
    const templateUrl = testDb.templateUrl;
    admin = openPostgres(withDatabase(templateUrl, 'postgres'), { max: 1, statementTimeoutMs: 0 });
    await admin.pg?.unsafe(`create database ${name} template ${new URL(templateUrl).pathname.slice(1)}`);
    database = openPostgres(withDatabase(templateUrl, name), { max: 1 });
  });
  afterAll(async () => {
    await database?.close();
    await admin?.pg?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.close();
  });

  it("plans a task's detail, its change mark and the session lookup once per connection, a list page for its own values", async () => {
    for (const taskId of [1, 2, 3, 4]) {
      await expect(loadTaskDetail(database.db, taskId, clock)).rejects.toThrow('NOT_FOUND');
      await taskChangeMark(database.db, taskId);
      await resolveSession(database.db, { SESSION_SECRET: 's', SESSION_TTL_HOURS: 8 }, `token-${taskId}`);
    }
    const plans = await plansOn(genericPlans(database.db));
    const read = (table: string) => plans.filter((p) => p.statement.includes(`from "${table}"`));
    const detail = [
      'tasks',
      'task_coordinators',
      'progress_updates',
      'extension_requests',
      'completion_reports',
    ];
    for (const table of [...detail, 'audit_log', 'change_events', 'sessions']) {
      expect(read(table).length, table).toBeGreaterThan(0);
      for (const p of read(table)) expect([table, p.custom, p.generic]).toEqual([table, 0, 4]);
    }

    // A generic plan cannot see which agency, search or page a list statement serves.
    for (const page of [1, 2, 3]) {
      const input = { agencyId: 1, sort: 'deadline', direction: 'asc', page, pageSize: 25 } as const;
      expect((await findTasks(database.db, input, clock)).items).toEqual([]);
    }
    const pages = (await plansOn(database.db)).filter((p) => /limit \$\d+ offset \$\d+/.test(p.statement));
    expect(pages.map((p) => [p.custom, p.generic])).toEqual([[3, 0]]);
  });

  it('compiles no statement just in time, on either pool (an estimate is not a run: 0.6 s of JIT on a 0.1 s report)', async () => {
    for (const db of [database.db, genericPlans(database.db)]) {
      const [setting] = await selectRows<{ jit: string }>(db, sql`select current_setting('jit') as jit`);
      expect(setting?.jit).toBe('off');
    }
  });
});
