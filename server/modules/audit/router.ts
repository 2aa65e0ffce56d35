import { OVERSIGHT_ROLES } from '../../../shared/roles';
import { auditEntityInput, auditEntriesOutput, auditVerificationOutput } from '../../../shared/schemas/audit';
import { roleProcedure, router } from '../../trpc/init';
import { findAuditEntries, verifyAuditTrail } from './service';

export const auditRouter = router({
  /** Recomputes the whole hash chain: any entry changed, removed or reordered is found. */
  verify: roleProcedure(...OVERSIGHT_ROLES)
    .output(auditVerificationOutput)
    .query(({ ctx }) => verifyAuditTrail(ctx.database.db)),
  /** The audit entries of one record (who, action, when, before/after), newest first. */
  forEntity: roleProcedure(...OVERSIGHT_ROLES)
    .input(auditEntityInput)
    .output(auditEntriesOutput)
    .query(({ ctx, input }) => findAuditEntries(ctx.database.db, input.entityType, input.entityId)),
});
