import type { FastifyInstance } from 'fastify';
import { isOversight } from '../../shared/roles';
import type { AppDeps } from '../context';
import { checkpointLine, findCheckpoints } from '../modules/audit/checkpoints';
import { auditKeys } from '../modules/audit/keys';
import { datedName, requireUser, sendDownload, sendError } from './kit';

/**
 * The signed checkpoints of the audit chain, for inspectors to keep outside the server: every
 * checkpoint as one JSON line (the format of AUDIT_CHECKPOINT_FILE), and the public key that verifies them.
 */
export function registerAuditExports(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/audit/checkpoints.jsonl', async (req, reply) => {
    const user = await requireUser(deps, req, reply);
    if (!user) return;
    if (!isOversight(user.role)) return sendError(reply, 'FORBIDDEN');
    const checkpoints = await findCheckpoints(deps.database.db);
    return sendDownload(
      reply,
      `${datedName('audit-checkpoints')}.jsonl`,
      'application/jsonl; charset=utf-8',
      checkpoints.map(checkpointLine).join(''),
    );
  });
  app.get('/api/audit/public-key.pem', async (req, reply) => {
    const user = await requireUser(deps, req, reply);
    if (!user) return;
    if (!isOversight(user.role)) return sendError(reply, 'FORBIDDEN');
    return sendDownload(reply, 'audit-public-key.pem', 'application/x-pem-file', auditKeys().publicKeyPem);
  });
}
