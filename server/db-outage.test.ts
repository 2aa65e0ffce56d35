import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LiveMessage } from '../shared/live-events';
import { type Database, openPostgres } from './db/client';
import { createTestApp, createUser } from './test/app';
import { testDatabaseUrl, withDatabase } from './test/database-url';
import { CAST, newKey, today } from './test/tasks';

/**
 * The database stopped for 3 s under load, on PostgreSQL: the server reaches it through a TCP proxy in
 * this test, and "stopping" it cuts every connection and refuses new ones (the machine's PostgreSQL
 * server keeps running for the other tests). Meanwhile requests are answered 503 with Retry-After, none
 * waits more than 10 s, the live stream says the database is down, and 5 s after its return ≥ 99 % of
 * requests succeed. CI's second pass (TEST_DATABASE_URL) runs it; on PGlite there is no socket to cut.
 */
const url = testDatabaseUrl();
if (!url) console.log('[outage] database outage test skipped: it needs TEST_DATABASE_URL (CI runs it)');

const OUTAGE_MS = 3000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A TCP proxy to PostgreSQL that can be "stopped": connections cut, new ones refused. */
function startProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server;
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => {});
          s.once('close', () => {
            sockets.delete(s);
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  return {
    listen,
    /** Every connection cut and the port closed: connecting is refused until `start`. */
    stop: async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}

interface Sample {
  start: number;
  end: number;
  status: number;
  retryAfter: boolean;
  path: string;
  error?: string;
}

/** Reads a tRPC SSE stream's status messages as they come. */
async function watchStatus(res: Response, seen: { at: number; database: string }[]) {
  const reader = res.body?.getReader();
  if (!reader) return;
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
      const data = /^data: ?(.*)$/m.exec(buffer.slice(0, cut))?.[1];
      buffer = buffer.slice(cut + 2);
      const message = data ? (JSON.parse(data)?.json as LiveMessage | undefined) : undefined;
      if (message?.kind === 'status') seen.push({ at: Date.now(), database: message.database });
    }
  }
}

// (The body is read to collect the test even when it is skipped: no URL, a placeholder.)
const serverUrl = url ?? 'postgres://localhost:5432/postgres';

