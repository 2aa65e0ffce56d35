import { existsSync } from 'node:fs';
import type { Socket } from 'node:net';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import {
  type FastifyTRPCPluginOptions,
  fastifyRequestHandler,
  fastifyTRPCPlugin,
} from '@trpc/server/adapters/fastify';
import Fastify from 'fastify';
import { MAX_BATCH_CALLS } from '../shared/api-limits';
import { type AppRouter, appRouter } from './app-router';
import { type AppDeps, createContext, type ServerDeps } from './context';
import { NO_FLOOR, openReadReplica, type ReadReplica } from './db/replica';
import { registerAuditExports } from './http/audit-exports';
import { registerDrain } from './http/drain';
import { registerEvidence } from './http/evidence';
import { registerExcelUploads } from './http/excel-uploads';
import { registerExports } from './http/exports';
import { sendError } from './http/kit';
import { registerKpiExports } from './http/kpi-exports';
import { registerListExports } from './http/list-exports';
import { registerLiveStream } from './http/live-stream';
import { registerMachineApi } from './http/machine-api';
import { registerMachineOpenApi } from './http/machine-openapi';
import { registerOpenData } from './http/open-data';
import { makeOriginCheck } from './http/origin-check';
import { registerPdfExports } from './http/pdf-exports';
import { registerRateLimits } from './http/rate-limits';
import { auditKeysFrom, setAuditKeys } from './modules/audit/keys';
import { standingSessions } from './modules/auth/sessions';
import { ChangeBus } from './modules/live/bus';
import { LiveHub } from './modules/live/hub';
import { appErrorOf } from './trpc/error-map';
import { SSE_CLIENT_OPTIONS, SSE_PING_INTERVAL_MS } from './trpc/init';

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's change bus (live updates). */
    bus: ChangeBus;
    /** This process's live-stream fan-out. */
    liveHub: LiveHub;
    /** Graceful shutdown's first step (server/http/drain.ts); `close()` follows. */
    drain: () => Promise<void>;
    /** The read replica of READ_DATABASE_URL, or null (server/db/replica.ts). */
    replica: ReadReplica | null;
    /** Every route registered, `METHOD url` (the machine API's document is checked against it). */
    registeredRoutes: string[];
  }
}

export interface AppOptions {
  /** Folder of the built client (index.html and assets); the SPA is served when it exists. */
  clientDir?: string;
  logger?: boolean;
}

const BODY_LIMIT_BYTES = 1024 * 1024;

