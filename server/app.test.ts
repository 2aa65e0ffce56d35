import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, TEST_PASSWORD } from './test/app';

describe('HTTP surface', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const clientDir = mkdtempSync(path.join(tmpdir(), 'dgm-client-'));

  beforeAll(async () => {
    writeFileSync(
      path.join(clientDir, 'index.html'),
      '<!doctype html><title>app</title><div id="root"></div>',
    );
    t = await createTestApp({ app: { clientDir } });
    await createUser(t.database, { username: 'quantri.test', role: 'admin', agency: 'Văn phòng Chính phủ' });
  });
  afterAll(() => t.close());

  it('GET /healthz answers 200 when the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('sends a strict Content-Security-Policy and the other security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['permissions-policy']).toContain('camera=()');
  });

  it('keeps API answers out of every cache', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/trpc/auth.me' });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['permissions-policy']).toContain('geolocation=()');
  });

  it('serves the app for any page path (history API fallback), but not for unknown API paths', async () => {
    const page = await t.app.inject({
      method: 'GET',
      url: '/agencies?q=ha+noi',
      headers: { accept: 'text/html' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['cache-control']).toBe('no-cache');
    const root = await t.app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<div id="root">');
    const asset = await t.app.inject({ method: 'GET', url: '/assets/missing-chunk.js' });
    expect(asset.statusCode).toBe(404);
    const api = await t.app.inject({ method: 'GET', url: '/trpc/nope.nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.body).not.toContain('<div id="root">');
  });

  it('refuses a state-changing request from another site, including a multipart form post', async () => {
    const cookie = await t.login('quantri.test');
    const json = await t.trpc('auth.logout', undefined, {
      cookie,
      headers: { origin: 'https://evil.example' },
    });
    expect(json.status).toBe(403);
    const form = await t.app.inject({
      method: 'POST',
      url: '/trpc/auth.logout',
      headers: {
        cookie,
        origin: 'https://evil.example',
        'content-type': 'multipart/form-data; boundary=x',
        'sec-fetch-site': 'cross-site',
      },
      payload: '--x--\r\n',
    });
    expect(form.statusCode).toBe(403);
    const blind = await t.app.inject({
      method: 'POST',
      url: '/trpc/auth.logout',
      headers: { cookie, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(blind.statusCode).toBe(403);
    // Nothing changed: the session is still alive.
    const me = await t.trpc('auth.me', undefined, { method: 'GET', cookie });
    expect(me.data?.username).toBe('quantri.test');
  });

  it('accepts the same request from the server’s own origin', async () => {
    const cookie = await t.login('quantri.test');
    const res = await t.trpc('auth.logout', undefined, {
      cookie,
      headers: { origin: 'http://localhost:80', host: 'localhost:80' },
    });
    expect(res.status).toBe(200);
  });

  it('refuses request bodies over the size limit', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ json: { username: 'x', password: 'y'.repeat(2 * 1024 * 1024) } }),
    });
    expect(res.statusCode).toBe(413);
  });
});

describe('login rate limit', () => {
  it('refuses further attempts from one address once the limit is reached, even with the right password', async () => {
    const t = await createTestApp({ config: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    await createUser(t.database, { username: 'vpcp.rl', role: 'office', agency: 'Văn phòng Chính phủ' });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await t.trpc('auth.login', { username: 'vpcp.rl', password: 'wrong' })).status);
    const right = await t.trpc('auth.login', { username: 'vpcp.rl', password: TEST_PASSWORD });
    expect(statuses).toEqual([401, 401, 401]);
    expect(right.status).toBe(429);
    // Other API calls are not held back by the login limit.
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await t.close();
  });
});

describe('health when the database is down', () => {
  it('GET /healthz answers 503 with Retry-After', async () => {
    const t = await createTestApp();
    const realPing = t.database.ping;
    t.database.ping = async () => false;
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({ status: 'unavailable', database: 'down' });
    t.database.ping = realPing;
    await t.close();
  });
});
