import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { reportTemplates } from '../../db/schema';
import { getCompliance } from '../submissions/queries';

/** A report obligation still not sent after its deadline: an agency's report of a template version for a period. */
export interface MissedReport {
  /** The template version that collects the period (as its submission and its requests name it). */
  templateId: number;
  agencyId: number;
  periodKey: string;
  deadline: string;
}

/**
 * The reports missing (not sent at all) whose deadline is `cutoff` or earlier, over every active regime,
 * by the compliance rule itself (`getCompliance`: the heatmap's 'missing' cells), oldest deadline first.
 * A report sent late is not here: it has been sent, and the Office may still ask about it by hand.
 */
export async function findMissedReports(db: Db, now: Date, cutoff: string): Promise<MissedReport[]> {
  const regimes = await db
    .select({ id: reportTemplates.id })
    .from(reportTemplates)
    // One entry per regime: its compliance covers all its versions.
    .where(and(eq(reportTemplates.active, true), isNull(reportTemplates.lastPeriod)));
  const missed: MissedReport[] = [];
  for (const regime of regimes) {
    const compliance = await getCompliance(db, { templateId: regime.id }, now);
    const periods = new Map(compliance.periods.map((p) => [p.key, p]));
    for (const agency of compliance.agencies)
      for (const [periodKey, cell] of Object.entries(agency.cells)) {
        const period = periods.get(periodKey);
        if (cell.state !== 'missing' || !period || period.deadline > cutoff) continue;
        missed.push({
          templateId: period.templateId,
          agencyId: agency.agencyId,
          periodKey,
          deadline: period.deadline,
        });
      }
  }
  return missed.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0));
}
