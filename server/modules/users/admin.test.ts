import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import { agencies, auditLog, users } from '../../db/schema';
import { createTestApp, createUser, TEST_PASSWORD } from '../../test/app';
import { hashPassword } from '../auth/password';

/** The password the new account chooses at its first login. */
const OWN_PASSWORD = 'cay-da-trong-san-dinh';

describe('the administrator manages users and agencies', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: string;
  let hanoiId: number;
  const others: [string, Role, string][] = [
    ['vp', 'office', 'Văn phòng Chính phủ'],
    ['cv', 'officer', 'Bộ Y tế'],
    ['ld', 'leader', 'Bộ Y tế'],
    ['tt', 'inspector', 'Thanh tra Chính phủ'],
  ];

  beforeAll(async () => {
    // A long session cache, so the test sees that a change of rights drops cached sessions at once.
    t = await createTestApp({ config: { SESSION_CACHE_MS: '60000', LOGIN_RATE_LIMIT_PER_MINUTE: '100' } });
    const created = await createUser(t.database, {
      username: 'qt',
      role: 'admin',
      agency: 'Văn phòng Chính phủ',
    });
    for (const [username, role, agency] of others) await createUser(t.database, { username, role, agency });
    admin = await t.login('qt');
    const [hanoi] = await t.database.db
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.nameVi, 'Thành phố Hà Nội'));
    hanoiId = hanoi?.id ?? 0;
    expect(created.id).toBeGreaterThan(0);
  });
  afterAll(() => t.close());

  const newUser = (username: string) => ({
    username,
    fullName: 'Nguyễn Văn Mới',
    role: 'officer',
    agencyId: hanoiId,
    password: 'mat-khau-rat-dai-2026',
  });
  const counts = async () => ({
    users: (await t.database.db.select({ n: count() }).from(users))[0]?.n,
    agencies: (await t.database.db.select({ n: count() }).from(agencies))[0]?.n,
    audit: (await t.database.db.select({ n: count() }).from(auditLog))[0]?.n,
  });

  it('creates an account whose first login must choose its own password, and audits it without the password', async () => {
    const res = await t.trpc('users.create', newUser('Moi.HaNoi'), { cookie: admin });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      username: 'moi.hanoi',
      role: 'officer',
      agencyId: hanoiId,
      active: true,
    });
    const login = await t.trpc('auth.login', { username: 'moi.hanoi', password: 'mat-khau-rat-dai-2026' });
    expect(login.data).toEqual({ ok: true, stage: 'password' });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    const me = await t.trpc('auth.me', undefined, { method: 'GET', cookie });
    expect(me.data).toMatchObject({ agencyNameVi: 'Thành phố Hà Nội', stage: 'password' });
    // Nothing of the application before the new password.
    expect((await t.trpc('agencies.list', {}, { method: 'GET', cookie })).status).toBe(401);
    const changed = await t.trpc(
      'auth.changePassword',
      { currentPassword: 'mat-khau-rat-dai-2026', newPassword: OWN_PASSWORD },
      { cookie },
    );
    expect(changed.data).toEqual({ ok: true, stage: 'full' });
    expect((await t.trpc('agencies.list', {}, { method: 'GET', cookie })).status).toBe(200);
    const entries = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.create'));
    expect(JSON.stringify(entries)).not.toContain('mat-khau');
  });

  it.each([
    ['aaaaaaaaaaaa', 'passwordCommon'],
    ['1234567890ab', 'passwordCommon'],
    ['matkhau123456', 'passwordCommon'],
    ['yeu.moi-2026-xuan', 'passwordContainsUsername'],
    ['ngan-qua', 'passwordTooShort'],
  ])('refuses to create an account with the password %s (%s), naming the field', async (password, reason) => {
    const before = await counts();
    const res = await t.trpc('users.create', { ...newUser('yeu.moi'), password }, { cookie: admin });
    expect(res.status).toBe(400);
    const named = res.error.data.details ?? {
      field: res.error.data.issues[0].path,
      reason: res.error.data.issues[0].message,
    };
    expect(named).toEqual({ field: 'password', reason });
    expect(await counts()).toEqual(before);
  });

  it('a password reset by the administrator follows the rule and must be changed at next login', async () => {
    const [row] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'cv'));
    const common = await t.trpc(
      'users.resetPassword',
      { id: row?.id, password: 'password1234' },
      { cookie: admin },
    );
    expect(common.error.data.details).toEqual({ field: 'password', reason: 'passwordCommon' });
    const named = await t.trpc(
      'users.resetPassword',
      { id: row?.id, password: 'cv-cv-cv-2026-mua' },
      { cookie: admin },
    );
    expect(named.error.data.details).toEqual({ field: 'password', reason: 'passwordContainsUsername' });
    const ok = await t.trpc(
      'users.resetPassword',
      { id: row?.id, password: 'dat-lai-cho-ban-2026' },
      { cookie: admin },
    );
    expect(ok.status).toBe(200);
    const login = await t.trpc('auth.login', { username: 'cv', password: 'dat-lai-cho-ban-2026' });
    expect(login.data.stage).toBe('password');
    // The fixture's password again, for the tests below.
    await t.database.db
      .update(users)
      .set({ passwordHash: await hashPassword(TEST_PASSWORD), mustChangePassword: false })
      .where(eq(users.username, 'cv'));
  });

  it('shows the failed logins and the lock they put on an account, and unlocks it (audited)', async () => {
    for (let i = 0; i < 5; i++)
      await t.trpc(
        'auth.login',
        { username: 'ld', password: `doan-thu-${i}` },
        { headers: { 'x-forwarded-for': '198.51.100.7' } },
      );
    await t.trpc('auth.login', { username: 'khong.ai', password: 'doan-thu' });
    const list = await t.trpc('users.list', { q: 'ld' }, { method: 'GET', cookie: admin });
    const row = list.data.items.find((u: { username: string }) => u.username === 'ld');
    expect(row.failedLogins).toBe(5);
    expect(new Date(row.lockedUntil).getTime()).toBeGreaterThan(Date.now());
    expect((await t.trpc('auth.login', { username: 'ld', password: TEST_PASSWORD })).status).toBe(429);

    const failures = await t.trpc('users.loginFailures', { username: 'L' }, { method: 'GET', cookie: admin });
    expect(failures.data.total).toBe(6);
    expect(failures.data.items[0]).toMatchObject({ usernameTried: 'ld', reason: 'locked', knownUser: true });
    expect(failures.data.items.map((f: { reason: string }) => f.reason)).toEqual([
      'locked',
      ...Array(5).fill('password'),
    ]);
    const all = await t.trpc('users.loginFailures', { pageSize: 2 }, { method: 'GET', cookie: admin });
    expect(all.data).toMatchObject({ total: 7, pageSize: 2 });
    expect(all.data.items).toHaveLength(2);
    const unknown = await t.trpc(
      'users.loginFailures',
      { username: 'khong' },
      { method: 'GET', cookie: admin },
    );
    expect(unknown.data.items).toEqual([
      expect.objectContaining({ reason: 'unknown_user', knownUser: false }),
    ]);

    const unlocked = await t.trpc('users.unlock', { id: row.id }, { cookie: admin });
    expect(unlocked.status).toBe(200);
    expect((await t.trpc('auth.login', { username: 'ld', password: TEST_PASSWORD })).status).toBe(200);
    const after = await t.trpc('users.list', { q: 'ld' }, { method: 'GET', cookie: admin });
    expect(after.data.items.find((u: { username: string }) => u.username === 'ld')).toMatchObject({
      lockedUntil: null,
      failedLogins: 0,
    });
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.unlock'));
    expect(entry).toMatchObject({ entityId: String(row.id) });
  });

  it('refuses a taken username, a short password and an unknown agency, creating nothing', async () => {
    const before = await counts();
    expect((await t.trpc('users.create', newUser('moi.hanoi'), { cookie: admin })).error.data.appCode).toBe(
      'CONFLICT',
    );
    const weak = await t.trpc('users.create', { ...newUser('yeu'), password: 'ngan' }, { cookie: admin });
    expect(weak.error.data.issues[0]).toMatchObject({ path: 'password', message: 'passwordTooShort' });
    const agency = await t.trpc(
      'users.create',
      { ...newUser('khong.co'), agencyId: 999_999 },
      { cookie: admin },
    );
    expect(agency.error.data.details).toMatchObject({ field: 'agencyId' });
    expect(await counts()).toEqual(before);
  });

  it('deactivating an account or changing its role ends its sessions at once', async () => {
    const cookie = await t.login('moi.hanoi', OWN_PASSWORD);
    const [row] = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, 'moi.hanoi'));
    // The session has just been used, so this process holds it in its short session cache.
    expect((await t.trpc('auth.me', undefined, { method: 'GET', cookie })).data).toMatchObject({
      role: 'officer',
    });
    const res = await t.trpc('users.update', { id: row?.id, role: 'leader' }, { cookie: admin });
    expect(res.data).toMatchObject({ role: 'leader' });
    expect((await t.trpc('auth.me', undefined, { method: 'GET', cookie })).data).toBeNull();
    await t.trpc('users.update', { id: row?.id, active: false }, { cookie: admin });
    const login = await t.trpc('auth.login', { username: 'moi.hanoi', password: OWN_PASSWORD });
    expect(login.error.data.appCode).toBe('INVALID_CREDENTIALS');
  });

  it('an administrator cannot lock themselves out', async () => {
    const [me] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'qt'));
    const res = await t.trpc('users.update', { id: me?.id, active: false }, { cookie: admin });
    expect(res.error.data.appCode).toBe('VALIDATION');
  });

  it('creates a commune under a province, refuses one without a provincial parent, and renames', async () => {
    const res = await t.trpc(
      'agencies.create',
      { code: 'hn-moi-1', nameVi: 'Phường Mới', nameEn: 'New Ward', kind: 'ward', parentId: hanoiId },
      { cookie: admin },
    );
    expect(res.status).toBe(200);
    const found = await t.trpc('agencies.list', { q: 'phuong moi' }, { method: 'GET', cookie: admin });
    expect(found.data.items[0]).toMatchObject({
      code: 'HN-MOI-1',
      parentNameVi: 'Thành phố Hà Nội',
      level: 'commune',
    });
    const orphan = await t.trpc(
      'agencies.create',
      { code: 'X-1', nameVi: 'Xã Lạc', nameEn: 'Lac', kind: 'commune', parentId: null },
      { cookie: admin },
    );
    expect(orphan.error.data.details).toMatchObject({ field: 'parentId' });
    const renamed = await t.trpc(
      'agencies.rename',
      { id: res.data.id, nameVi: 'Phường Đổi Tên', nameEn: 'Renamed Ward' },
      { cookie: admin },
    );
    expect(renamed.status).toBe(200);
    expect(
      (await t.trpc('agencies.list', { q: 'doi ten' }, { method: 'GET', cookie: admin })).data.total,
    ).toBe(1);
  });

  it.each(others)(
    'refuses every account and agency change to %s (%s), changing nothing',
    async (username) => {
      const cookie = await t.login(username);
      const before = await counts();
      const attempts = [
        t.trpc('users.create', newUser(`x.${username}`), { cookie }),
        t.trpc('users.update', { id: 1, active: false }, { cookie }),
        t.trpc('users.resetPassword', { id: 1, password: 'mot-mat-khau-moi-dai' }, { cookie }),
        t.trpc('users.unlock', { id: 1 }, { cookie }),
        t.trpc('users.loginFailures', {}, { method: 'GET', cookie }),
        t.trpc(
          'agencies.create',
          { code: `Z-${username}`, nameVi: 'Xã Z', nameEn: 'Z', kind: 'commune', parentId: hanoiId },
          { cookie },
        ),
        t.trpc('agencies.rename', { id: hanoiId, nameVi: 'Đổi', nameEn: 'Changed' }, { cookie }),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.status).toBe(403);
        expect(res.error.data.appCode).toBe('FORBIDDEN');
      }
      expect(await counts()).toEqual(before);
    },
  );
});
