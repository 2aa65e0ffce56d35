import { isNotNull } from 'drizzle-orm';
import { currentSuccessors } from '../../../shared/agency-lineage';
import type { Db } from '../../db/client';
import { agencies, agencyChangeLinks } from '../../db/schema';

/**
 * Old unit → the current unit its figures re-aggregate to (shared/agency-lineage.ts), from the recorded
 * changes: the one mapping every "today's units" figure uses. Small (one row per old unit).
 */
export async function loadSuccessors(db: Db): Promise<Map<number, number>> {
  const [links, expired] = await Promise.all([
    db
      .select({ from: agencyChangeLinks.fromAgencyId, to: agencyChangeLinks.toAgencyId })
      .from(agencyChangeLinks),
    db.select({ id: agencies.id }).from(agencies).where(isNotNull(agencies.validTo)),
  ]);
  if (links.length === 0) return new Map();
  const old = new Set(expired.map((a) => a.id));
  return currentSuccessors(links, (id) => !old.has(id));
}
