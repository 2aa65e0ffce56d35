import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, loginFailures, sessions, users } from '../../db/schema';
import { createTestApp, createUser, TEST_PASSWORD } from '../../test/app';

describe('auth.changePassword', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let userId: number;
  let current = TEST_PASSWORD;
  const me = (cookie: string) => t.trpc('auth.me', undefined, { method: 'GET', cookie });
  const change = (cookie: string, newPassword: string, currentPassword = current) =>
    t.trpc('auth.changePassword', { currentPassword, newPassword }, { cookie });

  beforeAll(async () => {
    t = await createTestApp({ config: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    ({ id: userId } = await createUser(t.database, {
      username: 'hanoi.cv',
      role: 'officer',
      agency: 'Bộ Y tế',
    }));
  });
  afterAll(() => t.close());

  it.each([
    ['a short password', 'ngan-qua', 'newPassword', 'passwordTooShort'],
    ['a common password', 'matkhau123456', 'newPassword', 'passwordCommon'],
    ['a repeated character', 'aaaaaaaaaaaa', 'newPassword', 'passwordCommon'],
    ['digits in a row', '123456789012', 'newPassword', 'passwordCommon'],
    ['the username inside', 'HANOI.CV-2026-mua-thu', 'newPassword', 'passwordContainsUsername'],
    ['the same password as now', TEST_PASSWORD, 'newPassword', 'passwordUnchanged'],
  ])('refuses %s, naming the field, and changes nothing', async (_name, newPassword, field, reason) => {
    const cookie = await t.login('hanoi.cv', current);
    const res = await change(cookie, newPassword);
    expect(res.status).toBe(400);
    expect(res.error.data.appCode).toBe('VALIDATION');
    const named = res.error.data.details ?? {
      field: res.error.data.issues[0].path,
      reason: res.error.data.issues[0].message,
    };
    expect(named).toMatchObject({ field, reason });
    expect((await me(cookie)).data).not.toBeNull();
    await t.login('hanoi.cv', current);
  });

  it('refuses a wrong current password and counts it toward the backoff', async () => {
    const cookie = await t.login('hanoi.cv', current);
    const res = await change(cookie, 'mot-mat-khau-moi-hoan-toan', 'khong-phai-mat-khau');
    expect(res.error.data.details).toMatchObject({
      field: 'currentPassword',
      reason: 'currentPasswordWrong',
    });
    const recorded = await t.database.db.select().from(loginFailures).where(eq(loginFailures.userId, userId));
    expect(recorded.map((r) => r.reason)).toEqual(['password']);
    const [row] = await t.database.db
      .select({ n: users.failedLogins })
      .from(users)
      .where(eq(users.id, userId));
    expect(row?.n).toBe(1);
  });

  it('changes the password, ends the other sessions, keeps this one, and audits without secrets', async () => {
    const other = await t.login('hanoi.cv', current);
    const cookie = await t.login('hanoi.cv', current);
    const next = 'hoa-sen-no-giua-mua-ha';
    const res = await change(cookie, next);
    expect(res.data).toEqual({ ok: true, stage: 'full' });
    expect((await me(cookie)).data).toMatchObject({ username: 'hanoi.cv', stage: 'full' });
    expect((await me(other)).data).toBeNull();
    expect((await t.trpc('auth.login', { username: 'hanoi.cv', password: current })).status).toBe(401);
    expect((await t.trpc('auth.login', { username: 'hanoi.cv', password: next })).status).toBe(200);
    const [row] = await t.database.db
      .select({ must: users.mustChangePassword, at: users.passwordChangedAt, n: users.failedLogins })
      .from(users)
      .where(eq(users.id, userId));
    expect(row).toMatchObject({ must: false, at: expect.any(Date), n: 0 });
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'user.change_password'));
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain(next);
    expect(JSON.stringify(entries)).not.toContain(current);
    current = next;
  });

  it('a login that must choose a new password stands at that step until it does, then opens the application', async () => {
    await t.database.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, userId));
    const login = await t.trpc('auth.login', { username: 'hanoi.cv', password: current });
    expect(login.data).toEqual({ ok: true, stage: 'password' });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    expect((await me(cookie)).data).toMatchObject({ stage: 'password' });
    expect((await t.trpc('agencies.list', {}, { method: 'GET', cookie })).status).toBe(401);
    const res = await change(cookie, 'ngay-mai-troi-lai-sang');
    expect(res.data).toEqual({ ok: true, stage: 'full' });
    expect((await me(cookie)).data).toMatchObject({ stage: 'full' });
    expect((await t.trpc('agencies.list', {}, { method: 'GET', cookie })).status).toBe(200);
    current = 'ngay-mai-troi-lai-sang';
    const [s] = await t.database.db
      .select({ stage: sessions.stage })
      .from(sessions)
      .where(eq(sessions.userId, userId));
    expect(s?.stage).toBe('full');
  });

  it('moves on to MFA set-up when the role requires it', async () => {
    const t2 = await createTestApp({ config: { MFA_REQUIRED_ROLES: 'office' } });
    try {
      await createUser(t2.database, { username: 'vp.moi', role: 'office', agency: 'Văn phòng Chính phủ' });
      await t2.database.db.update(users).set({ mustChangePassword: true });
      const login = await t2.trpc('auth.login', { username: 'vp.moi', password: TEST_PASSWORD });
      expect(login.data.stage).toBe('password');
      const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
      const res = await t2.trpc(
        'auth.changePassword',
        { currentPassword: TEST_PASSWORD, newPassword: 'ngay-mai-troi-lai-sang' },
        { cookie },
      );
      expect(res.data).toEqual({ ok: true, stage: 'enroll' });
    } finally {
      await t2.close();
    }
  });

  it('is not open before a login, nor at the second-factor step', async () => {
    expect(
      (await t.trpc('auth.changePassword', { currentPassword: 'x', newPassword: 'y'.repeat(12) })).status,
    ).toBe(401);
    const cookie = await t.login('hanoi.cv', current);
    await t.database.db.update(sessions).set({ stage: 'mfa' }).where(eq(sessions.userId, userId));
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the session cache
    const res = await change(cookie, 'mot-mat-khau-khac-han-2026');
    expect(res.status).toBe(401);
  });
});
