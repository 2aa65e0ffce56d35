import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema';
import { createTestApp, createUser } from '../../test/app';

/** Each user's own language (docs/decisions/0027): Vietnamese by default, kept on the account, audited. */
describe('the language of an account', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let cookie: string;

  beforeAll(async () => {
    // A long session cache: the change must show at once all the same.
    t = await createTestApp({ config: { SESSION_CACHE_MS: '60000' } });
    await createUser(t.database, { username: 'cv', role: 'officer', agency: 'Bộ Y tế' });
    await createUser(t.database, { username: 'ld', role: 'leader', agency: 'Bộ Y tế' });
    cookie = await t.login('cv');
  });
  afterAll(() => t.close());

  const me = async (c: string) => (await t.trpc('auth.me', undefined, { method: 'GET', cookie: c })).data;

  it('is Vietnamese until the user chooses', async () => {
    expect(await me(cookie)).toMatchObject({ username: 'cv', language: 'vi' });
  });

  it('is the user’s to change, shown at once, kept for the next login, and audited', async () => {
    const res = await t.trpc('auth.setLanguage', { language: 'en' }, { cookie });
    expect(res.data).toEqual({ language: 'en' });
    expect(await me(cookie)).toMatchObject({ language: 'en' });
    expect(await me(await t.login('cv'))).toMatchObject({ language: 'en' });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'user.language'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({ before: { language: 'vi' }, after: { language: 'en' } });
    // Another account is untouched.
    expect(await me(await t.login('ld'))).toMatchObject({ language: 'vi' });
  });

  it('refuses a language it does not have, and anyone not signed in, changing nothing', async () => {
    const bad = await t.trpc('auth.setLanguage', { language: 'fr' }, { cookie });
    expect(bad.status).toBe(400);
    expect((await t.trpc('auth.setLanguage', { language: 'vi' })).status).toBe(401);
    const [row] = await t.database.db
      .select({ language: users.language })
      .from(users)
      .where(eq(users.username, 'cv'));
    expect(row?.language).toBe('en');
  });
});
