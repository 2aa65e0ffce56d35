import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../env';
import { createTestApp, createUser, TEST_PASSWORD } from '../test/app';

const OFFICE = 'Văn phòng Chính phủ';

/** A tRPC batch of logins posted as one request, as `?batch=1` clients send it. */
function loginBatch(passwords: string[], username: string) {
  return {
    method: 'POST' as const,
    url: `/trpc/${passwords.map(() => 'auth.login').join(',')}?batch=1`,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(
      Object.fromEntries(passwords.map((password, i) => [i, { json: { username, password } }])),
    ),
  };
}

describe('rate limits', () => {
  it('are not lifted by an Accept: text/event-stream header', async () => {
    const t = await createTestApp({ config: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    await createUser(t.database, { username: 'rl.sse', role: 'office', agency: OFFICE });
    const sse = { accept: 'text/event-stream' };
    for (let i = 0; i < 3; i++)
      expect(
        (await t.trpc('auth.login', { username: 'rl.sse', password: 'wrong' }, { headers: sse })).status,
      ).toBe(401);
    const right = await t.trpc(
      'auth.login',
      { username: 'rl.sse', password: TEST_PASSWORD },
      { headers: sse },
    );
    expect(right.status).toBe(429);
    expect(right.headers['retry-after']).toBeDefined();
    await t.close();
  });

  it('count every login of a batch: ten guesses in one request use up ten attempts', async () => {
    const t = await createTestApp({ config: { LOGIN_RATE_LIMIT_PER_MINUTE: '10' } });
    await createUser(t.database, { username: 'rl.batch', role: 'office', agency: OFFICE });
    const guesses = await t.app.inject(
      loginBatch(
        Array.from({ length: 10 }, (_, i) => `wrong-${i}`),
        'rl.batch',
      ),
    );
    expect(guesses.statusCode).not.toBe(429);
    const right = await t.trpc('auth.login', { username: 'rl.batch', password: TEST_PASSWORD });
    expect(right.status).toBe(429);
    await t.close();
  });

  it('refuse a forty-login batch without checking any password, and it still counts forty', async () => {
    const t = await createTestApp({ config: { LOGIN_RATE_LIMIT_PER_MINUTE: '10' } });
    await createUser(t.database, { username: 'rl.forty', role: 'office', agency: OFFICE });
    const batch = Array.from({ length: 39 }, (_, i) => `wrong-${i}`).concat(TEST_PASSWORD);
    const res = await t.app.inject(loginBatch(batch, 'rl.forty'));
    expect(res.statusCode).toBe(429);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((await t.trpc('auth.login', { username: 'rl.forty', password: TEST_PASSWORD })).status).toBe(429);
    await t.close();
  });

  it('refuse batches longer than the cap, and count each call of the ones they accept', async () => {
    const t = await createTestApp({ config: { API_RATE_LIMIT_PER_MINUTE: '25' } });
    const batch = (n: number) => ({
      method: 'GET' as const,
      url: `/trpc/${Array.from({ length: n }, () => 'auth.me').join(',')}?batch=1&input=${encodeURIComponent(
        JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: null }]))),
      )}`,
    });
    expect((await t.app.inject(batch(11))).statusCode).toBe(400);
    expect((await t.app.inject(batch(10))).statusCode).toBe(200);
    // 11 + 10 calls so far: a batch of 5 would make 26 of the 25 allowed.
    expect((await t.app.inject(batch(5))).statusCode).toBe(429);
    await t.close();
  });

  it('leave the page and its assets alone: a login wave behind one address still gets its stylesheet', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dgm-static-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(path.join(dir, 'assets', 'app.css'), 'body{}');
    const t = await createTestApp({ config: { API_RATE_LIMIT_PER_MINUTE: '3' }, app: { clientDir: dir } });
    for (let i = 0; i < 10; i++) {
      expect((await t.app.inject({ method: 'GET', url: '/assets/app.css' })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: '/login' })).statusCode).toBe(200);
    }
    const api = [];
    for (let i = 0; i < 4; i++)
      api.push((await t.app.inject({ method: 'GET', url: '/trpc/auth.me' })).statusCode);
    expect(api).toEqual([200, 200, 200, 429]);
    await t.close();
  });

  it('behind a trusted proxy, key on the right-most untrusted address, not the one the client writes', async () => {
    const t = await createTestApp({
      config: { LOGIN_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '127.0.0.1' },
    });
    await createUser(t.database, { username: 'rl.proxy', role: 'office', agency: OFFICE });
    const from = (spoofed: string, client: string) => ({
      headers: { 'x-forwarded-for': `${spoofed}, ${client}` },
    });
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (
          await t.trpc(
            'auth.login',
            { username: 'rl.proxy', password: 'wrong' },
            from(`10.9.9.${i}`, '203.0.113.7'),
          )
        ).status,
      );
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Another client behind the same proxy keeps its own allowance.
    const other = await t.trpc(
      'auth.login',
      { username: 'rl.proxy', password: TEST_PASSWORD },
      from('1.1.1.1', '203.0.113.8'),
    );
    expect(other.status).toBe(200);
    await t.close();
  });
});

describe('TRUST_PROXY', () => {
  it("refuses 'true', which would trust whatever X-Forwarded-For a client writes", () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY/);
  });

  it('reads a list of proxies, or false', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,loopback' }).TRUST_PROXY).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      'loopback',
    ]);
  });
});
