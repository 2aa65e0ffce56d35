/**
 * The audit chain's verification at a million entries (issue 13: ≤ 60 s). `npm run bench -- --only=audit`
 * fills a database of its own (the bench database's name + `_audit`, dropped and made again when it
 * does not hold `entries` entries) with keyed entries of the sizes the server writes (progress
 * updates, task edits with before and after), hashed in code and copied in, a signed checkpoint every
 * 100,000 entries, then times `verifyAuditTrail` over all of it (`--audit-entries=N` to change the count).
 */
import os from 'node:os';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db } from '../server/db/client';
import { runMigrations } from '../server/db/migrate';
import * as schema from '../server/db/schema';
import { loadConfig } from '../server/env';
import { signCheckpoint } from '../server/modules/audit/checkpoints';
import { type AuditContent, auditHmac, GENESIS_HASH, KEYED_ALG } from '../server/modules/audit/hash';
import { auditKeysFrom } from '../server/modules/audit/keys';
import { verifyAuditTrail } from '../server/modules/audit/service';
import { type Figure, figure } from './figures';

const BUDGET_SECONDS = 60;
const CHECKPOINT_EVERY = 100_000;

/** One entry as the server writes them: mostly progress updates, some task edits and decisions. */
function entryAt(i: number, start: number): AuditContent {
  const taskId = 1 + (i % 5000);
  const at = new Date(start + i * 1000);
  const who = {
    userId: 1 + (i % 400),
    username: `canbo.${i % 400}`,
    role: 'officer',
    agencyId: 1 + (i % 90),
  };
  if (i % 10 === 9) {
    const task = {
      id: taskId,
      title: `Nhiệm vụ số ${taskId}: xây dựng cơ sở dữ liệu quốc gia`,
      leadAgencyId: 1 + (i % 90),
      coordinatorIds: [2, 3, 5],
      deadline: '2026-12-31',
      priority: 'normal',
      version: i,
    };
    return {
      at,
      ...who,
      role: 'office',
      action: 'task.update',
      entityType: 'task',
      entityId: String(taskId),
      before: task,
      after: { ...task, deadline: '2027-03-31', version: i + 1 },
    };
  }
  return {
    at,
    ...who,
    action: 'task.progress',
    entityType: 'task',
    entityId: String(taskId),
    before: null,
    after: {
      id: i,
      kind: 'progress',
      taskId,
      percent: i % 100,
      narrative: `Đã hoàn thành ${i % 100}% khối lượng công việc theo kế hoạch`,
      evidenceUrl: null,
    },
  };
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function fill(sql: postgres.Sql, entries: number, keys: ReturnType<typeof auditKeysFrom>) {
  const start = Date.UTC(2026, 0, 1);
  const stream = await sql`
    copy audit_log (id, at, user_id, username, role, agency_id, action, entity_type, entity_id, before, after,
      prev_hash, hash, hash_alg) from stdin with (format csv)`.writable();
  const write = (chunk: string) =>
    new Promise<void>((resolve, reject) => stream.write(chunk, (err) => (err ? reject(err) : resolve())));
  let prevHash = GENESIS_HASH;
  let chunk = '';
  const checkpoints: { entryCount: number; headId: number; headHash: string; at: Date }[] = [];
  for (let i = 1; i <= entries; i++) {
    const e = entryAt(i, start);
    const hash = auditHmac(keys.hmac, prevHash, e);
    chunk += `${[
      i,
      e.at.toISOString(),
      e.userId,
      e.username,
      e.role,
      e.agencyId,
      e.action,
      e.entityType,
      e.entityId,
      e.before === null ? null : JSON.stringify(e.before),
      JSON.stringify(e.after),
      prevHash,
      hash,
      KEYED_ALG,
    ]
      .map(csvField)
      .join(',')}\n`;
    prevHash = hash;
    if (i % CHECKPOINT_EVERY === 0 || i === entries)
      checkpoints.push({ entryCount: i, headId: i, headHash: hash, at: new Date(start + i * 1000) });
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
    if (i % 200_000 === 0) console.log(`  ${i} audit entries copied`);
  }
  if (chunk) await write(chunk);
  await new Promise<void>((resolve, reject) =>
    stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  await sql`select setval('audit_log_id_seq', ${String(entries)}::bigint)`;
  for (const c of checkpoints) {
    await sql`insert into audit_checkpoints (at, entry_count, head_id, head_hash, key_id, signature)
      values (${c.at.toISOString()}::timestamptz, ${String(c.entryCount)}::bigint, ${String(c.headId)}::bigint, ${c.headHash}, ${keys.keyId}, ${signCheckpoint(keys, c)})`;
  }
  await sql`analyze audit_log`;
}

export async function runAuditBench(options: { databaseUrl: string; entries: number }): Promise<Figure[]> {
  const target = new URL(options.databaseUrl);
  const name = `${target.pathname.slice(1)}_audit`;
  if (!name.includes('bench')) throw new Error(`refusing to drop ${name}: not a bench database`);
  target.pathname = `/${name}`;
  // The test configuration's fixed keys: the same chain on every run, so a filled database is reused.
  const keys = auditKeysFrom(loadConfig({ NODE_ENV: 'test' }));
  const adminUrl = new URL(options.databaseUrl);
  adminUrl.pathname = '/postgres';
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  let sql = postgres(target.toString(), { max: 4, onnotice: () => {} });
  let ready = false;
  if (exists) {
    try {
      const [row] = await sql`select count(*)::int as n from audit_log where hash_alg = ${KEYED_ALG}`;
      const [total] = await sql`select count(*)::int as n from audit_log`;
      const [signed] = await sql`select count(*)::int as n from audit_checkpoints`;
      ready =
        row?.n === options.entries &&
        total?.n === options.entries &&
        signed?.n === Math.ceil(options.entries / CHECKPOINT_EVERY);
    } catch {
      ready = false;
    }
  }
  if (!ready) {
    await sql.end();
    console.log(`  audit bench: filling ${name} with ${options.entries} keyed entries…`);
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
    sql = postgres(target.toString(), { max: 4, onnotice: () => {} });
    const db = drizzle(sql, { schema }) as unknown as Db;
    await runMigrations({
      db,
      kind: 'postgres',
      label: name,
      pg: sql,
      ping: async () => true,
      close: () => sql.end(),
    });
    const t = performance.now();
    await fill(sql, options.entries, keys);
    console.log(`  filled in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  await admin.end();
  try {
    const db = drizzle(sql, { schema }) as unknown as Db;
    // A first pass reads the table into memory as a server that has run for a while would have it.
    const runs: number[] = [];
    // The process's own CPU time beside the wall time: on a shared machine, the wall time includes
    // waiting for a core; CPU time is what the verification itself costs here.
    const cpu: number[] = [];
    let result: Awaited<ReturnType<typeof verifyAuditTrail>> | undefined;
    for (let run = 0; run < 2; run++) {
      const t = performance.now();
      const c = process.cpuUsage();
      result = await verifyAuditTrail(db, { keys });
      runs.push((performance.now() - t) / 1000);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1e6);
    }
    if (!result?.ok || result.checked !== options.entries) {
      throw new Error(`audit bench: verification failed: ${JSON.stringify(result)}`);
    }
    const seconds = Math.max(...runs);
    const load = os.loadavg()[0]?.toFixed(1);
    const detail = `${runs.map((s) => s.toFixed(1)).join(' s, ')} s wall; ${cpu.map((s) => s.toFixed(1)).join(' s, ')} s CPU of this process; load average ${load} on ${os.cpus().length} cores`;
    console.log(
      `  audit verification: ${options.entries} entries, ${result.checkpoints} checkpoints; ${detail} (${Math.round(options.entries / seconds)} entries/s)`,
    );
    return [
      figure(
        `audit.verify, ${options.entries} entries (whole chain + checkpoints)`,
        's',
        seconds,
        BUDGET_SECONDS,
        {
          note: `keyed chain (HMAC-SHA256) with ${result.checkpoints} signed checkpoints, batches of 10,000; slower of 2 runs (${detail}); ${Math.round(options.entries / seconds)} entries/s`,
        },
      ),
    ];
  } finally {
    await sql.end();
  }
}
