import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { type AppErrorCode, isAppErrorCode } from '../../shared/errors';
import type { ApiCapability } from '../../shared/schemas/api-tokens';
import {
  machineDraftBody,
  machineProgressBody,
  machineReportParams,
  machineTaskListQuery,
  machineTaskParams,
  machineTaskQuery,
  machineTokenInfo,
  mySubmissionsOutput,
  saveDraftOutput,
  taskListPage,
  writeResult,
} from '../../shared/schemas/machine-api';
import { saveDraftInput } from '../../shared/schemas/reports';
import { postProgressInput, taskDetail, taskListInput } from '../../shared/schemas/tasks';
import { nulCharacterPath } from '../../shared/text';
import type { ServerDeps } from '../context';
import { type Answer, once } from '../modules/machine/idempotency';
import { authenticateToken, type MachinePrincipal } from '../modules/machine/tokens';
import { findMySubmissions } from '../modules/submissions/queries';
import { saveDraft } from '../modules/submissions/service';
import { getTaskDetailCached } from '../modules/tasks/detail-cache';
import { postProgress } from '../modules/tasks/progress';
import { findTasks } from '../modules/tasks/queries';
import { statusClock } from '../modules/tasks/status-sql';
import { appErrorOf, HTTP_STATUS } from '../trpc/error-map';
import { tokenRateLimit } from './rate-limits';

/**
 * The machine API (`/api/v1`, docs/decisions/0034-machine-clients.md): agencies' systems, with an API
 * token (`Authorization: Bearer …`), do what their officers do on the screens, through the same
 * service functions, as the token's own officer account of its agency; each route needs one capability
 * of the token. Every write needs an `Idempotency-Key`: the answer is kept per token and key, a retry
 * gets it again, the same key with another request is refused (422). Errors are JSON with a message in
 * Vietnamese and English. The routes below are the one list both Fastify and the OpenAPI document
 * (`machine-openapi.ts`) are built from.
 */

export const MACHINE_API_PREFIX = '/api/v1';

type Method = 'GET' | 'POST' | 'PUT';

export interface MachineRoute {
  method: Method;
  /** OpenAPI's form (`{id}`); Fastify's (`:id`) is derived. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** null: any valid token (the token's own description). */
  capability: ApiCapability | null;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  handle: (ctx: {
    deps: ServerDeps;
    principal: MachinePrincipal;
    // biome-ignore lint/suspicious/noExplicitAny: each route's parsed input matches its own schemas.
    params: any;
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    query: any;
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    body: any;
    idempotencyKey: string | null;
  }) => Promise<unknown>;
}

const isWrite = (method: Method) => method !== 'GET';

export const MACHINE_ROUTES: readonly MachineRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/me',
    operationId: 'getToken',
    summary: "The token's agency and capabilities",
    capability: null,
    response: machineTokenInfo,
    handle: async ({ principal }) => ({
      prefix: principal.prefix,
      name: principal.tokenName,
      agencyId: principal.user.agencyId,
      agencyNameVi: principal.user.agencyNameVi,
      agencyNameEn: principal.user.agencyNameEn,
      capabilities: principal.capabilities,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/tasks',
    operationId: 'listTasks',
    summary: "The agency's own tasks (led or coordinated), soonest deadline first",
    capability: 'data:read',
    query: machineTaskListQuery,
    response: taskListPage,
    handle: ({ deps, principal, query }) =>
      findTasks(
        deps.database.db,
        taskListInput.parse({
          page: query.page,
          pageSize: query.pageSize,
          agencyId: principal.user.agencyId,
          agencyRole: query.leadOnly === 'true' ? 'lead' : 'any',
        }),
        statusClock(new Date()),
      ),
  },
  {
    method: 'GET',
    path: '/api/v1/tasks/{id}',
    operationId: 'getTask',
    summary: 'A task the agency may read, with its latest progress updates',
    description:
      "As the screen shows it to an officer of the token's agency: another agency's task comes without its progress, requests and audit.",
    capability: 'data:read',
    params: machineTaskParams,
    query: machineTaskQuery,
    response: taskDetail,
    handle: ({ deps, principal, params, query }) =>
      getTaskDetailCached(deps.database.db, principal.user, params.id, query.history ?? 20),
  },
  {
    method: 'POST',
    path: '/api/v1/tasks/{id}/progress',
    operationId: 'postProgress',
    summary: 'Posts progress on a task the agency leads (a contribution on one it coordinates)',
    description:
      'The same rules as the screen: percent a whole number 0–100, a narrative, an optional http(s) evidence link; an open task of the agency. Shown live on the screens of everyone who follows the task.',
    capability: 'progress:write',
    params: machineTaskParams,
    body: machineProgressBody,
    response: writeResult,
    handle: ({ deps, principal, params, body, idempotencyKey }) =>
      postProgress(
        deps.database.db,
        principal.user,
        postProgressInput.parse({ ...body, taskId: params.id, idempotencyKey }),
      ),
  },
  {
    method: 'GET',
    path: '/api/v1/reports',
    operationId: 'listReports',
    summary: "The agency's report obligations and their submissions' states",
    capability: 'data:read',
    response: mySubmissionsOutput,
    handle: ({ deps, principal }) => findMySubmissions(deps.database.db, principal.user),
  },
  {
    method: 'PUT',
    path: '/api/v1/reports/{templateId}/{periodKey}/draft',
    operationId: 'saveReportDraft',
    summary: "Saves the agency's draft of a periodic report",
    description:
      "The figures by field code, as the form saves them; `version` is the draft's version when it was read (absent for a first save): an older version answers 409. Submitting stays with the agency's officers and leaders on the screens.",
    capability: 'reports:write',
    params: machineReportParams,
    body: machineDraftBody,
    response: saveDraftOutput,
    handle: ({ deps, principal, params, body }) =>
      saveDraft(
        deps.database.db,
        principal.user,
        saveDraftInput.parse({ ...body, templateId: params.templateId, periodKey: params.periodKey }),
      ),
  },
];

