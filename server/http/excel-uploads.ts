import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors';
import { PAGE_ROLES } from '../../shared/page-access';
import { EXCEL_UPLOAD_MAX_BYTES, reportFormUploadQuery } from '../../shared/schemas/excel';
import type { AppDeps } from '../context';
import type { SessionUser } from '../modules/auth/sessions';
import { buildTaskSheet, previewTaskImport } from '../modules/documents/task-import';
import { buildReportForm, uploadReportForm } from '../modules/submissions/excel-form';
import { submissionActionRole } from '../modules/submissions/policy';
import { issuerFor } from '../modules/tasks/task-writes';
import { appErrorOf, HTTP_STATUS } from '../trpc/error-map';
import { langQuery, requireUser, sendError, sendInvalid, sendXlsx } from './kit';

/**
 * Excel in (ADR 0035): a report's form to fill offline and its upload (saved as the agency's draft by
 * `saveDraft`), and a directive document's tasks read from a sheet for the document form's preview.
 * Files are read in memory up to `EXCEL_UPLOAD_MAX_BYTES`; past it, 413 with the limit.
 */

const formQuery = reportFormUploadQuery.omit({ version: true });

/** The uploaded file's bytes, or null once the refusal is sent (none, or past the limit). */
async function uploadedFile(req: FastifyRequest, reply: FastifyReply): Promise<Buffer | null> {
  const file = await req
    .file({ limits: { fileSize: EXCEL_UPLOAD_MAX_BYTES, files: 1, fields: 0 } })
    .catch(() => undefined);
  if (!file) {
    await sendError(reply, 'VALIDATION', { reason: 'noFile' });
    return null;
  }
  try {
    return await file.toBuffer();
  } catch {
    await reply
      .code(413)
      .send({ error: 'VALIDATION', reason: 'fileTooLarge', maxBytes: EXCEL_UPLOAD_MAX_BYTES });
    return null;
  }
}

/** A refusal with what the user needs to hear (the reason, the cells); a file of another type is 415. */
async function refuse(reply: FastifyReply, run: () => Promise<unknown>) {
  try {
    return await run();
  } catch (error) {
    const known = appErrorOf(error);
    if (!known) throw error;
    const details = error instanceof AppError ? (error.details ?? {}) : {};
    const status =
      details.reason === 'notXlsx' ? 415 : details.reason === 'fileTooLarge' ? 413 : HTTP_STATUS[known.code];
    const { reason, cells, sheet, max, field, currentVersion } = details as Record<string, unknown>;
    return reply.code(status).send({
      error: known.code,
      ...(reason === undefined ? {} : { reason }),
      ...(cells === undefined ? {} : { cells }),
      ...(sheet === undefined ? {} : { sheet }),
      ...(max === undefined ? {} : { max }),
      ...(field === undefined ? {} : { field }),
      ...(currentVersion === undefined ? {} : { currentVersion }),
      ...(reason === 'fileTooLarge' ? { maxBytes: EXCEL_UPLOAD_MAX_BYTES } : {}),
    });
  }
}

/** The Office, or a province's officer (policy `issuerOf`): whoever registers documents; else 403 sent. */
async function mayImportTasks(deps: AppDeps, user: SessionUser, reply: FastifyReply): Promise<boolean> {
  if (!(PAGE_ROLES['/documents/new'] as readonly string[]).includes(user.role)) {
    await sendError(reply, 'FORBIDDEN');
    return false;
  }
  const allowed = await refuse(reply, async () => {
    await issuerFor(deps.database.db, user);
    return true;
  });
  return allowed === true;
}

export function registerExcelUploads(app: FastifyInstance, deps: AppDeps) {
  /** The form of the user's agency's report for a period (its staff). */
  app.get('/export/report-form.xlsx', async (req, reply) => {
    const user = await requireUser(deps, req, reply);
    if (!user) return;
    const query = formQuery.safeParse(req.query);
    if (!query.success) return sendInvalid(reply, query.error.issues);
    return refuse(reply, async () => {
      const { workbook, fileName } = await buildReportForm(deps.database.db, user, query.data);
      return sendXlsx(reply, fileName, workbook);
    });
  });

  /** A filled form, saved as the draft of the page's report (its officer; the version the page holds). */
  app.post('/api/reports/form', async (req, reply) => {
    const user = await requireUser(deps, req, reply);
    if (!user) return;
    if (user.role !== submissionActionRole('edit')) return sendError(reply, 'FORBIDDEN');
    const query = reportFormUploadQuery.safeParse(req.query);
    if (!query.success) return sendInvalid(reply, query.error.issues);
    const data = await uploadedFile(req, reply);
    if (!data) return;
    return refuse(reply, () => uploadReportForm(deps.database.db, user, query.data, data));
  });

  /** The empty sheet of a document's tasks. */
  app.get('/export/task-import.xlsx', async (req, reply) => {
    const user = await requireUser(deps, req, reply);
    if (!user) return;
    if (!(await mayImportTasks(deps, user, reply))) return;
    const query = langQuery.safeParse(req.query);
    if (!query.success) return sendInvalid(reply, query.error.issues);
    return sendXlsx(
      reply,
      query.data.lang === 'vi' ? 'mau-nhiem-vu' : 'task-sheet',
      buildTaskSheet(query.data.lang),
    );
  });

  /** A document's tasks read from a sheet: the preview (nothing saved; `tasks.createDocument` saves). */
  app.post('/api/documents/task-import', async (req, reply) => {
    const user = await requireUser(deps, req, reply);
    if (!user) return;
    // Who may register documents at all is asked before the file is read.
    if (!(await mayImportTasks(deps, user, reply))) return;
    const data = await uploadedFile(req, reply);
    if (!data) return;
    return refuse(reply, () => previewTaskImport(deps.database.db, user, data));
  });
}
