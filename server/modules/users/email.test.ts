import { count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, auditLog, users } from '../../db/schema';
import { createTestApp, createUser } from '../../test/app';
import { emailTakenOr } from './email';

/**
 * The administrator sets or corrects an account's mail address (docs/decisions/0027): optional,
 * trimmed and lower-cased, checked for form and length, held by one active account at most; a refusal
 * names the field and its reason (the client words it in the reader's language) and changes nothing.
 */
describe('the mail address of an account', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: string;
  let officer: string;
  let hanoiId: number;

  beforeAll(async () => {
    t = await createTestApp({ config: { LOGIN_RATE_LIMIT_PER_MINUTE: '100' } });
    await createUser(t.database, { username: 'qt', role: 'admin', agency: 'Văn phòng Chính phủ' });
    await createUser(t.database, { username: 'cv', role: 'officer', agency: 'Bộ Y tế' });
    admin = await t.login('qt');
    officer = await t.login('cv');
    const [hanoi] = await t.database.db
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.nameVi, 'Thành phố Hà Nội'));
    hanoiId = hanoi?.id ?? 0;
  });
  afterAll(() => t.close());

  const newUser = (username: string, email?: string) => ({
    username,
    fullName: 'Trần Thị Thư',
    role: 'officer',
    agencyId: hanoiId,
    password: 'mat-khau-rat-dai-2026',
    ...(email === undefined ? {} : { email }),
  });
  const idOf = async (username: string) =>
    (await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]?.id ??
    0;
  const emailOf = async (username: string) =>
    (await t.database.db.select({ email: users.email }).from(users).where(eq(users.username, username)))[0]
      ?.email;
  const state = async () => ({
    users: (await t.database.db.select({ n: count() }).from(users))[0]?.n,
    audit: (await t.database.db.select({ n: count() }).from(auditLog))[0]?.n,
    emails: (await t.database.db.select({ u: users.username, e: users.email }).from(users)).sort((a, b) =>
      a.u.localeCompare(b.u),
    ),
  });
  /** The field and reason a refusal names: the schema's issue or the service's details. */
  const refusal = (res: {
    error: { data: { details?: unknown; issues?: { path: string; message: string }[] } };
  }) =>
    res.error.data.details ?? {
      field: res.error.data.issues?.[0]?.path,
      reason: res.error.data.issues?.[0]?.message,
    };

  it('creates an account with an address, trimmed and lower-cased, shown in the list and audited', async () => {
    const res = await t.trpc('users.create', newUser('thu.hn', '  Tran.Thu@HaNoi.Gov.VN '), {
      cookie: admin,
    });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ username: 'thu.hn', email: 'tran.thu@hanoi.gov.vn' });
    expect(await emailOf('thu.hn')).toBe('tran.thu@hanoi.gov.vn');
    const list = await t.trpc('users.list', { q: 'thu.hn' }, { method: 'GET', cookie: admin });
    expect(list.data.items[0]).toMatchObject({ username: 'thu.hn', email: 'tran.thu@hanoi.gov.vn' });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'user.create'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry?.after).toMatchObject({ username: 'thu.hn', email: 'tran.thu@hanoi.gov.vn' });
  });

  it('creates an account without an address: in-app notifications only', async () => {
    const none = await t.trpc('users.create', newUser('khong.thu'), { cookie: admin });
    expect(none.data).toMatchObject({ username: 'khong.thu', email: null });
    const empty = await t.trpc('users.create', newUser('rong.thu', '   '), { cookie: admin });
    expect(empty.data).toMatchObject({ username: 'rong.thu', email: null });
  });

  it('corrects an address and clears it, each change audited with before and after', async () => {
    const id = await idOf('thu.hn');
    const res = await t.trpc('users.update', { id, email: 'Thu.Tran@hanoi.gov.vn' }, { cookie: admin });
    expect(res.data).toMatchObject({ email: 'thu.tran@hanoi.gov.vn', role: 'officer', active: true });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'user.update'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({ entityId: String(id) });
    expect(entry?.before).toMatchObject({ email: 'tran.thu@hanoi.gov.vn' });
    expect(entry?.after).toMatchObject({ email: 'thu.tran@hanoi.gov.vn' });
    // An edit of something else keeps the address.
    expect(
      (await t.trpc('users.update', { id, fullName: 'Trần Thị Thư (HN)' }, { cookie: admin })).data,
    ).toMatchObject({
      email: 'thu.tran@hanoi.gov.vn',
    });
    const cleared = await t.trpc(
      'users.update',
      { id: await idOf('rong.thu'), email: '' },
      { cookie: admin },
    );
    expect(cleared.data).toMatchObject({ email: null });
  });

  it.each([
    ['thu-hanoi.gov.vn', 'invalidEmail'],
    ['thu@', 'invalidEmail'],
    ['thu tran@hanoi.gov.vn', 'invalidEmail'],
    [`${'a'.repeat(250)}@x.vn`, 'tooLong'],
  ])('refuses the address %s (%s) on creation and on edit, changing nothing', async (email, reason) => {
    const before = await state();
    const created = await t.trpc('users.create', newUser('sai.thu', email), { cookie: admin });
    expect(created.status).toBe(400);
    expect(refusal(created)).toEqual({ field: 'email', reason });
    const edited = await t.trpc('users.update', { id: await idOf('thu.hn'), email }, { cookie: admin });
    expect(edited.status).toBe(400);
    expect(refusal(edited)).toEqual({ field: 'email', reason });
    expect(await state()).toEqual(before);
  });

  it('refuses an address another active account holds, in any case, on creation, edit and reactivation', async () => {
    const before = await state();
    const created = await t.trpc('users.create', newUser('trung.thu', 'THU.TRAN@hanoi.gov.vn'), {
      cookie: admin,
    });
    expect(created.status).toBe(409);
    expect(refusal(created)).toEqual({ field: 'email', reason: 'emailTaken' });
    const edited = await t.trpc(
      'users.update',
      { id: await idOf('khong.thu'), email: 'thu.tran@hanoi.gov.vn' },
      { cookie: admin },
    );
    expect(refusal(edited)).toEqual({ field: 'email', reason: 'emailTaken' });
    expect(await state()).toEqual(before);

    // A deactivated account holds no address: its successor (a move to another agency) takes it over.
    const oldId = await idOf('thu.hn');
    expect((await t.trpc('users.update', { id: oldId, active: false }, { cookie: admin })).status).toBe(200);
    const successor = await t.trpc('users.create', newUser('thu.moi', 'thu.tran@hanoi.gov.vn'), {
      cookie: admin,
    });
    expect(successor.data).toMatchObject({ email: 'thu.tran@hanoi.gov.vn' });
    // Reactivating the old account with the same address would give the mailbox two accounts.
    const beforeReactivation = await state();
    const reactivated = await t.trpc('users.update', { id: oldId, active: true }, { cookie: admin });
    expect(refusal(reactivated)).toEqual({ field: 'email', reason: 'emailTaken' });
    expect(await state()).toEqual(beforeReactivation);
    // With its address cleared in the same change, it comes back.
    const back = await t.trpc('users.update', { id: oldId, active: true, email: '' }, { cookie: admin });
    expect(back.data).toMatchObject({ active: true, email: null });
  });

  it('the database holds the rule when two writes race past the check', async () => {
    const [row] = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, 'khong.thu'));
    const error = await t.database.db
      .update(users)
      .set({ email: 'THU.TRAN@hanoi.gov.vn' })
      .where(eq(users.id, row?.id ?? 0))
      .then(
        () => null,
        (e: unknown) => e,
      );
    // The service answers such a race as it answers the check.
    expect(emailTakenOr(error)).toMatchObject({
      code: 'CONFLICT',
      details: { field: 'email', reason: 'emailTaken' },
    });
    expect(emailTakenOr(new Error('other'))).toMatchObject({ message: 'other' });
    expect(await emailOf('khong.thu')).toBeNull();
  });

  it('a user’s own mail settings take the same rule', async () => {
    const mine = await t.trpc(
      'mail.updateSettings',
      { email: ' CV@Yte.gov.vn ', preferences: [] },
      { cookie: officer },
    );
    expect(mine.data).toMatchObject({ email: 'cv@yte.gov.vn' });
    const taken = await t.trpc(
      'mail.updateSettings',
      { email: 'thu.tran@hanoi.gov.vn', preferences: [] },
      { cookie: officer },
    );
    expect(refusal(taken)).toEqual({ field: 'email', reason: 'emailTaken' });
    expect(await emailOf('cv')).toBe('cv@yte.gov.vn');
  });

  it('refuses a non-administrator, changing nothing', async () => {
    const before = await state();
    const id = await idOf('thu.moi');
    const edited = await t.trpc('users.update', { id, email: 'cv.khac@yte.gov.vn' }, { cookie: officer });
    expect(edited.status).toBe(403);
    const created = await t.trpc('users.create', newUser('cv.tao', 'cv.tao@yte.gov.vn'), { cookie: officer });
    expect(created.status).toBe(403);
    expect((await t.trpc('users.update', { id, email: 'x@y.vn' })).status).toBe(401);
    expect(await state()).toEqual(before);
  });
});