/** Fastify's form of an OpenAPI path. */
export const fastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

type MachineErrorCode =
  | AppErrorCode
  | 'IDEMPOTENCY_KEY_REQUIRED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_IN_PROGRESS';

const MESSAGES: Record<MachineErrorCode, { vi: string; en: string }> = {
  UNAUTHENTICATED: {
    vi: 'Thiếu token API, hoặc token không đúng, đã hết hạn hay đã bị thu hồi.',
    en: 'The API token is missing, wrong, expired or revoked.',
  },
  INVALID_CREDENTIALS: {
    vi: 'Token API không đúng.',
    en: 'The API token is wrong.',
  },
  ACCOUNT_DISABLED: { vi: 'Token API đã bị vô hiệu hóa.', en: 'The API token is disabled.' },
  FORBIDDEN: {
    vi: 'Token này không được cấp quyền cho thao tác này.',
    en: 'This token is not granted this operation.',
  },
  NOT_FOUND: {
    vi: 'Không tìm thấy, hoặc không thuộc phạm vi của cơ quan sở hữu token.',
    en: "Not found, or not within the token's agency's scope.",
  },
  CONFLICT: {
    vi: 'Thao tác không còn hợp lệ: dữ liệu đã thay đổi hoặc đã ở trạng thái khác.',
    en: 'The operation no longer applies: the data changed or is in another state.',
  },
  VALIDATION: {
    vi: 'Dữ liệu gửi lên không hợp lệ; xem danh sách lỗi theo từng trường.',
    en: 'The data sent is invalid; see the issues by field.',
  },
  RATE_LIMITED: {
    vi: 'Quá nhiều yêu cầu; hãy thử lại sau thời gian trong Retry-After.',
    en: 'Too many requests; try again after the time in Retry-After.',
  },
  DATABASE_UNAVAILABLE: {
    vi: 'Cơ sở dữ liệu tạm thời không truy cập được; hãy thử lại sau.',
    en: 'The database cannot be reached for now; try again later.',
  },
  UNAVAILABLE: {
    vi: 'Máy chủ đang khởi động lại; hãy thử lại sau giây lát.',
    en: 'The server is restarting; try again in a moment.',
  },
  INTERNAL: {
    vi: 'Lỗi hệ thống; không có gì được thay đổi. Hãy thử lại hoặc báo quản trị viên.',
    en: 'Internal error; nothing was changed. Try again or tell the administrator.',
  },
  IDEMPOTENCY_KEY_REQUIRED: {
    vi: 'Mọi thao tác ghi cần tiêu đề Idempotency-Key (8–100 ký tự, duy nhất cho mỗi thao tác).',
    en: 'Every write needs an Idempotency-Key header (8–100 characters, unique per operation).',
  },
  IDEMPOTENCY_KEY_REUSED: {
    vi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng khóa mới cho thao tác mới.',
    en: 'This Idempotency-Key was used for another request; use a new key for a new operation.',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    vi: 'Một yêu cầu với cùng Idempotency-Key đang được xử lý; hãy thử lại sau giây lát.',
    en: 'A request with the same Idempotency-Key is still being processed; try again in a moment.',
  },
};

const STATUS: Record<MachineErrorCode, number> = {
  ...HTTP_STATUS,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_IN_PROGRESS: 409,
};

function errorAnswer(code: MachineErrorCode, extra: Record<string, unknown> = {}): Answer {
  return { status: STATUS[code], body: { error: code, message: MESSAGES[code], ...extra } };
}

function invalid(
  issues: readonly z.core.$ZodIssue[] | readonly { path: PropertyKey[]; code: string; message: string }[],
  prefix?: string,
): Answer {
  return errorAnswer('VALIDATION', {
    issues: issues.map((i) => ({
      path: [...(prefix ? [prefix] : []), ...i.path.map(String)].join('.'),
      code: i.code,
      message: i.message,
    })),
  });
}

