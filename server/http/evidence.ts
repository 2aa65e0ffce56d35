import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { MAX_INT4 } from '../../shared/api-limits';
import type { AppDeps } from '../context';
import { canReadEvidence, canUploadEvidence, quotaBytes } from '../modules/evidence/policy';
import {
  agencyEvidenceBytes,
  findEvidenceFile,
  findEvidenceTask,
  storeEvidenceFile,
} from '../modules/evidence/queries';
import { requireUser, sendDownload, sendError } from './kit';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** Accepted evidence types, recognised by their first bytes rather than by what the browser claims. */
const TYPES: { mime: string; ext: RegExp; magic: number[] }[] = [
  { mime: 'application/pdf', ext: /\.pdf$/i, magic: [0x25, 0x50, 0x44, 0x46] },
  { mime: 'image/png', ext: /\.png$/i, magic: [0x89, 0x50, 0x4e, 0x47] },
  { mime: 'image/jpeg', ext: /\.jpe?g$/i, magic: [0xff, 0xd8, 0xff] },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: /\.docx$/i,
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: /\.xlsx$/i,
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
];

export function detectEvidenceType(name: string, head: Uint8Array): string | null {
  const type = TYPES.find((t) => t.ext.test(name) && t.magic.every((b, i) => head[i] === b));
  return type?.mime ?? null;
}

/** Upload (agency officers) and download (whoever may read the task's details) of evidence files. */
export async function registerEvidence(app: FastifyInstance, deps: AppDeps) {
  await app.register(multipart, { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 0 } });

  app.post('/api/evidence', async (req, reply) => {
    const user = await requireUser(deps, req, reply);
    if (!user) return;
    if (!canUploadEvidence(user)) return sendError(reply, 'FORBIDDEN');
    const file = await req.file().catch(() => undefined);
    if (!file) return sendError(reply, 'VALIDATION', { reason: 'noFile' });
    let data: Buffer;
    try {
      data = await file.toBuffer();
    } catch {
      return reply
        .code(413)
        .send({ error: 'VALIDATION', reason: 'fileTooLarge', maxBytes: EVIDENCE_MAX_BYTES });
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are stripped from file names on purpose
    const name = file.filename.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200);
    const mimeType = detectEvidenceType(name, data.subarray(0, 8));
    if (!mimeType) return reply.code(415).send({ error: 'VALIDATION', reason: 'fileType' });
    const outcome = await storeEvidenceFile(
      deps.database.db,
      user,
      { name, mimeType, data },
      quotaBytes(deps.config.UPLOAD_QUOTA_MB_PER_AGENCY),
    );
    if ('overQuota' in outcome) {
      return reply.code(413).send({ error: 'VALIDATION', reason: 'uploadQuota', ...outcome.overQuota });
    }
    return reply.code(201).send(outcome.stored);
  });

  /** What the upload widget shows: the bytes the officer's agency has stored, and its quota. */
  app.get('/api/evidence/usage', async (req, reply) => {
    const user = await requireUser(deps, req, reply);
    if (!user) return;
    if (!canUploadEvidence(user)) return sendError(reply, 'FORBIDDEN');
    return {
      usedBytes: await agencyEvidenceBytes(deps.database.db, user.agencyId),
      quotaBytes: quotaBytes(deps.config.UPLOAD_QUOTA_MB_PER_AGENCY),
    };
  });

  app.get('/api/evidence/:id', async (req, reply) => {
    const user = await requireUser(deps, req, reply);
    if (!user) return;
    const id = Number((req.params as { id: string }).id);
    if (!Number.isInteger(id) || id <= 0 || id > MAX_INT4) return sendError(reply, 'NOT_FOUND');
    const db = deps.database.db;
    const file = await findEvidenceFile(db, id);
    if (!file) return sendError(reply, 'NOT_FOUND');
    const task = file.uploadedBy === user.id ? null : await findEvidenceTask(db, id);
    // Out of scope reads as absent: ids are sequential, a 403 would say the file exists.
    if (!canReadEvidence(user, file, task)) return sendError(reply, 'NOT_FOUND');
    return sendDownload(reply, file.name, file.mimeType, file.data);
  });
}
