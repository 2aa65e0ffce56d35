import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobQueue } from '../jobs/queue';
import { writeCheckpoint } from '../modules/audit/checkpoints';
import { auditKeysFrom, setAuditKeys } from '../modules/audit/keys';
import { appendAudit, verifyAuditTrail } from '../modules/audit/service';
import { testConfig } from '../test/app';
import { testDatabaseUrl, withDatabase } from '../test/database-url';
import { type Database, openPostgres } from './client';
import { prepareDatabase } from './roles';
import { selectRows } from './rows';

/**
 * The application's role and the owner's (MIGRATION_DATABASE_URL): the application may read and append
 * to the audit tables and nothing more, so it cannot cut or rewrite the trail, nor switch off the
 * triggers that forbid it. Needs PostgreSQL (TEST_DATABASE_URL): PGlite has a single user.
 */
const url = testDatabaseUrl();
if (!url) console.log('[audit] role separation test skipped: it needs TEST_DATABASE_URL (PostgreSQL)');

describe.skipIf(!url)('the application role on PostgreSQL', () => {
  const suffix = randomBytes(4).toString('hex');
  const dbName = `dgm_roles_${suffix}`;
  const role = `dgm_app_${suffix}`;
  let admin: Database;
  let app: Database;
  let owner: Database;

  beforeAll(async () => {
    admin = openPostgres(url ?? '', { max: 1, statementTimeoutMs: 0 });
    await admin.pg?.unsafe(`create database ${dbName}`);
    await admin.pg?.unsafe(`create role ${role} login`);
    const ownerUrl = withDatabase(url ?? '', dbName);
    const appUrl = new URL(ownerUrl);
    appUrl.username = role;
    appUrl.password = '';
    app = openPostgres(appUrl.toString(), { max: 2 });
    await prepareDatabase({ DATABASE_URL: appUrl.toString(), MIGRATION_DATABASE_URL: ownerUrl }, app);
    owner = openPostgres(ownerUrl, { max: 1 });
    setAuditKeys(auditKeysFrom(testConfig()));
  });
  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await admin?.pg?.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin?.pg?.unsafe(`drop role if exists ${role}`);
    await admin?.close();
  });

  /** The database's refusal of a statement run as the application, or 'not refused'. */
  async function refusal(statement: ReturnType<typeof sql>): Promise<string> {
    try {
      await app.db.execute(statement);
    } catch (error) {
      const e = error as Error & { cause?: Error };
      return e.cause?.message ?? e.message;
    }
    return 'not refused';
  }
  const count = async () =>
    (await selectRows<{ n: number }>(owner.db, sql`select count(*)::int as n from audit_log`))[0]?.n;

  it('the application appends and reads audit entries and checkpoints, and uses the other tables', async () => {
    const [me] = await selectRows<{ user: string }>(app.db, sql`select current_user as "user"`);
    expect(me?.user).toBe(role);
    for (let i = 0; i < 3; i++) {
      await app.db.transaction((tx) =>
        appendAudit(tx as never, null, {
          action: 'test.write',
          entityType: 'test',
          entityId: i,
          after: { i },
        }),
      );
    }
    expect(await count()).toBe(3);
    expect(await writeCheckpoint(app.db, auditKeysFrom(testConfig()))).toMatchObject({ entryCount: 3 });
    expect(await verifyAuditTrail(app.db)).toMatchObject({ ok: true, checked: 3, checkpoints: 1 });
    // Every other table as before: e.g. agencies read and written.
    await app.db.execute(
      sql`insert into agencies (code, name_vi, name_en, kind, level, search_text, sort_key)
        values ('TEST', 'Cơ quan thử', 'Test agency', 'ministry', 'central', 'co quan thu', 'co quan thu')`,
    );
    await app.db.execute(sql`update agencies set name_en = 'Test agency 2' where name_vi = 'Cơ quan thử'`);
  });

  it('the application runs the job queue in the schema the owner made for it', async () => {
    // Not allowed to create a schema in this database: pg-boss installs its tables in the owner's one.
    expect(await refusal(sql`create schema if not exists pgboss`)).toMatch(/permission denied/);
    let ran: (n: number) => void = () => {};
    const done = new Promise<number>((resolve) => {
      ran = resolve;
    });
    const queue = await startJobQueue(app, {
      jobs: [
        {
          name: 'test.as-app',
          failure: 'failed',
          policy: 'standard',
          run: async (data: { n: number }) => ran(data.n),
        },
      ],
      pollingIntervalSeconds: 0.5,
    });
    try {
      await queue.send('test.as-app', { n: 3 });
      expect(await done).toBe(3);
    } finally {
      await queue.stop();
    }
    const [owner] = await selectRows<{ owner: string }>(
      app.db,
      sql`select tableowner as owner from pg_tables where schemaname = 'pgboss' and tablename = 'job'`,
    );
    expect(owner?.owner).toBe(role);
  });

  it.each([
    ['UPDATE', sql`update audit_log set action = 'x'`],
    ['DELETE', sql`delete from audit_log`],
    ['TRUNCATE', sql`truncate audit_log`],
    ['ALTER TABLE … DISABLE TRIGGER', sql`alter table audit_log disable trigger user`],
    ['DROP TRIGGER', sql`drop trigger audit_log_no_update_delete on audit_log`],
    ['UPDATE of a checkpoint', sql`update audit_checkpoints set entry_count = 1`],
    ['DELETE of a checkpoint', sql`delete from audit_checkpoints`],
    ['ALTER TABLE on checkpoints', sql`alter table audit_checkpoints disable trigger user`],
  ])('the application role is refused %s on the audit tables', async (_op, statement) => {
    const before = await count();
    expect(await refusal(statement)).toMatch(/permission denied|must be owner/);
    expect(await count()).toBe(before);
    expect((await verifyAuditTrail(app.db)).ok).toBe(true);
  });
});
