import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The real entry point as `npm start` runs it, on embedded PGlite in a temporary data folder:
 * start, seed, serve, graceful SIGTERM, restart on the same data.
 */
const root = path.resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'dgm-main-'));
const port = 20_000 + Math.floor(Math.random() * 20_000);
const base = `http://127.0.0.1:${port}`;

function startServer(): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED_COMMUNES: '20',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitHealthy(output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy:\n${output()}`);
}

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
    await waitHealthy(server.output);
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
    await waitHealthy(again.output);
    expect(again.output()).not.toContain('Demo logins (password');
    const me = await fetch(`${base}/trpc/auth.me`, { headers: { cookie } });
    expect((await me.json()).result.data.json.username).toBe('vpcp');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 180_000);
});
