import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import { createTestApp, createUser } from '../../test/app';

describe('user administration', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const accounts: [string, Role, string][] = [
    ['qt', 'admin', 'Văn phòng Chính phủ'],
    ['vp', 'office', 'Văn phòng Chính phủ'],
    ['cv', 'officer', 'Bộ Y tế'],
    ['ld', 'leader', 'Bộ Y tế'],
    ['tt', 'inspector', 'Thanh tra Chính phủ'],
  ];

  beforeAll(async () => {
    t = await createTestApp();
    for (const [username, role, agency] of accounts) await createUser(t.database, { username, role, agency });
  });
  afterAll(() => t.close());

  it('lists users to the administrator, with search and role filter', async () => {
    const cookie = await t.login('qt');
    const all = await t.trpc('users.list', {}, { method: 'GET', cookie });
    expect(all.data.total).toBe(5);
    const inspectors = await t.trpc('users.list', { role: 'inspector' }, { method: 'GET', cookie });
    expect(inspectors.data.items.map((u: { username: string }) => u.username)).toEqual(['tt']);
    expect(Object.keys(all.data.items[0]).sort()).toEqual(
      [
        'active',
        'agencyNameEn',
        'agencyNameVi',
        // Where the account's mails go: the administrator sets and corrects it (ADR 0027).
        'email',
        'failedLogins',
        'fullName',
        'id',
        'lockedUntil',
        'role',
        'username',
      ].sort(),
    );
  });

  it.each(['vp', 'cv', 'ld', 'tt'])(
    'refuses the user list to %s (not an administrator)',
    async (username) => {
      const cookie = await t.login(username);
      const res = await t.trpc('users.list', {}, { method: 'GET', cookie });
      expect(res.status).toBe(403);
      expect(res.error.data.appCode).toBe('FORBIDDEN');
    },
  );
});
