import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from '../../../shared/reporting-periods';
import { auditLog, changeEvents } from '../../db/schema';
import { createTestApp, createUser } from '../../test/app';
import { loadHolidays } from './queries';

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

  it('keeps each entry’s kind: a make-up Saturday is worked, an exchange day is off, deadlines follow', async () => {
    const saturday = await t.trpc(
      'holidays.add',
      { date: '2028-01-08', kind: 'makeup_workday', nameVi: 'Làm bù', nameEn: 'Make-up working day' },
      { cookie: admin },
    );
    expect(saturday.data).toMatchObject({ date: '2028-01-08', kind: 'makeup_workday' });
    const friday = await t.trpc(
      'holidays.add',
      { date: '2028-01-07', nameVi: 'Nghỉ', nameEn: 'Day off' },
      { cookie: admin },
    );
    expect(friday.data.kind).toBe('public_holiday');
    const changed = await t.trpc(
      'holidays.update',
      { date: '2028-01-07', kind: 'exchange_day', nameVi: 'Nghỉ hoán đổi', nameEn: 'Exchange day off' },
      { cookie: admin },
    );
    expect(changed.data).toMatchObject({ kind: 'exchange_day', nameVi: 'Nghỉ hoán đổi' });
    const list = await t.trpc(
      'holidays.list',
      { from: '2028-01-07', to: '2028-01-08' },
      { method: 'GET', cookie: officer },
    );
    expect(list.data.map((h: { date: string; kind: string }) => `${h.date} ${h.kind}`)).toEqual([
      '2028-01-07 exchange_day',
      '2028-01-08 makeup_workday',
    ]);
    // What every deadline is counted over: Friday off, Saturday worked.
    const calendar = await loadHolidays(t.database.db);
    expect(isWorkingDay('2028-01-07', calendar)).toBe(false);
    expect(isWorkingDay('2028-01-08', calendar)).toBe(true);
    expect(addWorkingDays('2028-01-06', 1, calendar)).toBe('2028-01-08');
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'holiday.update'));
    expect(audit?.entityId).toBe('2028-01-07');
  });

  it('refuses a make-up working day on a weekday and a substitute or exchange day on a weekend', async () => {
    const weekday = await t.trpc(
      'holidays.add',
      { date: '2028-01-10', kind: 'makeup_workday', nameVi: 'x', nameEn: 'x' },
      { cookie: admin },
    );
    expect(weekday.status).toBe(400);
    expect(weekday.error.data.issues[0]).toMatchObject({ path: 'kind', message: 'makeupNotWeekend' });
    const weekend = await t.trpc(
      'holidays.update',
      { date: '2028-01-08', kind: 'substitute_day', nameVi: 'x', nameEn: 'x' },
      { cookie: admin },
    );
    expect(weekend.error.data.issues[0]).toMatchObject({ path: 'kind', message: 'dayOffOnWeekend' });
    const noSuchDay = await t.trpc(
      'holidays.add',
      { date: '2028-02-30', nameVi: 'x', nameEn: 'x' },
      { cookie: admin },
    );
    expect(noSuchDay.error.data.issues[0]).toMatchObject({ path: 'date', message: 'invalidDate' });
    const missing = await t.trpc(
      'holidays.update',
      { date: '2028-03-01', nameVi: 'x', nameEn: 'x' },
      { cookie: admin },
    );
    expect(missing.error.data.appCode).toBe('NOT_FOUND');
  });

  it('refuses changes from anyone else', async () => {
    expect(
      (await t.trpc('holidays.add', { date: '2027-01-05', nameVi: 'x', nameEn: 'x' }, { cookie: officer }))
        .status,
    ).toBe(403);
    expect((await t.trpc('holidays.remove', { date: '2027-01-01' }, { cookie: officer })).status).toBe(403);
    expect(
      (
        await t.trpc(
          'holidays.update',
          { date: '2027-01-01', kind: 'exchange_day', nameVi: 'x', nameEn: 'x' },
          { cookie: officer },
        )
      ).status,
    ).toBe(403);
  });
});
