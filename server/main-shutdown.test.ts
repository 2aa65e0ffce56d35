import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Client, Pool } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { randomTestPort, startRealServer } from './test/real-server';

/**
 * SIGTERM under load, on the real entry point (embedded PGlite in a fresh folder, no demo data): no
 * request in flight fails, a request on a kept-alive connection after the signal is answered 503 (not
 * reset), and the process exits 0 promptly, even with a connection open that never sent a request.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'dgm-shutdown-'));
const port = randomTestPort();
const base = `http://127.0.0.1:${port}`;

const startServer = () =>
  startRealServer(port, {
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    SEED_COMMUNES: '0',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    API_RATE_LIMIT_PER_MINUTE: '100000',
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Outcome {
  status?: number;
  error?: string;
}

describe('SIGTERM under load', () => {
  let server: ReturnType<typeof startServer> | undefined;
  afterAll(() => {
    // A failed run leaves no server behind on the folder it is about to delete.
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes what is in flight, answers 503 on kept-alive connections, and exits 0 promptly', async () => {
    server = startServer();
    await server.healthy();

    // Load: four loops on kept-alive connections, each until its first 503.
    const pool = new Pool(base, { connections: 4, keepAliveTimeout: 60_000 });
    const outcomes: Outcome[] = [];
    let stop = false;
    const loop = async (i: number) => {
      for (let n = 0; !stop; n++) {
        const url = (i + n) % 2 === 0 ? '/healthz' : '/trpc/auth.me';
        try {
          const res = await pool.request({ path: url, method: 'GET' });
          const body = await res.body.text();
          outcomes.push({ status: res.statusCode });
          if (res.statusCode === 503) {
            expect(res.headers['retry-after']).toBeDefined();
            expect(JSON.parse(body)).toEqual({ error: 'UNAVAILABLE' });
            return;
          }
        } catch (err) {
          outcomes.push({ error: (err as { code?: string }).code ?? String(err) });
          return;
        }
      }
    };
    const loops = [0, 1, 2, 3].map(loop);

    // A connection kept alive after one answer, then idle when the signal comes.
    const kept = new Client(base, { keepAliveTimeout: 60_000 });
    expect((await kept.request({ path: '/healthz', method: 'GET' })).statusCode).toBe(200);
    // A connection that never sends a request must not hold the exit up.
    const silent = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => silent.once('connect', resolve));
    silent.on('error', () => {});

    // A request in flight across the signal: its body is still arriving when SIGTERM is sent.
    const slow = new Client(base);
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const body = Readable.from(
      (async function* () {
        yield '{"json":{"username":"nobody-here",';
        await released;
        yield '"password":"not-the-password-0"}}';
      })(),
    );
    const slowAnswer = slow
      .request({
        path: '/trpc/auth.login',
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body,
      })
      .then(async (res) => ({ status: res.statusCode, body: await res.body.text() }));

    await sleep(300);
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    while (!server.output().includes('shutting down')) await sleep(20);

    const late = await kept.request({ path: '/trpc/auth.me', method: 'GET' });
    expect(late.statusCode).toBe(503);
    expect(late.headers['retry-after']).toBe('5');
    expect(late.headers.connection).toBe('close');
    expect(await late.body.json()).toEqual({ error: 'UNAVAILABLE' });

    release();
    const finished = await slowAnswer;
    // Its normal answer (unknown account), not a 503 or a cut connection.
    expect(finished.status).toBe(401);
    expect(JSON.parse(finished.body).error.json.data.appCode).toBe('INVALID_CREDENTIALS');

    stop = true;
    await Promise.all(loops);
    expect(await server.exited, server.output()).toBe(0);
    const exitMs = Date.now() - signalled;
    expect(server.output()).toContain('shut down cleanly');

    expect(outcomes.filter((o) => o.error)).toEqual([]);
    expect(outcomes.filter((o) => o.status === 200).length).toBeGreaterThan(10);
    expect(outcomes.every((o) => o.status === 200 || o.status === 503)).toBe(true);
    // Prompt: the linger (1 s) and the close, not a headers timeout of the silent connection (60 s).
    expect(exitMs).toBeLessThan(10_000);

    silent.destroy();
    await Promise.all([pool.close(), kept.close(), slow.close()]).catch(() => {});
  }, 240_000);
});
