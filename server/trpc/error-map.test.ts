import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { describe, expect, it } from 'vitest';
import { APP_ERROR_CODES, AppError } from '../../shared/errors';
import { appErrorOf, HTTP_STATUS } from './error-map';
import { publicProcedure, router } from './init';

describe('the error map', () => {
  it('gives a conflict 409, as tRPC does', () => {
    expect(HTTP_STATUS.CONFLICT).toBe(409);
    expect(HTTP_STATUS.NOT_FOUND).toBe(404);
    expect(HTTP_STATUS.DATABASE_UNAVAILABLE).toBe(503);
  });

  it.each([
    'ECONNREFUSED', // connecting while the server is down
    'ECONNRESET',
    'CONNECTION_CLOSED', // postgres.js: the connection closed under a query
    'CONNECTION_DESTROYED',
    'CONNECT_TIMEOUT',
    '57P01', // the server terminated the session (shutdown)
    '08006',
    'ERR_STREAM_DESTROYED',
  ])('calls %s, however deeply wrapped, an unreachable database (503)', (code) => {
    const driver = Object.assign(new Error('driver'), { code });
    const wrapped = new Error('Failed query: select 1', { cause: new Error('outer', { cause: driver }) });
    expect(appErrorOf(wrapped)?.code).toBe('DATABASE_UNAVAILABLE');
    expect(HTTP_STATUS.UNAVAILABLE).toBe(503);
  });

  it('is the status a procedure answers with for every code a service throws', async () => {
    const failing = router(
      Object.fromEntries(
        APP_ERROR_CODES.map((code) => [
          code,
          publicProcedure.query(() => {
            throw new AppError(code);
          }),
        ]),
      ),
    );
    for (const code of APP_ERROR_CODES) {
      const res = await fetchRequestHandler({
        endpoint: '/trpc',
        req: new Request(`http://local/trpc/${code}`),
        router: failing,
        createContext: () => ({}) as never,
      });
      expect([code, res.status]).toEqual([code, HTTP_STATUS[code]]);
    }
  });
});
