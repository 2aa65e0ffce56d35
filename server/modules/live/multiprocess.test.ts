import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../db/client';
import { testDatabaseUrl, withDatabase } from '../../test/database-url';

/**
 * Two server processes sharing one PostgreSQL: a write through A reaches a subscriber on B.
 * Needs a PostgreSQL server (TEST_DATABASE_URL); CI's second pass runs it against the local one.
 */
const url = testDatabaseUrl();
if (!url)
  console.log('[live] multi-process test skipped: it needs TEST_DATABASE_URL (CI runs it on PostgreSQL)');

const root = path.resolve(import.meta.dirname, '../../..');
const SIGNING_KEY = generateKeyPairSync('ed25519')
  .privateKey.export({ format: 'pem', type: 'pkcs8' })
  .toString();

describe.skipIf(!url)('live changes across server processes', () => {
  const dbName = `dgm_mp_${randomBytes(4).toString('hex')}`;
  const children: ChildProcess[] = [];

  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
    );
    if (!url) return;
    const admin = openPostgres(url, { max: 1, statementTimeoutMs: 0 });
    await admin.pg?.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.close();
  });

  function start(port: number): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        PORT: String(port),
        DATABASE_URL: withDatabase(url ?? '', dbName),
        SESSION_SECRET: 'multi-process-test-secret-0123456789abcdef',
        // Both processes append to one audit chain with the same keys (not generated into ./data).
        AUDIT_KEY: 'multi-process-test-audit-key-0123456789abcdef',
        AUDIT_SIGNING_KEY: SIGNING_KEY,
        AUDIT_CHECKPOINT_FILE: 'off',
        SEED_COMMUNES: '20',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    child.stderr?.on('data', (d) => {
      out += d;
    });
    return new Promise((resolve, reject) => {
      const deadline = Date.now() + 90_000;
      const poll = async () => {
        try {
          if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) return resolve();
        } catch {
          // not yet
        }
        if (Date.now() > deadline || child.exitCode !== null)
          return reject(new Error(`server ${port} did not start:\n${out}`));
        setTimeout(poll, 250);
      };
      void poll();
    });
  }

  async function login(port: number, username: string): Promise<string> {
    const res = await fetch(`http://127.0.0.1:${port}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
      body: JSON.stringify({ json: { username, password: 'Demo@2026' } }),
    });
    return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }

  it('a write through process A reaches a subscriber on process B', async () => {
    const admin = openPostgres(url ?? '', { max: 1, statementTimeoutMs: 0 });
    await admin.pg?.unsafe(`create database ${dbName}`);
    await admin.close();
    const portA = 21_000 + Math.floor(Math.random() * 9000);
    const portB = portA + 1;
    await start(portA); // migrates and seeds
    await start(portB);

    const officeOnB = await login(portB, 'vpcp');
    const officerOnA = await login(portA, 'btc.chuyenvien');
    const inbox = await fetch(
      `http://127.0.0.1:${portA}/trpc/tasks.inbox?input=${encodeURIComponent(JSON.stringify({ json: { status: ['in_progress', 'overdue'] } }))}`,
      { headers: { cookie: officerOnA } },
    );
    const items = (await inbox.json()).result.data.json.items as { id: number; leadNameVi: string }[];
    const task = items.find((i) => i.leadNameVi === 'Bộ Tài chính');
    expect(task).toBeDefined();

    const controller = new AbortController();
    const stream = await fetch(
      `http://127.0.0.1:${portB}/trpc/live.changes?input=${encodeURIComponent('{"json":{}}')}`,
      {
        headers: { cookie: officeOnB, accept: 'text/event-stream' },
        signal: controller.signal,
      },
    );
    const reader = stream.body?.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const waitFor = async (needle: string) => {
      while (!buffer.includes(needle)) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) throw new Error('stream ended');
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    };
    await waitFor('"kind":"status"');

    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${portA}/trpc/tasks.postProgress`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: officerOnA,
          origin: `http://127.0.0.1:${portA}`,
        },
        body: JSON.stringify({
          json: {
            taskId: task?.id,
            percent: 60 + i,
            narrative: `Tiến độ qua tiến trình A lần ${i}`,
            idempotencyKey: `multi-process-${i}-${dbName}`,
          },
        }),
      });
      expect(res.status).toBe(200);
      await waitFor(`"percent":${60 + i}`);
      latencies.push(performance.now() - started);
    }
    controller.abort();
    console.log(
      `[live] write on process A → subscriber on process B: ${latencies.map((l) => l.toFixed(0)).join(', ')} ms`,
    );
    expect(buffer).toContain('Tiến độ qua tiến trình A lần 4');
  }, 200_000);
});
