import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ERROR_CODES, AppError } from '../../shared/errors';
import { HTTP_STATUS } from '../trpc/error-map';
import { datedName, guarded, sendDownload } from './kit';

describe('the HTTP routes’ kit', () => {
  const app = Fastify();
  beforeAll(async () => {
    app.get('/fail/:code', (req, reply) =>
      guarded(reply, async () => {
        throw new AppError((req.params as { code: (typeof APP_ERROR_CODES)[number] }).code);
      }),
    );
    app.get('/file', (_req, reply) => sendDownload(reply, 'Báo cáo "quý".csv', 'text/csv', 'a'));
    await app.ready();
  });
  afterAll(() => app.close());

  it('answers a service’s error with the status tRPC gives it: a conflict is 409, not 400', async () => {
    const conflict = await app.inject({ method: 'GET', url: '/fail/CONFLICT' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toEqual({ error: 'CONFLICT' });
    for (const code of APP_ERROR_CODES) {
      const res = await app.inject({ method: 'GET', url: `/fail/${code}` });
      expect([code, res.statusCode]).toEqual([code, HTTP_STATUS[code]]);
    }
  });

  it('names a download in ASCII for old clients and exactly (UTF-8) for the others', async () => {
    const res = await app.inject({ method: 'GET', url: '/file' });
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Bao cao _quy_.csv"; filename*=UTF-8''${encodeURIComponent('Báo cáo "quý".csv')}`,
    );
    expect(res.headers['cache-control']).toBe('private, no-store');
  });
});

describe('datedName', () => {
  it("dates a file by Vietnam's calendar, not UTC's (07:00 on 1 January there is still 31 December in UTC)", () => {
    expect(datedName('nhiem-vu', new Date('2026-12-31T17:30:00Z'))).toBe('nhiem-vu-2027-01-01');
    expect(datedName('nhiem-vu', new Date('2026-12-31T16:30:00Z'))).toBe('nhiem-vu-2026-12-31');
  });
});
