import { generateKeyPairSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../db/schema';
import { createTestApp, createUser, TEST_PASSWORD } from '../../test/app';
import { createTestDatabase } from '../../test/db';

describe('accounts and sessions', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;

  beforeAll(async () => {
    // More logins than one address may make in a minute: the limit has its own tests.
    t = await createTestApp({ config: { LOGIN_RATE_LIMIT_PER_MINUTE: '100' } });
    await createUser(t.database, { username: 'vpcp.test', role: 'office', agency: 'Văn phòng Chính phủ' });
    await createUser(t.database, { username: 'nghiviec', role: 'officer', agency: 'Bộ Y tế', active: false });
  });
  afterAll(() => t.close());

  it('logs in with an httpOnly, SameSite=Strict session cookie and knows who is logged in', async () => {
    const res = await t.trpc('auth.login', { username: 'vpcp.test', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^dgm_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const me = await t.trpc('auth.me', undefined, { method: 'GET', cookie: cookie.split(';')[0] });
    expect(me.data).toMatchObject({
      username: 'vpcp.test',
      role: 'office',
      agencyNameVi: 'Văn phòng Chính phủ',
    });
  });

  it('accepts the username in any case', async () => {
    const res = await t.trpc('auth.login', { username: 'VPCP.Test', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
  });

  it('gives one generic answer for a wrong password, an unknown user and a disabled account', async () => {
    const answers = await Promise.all([
      t.trpc('auth.login', { username: 'vpcp.test', password: 'sai-mat-khau' }),
      t.trpc('auth.login', { username: 'khong-ton-tai', password: TEST_PASSWORD }),
      t.trpc('auth.login', { username: 'nghiviec', password: TEST_PASSWORD }),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.error.data.appCode).toBe('INVALID_CREDENTIALS');
      expect(res.error.message).toBe('INVALID_CREDENTIALS');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses malformed input with the field named and no stack in the body', async () => {
    const res = await t.trpc('auth.login', { username: '', password: 'x' });
    expect(res.status).toBe(400);
    expect(res.error.data.appCode).toBe('VALIDATION');
    expect(res.error.data.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'username' })]),
    );
    expect(JSON.stringify(res.body)).not.toContain('stack');
  });

  it('stores argon2id hashes, and sessions under a keyed hash rather than the token', async () => {
    const [user] = await t.database.db.select().from(users).where(eq(users.username, 'vpcp.test'));
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    const cookie = await t.login('vpcp.test');
    const token = cookie.split('=')[1] ?? '';
    const rows = await t.database.db.select({ id: sessions.id }).from(sessions);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.id === token)).toBe(false);
  });

  it('ends the session on the server at logout: the old cookie no longer works', async () => {
    const cookie = await t.login('vpcp.test');
    const out = await t.trpc('auth.logout', undefined, { cookie });
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/dgm_session=;/);
    const me = await t.trpc('auth.me', undefined, { method: 'GET', cookie });
    expect(me.data).toBeNull();
    const list = await t.trpc('agencies.list', {}, { method: 'GET', cookie });
    expect(list.status).toBe(401);
  });

  it('rejects an expired session', async () => {
    const cookie = await t.login('vpcp.test');
    await t.database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    const me = await t.trpc('auth.me', undefined, { method: 'GET', cookie });
    expect(me.data).toBeNull();
  });

  it('ends a session at its absolute lifetime from login, however active it has been', async () => {
    const cookie = await t.login('vpcp.test');
    const me = () => t.trpc('auth.me', undefined, { method: 'GET', cookie });
    expect((await me()).data).not.toBeNull();
    // Logged in 25 hours ago and used all along: the sliding expiry is still ahead, the absolute one past.
    const longAgo = new Date(Date.now() - 25 * 3_600_000);
    await t.database.db
      .update(sessions)
      .set({ createdAt: longAgo, lastSeenAt: new Date(Date.now() - 120_000) });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the session cache (1 s)
    expect((await me()).data).toBeNull();
  });

  it('rejects a forged cookie', async () => {
    const me = await t.trpc('auth.me', undefined, {
      method: 'GET',
      cookie: 'dgm_session=forged-token-value',
    });
    expect(me.data).toBeNull();
  });

  it('disabling an account ends its open sessions at once', async () => {
    const cookie = await t.login('vpcp.test');
    await t.database.db.update(users).set({ active: false }).where(eq(users.username, 'vpcp.test'));
    const me = await t.trpc('auth.me', undefined, { method: 'GET', cookie });
    expect(me.data).toBeNull();
    await t.database.db.update(users).set({ active: true }).where(eq(users.username, 'vpcp.test'));
  });
});

/** What production refuses to start without (server/env.ts). */
const PRODUCTION = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'x'.repeat(40),
  AUDIT_KEY: 'a'.repeat(40),
  AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519')
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString(),
};

describe('the session cookie by configuration', () => {
  // One database for the four configurations: the cookie is the subject, not the data.
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    await createUser(database, { username: 'cookie.test', role: 'officer', agency: 'Bộ Y tế' });
  });
  afterAll(() => database.close());

  it.each([
    ['production (COOKIE_SECURE by default)', PRODUCTION, '__Host-dgm_session', true],
    ['COOKIE_SECURE=true', { COOKIE_SECURE: 'true' }, '__Host-dgm_session', true],
    ['development and tests (plain http demo)', {}, 'dgm_session', false],
    ['production with COOKIE_SECURE=false', { ...PRODUCTION, COOKIE_SECURE: 'false' }, 'dgm_session', false],
  ])('%s', async (_name, config: Record<string, string>, name, secure) => {
    const t = await createTestApp({ database, config: { MFA_REQUIRED_ROLES: 'none', ...config } });
    try {
      const res = await t.trpc('auth.login', { username: 'cookie.test', password: TEST_PASSWORD });
      const set = String(res.headers['set-cookie']);
      expect(set.startsWith(`${name}=`)).toBe(true);
      expect(set).toContain('Path=/');
      expect(set).not.toMatch(/Domain=/i);
      expect(/;\s*Secure/i.test(set)).toBe(secure);
      // Read under the same name…
      const cookie = set.split(';')[0] ?? '';
      expect((await t.trpc('auth.me', undefined, { method: 'GET', cookie })).data).toMatchObject({
        username: 'cookie.test',
      });
      // …and not under the other one.
      const other = name === 'dgm_session' ? '__Host-dgm_session' : 'dgm_session';
      const renamed = `${other}=${cookie.slice(name.length + 1)}`;
      expect((await t.trpc('auth.me', undefined, { method: 'GET', cookie: renamed })).data).toBeNull();
      // Cleared under the same name, with the same attributes (a browser ignores a mismatched clear).
      const out = String((await t.trpc('auth.logout', undefined, { cookie })).headers['set-cookie']);
      expect(out.startsWith(`${name}=;`)).toBe(true);
      expect(/;\s*Secure/i.test(out)).toBe(secure);
    } finally {
      await t.close();
    }
  });
});
