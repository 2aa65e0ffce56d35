import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { KPI_CODE_PATTERN } from '../../shared/kpi-vocabulary';
import { PERIOD_KEY_PATTERN } from '../../shared/schemas/open-data';
import type { ServerDeps } from '../context';
import {
  agencyFile,
  catalogFile,
  dictionaryFile,
  nationalFile,
  publishedReader,
  type Rendered,
  renderOnce,
  taskGroupFile,
} from '../modules/open-data/service';
import { sendError } from './kit';

/**
 * The public portal's JSON (`/public-api/…`) and the open-data files (`/open-data/…`), issue 18 and
 * ADR 0033: no session read and no cookie set, only published figures, each answer shared by every
 * reader (`Cache-Control: public`) with a strong ETag of its bytes and 304 to a matching
 * If-None-Match; their own rate limit per address (server/http/rate-limits.ts). Any site may read them
 * (CORS `*`): they are open data, and no credentials are involved.
 */

const CACHE = 'public, max-age=60, stale-while-revalidate=300';
const lang = z.object({ lang: z.enum(['vi', 'en']).default('vi') });
const FILE = /^(.+)\.(csv|json)$/;
const TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' } as const;

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

function send(req: FastifyRequest, reply: FastifyReply, rendered: Rendered, download?: string) {
  reply
    .header('etag', rendered.etag)
    .header('cache-control', CACHE)
    .header('access-control-allow-origin', '*')
    .header('vary', 'accept-encoding');
  if (matches(req.headers['if-none-match'], rendered.etag)) return reply.code(304).send();
  if (download) reply.header('content-disposition', `inline; filename="${download}"`);
  return reply.header('content-type', rendered.type).send(rendered.body);
}

export function registerOpenData(app: FastifyInstance, deps: ServerDeps) {
  const reader = publishedReader(deps.database.db, (listener) => deps.bus.subscribe(listener));
  app.addHook('onClose', async () => reader.stop());
  /** Whether a code is a KPI of the catalogue (only those reach the per-KPI cache). */
  const published = async (code: string) =>
    KPI_CODE_PATTERN.test(code) && (await reader.published()).portal.kpis.some((k) => k.code === code);
  const contact = /<([^>]+)>/.exec(deps.config.MAIL_FROM)?.[1] ?? deps.config.MAIL_FROM;

  const language = (req: FastifyRequest, reply: FastifyReply) => {
    const parsed = lang.safeParse(req.query);
    if (!parsed.success) {
      void sendError(reply, 'VALIDATION');
      return null;
    }
    return parsed.data.lang;
  };
  const fileOf = (raw: string) => {
    const m = FILE.exec(raw);
    return m ? { name: m[1] ?? '', format: m[2] as 'csv' | 'json' } : null;
  };

  app.get('/public-api/portal', async (req, reply) => {
    const published = await reader.published();
    return send(
      req,
      reply,
      await renderOnce(published, 'portal', () => JSON.stringify(published.portal), TYPES.json),
    );
  });

  app.get('/public-api/kpis/:code', async (req, reply) => {
    const { code } = req.params as { code: string };
    if (!(await published(code))) return sendError(reply, 'NOT_FOUND');
    const detail = await reader.detail(code);
    if (!detail) return sendError(reply, 'NOT_FOUND');
    return send(
      req,
      reply,
      await renderOnce(detail.agencies, `detail|${code}`, () => JSON.stringify(detail), TYPES.json),
    );
  });

  // All KPIs' national values (`kpis.csv`, `kpis.json`) and the task groups (`task-groups.*`).
  app.get('/open-data/:file', async (req, reply) => {
    const file = fileOf((req.params as { file: string }).file);
    const lng = language(req, reply);
    if (!lng) return;
    if (file?.name === 'dictionary' && file.format === 'json') {
      return send(req, reply, await renderOnce(registerOpenData, 'dictionary', dictionaryFile, TYPES.json));
    }
    if (!file || (file.name !== 'kpis' && file.name !== 'task-groups')) return sendError(reply, 'NOT_FOUND');
    const published = await reader.published();
    const rendered = await renderOnce(
      published,
      `${file.name}|${file.format}|${lng}`,
      () =>
        file.name === 'kpis'
          ? nationalFile(published, file.format, lng)
          : taskGroupFile(published, file.format, lng),
      TYPES[file.format],
    );
    return send(req, reply, rendered, `${file.name}${lng === 'en' ? '-en' : ''}.${file.format}`);
  });

  app.get('/open-data/catalog.jsonld', async (req, reply) => {
    const published = await reader.published();
    const rendered = await renderOnce(
      published,
      'catalog',
      () => catalogFile(published, deps.config.PUBLIC_URL, contact),
      'application/ld+json; charset=utf-8',
    );
    return send(req, reply, rendered);
  });

  // One KPI's national values per published period.
  // (The parameter is named as the deeper route's, which Fastify requires: here it is `DV-01.csv`.)
  app.get('/open-data/kpis/:code', async (req, reply) => {
    const file = fileOf((req.params as { code: string }).code);
    const lng = language(req, reply);
    if (!lng) return;
    if (!file || !KPI_CODE_PATTERN.test(file.name)) return sendError(reply, 'NOT_FOUND');
    const published = await reader.published();
    if (!published.portal.kpis.some((k) => k.code === file.name)) return sendError(reply, 'NOT_FOUND');
    const rendered = await renderOnce(
      published,
      `kpi|${file.name}|${file.format}|${lng}`,
      () => nationalFile(published, file.format, lng, file.name),
      TYPES[file.format],
    );
    return send(req, reply, rendered, `${file.name}${lng === 'en' ? '-en' : ''}.${file.format}`);
  });

  // Every agency's figure of one KPI in one published period: a period not published is not found.
  app.get('/open-data/kpis/:code/:file', async (req, reply) => {
    const { code } = req.params as { code: string };
    const file = fileOf((req.params as { file: string }).file);
    const lng = language(req, reply);
    if (!lng) return;
    if (!file || !PERIOD_KEY_PATTERN.test(file.name) || !(await published(code)))
      return sendError(reply, 'NOT_FOUND');
    const detail = await reader.detail(code);
    if (
      !detail ||
      detail.kpi.source === 'system' ||
      !detail.kpi.periods.some((p) => p.periodKey === file.name)
    )
      return sendError(reply, 'NOT_FOUND');
    const rendered = await renderOnce(
      detail.agencies,
      `${file.name}|${file.format}|${lng}`,
      () => agencyFile(detail, file.name, file.format, lng),
      TYPES[file.format],
    );
    return send(req, reply, rendered, `${code}-${file.name}${lng === 'en' ? '-en' : ''}.${file.format}`);
  });
}
