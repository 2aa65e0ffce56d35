import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../env';

/**
 * Request limits per client address (docs/decisions/0008-rate-limits.md): every call counts, whatever
 * its headers, and a tRPC batch counts each call it carries, so neither an `Accept` header nor a batch of
 * forty logins is a way around them. Only the API is limited (tRPC, /api, /export): the page and its
 * assets are static files a login wave behind one address must still get.
 *
 * The address is Fastify's `req.ip`: the connection's peer, or with TRUST_PROXY the right-most address
 * of X-Forwarded-For that is not one of the configured proxies (server/env.ts), never the left-most one a
 * client can write.
 */

const API_PATH = /^\/(trpc|api|export)(\/|$)/;
/** The public portal's JSON and the open-data files (ADR 0033): anonymous, their own bucket. */
const PUBLIC_PATH = /^\/(public-api|open-data)(\/|$)/;

/** The procedures a tRPC request calls: one, or one per item of a batch ('a,b,c'). */
export function trpcCalls(url: string): string[] {
  const path = url.split('?')[0] ?? '';
  if (!path.startsWith('/trpc/')) return [];
  return path.slice('/trpc/'.length).split(',');
}

function refuse(reply: FastifyReply, retryAfterSeconds: number) {
  return reply
    .code(429)
    .header('retry-after', String(Math.max(1, retryAfterSeconds)))
    .header('cache-control', 'no-store')
    .send({ statusCode: 429, code: 'RATE_LIMITED', error: 'Too Many Requests' });
}

export async function registerRateLimits(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(rateLimit, { global: false, timeWindow: '1 minute' });
  const api = app.createRateLimit({
    max: config.API_RATE_LIMIT_PER_MINUTE,
    keyGenerator: (req) => `api:${req.ip}`,
  });
  const login = app.createRateLimit({
    max: config.LOGIN_RATE_LIMIT_PER_MINUTE,
    keyGenerator: (req) => `login:${req.ip}`,
  });

  // Anonymous readers (and harvesters) cannot use up the signed-in users' budget, nor they theirs.
  const open = app.createRateLimit({
    max: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
    keyGenerator: (req) => `public:${req.ip}`,
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0] ?? '';
    if (PUBLIC_PATH.test(path)) {
      const limit = await open(req);
      if (!limit.isAllowed && limit.isExceeded) return refuse(reply, limit.ttlInSeconds);
      return;
    }
    if (!API_PATH.test(path)) return;
    const calls = trpcCalls(req.url);
    // Each call of a batch is one request's worth; a plain route is one call.
    for (const procedure of calls.length > 0 ? calls : [path]) {
      const limit = await (procedure === 'auth.login' ? login : api)(req);
      if (!limit.isAllowed && limit.isExceeded) return refuse(reply, limit.ttlInSeconds);
    }
  });
}

/**
 * The machine API's own bucket: calls per API token (docs/decisions/0034-machine-clients.md), besides the
 * client address's. A busy agency system behind a shared address spends its own allowance, not its
 * neighbours'. The route resolves the token first and calls the limiter with its id.
 */
export function tokenRateLimit(app: FastifyInstance, config: Config) {
  const limit = app.createRateLimit({
    max: config.API_TOKEN_RATE_LIMIT_PER_MINUTE,
    keyGenerator: (req) => `token:${(req as FastifyRequest & { apiTokenId?: number }).apiTokenId ?? 0}`,
  });
  /** Whether the call may go on; else the 429 has been sent. */
  return async (req: FastifyRequest & { apiTokenId?: number }, reply: FastifyReply): Promise<boolean> => {
    const outcome = await limit(req);
    if (!outcome.isAllowed && outcome.isExceeded) {
      await refuse(reply, outcome.ttlInSeconds);
      return false;
    }
    return true;
  };
}
