import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeEvents } from '../../db/schema';
import { createTestApp, createUser } from '../../test/app';

describe('the holiday calendar', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: string;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t.database, { username: 'qt', role: 'admin', agency: 'Văn phòng Chính phủ' });
    await createUser(t.database, { username: 'cv', role: 'officer', agency: 'Bộ Y tế' });
    admin = await t.login('qt');
    officer = await t.login('cv');
  });
  afterAll(() => t.close());

  it('the administrator adds and removes a day off; everyone can read the calendar', async () => {
    const added = await t.trpc(
      'holidays.add',
      { date: '2027-01-04', nameVi: 'Nghỉ bù Tết Dương lịch', nameEn: 'New Year compensatory day' },
      { cookie: admin },
    );
    expect(added.status).toBe(200);
    const list = await t.trpc('holidays.list', { from: '2027-01-01' }, { method: 'GET', cookie: officer });
    expect(list.data.map((h: { date: string }) => h.date)).toContain('2027-01-04');
    expect(
      (await t.trpc('holidays.add', { date: '2027-01-04', nameVi: 'x', nameEn: 'x' }, { cookie: admin }))
        .error.data.appCode,
    ).toBe('CONFLICT');
    expect((await t.trpc('holidays.remove', { date: '2027-01-04' }, { cookie: admin })).status).toBe(200);
    // Deadlines move with the calendar: each change is announced to open screens.
    const events = await t.database.db
      .select()
      .from(changeEvents)
      .where(eq(changeEvents.type, 'holiday.changed'));
    expect(events).toHaveLength(2);
  });

  it('refuses changes from anyone else', async () => {
    expect(
      (await t.trpc('holidays.add', { date: '2027-01-05', nameVi: 'x', nameEn: 'x' }, { cookie: officer }))
        .status,
    ).toBe(403);
    expect((await t.trpc('holidays.remove', { date: '2027-01-01' }, { cookie: officer })).status).toBe(403);
  });
});
