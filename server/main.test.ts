import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { randomTestPort, startRealServer } from './test/real-server';

/**
 * The real entry point as `npm start` runs it, on embedded PGlite in a temporary data folder:
 * start, seed, serve, graceful SIGTERM, restart on the same data.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'dgm-main-'));
const port = randomTestPort();
const base = `http://127.0.0.1:${port}`;

const startServer = () =>
  startRealServer(port, {
    DATA_DIR: dataDir,
    SEED_COMMUNES: '20',
    LOG_LEVEL: 'info',
  });

async function login(username: string): Promise<Response> {
  return fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ json: { username, password: 'Demo@2026' } }),
  });
}

describe('the server process', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds an empty database, prints the demo logins, and shuts down gracefully on SIGTERM', async () => {
    const server = startServer();
    await server.healthy();
    expect(server.output()).toContain('Demo logins');
    expect(server.output()).toMatch(/vpcp\s+.*Văn phòng Chính phủ/);

    // A second process on the same data folder is refused instead of corrupting it.
    const intruder = startServer();
    expect(await intruder.exited).not.toBe(0);
    expect(intruder.output()).toMatch(/in use by process/);

    const loggedIn = await login('vpcp');
    expect(loggedIn.status).toBe(200);
    const cookie = (loggedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    // An open live stream must not hold the shutdown up.
    const stream = await fetch(`${base}/trpc/live.changes?input=${encodeURIComponent('{"json":{}}')}`, {
      headers: { cookie, accept: 'text/event-stream' },
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toMatch(/database/);

    // A request in flight when SIGTERM arrives still gets its answer.
    const inFlight = login('btc.chuyenvien');
    await new Promise((r) => setTimeout(r, 15));
    server.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await server.exited, server.output()).toBe(0);
    expect(server.output()).toContain('shut down cleanly');
    expect(existsSync(path.join(dataDir, 'server.lock'))).toBe(false);
    reader?.cancel().catch(() => {});

    // Restart on the same folder: nothing re-seeded, nothing lost, the session survived.
    const again = startServer();
    await again.healthy();
    expect(again.output()).not.toContain('Demo logins (password');
    const me = await fetch(`${base}/trpc/auth.me`, { headers: { cookie } });
    expect((await me.json()).result.data.json.username).toBe('vpcp');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 330_000);
});