export async function buildApp(appDeps: AppDeps, options: AppOptions = {}) {
  const { config } = appDeps;
  setAuditKeys(auditKeysFrom(config));
  const bus = new ChangeBus(appDeps.database);
  await bus.start();
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.LOG_LEVEL,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
          },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    routerOptions: { maxParamLength: 5000 },
    return503OnClosing: true,
  });
  const replica = config.READ_DATABASE_URL
    ? openReadReplica(config.READ_DATABASE_URL, { maxLagMs: config.READ_REPLICA_MAX_LAG_MS, log: app.log })
    : null;
  if (replica) {
    // A replica that lacks a change heard READ_REPLICA_MAX_LAG_MS ago is too far behind to serve anyone.
    replica.heardChange(bus.lastId);
    bus.subscribe((change) => replica.heardChange(change.id));
    // Asked at once, so that a replica that cannot be reached or is no standby is told at start.
    void replica.serves(NO_FLOOR);
  }
  const registeredRoutes: string[] = [];
  app.decorate('registeredRoutes', registeredRoutes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) registeredRoutes.push(`${method} ${route.url}`);
  });
  const deps: ServerDeps = { ...appDeps, bus, replica };
  app.decorate('bus', bus);
  app.decorate('replica', replica);
  const draining = registerDrain(app, { endStreams: () => liveHub.end() });
  app.decorate('drain', draining.drain);
  const liveHub = new LiveHub(bus, deps.database, {
    pingIntervalMs: SSE_PING_INTERVAL_MS,
    clientOptions: SSE_CLIENT_OPTIONS,
    checkSessions: (tokens) => standingSessions(deps.database.db, config, tokens),
  });
  liveHub.start();
  app.decorate('liveHub', liveHub);

  // Long-lived SSE streams would hold a graceful close open forever: they are ended first on shutdown
  // (their clients reconnect, to another process if there is one, and resume from their last event id).
  const eventStreams = new Set<Socket>();
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/trpc/live.changes') && req.headers.accept?.includes('text/event-stream')) {
      const socket = req.raw.socket;
      eventStreams.add(socket);
      socket.once('close', () => eventStreams.delete(socket));
    }
  });
  app.addHook('onClose', async () => {
    liveHub.stop();
    await bus.stop();
    await replica?.close();
  });
  app.addHook('preClose', async () => {
    // (Sockets faked by inject in tests have no destroy.)
    for (const socket of eventStreams) socket.destroy?.();
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await registerRateLimits(app, config);
  app.addHook('onRequest', makeOriginCheck(config.ALLOWED_ORIGINS));
  // A request that found the database unreachable has the live streams told (once a ping confirms it).
  app.addHook('onResponse', async (_req, reply) => {
    if (reply.statusCode === 503) liveHub.databaseUnreachable();
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode === 503 && !reply.hasHeader('retry-after')) reply.header('retry-after', '5');
    // API answers are a user's own data: no shared or browser cache keeps them (downloads say so themselves).
    if (/^\/(trpc|api|export)(\/|$)/.test(req.url) && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    // The product uses no camera, microphone, location or payment: no page of it may ask for them.
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    return payload;
  });

  // The one answer to an error no route handled: a known kind with its status and code, never SQL,
  // a stack or an internal message; Fastify's own refusals (bad JSON, too large) keep their 4xx.
  app.setErrorHandler((error, req, reply) => {
    const known = appErrorOf(error);
    if (known) return sendError(reply, known.code);
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500)
      return reply.code(status).send({ error: status === 429 ? 'RATE_LIMITED' : 'VALIDATION' });
    req.log.error({ err: error }, 'request failed');
    return sendError(reply, 'INTERNAL');
  });

  app.get('/healthz', async (_req, reply) => {
    const up = await deps.database.ping();
    return reply
      .code(up ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({
        status: up ? 'ok' : 'unavailable',
        database: up ? 'up' : 'down',
        driver: deps.database.kind,
        // The replica's last known state; reads go to the primary whenever it is not up.
        ...(replica ? { replica: replica.state } : {}),
      });
  });

  registerExports(app, deps);
  registerListExports(app, deps);
  registerKpiExports(app, deps);
  registerPdfExports(app, deps);
  registerAuditExports(app, deps);
  registerOpenData(app, deps);
  await registerEvidence(app, deps);
  await registerMachineApi(app, deps);
  registerMachineOpenApi(app);
  registerExcelUploads(app, deps);

  const trpcOptions = {
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: ({ req, res }) => createContext(deps, req, res),
    // A database that cannot be reached: the client is told when to try again, as the routes do.
    responseMeta: ({ errors }) =>
      errors.some((e) => e.code === 'SERVICE_UNAVAILABLE') ? { headers: { 'retry-after': '5' } } : {},
    onError: ({ error, path: procedure }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        app.log.error({ err: error.cause ?? error, procedure }, 'procedure failed');
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'];
  registerLiveStream(app, deps, liveHub, (req, res) =>
    fastifyRequestHandler({ ...trpcOptions, req, res, path: 'live.changes' }),
  );
  await app.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions });

  const clientDir = options.clientDir;
  if (clientDir && existsSync(path.join(clientDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: clientDir,
      wildcard: false,
      index: false,
      // The build writes .br/.gz beside each asset (vite.config.ts): sent to browsers that accept them.
      preCompressed: true,
      setHeaders: (res, filePath) => {
        res.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
    // History-API fallback: any other GET for a page gets the app, which routes on the client.
    app.setNotFoundHandler((req, reply) => {
      const path = req.url.split('?')[0] ?? '';
      const isApi = /^\/(trpc|api|export|public-api|open-data)(\/|$)/.test(path);
      // Page paths have no file extension; a missing asset (.js, .png…) stays a 404.
      const wantsPage =
        req.method === 'GET' &&
        !isApi &&
        (!/\.[a-z0-9]+$/i.test(path) || req.headers.accept?.includes('text/html'));
      if (wantsPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
      return reply.code(404).send({ error: 'NOT_FOUND' });
    });
  }
  return app;
}
