import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import { agencies, auditLog, users } from '../../db/schema';
import { createTestApp, createUser } from '../../test/app';

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
    t = await createTestApp({ config: { SESSION_CACHE_MS: '60000' } });
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

  it('creates an account that can log in, and audits it without the password', async () => {
    const res = await t.trpc('users.create', newUser('Moi.HaNoi'), { cookie: admin });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      username: 'moi.hanoi',
      role: 'officer',
      agencyId: hanoiId,
      active: true,
    });
    const cookie = await t.login('moi.hanoi', 'mat-khau-rat-dai-2026');
    const me = await t.trpc('auth.me', undefined, { method: 'GET', cookie });
    expect(me.data.agencyNameVi).toBe('Thành phố Hà Nội');
    const entries = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.create'));
    expect(JSON.stringify(entries)).not.toContain('mat-khau');
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
    const cookie = await t.login('moi.hanoi', 'mat-khau-rat-dai-2026');
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
    const login = await t.trpc('auth.login', { username: 'moi.hanoi', password: 'mat-khau-rat-dai-2026' });
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
