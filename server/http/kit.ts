import ExcelJS from 'exceljs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppErrorCode } from '../../shared/errors';
import { nulCharacterPath } from '../../shared/text';
import { vietnamDate } from '../../shared/time';
import type { AppDeps } from '../context';
import { requestSession } from '../modules/auth/request-session';
import type { SessionUser } from '../modules/auth/sessions';
import { appErrorOf, HTTP_STATUS } from '../trpc/error-map';

/**
 * What every HTTP route outside tRPC (downloads, evidence, the live stream) shares with the procedures:
 * the session (`requestSession`, as tRPC's context resolves it) and the error statuses
 * (`server/trpc/error-map.ts`). Rights are the modules' policies; the SQL is the modules' queries.
 */

/** `{ error: code }` with the status tRPC gives that code. */
export function sendError(reply: FastifyReply, code: AppErrorCode, extra: Record<string, unknown> = {}) {
  return reply.code(HTTP_STATUS[code]).send({ error: code, ...extra });
}

/**
 * A refused query or parameter: 400 VALIDATION with the schema's issues (path, code, message key), as
 * tRPC's error formatter words them for a procedure, so the field is named either way.
 */
export function sendInvalid(reply: FastifyReply, issues: readonly z.core.$ZodIssue[], prefix: string[] = []) {
  return sendError(reply, 'VALIDATION', {
    issues: issues.map((i) => ({ path: [...prefix, ...i.path].join('.'), code: i.code, message: i.message })),
  });
}

/** A query's or a filter's first NUL character (no text column stores one), as a validation issue. */
export function nulIssues(value: unknown): z.core.$ZodIssue[] {
  const path = nulCharacterPath(value);
  return path ? [{ code: 'custom', path, message: 'invalidCharacter', input: undefined }] : [];
}

/** The signed-in user, or null once a 401 has been sent. */
export async function requireUser(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<SessionUser | null> {
  const session = await requestSession(deps, req);
  if (session) return session.user;
  await sendError(reply, 'UNAUTHENTICATED');
  return null;
}

/** Runs a route's work; a service's `AppError` becomes its status. */
export async function guarded(reply: FastifyReply, run: () => Promise<unknown>) {
  try {
    return await run();
  } catch (error) {
    const known = appErrorOf(error);
    if (known) return sendError(reply, known.code);
    throw error;
  }
}

export const langQuery = z.object({ lang: z.enum(['vi', 'en']).default('vi') });
export type Lang = z.infer<typeof langQuery>['lang'];

export type TableFormat = 'csv' | 'xlsx';

export function tableFormat(raw: string): TableFormat | null {
  return raw === 'csv' || raw === 'xlsx' ? raw : null;
}

/** How every table download starts: a format it knows (else 404), then a signed-in user (else 401). */
export async function tableRequest(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<{ format: TableFormat; user: SessionUser } | null> {
  const format = tableFormat((req.params as { format: string }).format);
  if (!format) {
    await sendError(reply, 'NOT_FOUND');
    return null;
  }
  const user = await requireUser(deps, req, reply);
  return user ? { format, user } : null;
}

/** A download's file name: `base-yyyy-mm-dd` on Vietnam's date. */
export function datedName(base: string, now = new Date()): string {
  return `${base}-${vietnamDate(now)}`;
}

export function sendDownload(reply: FastifyReply, name: string, type: string, body: Buffer | string) {
  // An ASCII name for old clients, the exact name (Vietnamese letters) for the others (RFC 6266).
  const ascii = name
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_');
  return reply
    .header('content-type', type)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .header('cache-control', 'private, no-store')
    .send(body);
}

export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote everything; neutralise spreadsheet formulas in user text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** CSV with a BOM, so Excel reads it as UTF-8. */
export function sendCsv(reply: FastifyReply, name: string, lines: readonly (readonly unknown[])[]) {
  const body = lines.map((r) => r.map(csvCell).join(',')).join('\r\n');
  return sendDownload(reply, `${name}.csv`, 'text/csv; charset=utf-8', `\uFEFF${body}\r\n`);
}

export async function sendXlsx(reply: FastifyReply, name: string, workbook: ExcelJS.Workbook) {
  return sendDownload(
    reply,
    `${name}.xlsx`,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    Buffer.from(await workbook.xlsx.writeBuffer()),
  );
}

/** A ratio (0–1) as a percentage with one decimal; empty when there is none. */
export function percentCell(ratio: number | null | undefined): number | string {
  return ratio === null || ratio === undefined ? '' : Math.round(ratio * 1000) / 10;
}

export interface Table {
  sheet: string;
  /** A bold line above the header in the workbook (the CSV has only header and rows). */
  title?: string;
  header: readonly string[];
  rows: readonly (readonly (string | number)[])[];
  /** Keep the header in view while scrolling. */
  freezeHeader?: boolean;
  /** Column widths by 1-based column number. */
  widths: Record<number, number>;
}

/** A table as CSV or as an Excel sheet. */
export function sendTable(reply: FastifyReply, format: TableFormat, name: string, table: Table) {
  if (format === 'csv') return sendCsv(reply, name, [table.header, ...table.rows]);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.sheet.slice(0, 31));
  if (table.title !== undefined) {
    sheet.addRow([table.title]).font = { bold: true };
    sheet.addRow([]);
  }
  sheet.addRow([...table.header]).font = { bold: true };
  if (table.freezeHeader) sheet.views = [{ state: 'frozen', ySplit: sheet.rowCount }];
  for (const r of table.rows) sheet.addRow([...r]);
  for (const [column, width] of Object.entries(table.widths)) sheet.getColumn(Number(column)).width = width;
  return sendXlsx(reply, name, workbook);
}

/**
 * A download's `filter` parameter: the screen's own input as JSON, read by the screen's own schema
 * (NUL characters refused first, like every procedure's input). Null once the 400 has been sent.
 */
export async function filterOf<S extends z.ZodType>(
  reply: FastifyReply,
  raw: string,
  schema: S,
): Promise<z.output<S> | null> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = null;
  }
  const nul = nulIssues(json);
  if (nul.length) {
    await sendInvalid(reply, nul, ['filter']);
    return null;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    await sendInvalid(reply, parsed.error.issues, ['filter']);
    return null;
  }
  return parsed.data;
}
