import { OVERSIGHT_ROLES } from '../../../shared/roles';
import {
  auditCheckpointsOutput,
  auditEntityInput,
  auditEntriesOutput,
  auditVerificationOutput,
} from '../../../shared/schemas/audit';
import { roleProcedure, router } from '../../trpc/init';
import { findRecentCheckpoints, readCheckpointFile } from './checkpoints';
import { auditKeys } from './keys';
import { findAuditEntries, verifyAuditTrail } from './service';

export const auditRouter = router({
  /**
   * Recomputes the whole keyed hash chain and checks it against every signed checkpoint, in the
   * database and in the file kept outside it: any entry changed, removed, reordered or rehashed, and
   * the tail cut past a checkpoint, is found.
   */
  verify: roleProcedure(...OVERSIGHT_ROLES)
    .output(auditVerificationOutput)
    .query(({ ctx }) =>
      verifyAuditTrail(ctx.database.db, { external: readCheckpointFile(ctx.config.AUDIT_CHECKPOINT_FILE) }),
    ),
  /** The newest signed checkpoints and the public key that verifies them (all of them: /api/audit/checkpoints.jsonl). */
  checkpoints: roleProcedure(...OVERSIGHT_ROLES)
    .output(auditCheckpointsOutput)
    .query(async ({ ctx }) => {
      const { keyId, publicKeyPem } = auditKeys();
      return { keyId, publicKeyPem, ...(await findRecentCheckpoints(ctx.database.db)) };
    }),
  /** The audit entries of one record (who, action, when, before/after), newest first. */
  forEntity: roleProcedure(...OVERSIGHT_ROLES)
    .input(auditEntityInput)
    .output(auditEntriesOutput)
    .query(({ ctx, input }) => findAuditEntries(ctx.database.db, input.entityType, input.entityId)),
});
