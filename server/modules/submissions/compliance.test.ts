import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionState } from '../../../shared/schemas/reports';
import { vietnamInstant } from '../../../shared/time';
import type { Database } from '../../db/client';
import { agencies, reportTemplates, submissions } from '../../db/schema';
import { createTestDatabase } from '../../test/db';
import { getCompliance } from './queries';

/**
 * The quarterly Program report (BC-CPS-QUY, due on the 20th of the cut-off's month) over the seeded
 * working calendar: quarter 4 of 2026 ends on 14 December; 20 December 2026 is a Sunday, so its
 * deadline is Monday 21 December.
 */
describe('compliance counts only due periods', () => {
  let database: Database;
  let templateId: number;
  const agencyIds: Record<string, number> = {};
  const beforeDue = new Date('2026-12-06T03:00:00Z');
  const afterDue = new Date('2026-12-23T03:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    const [quarterly] = await database.db
      .select({ id: reportTemplates.id })
      .from(reportTemplates)
      .where(eq(reportTemplates.code, 'BC-CPS-QUY'));
    templateId = quarterly?.id ?? 0;
    for (const name of ['Thành phố Hà Nội', 'Bộ Y tế', 'Bộ Tài chính', 'Thành phố Đà Nẵng']) {
      const [agency] = await database.db
        .select({ id: agencies.id })
        .from(agencies)
        .where(eq(agencies.nameVi, name));
      agencyIds[name] = agency?.id ?? 0;
    }
  });
  afterAll(() => database.close());

  async function send(agency: string, firstSubmittedAt: Date, state: SubmissionState = 'accepted') {
    await database.db.insert(submissions).values({
      templateId,
      agencyId: agencyIds[agency] ?? 0,
      periodKey: '2026-Q4',
      periodEnd: '2026-12-14',
      deadline: '2026-12-21',
      state,
      firstSubmittedAt,
    });
  }

  const cell = (report: Awaited<ReturnType<typeof getCompliance>>, agency: string) =>
    report.agencies.find((a) => a.agencyId === agencyIds[agency])?.cells['2026-Q4'];

  it('moves the Sunday deadline of 20/12/2026 to Monday 21/12', async () => {
    const report = await getCompliance(database.db, { templateId }, beforeDue);
    expect(report.periods.find((p) => p.key === '2026-Q4')).toMatchObject({
      deadline: '2026-12-21',
      due: false,
    });
  });

  it('an early submission does not change expected, submitted or late until its period falls due', async () => {
    const before = await getCompliance(database.db, { templateId }, beforeDue);
    await send('Thành phố Hà Nội', vietnamInstant('2026-12-05', 10), 'submitted');
    const after = await getCompliance(database.db, { templateId }, beforeDue);
    expect(after.totals).toEqual(before.totals);
    const hanoi = after.agencies.find((a) => a.agencyId === agencyIds['Thành phố Hà Nội']);
    const hanoiBefore = before.agencies.find((a) => a.agencyId === agencyIds['Thành phố Hà Nội']);
    expect(hanoi && { e: hanoi.expected, s: hanoi.submitted }).toEqual(
      hanoiBefore && { e: hanoiBefore.expected, s: hanoiBefore.submitted },
    );
    // The grid says what happened: sent early, awaiting the leader's approval.
    expect(cell(after, 'Thành phố Hà Nội')).toMatchObject({ state: 'early', stage: 'awaiting_approval' });

    // Once the deadline has passed, the period counts for every obliged agency, the early report on time.
    const due = await getCompliance(database.db, { templateId }, afterDue);
    const obliged = due.agencies.length;
    expect(due.periods.find((p) => p.key === '2026-Q4')?.due).toBe(true);
    expect(due.totals.expected).toBe(after.totals.expected + obliged);
    expect(due.totals.onTime).toBe(after.totals.onTime + 1);
    expect(cell(due, 'Thành phố Hà Nội')).toMatchObject({ state: 'on_time', stage: 'awaiting_approval' });
  });

  it('a report sent on the Monday after the Sunday deadline is on time; the Tuesday is late', async () => {
    await send('Bộ Y tế', vietnamInstant('2026-12-21', 16, 30));
    await send('Bộ Tài chính', vietnamInstant('2026-12-22', 8));
    const report = await getCompliance(database.db, { templateId }, afterDue);
    expect(cell(report, 'Bộ Y tế')).toMatchObject({ state: 'on_time', stage: 'accepted' });
    expect(cell(report, 'Bộ Tài chính')).toMatchObject({ state: 'late', stage: 'accepted' });
  });

  it('a returned report or one awaiting the Office says so, its timeliness kept beside it', async () => {
    await send('Thành phố Đà Nẵng', vietnamInstant('2026-12-18', 9), 'returned');
    const report = await getCompliance(database.db, { templateId }, afterDue);
    expect(cell(report, 'Thành phố Đà Nẵng')).toMatchObject({ state: 'on_time', stage: 'returned' });
    await database.db
      .update(submissions)
      .set({ state: 'approved' })
      .where(eq(submissions.agencyId, agencyIds['Thành phố Đà Nẵng'] ?? 0));
    const approved = await getCompliance(database.db, { templateId }, afterDue);
    expect(cell(approved, 'Thành phố Đà Nẵng')).toMatchObject({
      state: 'on_time',
      stage: 'awaiting_acceptance',
    });
    // A period not started by an agency has no stage.
    const none = approved.agencies.find((a) => !a.cells['2026-Q4']?.submissionId);
    expect(none?.cells['2026-Q4']).toMatchObject({ state: 'missing', stage: null });
  });
});
