import { compileErrors, validate } from '@readme/openapi-parser';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodContaining, periodOf } from '../../shared/reporting-periods';
import { shiftDate, vietnamDate } from '../../shared/time';
import {
  apiIdempotency,
  apiTokens,
  auditLog,
  changeEvents,
  progressUpdates,
  reportTemplates,
  users,
} from '../db/schema';
import { forgetOldAnswers, IDEMPOTENCY_KEEP_HOURS } from '../modules/machine/idempotency';
import { type Cast, newKey, ok, startCast, today } from '../test/tasks';
import { fastifyPath, MACHINE_ROUTES } from './machine-api';

/** The machine API: tokens, their scope and capabilities, idempotent writes, the OpenAPI document. */
describe('machine API (/api/v1)', () => {
  let c: Cast;
  let financeTask: number;
  let healthTask: number;

  beforeAll(async () => {
    c = await startCast({ API_TOKEN_RATE_LIMIT_PER_MINUTE: '100000' });
    financeTask = await c.newTask();
    healthTask = await c.newTask({ leadAgencyId: c.agency.health, coordinatorIds: [] });
  });
  afterAll(() => c.close());

  async function issue(
    agencyId: number,
    capabilities: string[] = ['progress:write', 'reports:write', 'data:read'],
    name = `Hệ thống ${newKey('sys')}`,
  ) {
    return ok(
      await c.mutate('admin', 'apiTokens.issue', { name, agencyId, capabilities, expiresOn: today(30) }),
    ) as { id: number; prefix: string; token: string };
  }

  const call = (
    token: string | null,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    c.t.app.inject({
      method,
      url,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
  const progress = (token: string, taskId: number, body: unknown, key: string | null = newKey('api')) =>
    call(token, 'POST', `/api/v1/tasks/${taskId}/progress`, body, key ? { 'idempotency-key': key } : {});
  const updatesOf = async (taskId: number) =>
    (
      await c.database.db
        .select({ n: count() })
        .from(progressUpdates)
        .where(eq(progressUpdates.taskId, taskId))
    )[0]?.n ?? 0;

  describe('issuing tokens', () => {
    it('only an administrator issues, lists and revokes; the token is shown once and stored as a hash', async () => {
      for (const who of ['office', 'leadOfficer', 'inspector'] as const) {
        const res = await c.mutate(who, 'apiTokens.issue', {
          name: 'x',
          agencyId: c.agency.finance,
          capabilities: ['data:read'],
          expiresOn: today(10),
        });
        expect(res.status).toBe(403);
        expect((await c.query(who, 'apiTokens.list', {})).status).toBe(403);
      }
      const issued = await issue(c.agency.finance, ['data:read']);
      expect(issued.token).toMatch(/^dgm_[A-Za-z0-9_-]{43}$/);
      expect(issued.token.startsWith(issued.prefix)).toBe(true);
      const [row] = await c.database.db.select().from(apiTokens).where(eq(apiTokens.id, issued.id));
      expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(issued.token);
      const list = ok(await c.query('admin', 'apiTokens.list', {})) as { id: number; prefix: string }[];
      const listed = list.find((t) => t.id === issued.id);
      expect(listed?.prefix).toBe(issued.prefix);
      expect(JSON.stringify(list)).not.toContain(issued.token);
    });

    it('refuses an expiry in the past or more than a year ahead, and an empty capability list', async () => {
      const base = { name: 'x', agencyId: c.agency.finance, capabilities: ['data:read'] };
      expect((await c.mutate('admin', 'apiTokens.issue', { ...base, expiresOn: today(-1) })).status).toBe(
        400,
      );
      expect((await c.mutate('admin', 'apiTokens.issue', { ...base, expiresOn: today(400) })).status).toBe(
        400,
      );
      expect(
        (await c.mutate('admin', 'apiTokens.issue', { ...base, capabilities: [], expiresOn: today(5) }))
          .status,
      ).toBe(400);
      expect(
        (
          await c.mutate('admin', 'apiTokens.issue', {
            ...base,
            capabilities: ['admin'],
            expiresOn: today(5),
          })
        ).status,
      ).toBe(400);
    });

    it("the token's account cannot log in and is not among the users an administrator edits", async () => {
      const issued = await issue(c.agency.finance, ['data:read']);
      const [row] = await c.database.db
        .select({
          userId: apiTokens.userId,
          username: users.username,
          role: users.role,
          active: users.active,
        })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(eq(apiTokens.id, issued.id));
      if (!row) throw new Error('no account');
      expect(row).toMatchObject({ role: 'officer', active: false });
      expect((await c.t.trpc('auth.login', { username: row.username, password: '!api-token' })).status).toBe(
        401,
      );
      const listed = ok(await c.query('admin', 'users.list', { q: row.username })) as { items: unknown[] };
      expect(listed.items).toHaveLength(0);
      const update = await c.mutate('admin', 'users.update', { id: row.userId, active: true });
      expect(update.status).toBe(404);
      const reset = await c.mutate('admin', 'users.resetPassword', {
        id: row.userId,
        password: 'Một-mật-khẩu-dài-2026',
      });
      expect(reset.status).toBe(404);
    });
  });

  describe('authentication', () => {
    it('no token, a wrong one or a malformed header: 401 with a message in Vietnamese and English', async () => {
      for (const header of [
        undefined,
        'Bearer dgm_wrong',
        'Basic abc',
        'Bearer',
        `Bearer ${'dgm_'.padEnd(60, 'A')}`,
      ]) {
        const res = await c.t.app.inject({
          method: 'GET',
          url: '/api/v1/tasks',
          headers: header ? { authorization: header } : {},
        });
        expect(res.statusCode).toBe(401);
        expect(res.headers['www-authenticate']).toContain('Bearer');
        const body = res.json();
        expect(body.error).toBe('UNAUTHENTICATED');
        expect(body.message.vi).toMatch(/token/);
        expect(body.message.en).toMatch(/token/);
      }
    });

    it("a body that is not JSON, or too large, is refused in the API's shape", async () => {
      const { token } = await issue(c.agency.finance);
      const res = await c.t.app.inject({
        method: 'POST',
        url: `/api/v1/tasks/${financeTask}/progress`,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': newKey('bad'),
        },
        payload: '{"percent": 10, "narrative": ',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        error: 'VALIDATION',
        message: { vi: expect.any(String), en: expect.any(String) },
      });
      const large = await c.t.app.inject({
        method: 'POST',
        url: `/api/v1/tasks/${financeTask}/progress`,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': newKey('big'),
        },
        payload: JSON.stringify({ percent: 10, narrative: 'x'.repeat(2 * 1024 * 1024) }),
      });
      expect(large.statusCode).toBe(413);
      expect(large.json().message.en).toBeTruthy();
    });

    it('a session cookie is no way in: the machine API takes tokens only', async () => {
      const res = await c.t.app.inject({
        method: 'GET',
        url: '/api/v1/tasks',
        headers: { cookie: c.cookie.leadOfficer },
      });
      expect(res.statusCode).toBe(401);
    });

    it("a token opens the machine API only: the screens' procedures and downloads ignore it", async () => {
      const { token } = await issue(c.agency.finance);
      const headers = { authorization: `Bearer ${token}` };
      expect((await c.t.trpc('tasks.inbox', {}, { method: 'GET', headers })).status).toBe(401);
      expect((await c.t.trpc('apiTokens.list', {}, { method: 'GET', headers })).status).toBe(401);
      expect((await c.t.app.inject({ method: 'GET', url: '/export/tasks.csv', headers })).statusCode).toBe(
        401,
      );
    });

    it('a revoked token fails at the very next request', async () => {
      const { id, token } = await issue(c.agency.finance);
      expect((await call(token, 'GET', '/api/v1/me')).statusCode).toBe(200);
      ok(await c.mutate('admin', 'apiTokens.revoke', { id }));
      expect((await call(token, 'GET', '/api/v1/me')).statusCode).toBe(401);
      const before = await updatesOf(financeTask);
      const res = await progress(token, financeTask, { percent: 10, narrative: 'Sau khi thu hồi' });
      expect(res.statusCode).toBe(401);
      expect(await updatesOf(financeTask)).toBe(before);
      // Revoked twice: a conflict, not a second audit entry.
      expect((await c.mutate('admin', 'apiTokens.revoke', { id })).status).toBe(409);
    });

    it('an expired token: 401', async () => {
      const { id, token } = await issue(c.agency.finance);
      expect((await call(token, 'GET', '/api/v1/me')).statusCode).toBe(200);
      await c.database.db
        .update(apiTokens)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(apiTokens.id, id));
      expect((await call(token, 'GET', '/api/v1/me')).statusCode).toBe(401);
    });
  });

  describe('scopes', () => {
    it('a token without progress:write gets 403 on progress, without data:read 403 on reads', async () => {
      const reader = await issue(c.agency.finance, ['data:read']);
      const res = await progress(reader.token, financeTask, { percent: 20, narrative: 'Không có quyền' });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: 'FORBIDDEN', capability: 'progress:write' });
      expect(res.json().message.vi).toBeTruthy();
      const writer = await issue(c.agency.finance, ['progress:write']);
      expect((await call(writer.token, 'GET', '/api/v1/tasks')).statusCode).toBe(403);
      expect((await call(writer.token, 'GET', `/api/v1/tasks/${financeTask}`)).statusCode).toBe(403);
      expect((await call(writer.token, 'GET', '/api/v1/reports')).statusCode).toBe(403);
      const draft = await call(
        writer.token,
        'PUT',
        '/api/v1/reports/1/2026-M11/draft',
        { values: {} },
        {
          'idempotency-key': newKey('draft'),
        },
      );
      expect(draft.statusCode).toBe(403);
    });

    it("agency A's token cannot touch agency B's task, whatever ids it puts in the path, body or query", async () => {
      const finance = await issue(c.agency.finance);
      const before = await updatesOf(healthTask);
      // B's task in the path: the same answer the screen gives an officer of A.
      const screen = await c.mutate('leadOfficer', 'tasks.postProgress', {
        taskId: healthTask,
        percent: 30,
        narrative: 'Thử',
        idempotencyKey: newKey('screen'),
      });
      const res = await progress(finance.token, healthTask, { percent: 30, narrative: 'Thử' });
      expect(res.statusCode).toBe(screen.status);
      expect([403, 404]).toContain(res.statusCode);
      // Ids smuggled into the body or the query are refused, not obeyed.
      for (const extra of [{ taskId: healthTask }, { agencyId: c.agency.health }, { authorId: 1 }]) {
        const smuggled = await progress(finance.token, financeTask, {
          percent: 30,
          narrative: 'Thử',
          ...extra,
        });
        expect(smuggled.statusCode).toBe(400);
      }
      expect((await call(finance.token, 'GET', `/api/v1/tasks?agencyId=${c.agency.health}`)).statusCode).toBe(
        400,
      );
      expect(await updatesOf(healthTask)).toBe(before);
      // Reading B's task: as the screen answers A's officer.
      const screenRead = await c.query('leadOfficer', 'tasks.get', { id: healthTask });
      const read = await call(finance.token, 'GET', `/api/v1/tasks/${healthTask}`);
      expect(read.statusCode).toBe(screenRead.status);
      // The list is A's own tasks only.
      const list = (await call(finance.token, 'GET', '/api/v1/tasks?pageSize=200')).json();
      const ids = list.items.map((t: { id: number }) => t.id);
      expect(ids).toContain(financeTask);
      expect(ids).not.toContain(healthTask);
      // A's own task is fine.
      expect((await call(finance.token, 'GET', `/api/v1/tasks/${financeTask}`)).statusCode).toBe(200);
    });

    it('acts as an officer, never more: a token cannot do what only the Office or a leader does', async () => {
      const finance = await issue(c.agency.finance);
      const [row] = await c.database.db
        .select({ role: users.role })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(eq(apiTokens.id, finance.id));
      expect(row?.role).toBe('officer');
      // Unknown routes and methods of the API are 404, not a way around the routes' checks.
      expect((await call(finance.token, 'DELETE', `/api/v1/tasks/${financeTask}`)).statusCode).toBe(404);
    });
  });

  describe('writes', () => {
    it('a write without an Idempotency-Key: 400, nothing written', async () => {
      const { token } = await issue(c.agency.finance);
      const before = await updatesOf(financeTask);
      const res = await progress(token, financeTask, { percent: 15, narrative: 'Không khóa' }, null);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('IDEMPOTENCY_KEY_REQUIRED');
      expect(await updatesOf(financeTask)).toBe(before);
    });

    it('the same key and body: the same answer, one record; the same key with another body: 422', async () => {
      const { token } = await issue(c.agency.finance);
      const before = await updatesOf(financeTask);
      const key = newKey('replay');
      const body = { percent: 40, narrative: 'Đã trình dự thảo' };
      const first = await progress(token, financeTask, body, key);
      expect(first.statusCode).toBe(200);
      const second = await progress(token, financeTask, { narrative: body.narrative, percent: 40 }, key);
      expect(second.statusCode).toBe(200);
      expect(second.json()).toEqual(first.json());
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(await updatesOf(financeTask)).toBe(before + 1);
      const other = await progress(token, financeTask, { ...body, percent: 41 }, key);
      expect(other.statusCode).toBe(422);
      expect(other.json().error).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(other.json().message.vi).toMatch(/Idempotency-Key/);
      expect(await updatesOf(financeTask)).toBe(before + 1);
      // The same key on another route is another request too.
      const elsewhere = await call(
        token,
        'PUT',
        '/api/v1/reports/1/2026-M11/draft',
        { values: {} },
        {
          'idempotency-key': key,
        },
      );
      expect(elsewhere.statusCode).toBe(422);
    });

    it('two tokens may use the same key: keys are per token', async () => {
      const a = await issue(c.agency.finance);
      const b = await issue(c.agency.finance);
      const before = await updatesOf(financeTask);
      const key = newKey('shared');
      expect((await progress(a.token, financeTask, { percent: 42, narrative: 'A' }, key)).statusCode).toBe(
        200,
      );
      expect((await progress(b.token, financeTask, { percent: 43, narrative: 'B' }, key)).statusCode).toBe(
        200,
      );
      expect(await updatesOf(financeTask)).toBe(before + 2);
    });

    it('kept answers are forgotten after a week, not before', async () => {
      const { id, token } = await issue(c.agency.finance);
      const oldKey = newKey('old');
      const newOne = newKey('new');
      expect((await progress(token, financeTask, { percent: 46, narrative: 'Cũ' }, oldKey)).statusCode).toBe(
        200,
      );
      expect((await progress(token, financeTask, { percent: 47, narrative: 'Mới' }, newOne)).statusCode).toBe(
        200,
      );
      await c.database.db
        .update(apiIdempotency)
        .set({ createdAt: new Date(Date.now() - (IDEMPOTENCY_KEEP_HOURS + 1) * 3_600_000) })
        .where(and(eq(apiIdempotency.tokenId, id), eq(apiIdempotency.key, oldKey)));
      expect(await forgetOldAnswers(c.database.db)).toBeGreaterThanOrEqual(1);
      const left = await c.database.db
        .select({ key: apiIdempotency.key })
        .from(apiIdempotency)
        .where(eq(apiIdempotency.tokenId, id));
      expect(left.map((r) => r.key)).toEqual([newOne]);
    });

    it('concurrent retries of one write make one record', async () => {
      const { token } = await issue(c.agency.finance);
      const before = await updatesOf(financeTask);
      const key = newKey('race');
      const answers = await Promise.all(
        Array.from({ length: 4 }, () =>
          progress(token, financeTask, { percent: 44, narrative: 'Cùng lúc' }, key),
        ),
      );
      for (const a of answers) expect([200, 409]).toContain(a.statusCode);
      expect(answers.some((a) => a.statusCode === 200)).toBe(true);
      expect(await updatesOf(financeTask)).toBe(before + 1);
    });

    it("validation errors are the screen's: the same issues for the same values", async () => {
      const { token } = await issue(c.agency.finance);
      for (const bad of [
        { percent: 150, narrative: 'Quá trăm' },
        { percent: -1, narrative: 'Âm' },
        { percent: 12.5, narrative: 'Lẻ' },
        { percent: 10, narrative: '   ' },
        { percent: 10, narrative: 'x', evidenceUrl: 'javascript:alert(1)' },
      ]) {
        const screen = await c.mutate('leadOfficer', 'tasks.postProgress', {
          taskId: financeTask,
          idempotencyKey: newKey('screen'),
          ...bad,
        });
        const api = await progress(token, financeTask, bad);
        expect(api.statusCode).toBe(400);
        expect(screen.status).toBe(400);
        expect(api.json().issues).toEqual(screen.error.data.issues);
        expect(api.json().message.en).toMatch(/invalid/);
      }
      // A task id past the database's range, or not a number.
      for (const id of ['99999999999', 'abc', '0', '-3']) {
        expect((await progress(token, id as never, { percent: 1, narrative: 'x' })).statusCode).toBe(400);
      }
      // A NUL character is refused with the field named.
      const nul = await progress(token, financeTask, { percent: 1, narrative: 'a\u0000b' });
      expect(nul.statusCode).toBe(400);
    });

    it('a task closed or with its completion pending refuses progress as the screen does (409)', async () => {
      const { token } = await issue(c.agency.finance);
      const task = await c.newTask();
      await c.reportCompletion(task);
      const res = await progress(token, task, { percent: 90, narrative: 'Sau báo cáo hoàn thành' });
      expect(res.statusCode).toBe(409);
      expect(res.json().reason).toBe('completionPending');
    });

    it('a machine post is audited as the system, recorded as the screen would, and announced live', async () => {
      const name = 'Phần mềm quản lý văn bản';
      const { token } = await issue(c.agency.finance, ['progress:write', 'data:read'], name);
      const task = await c.newTask();
      const res = await progress(token, task, { percent: 55, narrative: 'Cập nhật từ hệ thống' });
      expect(res.statusCode).toBe(200);
      const [entry] = await c.database.db
        .select({ username: auditLog.username, role: auditLog.role, agencyId: auditLog.agencyId })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.entityType, 'task'),
            eq(auditLog.entityId, String(task)),
            eq(auditLog.action, 'task.progress'),
          ),
        );
      expect(entry).toEqual({
        username: `Hệ thống của Bộ Tài chính (token ${name})`,
        role: 'officer',
        agencyId: c.agency.finance,
      });
      const events = await c.database.db
        .select({ type: changeEvents.type })
        .from(changeEvents)
        .where(eq(changeEvents.taskId, task));
      expect(events.map((e) => e.type)).toContain('task.progress');
      // The Office sees it on the task, as any update.
      const detail = await c.getTask(task);
      expect(detail.task.latestPercent).toBe(55);
    });

    it('a report draft through the API: the same service, rules and answers as the form', async () => {
      const { token } = await issue(c.agency.finance, ['reports:write', 'data:read']);
      const reports = await call(token, 'GET', '/api/v1/reports');
      expect(reports.statusCode).toBe(200);
      const [monthly] = await c.database.db
        .select({ id: reportTemplates.id })
        .from(reportTemplates)
        .where(eq(reportTemplates.code, 'BC-NV-THANG'));
      if (!monthly) throw new Error('no monthly template');
      const current = periodContaining('month', today());
      if (!current) throw new Error('no current month');
      const previous = current.year * 12 + current.index - 2;
      const periodKey = periodOf('month', Math.floor(previous / 12), (previous % 12) + 1).key;
      const url = `/api/v1/reports/${monthly.id}/${periodKey}/draft`;
      const values = { tasks_assigned: 12, tasks_completed: 5, tasks_overdue: 1, notes: 'Từ hệ thống' };
      const key = newKey('draft');
      const saved = await call(token, 'PUT', url, { values }, { 'idempotency-key': key });
      expect(saved.statusCode, saved.body).toBe(200);
      const draft = saved.json() as { id: number; version: number };
      // The agency's officer opens the same draft on the screen, with the system's figures.
      const onScreen = ok(await c.query('leadOfficer', 'submissions.get', { id: draft.id }));
      expect(JSON.stringify(onScreen)).toContain('Từ hệ thống');
      // A retry is the first answer; a stale version is the screen's conflict.
      const again = await call(token, 'PUT', url, { values }, { 'idempotency-key': key });
      expect(again.json()).toEqual(draft);
      const stale = await call(
        token,
        'PUT',
        url,
        { values, version: draft.version + 5 },
        { 'idempotency-key': newKey('draft') },
      );
      const screenStale = await c.mutate('leadOfficer', 'submissions.saveDraft', {
        templateId: monthly.id,
        periodKey,
        values,
        version: draft.version + 5,
      });
      expect(stale.statusCode).toBe(screenStale.status);
      // Another agency's draft is out of reach: there is no agency in the request at all.
      const smuggled = await call(
        token,
        'PUT',
        url,
        { values, agencyId: c.agency.health },
        { 'idempotency-key': newKey('draft') },
      );
      expect(smuggled.statusCode).toBe(400);
      const bad = await call(
        token,
        'PUT',
        `/api/v1/reports/${monthly.id}/2026-M13/draft`,
        { values: {} },
        { 'idempotency-key': newKey('draft') },
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues[0]).toMatchObject({ path: 'params.periodKey', message: 'invalidPeriod' });
    });
  });

  describe('the OpenAPI document', () => {
    it('is served publicly and valid by a standard validator', async () => {
      const res = await c.t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      const result = await validate(structuredClone(doc));
      if (!result.valid) throw new Error(compileErrors(result));
      expect(result.valid).toBe(true);
      expect(doc.openapi).toMatch(/^3\./);
    });

    it('documents exactly the registered /api/v1 routes', async () => {
      const doc = (await c.t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${fastifyPath(path)}`),
      );
      const registered = c.t.app.registeredRoutes.filter(
        (r) => / \/api\/v1\//.test(r) && !r.startsWith('HEAD ') && r !== 'GET /api/v1/openapi.json',
      );
      expect(documented.length).toBe(MACHINE_ROUTES.length);
      expect([...documented].sort()).toEqual([...registered].sort());
      for (const route of documented) {
        const [method, url] = route.split(' ');
        expect(c.t.app.hasRoute({ method: method as 'GET', url: url ?? '' })).toBe(true);
      }
      // Every write documents its Idempotency-Key header.
      for (const [, methods] of Object.entries(doc.paths))
        for (const [method, op] of Object.entries(methods))
          if (method !== 'get')
            expect(JSON.stringify((op as { parameters: unknown }).parameters)).toContain('Idempotency-Key');
    });
  });

  it('each token has a bucket of its own', async () => {
    const limited = await startCast({ API_TOKEN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const mk = async () =>
        ok(
          await limited.mutate('admin', 'apiTokens.issue', {
            name: newKey('n'),
            agencyId: limited.agency.finance,
            capabilities: ['data:read'],
            expiresOn: shiftDate(vietnamDate(new Date()), 3),
          }),
        ) as { token: string };
      const [a, b] = [await mk(), await mk()];
      const get = (token: string) =>
        limited.t.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer ${token}` },
        });
      for (let i = 0; i < 3; i++) expect((await get(a.token)).statusCode).toBe(200);
      const over = await get(a.token);
      expect(over.statusCode).toBe(429);
      expect(over.headers['retry-after']).toBeTruthy();
      expect((await get(b.token)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
