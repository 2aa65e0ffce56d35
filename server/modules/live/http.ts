import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import superjson from 'superjson';
import { createContext, type ServerDeps } from '../../trpc/context';
import type { LiveHub } from './hub';
import { liveChangesInput } from './router';

/** What `live.changes` was asked for, or null when tRPC should answer (bad input, batch call). */
function parseRequest(req: FastifyRequest): { lastEventId: number | null } | null {
  const url = new URL(req.url, 'http://local');
  if (url.searchParams.has('batch')) return null;
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
 * `GET /trpc/live.changes` for a signed-in user with valid input goes to the process's `LiveHub`;
 * everything else (no session, bad input) falls through to tRPC, which answers exactly as before.
 */
export function registerLiveStream(
  app: FastifyInstance,
  deps: ServerDeps,
  hub: LiveHub,
  viaTrpc: (req: FastifyRequest, reply: FastifyReply) => Promise<void>,
): void {
  app.get('/trpc/live.changes', async (req, reply) => {
    const request = parseRequest(req);
    const ctx = request ? await createContext(deps, req, reply) : null;
    if (!request || !ctx?.user) return viaTrpc(req, reply);
    reply.hijack();
    await hub.attach(reply.raw, ctx.user, request.lastEventId);
  });
}
