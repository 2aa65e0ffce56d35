import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../shared/time';
import { seedIfEmpty } from '../seed';
import { DEMO_PASSWORD } from '../seed/demo';
import { createTestApp } from '../test/app';

/** Words that only a leaked query, stack or driver message would put in a response body. */
const LEAK = /select|insert|from "|params|Failed query|at .*\.ts|Error:/i;

describe('failures answer cleanly (issue 13: no SQL, no stack, 4xx for bad input, 503 for the database)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedIfEmpty(t.database.db, { communes: 0, demo: true, today: vietnamDate(new Date()) });
    office = await t.login('vpcp', DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  it('an evidence id beyond the database integer is a file that does not exist', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/evidence/99999999999',
      headers: { cookie: office },
    });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toMatch(LEAK);
  });

  it('an impossible date in an export filter is refused as bad input, not a 500 with the query', async () => {
    const filter = encodeURIComponent(JSON.stringify({ deadlineFrom: '2026-02-31', sort: 'deadline' }));
    const res = await t.app.inject({
      method: 'GET',
      url: `/export/tasks.csv?filter=${filter}`,
      headers: { cookie: office },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(LEAK);
  });

  it('an id beyond the database integer is refused by the procedure with the field named', async () => {
    const res = await t.trpc('tasks.get', { id: 2 ** 31 }, { method: 'GET', cookie: office });
    expect(res.status).toBe(400);
    expect(res.error?.data?.issues?.[0]?.path).toBe('id');
    expect(JSON.stringify(res.body)).not.toMatch(LEAK);
  });

  it('a NUL character in text is refused as bad input', async () => {
    const res = await t.trpc(
      'tasks.list',
      { q: 'a\u0000b', sort: 'deadline', pageSize: 5 },
      { method: 'GET', cookie: office },
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(LEAK);
  });

  it('a database that cannot be reached answers 503 with Retry-After, on procedures and routes alike', async () => {
    const db = t.database.db as unknown as { select: unknown };
    const select = db.select;
    db.select = () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    };
    try {
      const procedure = await t.trpc('documents.list', { pageSize: 5 }, { method: 'GET', cookie: office });
      expect(procedure.status).toBe(503);
      expect(procedure.headers['retry-after']).toBeDefined();
      expect(procedure.error?.data?.appCode).toBe('DATABASE_UNAVAILABLE');
      expect(JSON.stringify(procedure.body)).not.toMatch(/ECONNREFUSED|5432/);
      const route = await t.app.inject({
        method: 'GET',
        url: '/export/compliance.csv?templateId=1',
        headers: { cookie: office },
      });
      expect(route.statusCode).toBe(503);
      expect(route.headers['retry-after']).toBeDefined();
      expect(route.body).not.toMatch(/ECONNREFUSED|5432/);
    } finally {
      db.select = select;
    }
  });

  it('an unexpected failure is a generic 500, logged, never its message', async () => {
    const db = t.database.db as unknown as { select: unknown };
    const select = db.select;
    db.select = () => {
      throw new Error('Failed query: select secret from "users" params: 1');
    };
    try {
      const route = await t.app.inject({
        method: 'GET',
        url: '/export/compliance.csv?templateId=1',
        headers: { cookie: office },
      });
      expect(route.statusCode).toBe(500);
      expect(route.json()).toEqual({ error: 'INTERNAL' });
    } finally {
      db.select = select;
    }
  });
});
