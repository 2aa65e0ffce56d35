import { inArray, min } from 'drizzle-orm';
import { isPeriodClosed, periodContaining } from '../../../shared/reporting-periods';
import { vietnamDate } from '../../../shared/time';
import type { Db } from '../../db/client';
import { monthlyReports, taskStates } from '../../db/schema';
import { type JobDefinition, type JobLog, periodicJob } from '../../jobs/queue';
import { freezeMonthlyReport, monthEnd } from './monthly';

/**
 * The first monthly report of the Program (Decision 2629/QĐ-TTg of 1 December 2025; its first
 * reporting quarter is 2026-Q1): months before it are frozen only when tasks were recorded in them.
 */
export const PROGRAM_FIRST_MONTH = '2026-01';
/**
 * A month is frozen this long after its cut-off day has ended, so that a write that began before
 * midnight (its history instant is the writer's clock) has committed by then. Until it is frozen, a
 * closed month is read from history with the same figures.
 */
export const FREEZE_GRACE_MS = 5 * 60_000;

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from the Program's first (or the first with tasks, if earlier) whose cut-off has passed. */
export async function closedMonths(db: Db, now = new Date()): Promise<string[]> {
  const [first] = await db.select({ at: min(taskStates.validFrom) }).from(taskStates);
  const firstTaskMonth = first?.at ? periodContaining('month', vietnamDate(first.at))?.end.slice(0, 7) : null;
  let month = firstTaskMonth && firstTaskMonth < PROGRAM_FIRST_MONTH ? firstTaskMonth : PROGRAM_FIRST_MONTH;
  const today = vietnamDate(now);
  const months: string[] = [];
  while (isPeriodClosed(month, today) && monthEnd(month).getTime() + FREEZE_GRACE_MS <= now.getTime()) {
    months.push(month);
    month = nextMonth(month);
  }
  return months;
}

/**
 * Freezes every closed month not frozen yet, oldest first; returns the months this call froze. A
 * frozen month is never written again (freezeMonthlyReport inserts or does nothing), so running it
 * twice, or in two server processes at once, changes nothing.
 */
export async function freezeClosedMonths(db: Db, now = new Date(), signal?: AbortSignal): Promise<string[]> {
  const months = await closedMonths(db, now);
  if (months.length === 0) return [];
  const done = new Set(
    (
      await db
        .select({ month: monthlyReports.month })
        .from(monthlyReports)
        .where(inArray(monthlyReports.month, months))
    ).map((r) => r.month),
  );
  const frozen: string[] = [];
  for (const month of months) {
    if (signal?.aborted) break;
    if (done.has(month)) continue;
    if (await freezeMonthlyReport(db, month, now)) frozen.push(month);
  }
  return frozen;
}

/**
 * Freezes the closed months at start and every ten minutes (server/jobs/queue.ts); a shutdown ends
 * the run after the month it is freezing.
 */
export function freezeJob(db: Db, options: { log?: JobLog | undefined } = {}): JobDefinition {
  return periodicJob({
    name: 'reports.freeze',
    cron: '*/10 * * * *',
    failure: 'freezing monthly reports failed',
    run: async (signal) => {
      const months = await freezeClosedMonths(db, new Date(), signal);
      if (months.length) options.log?.info({ months }, 'monthly reports frozen');
    },
  });
}
