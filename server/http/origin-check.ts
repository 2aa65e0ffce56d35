import type { FastifyReply, FastifyRequest } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests sent by another site. tRPC accepts multipart/form-data, which a
 * cross-site HTML form can post with the user's cookie, so SameSite alone is not relied on.
 * Browsers send Origin on every POST; a request with neither Origin nor Sec-Fetch-Site is not from a
 * browser page (scripts, tests) and carries no ambient cookie risk.
 */
export function makeOriginCheck(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  return async function originCheck(req: FastifyRequest, reply: FastifyReply) {
    if (SAFE_METHODS.has(req.method)) return;
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if (origin === undefined) {
      if (site === undefined || site === 'same-origin' || site === 'none') return;
      return reply.code(403).send({ error: 'FORBIDDEN_ORIGIN' });
    }
    const own = `${req.protocol}://${req.headers.host}`;
    if (origin === own || allowed.has(origin)) return;
    req.log.warn({ origin, host: req.headers.host }, 'refused cross-origin state-changing request');
    return reply.code(403).send({ error: 'FORBIDDEN_ORIGIN' });
  };
}
