import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import superjson from 'superjson';
import { liveChangesInput } from '../../shared/schemas/live';
import type { AppDeps } from '../context';
import { requestSession } from '../modules/auth/request-session';
import type { LiveHub } from '../modules/live/hub';

/** What `live.changes` was asked for, or null when tRPC should answer (bad input, batch call). */
function parseRequest(req: FastifyRequest): { lastEventId: number | null } | null {
  const url = new URL(req.url, 'http://local');
  // tRPC refuses a batched subscription; it is left to answer so.
  if (url.searchParams.get('batch') === '1') return null;
  let input: unknown;
  try {
    const raw = url.searchParams.get('input');
    input = raw ? superjson.deserialize(JSON.parse(raw)) : undefined;
  } catch {
    return null;
  }
  // As tRPC does for subscriptions: an EventSource's Last-Event-ID overrides the input's.
  const header = req.headers['last-event-id'];
  const lastEventId =
    (typeof header === 'string' ? header : undefined) ??
    url.searchParams.get('lastEventId') ??
    url.searchParams.get('Last-Event-Id');
  if (lastEventId) input = { ...(typeof input === 'object' && input ? input : {}), lastEventId };
  const parsed = liveChangesInput.safeParse(input);
  if (!parsed.success) return null;
  return { lastEventId: parsed.data?.lastEventId ? Number(parsed.data.lastEventId) : null };
}

/**
 * `GET /trpc/live.changes`: a signed-in user with valid input is served by the process's `LiveHub`;
 * a refusal (no session, bad input) is tRPC's to answer, in its own wire format, so the client's
 * subscription link reads it as it reads any error.
 */
export function registerLiveStream(
  app: FastifyInstance,
  deps: AppDeps,
  hub: LiveHub,
  refuseViaTrpc: (req: FastifyRequest, reply: FastifyReply) => Promise<void>,
): void {
  app.get('/trpc/live.changes', async (req, reply) => {
    const request = parseRequest(req);
    const session = request ? await requestSession(deps, req) : null;
    if (!request || !session) return refuseViaTrpc(req, reply);
    // Caps, so that one session (or a flood of them) cannot hold the process's sockets: answered with
    // a clear 429 the client's reconnect waits out.
    const { LIVE_STREAMS_PER_SESSION, LIVE_STREAMS_MAX } = deps.config;
    if (hub.streamsOf(session.token) >= LIVE_STREAMS_PER_SESSION || hub.connectionCount >= LIVE_STREAMS_MAX) {
      const reason = hub.connectionCount >= LIVE_STREAMS_MAX ? 'streamsPerProcess' : 'streamsPerSession';
      return reply.header('retry-after', '30').code(429).send({ error: 'RATE_LIMITED', reason });
    }
    reply.hijack();
    await hub.attach(reply.raw, session.user, request.lastEventId, session.token);
  });
}
