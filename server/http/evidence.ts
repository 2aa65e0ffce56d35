import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { evidenceFiles, progressUpdates, taskCoordinators, tasks } from '../db/schema';
import { SESSION_COOKIE } from '../modules/auth/cookie';
import { resolveSession } from '../modules/auth/sessions';
import { canReadTaskDetails } from '../modules/tasks/permissions';
import type { AppDeps } from '../trpc/context';

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
    const token = req.cookies[SESSION_COOKIE];
    const user = token ? await resolveSession(deps.database.db, deps.config, token) : null;
    if (!user) return reply.code(401).send({ error: 'UNAUTHENTICATED' });
    if (user.role !== 'officer') return reply.code(403).send({ error: 'FORBIDDEN' });
    const file = await req.file().catch(() => undefined);
    if (!file) return reply.code(400).send({ error: 'VALIDATION', reason: 'noFile' });
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
    const [row] = await deps.database.db
      .insert(evidenceFiles)
      .values({
        name,
        mimeType,
        size: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
        data,
        uploadedBy: user.id,
        agencyId: user.agencyId,
      })
      .returning({
        id: evidenceFiles.id,
        name: evidenceFiles.name,
        size: evidenceFiles.size,
        mimeType: evidenceFiles.mimeType,
      });
    return reply.code(201).send(row);
  });

  app.get('/api/evidence/:id', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    const user = token ? await resolveSession(deps.database.db, deps.config, token) : null;
    if (!user) return reply.code(401).send({ error: 'UNAUTHENTICATED' });
    const id = Number((req.params as { id: string }).id);
    if (!Number.isInteger(id) || id <= 0) return reply.code(404).send({ error: 'NOT_FOUND' });
    const db = deps.database.db;
    const [file] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id));
    if (!file) return reply.code(404).send({ error: 'NOT_FOUND' });
    let allowed = file.uploadedBy === user.id;
    if (!allowed) {
      const [use] = await db
        .select({ taskId: progressUpdates.taskId, leadAgencyId: tasks.leadAgencyId })
        .from(progressUpdates)
        .innerJoin(tasks, eq(tasks.id, progressUpdates.taskId))
        .where(eq(progressUpdates.evidenceFileId, id))
        .limit(1);
      if (use) {
        const coordinators = await db
          .select({ agencyId: taskCoordinators.agencyId })
          .from(taskCoordinators)
          .where(eq(taskCoordinators.taskId, use.taskId));
        allowed = canReadTaskDetails(user, {
          leadAgencyId: use.leadAgencyId,
          coordinatorIds: coordinators.map((c) => c.agencyId),
        });
      }
    }
    if (!allowed) return reply.code(403).send({ error: 'FORBIDDEN' });
    return reply
      .header('content-type', file.mimeType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('cache-control', 'private, no-store')
      .send(file.data);
  });
}
