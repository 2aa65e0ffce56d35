import { roleProcedure, router } from '../../trpc/init';
import { verifyAuditTrail } from './service';

export const auditRouter = router({
  /** Recomputes the whole hash chain: any entry changed, removed or reordered is found. */
  verify: roleProcedure('inspector', 'office', 'admin').query(({ ctx }) => verifyAuditTrail(ctx.database.db)),
});