/** A service's error as an answer; CONFLICT on a reused progress key is the API's 422. */
function answerOfError(error: unknown): Answer | null {
  const known = appErrorOf(error);
  if (!known) return null;
  const reason = known.message !== known.code ? known.message : undefined;
  if (known.code === 'CONFLICT' && reason === 'idempotencyKeyReused')
    return errorAnswer('IDEMPOTENCY_KEY_REUSED');
  const details = known.details ?? {};
  if (known.code === 'VALIDATION' && typeof details.field === 'string')
    return errorAnswer('VALIDATION', {
      reason,
      issues: [{ path: details.field, code: 'custom', message: reason ?? 'invalid' }],
    });
  return errorAnswer(isAppErrorCode(known.code) ? known.code : 'INTERNAL', reason ? { reason } : {});
}

/** Keys sorted at every level: the same JSON body hashes the same whatever its key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,100}$/;

function bearer(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer[ ]+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

function send(reply: FastifyReply, answer: Answer) {
  if (answer.status === 401) reply.header('www-authenticate', 'Bearer realm="dgm"');
  return reply.code(answer.status).header('cache-control', 'no-store').send(answer.body);
}

/**
 * The machine API's routes, in a scope of their own whose error handler answers Fastify's own refusals
 * (a body that is not JSON, too large, of another type) in the API's shape, with both languages.
 */
export async function registerMachineApi(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const limited = tokenRateLimit(app, deps.config);
  await app.register(async (api) => {
    api.setErrorHandler((error, req, reply) => {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 429) return send(reply, errorAnswer('RATE_LIMITED'));
      if (status && status >= 400 && status < 500) {
        const code = (error as { code?: string }).code;
        return send(reply, {
          status,
          body: { ...(errorAnswer('VALIDATION').body as object), ...(code ? { reason: code } : {}) },
        });
      }
      const known = answerOfError(error);
      if (known) return send(reply, known);
      req.log.error({ err: error }, 'machine API call failed');
      return send(reply, errorAnswer('INTERNAL'));
    });
    routes(api, deps, limited);
  });
}

function routes(app: FastifyInstance, deps: ServerDeps, limited: ReturnType<typeof tokenRateLimit>): void {
  const db = deps.database.db;
  for (const route of MACHINE_ROUTES) {
    app.route({
      method: route.method,
      url: fastifyPath(route.path),
      handler: async (req, reply) => {
        const token = bearer(req);
        const principal = token ? await authenticateToken(db, token) : null;
        if (!principal) return send(reply, errorAnswer('UNAUTHENTICATED'));
        (req as FastifyRequest & { apiTokenId?: number }).apiTokenId = principal.tokenId;
        if (!(await limited(req, reply))) return reply;
        if (route.capability && !principal.capabilities.includes(route.capability))
          return send(
            reply,
            errorAnswer('FORBIDDEN', { reason: 'missingCapability', capability: route.capability }),
          );

        const parts = { params: route.params, query: route.query, body: route.body } as const;
        const parsed: Record<string, unknown> = {};
        for (const [part, schema] of Object.entries(parts)) {
          const raw = (req as unknown as Record<string, unknown>)[part] ?? {};
          const nul = nulCharacterPath(raw);
          if (nul)
            return send(
              reply,
              invalid(
                [{ path: nul, code: 'custom', message: 'invalidCharacter' }],
                part === 'body' ? undefined : part,
              ),
            );
          if (!schema) {
            if (part !== 'params' && raw && typeof raw === 'object' && Object.keys(raw).length > 0)
              return send(
                reply,
                invalid([{ path: [], code: 'unrecognized_keys', message: 'unexpected' }], part),
              );
            continue;
          }
          const result = schema.safeParse(raw);
          if (!result.success)
            return send(reply, invalid(result.error.issues, part === 'body' ? undefined : part));
          parsed[part] = result.data;
        }

        const run = async (idempotencyKey: string | null): Promise<Answer> => {
          try {
            const body = await route.handle({
              deps,
              principal,
              params: parsed.params ?? {},
              query: parsed.query ?? {},
              body: parsed.body ?? {},
              idempotencyKey,
            });
            return { status: 200, body: JSON.parse(JSON.stringify(body)) };
          } catch (error) {
            const answer = answerOfError(error);
            if (answer) return answer;
            req.log.error({ err: error, route: route.operationId }, 'machine API call failed');
            return errorAnswer('INTERNAL');
          }
        };

        if (!isWrite(route.method)) return send(reply, await run(null));
        const key = req.headers['idempotency-key'];
        if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))
          return send(reply, errorAnswer('IDEMPOTENCY_KEY_REQUIRED'));
        const requestHash = createHash('sha256')
          .update(`${route.method} ${req.url.split('?')[0] ?? ''}\n${canonical(req.body ?? null)}`)
          .digest('hex');
        const outcome = await once(db, principal.tokenId, key, requestHash, () => run(key));
        if (outcome.kind === 'reused') return send(reply, errorAnswer('IDEMPOTENCY_KEY_REUSED'));
        if (outcome.kind === 'running') return send(reply, errorAnswer('IDEMPOTENCY_IN_PROGRESS'));
        if (outcome.kind === 'replayed') reply.header('idempotent-replayed', 'true');
        return send(reply, outcome);
      },
    });
  }
}
