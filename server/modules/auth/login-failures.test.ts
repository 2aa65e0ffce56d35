import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BATCH_CALLS } from '../../../shared/api-limits';
import { loginFailures, users } from '../../db/schema';
import { createTestApp, createUser, TEST_PASSWORD } from '../../test/app';
import { LOCK_AFTER, lockDuration } from './login-failures';

describe('lockDuration', () => {
  it('locks from the fifth failure, a minute doubling up to an hour', () => {
    expect([1, 4, 5, 6, 7, 10, 11, 30].map(lockDuration)).toEqual([
      0, 0, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });
});

describe('per-account login backoff', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let userId: number;
  const login = (username: string, password: string) => t.trpc('auth.login', { username, password });
  const failures = (username: string) =>
    t.database.db
      .select({ reason: loginFailures.reason, ip: loginFailures.ip, userId: loginFailures.userId })
      .from(loginFailures)
      .where(eq(loginFailures.usernameTried, username))
      .orderBy(asc(loginFailures.id));

  beforeAll(async () => {
    // The per-address limit has its own tests: here it must not answer first.
    t = await createTestApp({ config: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    ({ id: userId } = await createUser(t.database, {
      username: 'btc.test',
      role: 'officer',
      agency: 'Bộ Y tế',
    }));
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.database.db.delete(loginFailures);
    await t.database.db.update(users).set({ failedLogins: 0, lockedUntil: null });
  });

  it('after five wrong passwords refuses even the right one, unchecked, until the lock passes', async () => {
    for (let i = 0; i < LOCK_AFTER; i++) {
      expect((await login('btc.test', `sai-mat-khau-${i}`)).error.data.appCode).toBe('INVALID_CREDENTIALS');
    }
    const locked = await login('btc.test', TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.error.data.appCode).toBe('RATE_LIMITED');
    expect(locked.error.data.details.retryAfterSeconds).toBeGreaterThan(50);
    expect(locked.error.data.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(locked.headers['set-cookie']).toBeUndefined();

    // The minute has passed.
    await t.database.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, userId));
    const ok = await login('btc.test', TEST_PASSWORD);
    expect(ok.status).toBe(200);
    const [row] = await t.database.db
      .select({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil })
      .from(users)
      .where(eq(users.id, userId));
    expect(row).toEqual({ failedLogins: 0, lockedUntil: null });
    expect((await failures('btc.test')).map((f) => f.reason)).toEqual([
      ...Array(LOCK_AFTER).fill('password'),
      'locked',
    ]);
  });

  it('doubles the lock with each failure after it', async () => {
    for (let i = 0; i < LOCK_AFTER; i++) await login('btc.test', 'sai-mat-khau');
    await t.database.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, userId));
    expect((await login('btc.test', 'van-sai-mat-khau')).error.data.appCode).toBe('INVALID_CREDENTIALS');
    const again = await login('btc.test', TEST_PASSWORD);
    expect(again.error.data.details.retryAfterSeconds).toBeGreaterThan(110);
    expect(again.error.data.details.retryAfterSeconds).toBeLessThanOrEqual(120);
  });

  it('counts each login of a batch: of ten guesses sent at once only five are checked', async () => {
    // The calls of a batch run concurrently, in no set order, so every guess is wrong here: which five
    // are checked is not known, only that five are; the right password after them is refused unchecked.
    const calls = Array.from({ length: MAX_BATCH_CALLS }, (_, i) => ({
      username: 'btc.test',
      password: `doan-${i}`,
    }));
    const paths = calls.map(() => 'auth.login').join(',');
    const body = Object.fromEntries(calls.map((c, i) => [i, { json: c }]));
    const res = await t.app.inject({
      method: 'POST',
      url: `/trpc/${paths}?batch=1`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    expect(res.statusCode).not.toBe(200);
    const answers = JSON.parse(res.body) as { error?: { json: { data: { appCode: string } } } }[];
    const codes = answers.map((a) => a.error?.json.data.appCode ?? 'OK');
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(LOCK_AFTER);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(MAX_BATCH_CALLS - LOCK_AFTER);
    const recorded = await failures('btc.test');
    expect(recorded.filter((f) => f.reason === 'locked')).toHaveLength(MAX_BATCH_CALLS - LOCK_AFTER);
    expect((await login('btc.test', TEST_PASSWORD)).error.data.appCode).toBe('RATE_LIMITED');
  });

  it('locks an unknown username by the same rule, so the answers do not tell which accounts exist', async () => {
    const answers = async (username: string) => {
      const codes: string[] = [];
      for (let i = 0; i < LOCK_AFTER + 2; i++)
        codes.push((await login(username, `doan-${i}`)).error.data.appCode);
      return codes;
    };
    const known = await answers('btc.test');
    const unknown = await answers('khong.ai.ca');
    expect(unknown).toEqual(known);
    expect(known.slice(LOCK_AFTER)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    expect((await failures('khong.ai.ca')).map((f) => [f.reason, f.userId])).toEqual([
      ...Array(LOCK_AFTER).fill(['unknown_user', null]),
      ['locked', null],
      ['locked', null],
    ]);
  });

  it('records a disabled account and counts it like a wrong password, with the address', async () => {
    await createUser(t.database, {
      username: 'nghi.viec',
      role: 'officer',
      agency: 'Bộ Y tế',
      active: false,
    });
    const res = await t.trpc(
      'auth.login',
      { username: 'Nghi.Viec', password: TEST_PASSWORD },
      { headers: { 'x-forwarded-for': '203.0.113.9' } },
    );
    expect(res.error.data.appCode).toBe('INVALID_CREDENTIALS');
    const [row] = await failures('nghi.viec');
    expect(row).toMatchObject({ reason: 'inactive', ip: expect.any(String) });
    const [user] = await t.database.db
      .select({ failedLogins: users.failedLogins })
      .from(users)
      .where(and(eq(users.username, 'nghi.viec')));
    expect(user?.failedLogins).toBe(1);
  });

  it('forgets a burst of failures older than a day', async () => {
    for (let i = 0; i < LOCK_AFTER - 1; i++) await login('btc.test', 'sai-mat-khau');
    await t.database.db.update(loginFailures).set({ at: new Date(Date.now() - 25 * 3_600_000) });
    expect((await login('btc.test', 'sai-lan-nua')).error.data.appCode).toBe('INVALID_CREDENTIALS');
    const [user] = await t.database.db
      .select({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil })
      .from(users)
      .where(eq(users.id, userId));
    expect(user).toEqual({ failedLogins: 1, lockedUntil: null });
  });
});
