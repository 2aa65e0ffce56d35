import { and, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, loginFailures, sessions, users } from '../../db/schema';
import { createTestApp, createUser } from '../../test/app';
import {
  decryptTotpSecret,
  encryptTotpSecret,
  MAX_WRONG_CODES_PER_SESSION,
  normalizeRecoveryCode,
} from './mfa';

/** What the person's authenticator app shows, `steps` periods from now. */
function codeOf(secret: string, steps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + steps * 30_000 });
}

/** Six digits that are none of the codes around now (so the refusal is certain, not likely). */
function wrongCodeOf(secret: string): string {
  const near = new Set([-3, -2, -1, 0, 1, 2, 3].map((s) => codeOf(secret, s)));
  return ['123456', '654321', '000000', '999999'].find((c) => !near.has(c)) ?? '111111';
}

describe('second factor (TOTP) and recovery codes', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let officeId: number;
  /** The office user's secret, once enrolled. */
  let secret = '';
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({
      config: { MFA_REQUIRED_ROLES: 'office,inspector,admin', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' },
    });
    ({ id: officeId } = await createUser(t.database, {
      username: 'vp.mfa',
      role: 'office',
      agency: 'Văn phòng Chính phủ',
    }));
    await createUser(t.database, { username: 'cv.mfa', role: 'officer', agency: 'Bộ Y tế' });
    await createUser(t.database, { username: 'qt.mfa', role: 'admin', agency: 'Văn phòng Chính phủ' });
  });
  afterAll(() => t.close());

  async function loginStage(username: string) {
    const res = await t.trpc('auth.login', { username, password: 'Mật-khẩu-thử-2026' });
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
    return { cookie, stage: res.data.stage as string };
  }
  const me = (cookie: string) => t.trpc('auth.me', undefined, { method: 'GET', cookie });
  const list = (cookie: string) => t.trpc('agencies.list', {}, { method: 'GET', cookie });

  /** Logs in and enrols in one go (for the administrator of the reset test). */
  async function enrolled(username: string) {
    const { cookie } = await loginStage(username);
    const begun = await t.trpc('auth.beginEnrollment', undefined, { cookie });
    const done = await t.trpc('auth.confirmEnrollment', { code: codeOf(begun.data.secret) }, { cookie });
    expect(done.data.stage).toBe('full');
    return { cookie, secret: begun.data.secret as string };
  }

  it('sends an Office login to enrolment, and opens nothing else until it is done', async () => {
    const { cookie, stage } = await loginStage('vp.mfa');
    expect(stage).toBe('enroll');
    expect((await me(cookie)).data).toMatchObject({ username: 'vp.mfa', stage: 'enroll' });
    expect((await list(cookie)).status).toBe(401);
    expect((await t.trpc('auth.mfaStatus', undefined, { method: 'GET', cookie })).status).toBe(401);
    expect((await t.trpc('auth.verifyMfa', { code: '123456' }, { cookie })).status).toBe(401);
    const live = await t.app.inject({
      method: 'GET',
      url: `/trpc/live.changes?input=${encodeURIComponent('{"json":{}}')}`,
      headers: { cookie, accept: 'text/event-stream' },
    });
    // A refused subscription is answered in tRPC's stream format.
    expect(live.body).toContain('event: serialized-error');
    expect(live.body).toContain('"appCode":"UNAUTHENTICATED"');
    expect(t.app.liveHub.connectionCount).toBe(0);
    const evidence = await t.app.inject({ method: 'GET', url: '/api/evidence/1', headers: { cookie } });
    expect(evidence.statusCode).toBe(401);
  });

  it('enrols: a wrong code is refused; the right one turns MFA on, hands out 10 codes and opens the app', async () => {
    const { cookie } = await loginStage('vp.mfa');
    const begun = await t.trpc('auth.beginEnrollment', undefined, { cookie });
    expect(begun.status).toBe(200);
    secret = begun.data.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(begun.data.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(begun.data.uri).toContain(`secret=${secret}`);

    const [row] = await t.database.db.select().from(users).where(eq(users.id, officeId));
    expect(row?.totpEnabledAt).toBeNull();
    expect(row?.totpSecret).toBeTruthy();
    expect(row?.totpSecret).not.toContain(secret);
    expect(row?.totpSecret).not.toContain(secret.toLowerCase());

    const wrong = await t.trpc('auth.confirmEnrollment', { code: wrongCodeOf(secret) }, { cookie });
    expect(wrong.status).toBe(400);
    expect(wrong.error.data.details).toMatchObject({ field: 'code', reason: 'wrongCode' });
    expect((await me(cookie)).data.stage).toBe('enroll');

    const done = await t.trpc('auth.confirmEnrollment', { code: codeOf(secret) }, { cookie });
    expect(done.status).toBe(200);
    expect(done.data.stage).toBe('full');
    recoveryCodes = done.data.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
    expect((await list(cookie)).status).toBe(200);

    const [after] = await t.database.db.select().from(users).where(eq(users.id, officeId));
    expect(after?.totpEnabledAt).toBeInstanceOf(Date);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.mfa_enabled'), eq(auditLog.entityId, String(officeId))));
    expect(audited).toHaveLength(1);
    const status = await t.trpc('auth.mfaStatus', undefined, { method: 'GET', cookie });
    expect(status.data).toMatchObject({ enabled: true, required: true, recoveryCodesLeft: 10 });
  });

  it('asks the next login for a code: a wrong one is refused and recorded, the right one opens the app once', async () => {
    const { cookie, stage } = await loginStage('vp.mfa');
    expect(stage).toBe('mfa');
    expect((await list(cookie)).status).toBe(401);
    expect((await t.trpc('auth.beginEnrollment', undefined, { cookie })).status).toBe(401);

    const wrong = await t.trpc('auth.verifyMfa', { code: wrongCodeOf(secret) }, { cookie });
    expect(wrong.status).toBe(400);
    expect(wrong.error.data.details).toMatchObject({ reason: 'wrongCode' });
    const failures = await t.database.db
      .select()
      .from(loginFailures)
      .where(and(eq(loginFailures.userId, officeId), eq(loginFailures.reason, 'second_factor')));
    expect(failures).toHaveLength(1);
    const [counted] = await t.database.db.select().from(users).where(eq(users.id, officeId));
    expect(counted?.failedLogins).toBe(1);

    // The enrolment spent the current step: the next code is the app's next one (still in the window).
    const code = codeOf(secret, 1);
    const right = await t.trpc('auth.verifyMfa', { code }, { cookie });
    expect(right.status).toBe(200);
    expect(right.data.stage).toBe('full');
    expect((await list(cookie)).status).toBe(200);
    const [cleared] = await t.database.db.select().from(users).where(eq(users.id, officeId));
    expect(cleared?.failedLogins).toBe(0);

    const again = await loginStage('vp.mfa');
    const replay = await t.trpc('auth.verifyMfa', { code }, { cookie: again.cookie });
    expect(replay.status).toBe(400);
    expect((await me(again.cookie)).data.stage).toBe('mfa');
  });

  it('takes a recovery code once, typed in any case and spacing', async () => {
    const code = recoveryCodes[0] ?? '';
    const first = await loginStage('vp.mfa');
    const typed = ` ${code.toUpperCase().replace('-', ' ')} `;
    const used = await t.trpc('auth.verifyMfa', { code: typed }, { cookie: first.cookie });
    expect(used.status).toBe(200);
    expect(used.data.stage).toBe('full');

    const second = await loginStage('vp.mfa');
    const reused = await t.trpc('auth.verifyMfa', { code }, { cookie: second.cookie });
    expect(reused.status).toBe(400);
    const other = await t.trpc('auth.verifyMfa', { code: recoveryCodes[1] }, { cookie: second.cookie });
    expect(other.data.stage).toBe('full');
    const status = await t.trpc('auth.mfaStatus', undefined, { method: 'GET', cookie: second.cookie });
    expect(status.data.recoveryCodesLeft).toBe(8);
  });

  it(`ends the session at the ${MAX_WRONG_CODES_PER_SESSION}th wrong code: the person logs in again`, async () => {
    const { cookie } = await loginStage('vp.mfa');
    const wrong = wrongCodeOf(secret);
    for (let i = 1; i < MAX_WRONG_CODES_PER_SESSION; i++)
      expect((await t.trpc('auth.verifyMfa', { code: wrong }, { cookie })).status).toBe(400);
    const last = await t.trpc('auth.verifyMfa', { code: wrong }, { cookie });
    expect(last.status).toBe(401);
    expect(last.error.message).toBe('tooManyCodes');
    expect((await me(cookie)).data).toBeNull();
    // Five wrong codes lock the account as five wrong passwords would: the password is not even checked.
    const locked = await t.trpc('auth.login', { username: 'vp.mfa', password: 'Mật-khẩu-thử-2026' });
    expect(locked.status).toBe(429);
    expect(locked.error.data.details).toMatchObject({ reason: 'accountLocked' });
    // Once the lock has passed, the right password opens a new login but does not wipe the codes guessed:
    // the next wrong code locks again, for longer.
    await t.database.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, officeId));
    const fresh = await loginStage('vp.mfa');
    expect(fresh.stage).toBe('mfa');
    expect((await t.trpc('auth.verifyMfa', { code: wrong }, { cookie: fresh.cookie })).status).toBe(400);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, officeId));
    expect(row?.failedLogins).toBe(MAX_WRONG_CODES_PER_SESSION + 1);
    expect(row?.lockedUntil?.getTime() ?? 0).toBeGreaterThan(Date.now() + 90_000);
    // The administrator's unlock (tested with the users module) lets the person in again.
    await t.database.db
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null })
      .where(eq(users.id, officeId));
  });

  it('regenerates recovery codes on a current code; the old ones stop working', async () => {
    const { cookie } = await loginStage('vp.mfa');
    await t.trpc('auth.verifyMfa', { code: recoveryCodes[2] }, { cookie });
    expect((await me(cookie)).data.stage).toBe('full');
    const refused = await t.trpc('auth.regenerateRecoveryCodes', { code: wrongCodeOf(secret) }, { cookie });
    expect(refused.status).toBe(400);
    // A minute later, as far as the replay guard is concerned.
    await t.database.db.update(users).set({ totpLastStep: null }).where(eq(users.id, officeId));
    const fresh = await t.trpc('auth.regenerateRecoveryCodes', { code: codeOf(secret) }, { cookie });
    expect(fresh.status).toBe(200);
    expect(fresh.data.recoveryCodes).toHaveLength(10);
    const next = await loginStage('vp.mfa');
    expect((await t.trpc('auth.verifyMfa', { code: recoveryCodes[3] }, { cookie: next.cookie })).status).toBe(
      400,
    );
    const newOne = await t.trpc(
      'auth.verifyMfa',
      { code: fresh.data.recoveryCodes[0] },
      { cookie: next.cookie },
    );
    expect(newOne.data.stage).toBe('full');
    recoveryCodes = fresh.data.recoveryCodes;
  });

  it('refuses to turn MFA off for a role that requires it', async () => {
    const { cookie } = await loginStage('vp.mfa');
    await t.trpc('auth.verifyMfa', { code: recoveryCodes[1] }, { cookie });
    await t.database.db.update(users).set({ totpLastStep: null }).where(eq(users.id, officeId));
    const res = await t.trpc('auth.disableMfa', { code: codeOf(secret) }, { cookie });
    expect(res.status).toBe(403);
    expect(res.error.message).toBe('mfaRequired');
  });

  it('lets an officer in directly, and lets them turn MFA on and off themselves', async () => {
    const { cookie, stage } = await loginStage('cv.mfa');
    expect(stage).toBe('full');
    const status = await t.trpc('auth.mfaStatus', undefined, { method: 'GET', cookie });
    expect(status.data).toMatchObject({ enabled: false, required: false });

    const begun = await t.trpc('auth.beginEnrollment', undefined, { cookie });
    const done = await t.trpc('auth.confirmEnrollment', { code: codeOf(begun.data.secret) }, { cookie });
    expect(done.data.stage).toBe('full');
    expect((await t.trpc('auth.beginEnrollment', undefined, { cookie })).status).toBe(409);
    expect((await loginStage('cv.mfa')).stage).toBe('mfa');

    const wrong = await t.trpc('auth.disableMfa', { code: wrongCodeOf(begun.data.secret) }, { cookie });
    expect(wrong.status).toBe(400);
    const off = await t.trpc('auth.disableMfa', { code: codeOf(begun.data.secret, 1) }, { cookie });
    expect(off.status).toBe(200);
    expect((await loginStage('cv.mfa')).stage).toBe('full');
  });

  it('lets an administrator reset the MFA of a person who lost it all: their next login enrols again', async () => {
    const admin = await enrolled('qt.mfa');
    const officer = await loginStage('cv.mfa');
    expect((await t.trpc('users.resetMfa', { id: officeId }, { cookie: officer.cookie })).status).toBe(403);

    const office = await loginStage('vp.mfa');
    await t.trpc('auth.verifyMfa', { code: recoveryCodes[2] }, { cookie: office.cookie });
    expect((await me(office.cookie)).data.stage).toBe('full');

    const reset = await t.trpc('users.resetMfa', { id: officeId }, { cookie: admin.cookie });
    expect(reset.status).toBe(200);
    expect((await me(office.cookie)).data).toBeNull();
    const openSessions = await t.database.db.select().from(sessions).where(eq(sessions.userId, officeId));
    expect(openSessions).toHaveLength(0);
    expect((await loginStage('vp.mfa')).stage).toBe('enroll');
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.mfa_reset'), eq(auditLog.entityId, String(officeId))));
    expect(audited).toHaveLength(1);
  });
});

describe('how the secret and the codes are kept', () => {
  const settings = { SESSION_SECRET: 'k'.repeat(40) };

  it('encrypts the secret for one user row under a key derived from the server secret', () => {
    const secret = new Secret({ size: 20 }).base32;
    const stored = encryptTotpSecret(settings, 7, secret);
    expect(stored).not.toContain(secret);
    expect(stored).not.toBe(encryptTotpSecret(settings, 7, secret));
    expect(decryptTotpSecret(settings, 7, stored)).toBe(secret);
    expect(decryptTotpSecret(settings, 8, stored)).toBeNull();
    expect(decryptTotpSecret({ SESSION_SECRET: 'x'.repeat(40) }, 7, stored)).toBeNull();
  });

  it('reads a recovery code the way people type it', () => {
    expect(normalizeRecoveryCode(' AB1O2-IL3kz ')).toBe('ab102113kz');
  });
});
