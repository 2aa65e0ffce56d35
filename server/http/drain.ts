import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { HTTP_STATUS } from '../trpc/error-map';

export interface DrainOptions {
  /**
   * How long, after the signal, connections that are idle stay open: a client that reuses its kept-alive
   * connection in that time is answered 503 (and told to close), instead of having it cut under its
   * request.
   */
  lingerMs?: number;
  /** How long requests in flight may take to finish before the server closes anyway. */
  timeoutMs?: number;
  /** Ends the live streams (they reconnect, to another process if there is one, from their last id). */
  endStreams?: () => void;
}

/** Seconds a client is told to wait before trying again (the process's replacement is starting). */
const RETRY_AFTER_SECONDS = '5';

/**
 * Graceful shutdown: `drain()` makes every new request, on a new or a kept-alive connection, answer 503
 * with Retry-After and `Connection: close`; lets the requests in flight finish (their answers close their
 * connections); ends the live streams; then closes the server and any connection still idle. Fastify's
 * own close alone cuts idle kept-alive connections at once, so a request a client sends on one just then
 * meets a reset, not an answer.
 */
export function registerDrain(app: FastifyInstance, options: DrainOptions = {}) {
  const lingerMs = options.lingerMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 15_000;
  let draining = false;
  /** Requests not yet answered, per connection (streams the live hub took over included). */
  const active = new Map<Socket, number>();
  const sockets = new Set<Socket>();
  let idle: (() => void) | null = null;

  const settle = (socket: Socket) => {
    const left = (active.get(socket) ?? 1) - 1;
    if (left > 0) active.set(socket, left);
    else active.delete(socket);
    if (draining && left <= 0) socket.end();
    if (active.size === 0) idle?.();
  };

  app.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      if (active.delete(socket) && active.size === 0) idle?.();
    });
  });
  app.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    active.set(socket, (active.get(socket) ?? 0) + 1);
    res.once('close', () => settle(socket));
  });

  // First of the hooks: a draining server does no work for a new request, not even a session lookup.
  app.addHook('onRequest', async (_req, reply) => {
    if (!draining) return;
    return reply
      .code(HTTP_STATUS.UNAVAILABLE)
      .header('retry-after', RETRY_AFTER_SECONDS)
      .header('connection', 'close')
      .header('cache-control', 'no-store')
      .send({ error: 'UNAVAILABLE' });
  });
  // Answers finished while draining close their connection, so no kept-alive connection outlives them.
  app.addHook('onSend', async (_req, reply, payload) => {
    if (draining) reply.header('connection', 'close');
    return payload;
  });

  async function drain(): Promise<void> {
    if (draining) return;
    draining = true;
    const started = Date.now();
    options.endStreams?.();
    // Idle connections: a request on one is answered 503 now; they are closed once the linger is over.
    await new Promise<void>((resolve) => {
      const deadline = setTimeout(resolve, timeoutMs);
      idle = () => {
        if (active.size > 0) return;
        clearTimeout(deadline);
        setTimeout(resolve, Math.max(0, lingerMs - (Date.now() - started)));
        idle = null;
      };
      idle();
    });
    // Connections with nothing in flight, including ones that never sent a request (Node's close leaves
    // those to its headers timeout, up to a minute).
    for (const socket of sockets) if (!active.has(socket)) socket.destroy();
  }

  return {
    drain,
    get draining() {
      return draining;
    },
  };
}
