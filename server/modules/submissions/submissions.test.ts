import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodContaining, periodOf } from '../../../shared/reporting-periods';
import { vietnamDate } from '../../../shared/time';
import { auditLog, reportTemplates, submissionRevisions, submissions } from '../../db/schema';
import { createTestApp, createUser } from '../../test/app';
import { openWorkFirst } from './queries';

describe('periodic report submissions', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let officer: string;
  let leader: string;
  let office: string;
  let other: string;
  let inspector: string;
  let templateId: number;
  let periodKey: string;
  const values = { tasks_assigned: 12, tasks_completed: 7, tasks_overdue: 1, notes: 'Đúng tiến độ' };
  // The system holds no task of Hà Nội here: each count it reports otherwise is explained.
  const explanations = {
    'source:tasks_assigned': 'Gồm cả nhiệm vụ giao bằng văn bản giấy chưa nhập hệ thống.',
    'source:tasks_completed': 'Gồm cả nhiệm vụ giao bằng văn bản giấy chưa nhập hệ thống.',
    'source:tasks_overdue': 'Gồm cả nhiệm vụ giao bằng văn bản giấy chưa nhập hệ thống.',
  };

  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t.database, { username: 'hn.cv', role: 'officer', agency: 'Thành phố Hà Nội' });
    await createUser(t.database, { username: 'hn.ld', role: 'leader', agency: 'Thành phố Hà Nội' });
    await createUser(t.database, { username: 'vp', role: 'office', agency: 'Văn phòng Chính phủ' });
    await createUser(t.database, { username: 'yt.cv', role: 'officer', agency: 'Bộ Y tế' });
    await createUser(t.database, { username: 'tt', role: 'inspector', agency: 'Thanh tra Chính phủ' });
    officer = await t.login('hn.cv');
    leader = await t.login('hn.ld');
    office = await t.login('vp');
    other = await t.login('yt.cv');
    inspector = await t.login('tt');
    const [monthly] = await t.database.db
      .select()
      .from(reportTemplates)
      .where(eq(reportTemplates.code, 'BC-NV-THANG'));
    templateId = monthly?.id ?? 0;
    // The last monthly period that has ended.
    const current = periodContaining('month', vietnamDate(new Date()));
    periodKey = periodOf(
      'month',
      current?.index === 1 ? (current?.year ?? 2026) - 1 : (current?.year ?? 2026),
      current?.index === 1 ? 12 : (current?.index ?? 2) - 1,
    ).key;
  });
  afterAll(() => t.close());

  it('goes draft → submitted → approved → returned → corrected → accepted, keeping every revision', async () => {
    const first = await t.trpc(
      'submissions.saveDraft',
      { templateId, periodKey, values: { tasks_assigned: 12 } },
      { cookie: officer },
    );
    expect(first.status).toBe(200);
    const id = first.data.id;
    const incomplete = await t.trpc(
      'submissions.submit',
      { id, version: first.data.version },
      { cookie: officer },
    );
    expect(incomplete.error.data.appCode).toBe('VALIDATION');
    expect(incomplete.error.data.details.field).toBe('tasks_completed');

    const saved = await t.trpc(
      'submissions.saveDraft',
      { templateId, periodKey, values, explanations, version: first.data.version },
      { cookie: officer },
    );
    const submitted = await t.trpc(
      'submissions.submit',
      { id, version: saved.data.version },
      { cookie: officer },
    );
    expect(submitted.status).toBe(200);
    const approved = await t.trpc(
      'submissions.approve',
      { id, version: submitted.data.version, decision: 'accept' },
      { cookie: leader },
    );
    expect(approved.data.state).toBe('approved');
    const returned = await t.trpc(
      'submissions.review',
      { id, version: approved.data.version, decision: 'return', comment: 'Số nhiệm vụ quá hạn chưa khớp.' },
      { cookie: office },
    );
    expect(returned.data.state).toBe('returned');

    const corrected = await t.trpc(
      'submissions.saveDraft',
      { templateId, periodKey, values: { ...values, tasks_overdue: 2 }, version: returned.data.version },
      { cookie: officer },
    );
    expect(corrected.data.revision).toBe(2);
    const resubmitted = await t.trpc(
      'submissions.submit',
      { id, version: corrected.data.version },
      { cookie: officer },
    );
    const reapproved = await t.trpc(
      'submissions.approve',
      { id, version: resubmitted.data.version, decision: 'accept' },
      { cookie: leader },
    );
    const accepted = await t.trpc(
      'submissions.review',
      { id, version: reapproved.data.version, decision: 'accept' },
      { cookie: office },
    );
    expect(accepted.data.state).toBe('accepted');

    const detail = await t.trpc('submissions.get', { id }, { method: 'GET', cookie: inspector });
    expect(detail.data.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    expect(detail.data.revisions[0]).toMatchObject({
      reviewOutcome: 'returned',
      reviewComment: 'Số nhiệm vụ quá hạn chưa khớp.',
      values: { tasks_overdue: 1 },
    });
    expect(detail.data.revisions[1]).toMatchObject({
      reviewOutcome: 'accepted',
      values: { tasks_overdue: 2 },
    });
    expect(detail.data.audit.length).toBeGreaterThanOrEqual(8);

    // Accepted means locked: the officer cannot save over it; only the Office reopens, audited.
    const locked = await t.trpc(
      'submissions.saveDraft',
      { templateId, periodKey, values, version: accepted.data.version },
      { cookie: officer },
    );
    expect(locked.error.data.appCode).toBe('CONFLICT');
    const reopened = await t.trpc(
      'submissions.reopen',
      { id, version: accepted.data.version, reason: 'Số liệu cần điều chỉnh theo kiểm tra.' },
      { cookie: office },
    );
    expect(reopened.status).toBe(200);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'submission.reopen'));
    expect(entry?.username).toBe('vp');
  });

  it('refuses bad values naming the field, and saves nothing', async () => {
    const [before] = await t.database.db.select({ n: count() }).from(submissionRevisions);
    const bad = await t.trpc(
      'submissions.saveDraft',
      { templateId, periodKey: '2026-M01', values: { tasks_assigned: 1.5 } },
      { cookie: other },
    );
    expect(bad.error.data.appCode).toBe('VALIDATION');
    expect(bad.error.data.details).toMatchObject({ field: 'tasks_assigned' });
    const [after] = await t.database.db.select({ n: count() }).from(submissionRevisions);
    expect(after?.n).toBe(before?.n);
  });

  it('an agency writes only its own submissions; inspectors and other agencies cannot act on them', async () => {
    const [row] = await t.database.db.select().from(submissions).limit(1);
    const id = row?.id ?? 0;
    const version = row?.version ?? 1;
    // Another agency's report not yet accepted is out of its scope: it reads as missing (404).
    const otherSees = row?.state === 'accepted';
    const submitByOther = await t.trpc('submissions.submit', { id, version }, { cookie: other });
    expect(submitByOther.status).toBe(otherSees ? 403 : 404);
    for (const [cookie, path, input] of [
      [inspector, 'submissions.review', { id, version, decision: 'accept' }],
      [officer, 'submissions.review', { id, version, decision: 'accept' }],
      [leader, 'submissions.reopen', { id, version, reason: 'x' }],
    ] as const) {
      const res = await t.trpc(path, input, { cookie });
      expect(res.status).toBe(403);
    }
    const draftOfOther = await t.trpc('submissions.get', { id }, { method: 'GET', cookie: other });
    expect(draftOfOther.status).toBe(otherSees ? 200 : 404);
  });

  it('computes compliance in SQL: the submitted period counts, others are missing', async () => {
    const res = await t.trpc('submissions.compliance', { templateId }, { method: 'GET', cookie: office });
    expect(res.status).toBe(200);
    const hanoi = res.data.agencies.find((a: { nameVi: string }) => a.nameVi === 'Thành phố Hà Nội');
    // The last period that ended counts once its deadline has passed; sent before that, it is 'early'.
    const due = res.data.periods.find((p: { key: string }) => p.key === periodKey).due;
    expect(due ? ['on_time', 'late'] : ['early']).toContain(hanoi.cells[periodKey].state);
    const health = res.data.agencies.find((a: { nameVi: string }) => a.nameVi === 'Bộ Y tế');
    expect(health.submitted).toBe(0);
    expect(health.missing).toBe(health.expected);
    const expected = res.data.agencies.reduce((s: number, a: { expected: number }) => s + a.expected, 0);
    expect(res.data.totals.expected).toBe(expected);
    expect(res.data.totals.completeness).toBeCloseTo(res.data.totals.submitted / expected);
  });

  it('lists an agency’s obligations with deadlines', async () => {
    const res = await t.trpc('submissions.mine', undefined, { method: 'GET', cookie: other });
    expect(res.data.length).toBeGreaterThan(0);
    expect(res.data.every((i: { deadline: string; periodEnd: string }) => i.deadline > i.periodEnd)).toBe(
      true,
    );
    // What still waits for the agency comes first: the overdue, then the returned, then the rest it owes,
    // soonest deadline first in each; then what it sent, newest first.
    const items = res.data as { state: string; deadline: string; overdue: boolean }[];
    const rank = (i: { state: string; overdue: boolean }) =>
      i.overdue ? 0 : i.state === 'returned' ? 1 : ['missing', 'draft'].includes(i.state) ? 2 : 3;
    const ranks = items.map(rank);
    expect(ranks).toEqual([...ranks].sort());
    for (const r of [0, 1, 2]) {
      const deadlines = items.filter((i) => rank(i) === r).map((i) => i.deadline);
      expect(deadlines).toEqual([...deadlines].sort());
    }
    const sent = items.filter((i) => rank(i) === 3).map((i) => i.deadline);
    expect(sent).toEqual([...sent].sort().reverse());
  });

  it('orders overdue reports first, then returned ones, then the rest owed, then sent reports newest first', () => {
    const list = [
      { state: 'accepted', deadline: '2026-01-10', overdue: false },
      { state: 'missing', deadline: '2026-12-20', overdue: false },
      { state: 'submitted', deadline: '2026-11-10', overdue: false },
      { state: 'draft', deadline: '2026-09-15', overdue: false },
      { state: 'returned', deadline: '2026-10-10', overdue: false },
      { state: 'draft', deadline: '2026-11-15', overdue: false },
      { state: 'missing', deadline: '2026-11-01', overdue: true },
    ];
    expect(list.sort(openWorkFirst).map((i) => `${i.state} ${i.deadline}`)).toEqual([
      'missing 2026-11-01',
      'returned 2026-10-10',
      'draft 2026-09-15',
      'draft 2026-11-15',
      'missing 2026-12-20',
      'submitted 2026-11-10',
      'accepted 2026-01-10',
    ]);
  });

  it('counts overdue reports for the Office, equal to the compliance figures; agencies see their own list instead', async () => {
    const res = await t.trpc('submissions.overdueCount', undefined, { method: 'GET', cookie: office });
    const compliance = await t.trpc(
      'submissions.compliance',
      { templateId },
      { method: 'GET', cookie: office },
    );
    const monthly = res.data.perTemplate.find((p: { id: number }) => p.id === templateId);
    expect(monthly.missing).toBe(compliance.data.totals.missing);
    expect(res.data.total).toBeGreaterThanOrEqual(monthly.missing);
    expect(
      (await t.trpc('submissions.overdueCount', undefined, { method: 'GET', cookie: officer })).status,
    ).toBe(403);
  });
});
