import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthlyReportOutput } from '../../../shared/schemas/reports';
import type { Database } from '../../db/client';
import { tasks } from '../../db/schema';
import { seedIfEmpty } from '../../seed';
import { createTestDatabase } from '../../test/db';
import { getMonthlyReport } from './monthly';

describe('monthly monitoring report', () => {
  let database: Database;
  const now = new Date('2026-11-22T03:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedIfEmpty(database.db, { communes: 68, demo: true, today: '2026-11-22' });
  });
  afterAll(() => database.close());

  it('reconciles: the buckets sum to the tasks assigned by the cut-off, per agency and in total', async () => {
    const report = await getMonthlyReport(database.db, '2026-10', now);
    const t = report.totals;
    expect(t.assigned).toBeGreaterThan(0);
    expect(t.completedOnTime + t.completedLate + t.inProgress + t.overdue + t.noDeadline).toBe(t.assigned);
    expect(report.byAgency.reduce((s, a) => s + a.assigned, 0)).toBe(t.assigned);
    const completed = t.completedOnTime + t.completedLate;
    expect(t.ofDue).toBeCloseTo(completed / (completed + t.overdue));
  });

  it('is frozen once the cut-off has passed: later changes do not alter it', async () => {
    const first = await getMonthlyReport(database.db, '2026-09', now);
    expect(first.frozen).toBe(true);
    const open = await database.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(isNull(tasks.completedOn))
      .limit(20);
    for (const task of open)
      await database.db.update(tasks).set({ completedOn: '2026-09-01' }).where(eq(tasks.id, task.id));
    const later = await getMonthlyReport(database.db, '2026-09', new Date('2027-11-22T03:00:00Z'));
    expect(later.totals).toEqual(first.totals);
    expect(later.frozenAt).toEqual(first.frozenAt);
    // Read back from storage, the report keeps its declared shape (its output schema checks it).
    expect(later.asOf).toEqual(first.asOf);
    expect(monthlyReportOutput.safeParse(later).success).toBe(true);
  });

  it('is live, with its “as of” time, while the month is still open', async () => {
    const report = await getMonthlyReport(database.db, '2026-12', now);
    expect(report.frozen).toBe(false);
    expect(report.asOf).toEqual(now);
  });
});