describe.skipIf(!url)('the database stopped for 3 s under load (PostgreSQL)', () => {
  const name = `dgm_outage_${randomBytes(4).toString('hex')}`;
  const adminUrl = withDatabase(serverUrl, 'postgres');
  const target = new URL(serverUrl);
  const proxy = startProxy({ host: target.hostname, port: Number(target.port || 5432) });
  let database: Database;
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let proxyPort: number;

  beforeAll(async () => {
    const testDb = inject('testDb');
    if (testDb.kind !== 'postgres') throw new Error('expected the PostgreSQL test template');
    const admin = openPostgres(adminUrl, { max: 1, statementTimeoutMs: 0 });
    await admin.pg?.unsafe(
      `create database ${name} template ${new URL(testDb.templateUrl).pathname.slice(1)}`,
    );
    await admin.close();
    proxyPort = await proxy.listen(0);
    const viaProxy = new URL(withDatabase(serverUrl, name));
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxyPort);
    database = openPostgres(viaProxy.toString());
    t = await createTestApp({
      database,
      config: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000', API_RATE_LIMIT_PER_MINUTE: '1000000' },
    });
  });

  afterAll(async () => {
    t?.app.server.closeAllConnections();
    await t?.close();
    await database?.close();
    await proxy.stop().catch(() => {});
    const admin = openPostgres(adminUrl, { max: 1, statementTimeoutMs: 0 });
    await admin.pg?.unsafe(`drop database if exists ${name} with (force)`);
    await admin.close();
  });

  it('answers 503 with Retry-After meanwhile, never hangs, recovers within 5 s, and tells the live stream', async () => {
    await createUser(database, { ...CAST.office });
    const finance = await createUser(database, { ...CAST.leadOfficer });
    const office = await t.login(CAST.office.username);
    const officer = await t.login(CAST.leadOfficer.username);
    const created = await t.trpc(
      'tasks.createDocument',
      {
        number: '1/QĐ-TTg-outage',
        kind: 'decision',
        issuedOn: today(-10),
        signer: 'Phó Thủ tướng',
        title: 'Quyết định thử khi mất cơ sở dữ liệu',
        tasks: [{ title: 'Nhiệm vụ thử', leadAgencyId: finance.agencyId, deadline: today(30) }],
      },
      { cookie: office },
    );
    expect(created.status).toBe(200);
    const taskId = created.data.taskIds[0] as number;

    // The live stream, over a real connection.
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const statuses: { at: number; database: string }[] = [];
    const streamControl = new AbortController();
    const stream = await fetch(`${base}/trpc/live.changes?input=${encodeURIComponent('{"json":{}}')}`, {
      headers: { cookie: office, accept: 'text/event-stream' },
      signal: streamControl.signal,
    });
    const watching = watchStatus(stream, statuses);

    // Load: reads of lists and the dashboard, the session check, and progress reports (writes).
    const samples: Sample[] = [];
    let running = true;
    let reports = 0;
    const calls: (() => Promise<{ status: number; headers: Record<string, unknown>; error?: unknown }>)[] = [
      () => t.trpc('tasks.list', { pageSize: 20 }, { method: 'GET', cookie: office }),
      () => t.trpc('tasks.dashboard', undefined, { method: 'GET', cookie: office }),
      () => t.trpc('auth.me', undefined, { method: 'GET', cookie: officer }),
      () =>
        t.trpc(
          'tasks.postProgress',
          {
            taskId,
            percent: (++reports % 90) + 1,
            narrative: 'Tiến độ trong lúc thử mất cơ sở dữ liệu',
            idempotencyKey: newKey('outage'),
          },
          { cookie: officer },
        ),
    ];
    const loop = async (i: number) => {
      for (let n = i; running; n++) {
        const call = calls[n % calls.length];
        if (!call) continue;
        const start = Date.now();
        const res = await call();
        samples.push({
          start,
          end: Date.now(),
          status: res.status,
          retryAfter: res.headers['retry-after'] !== undefined,
          path: ['list', 'dashboard', 'me', 'progress'][n % calls.length] ?? '',
          error: res.status === 200 ? undefined : JSON.stringify(res.error).slice(0, 400),
        });
        await sleep(10);
      }
    };
    const loops = [0, 1, 2, 3, 4, 5].map(loop);

    await sleep(2000);
    const stopped = Date.now();
    await proxy.stop();
    await sleep(OUTAGE_MS);
    await proxy.listen(proxyPort);
    const back = Date.now();
    await sleep(8000);
    running = false;
    await Promise.all(loops);
    streamControl.abort();
    await watching;

    const before = samples.filter((s) => s.end < stopped);
    const during = samples.filter((s) => s.start >= stopped + 200 && s.end <= back);
    const settled = samples.filter((s) => s.start >= back + 5000);
    const worst = Math.max(...samples.map((s) => s.end - s.start));
    const firstOk = samples
      .filter((s) => s.start >= back && s.status === 200)
      .sort((a, b) => a.end - b.end)[0];
    const rate = (list: Sample[]) => list.filter((s) => s.status === 200).length / Math.max(1, list.length);
    console.log(
      `[outage] ${samples.length} requests; before ${before.length} (${(100 * rate(before)).toFixed(1)} % ok); ` +
        `during ${during.length} (${during.filter((s) => s.status === 503).length} × 503); ` +
        `first success ${firstOk ? firstOk.end - back : '-'} ms after the return; ` +
        `from 5 s after the return ${settled.length} (${(100 * rate(settled)).toFixed(2)} % ok); longest wait ${worst} ms`,
    );
    for (const s of samples.filter((x) => x.status !== 200 && x.end > back))
      console.log(
        `[outage] after the return: ${s.path} started ${s.start - back} ms, took ${s.end - s.start} ms, ${s.status} ${s.error ?? ''}`,
      );

    expect(rate(before)).toBe(1);
    // Meanwhile: 503 with Retry-After, never a 500 or any other failure.
    expect(during.length).toBeGreaterThan(0);
    for (const s of samples.filter((x) => x.status !== 200)) {
      expect(s, JSON.stringify(s)).toMatchObject({ status: 503, retryAfter: true });
    }
    expect(during.filter((s) => s.status === 503).length).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(10_000);
    expect(settled.length).toBeGreaterThan(20);
    expect(rate(settled)).toBeGreaterThanOrEqual(0.99);
    // The live stream stayed open, said the database was down during the outage, and up after it.
    const down = statuses.find((s) => s.database === 'down');
    expect(down && down.at >= stopped && down.at <= back + 1000).toBe(true);
    expect(statuses.some((s) => s.database === 'up' && s.at > (down?.at ?? 0))).toBe(true);
  }, 120_000);
});
