import { and, asc, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriodKey, periodContaining, periodOf } from '../../../shared/reporting-periods';
import { previousPeriod } from '../../../shared/template-versions';
import { foldVietnamese } from '../../../shared/text';
import { vietnamDate } from '../../../shared/time';
import { agencies, auditLog, submissionRevisions, submissions, users } from '../../db/schema';
import { createTestApp, createUser, TEST_PASSWORD } from '../../test/app';
import { hashPassword } from '../auth/password';
import { loadTemplate } from '../templates/queries';
import { computeProvinceFigure } from './province';

/** The last monthly period that has ended (its figures can be entered and decided). */
function lastMonth(): string {
  const current = periodContaining('month', vietnamDate(new Date()));
  return periodOf(
    'month',
    current?.index === 1 ? (current?.year ?? 2026) - 1 : (current?.year ?? 2026),
    current?.index === 1 ? 12 : (current?.index ?? 2) - 1,
  ).key;
}

describe('approval levels: communes report to their province, the province to the Office', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const cookie: Record<string, string> = {};
  let hanoi = 0;
  let communeIds: number[] = [];
  let templateId = 0;
  const periodKey = lastMonth();

  async function communeUser(username: string, agencyId: number, role: 'officer' | 'leader' = 'officer') {
    await t.database.db.insert(users).values({
      username,
      passwordHash: await hashPassword(TEST_PASSWORD),
      fullName: `Người dùng ${username}`,
      role,
      agencyId,
      searchText: foldVietnamese(username),
    });
    cookie[username] = await t.login(username);
  }
  const call = (who: string, path: string, input: unknown, method?: 'GET' | 'POST') =>
    t.trpc(path, input, { cookie: cookie[who], ...(method ? { method } : {}) });

  async function submitAs(who: string, values: Record<string, unknown>, version?: number) {
    const draft = await call(who, 'submissions.saveDraft', { templateId, periodKey, values, version });
    expect(draft.status, JSON.stringify(draft.error)).toBe(200);
    const sent = await call(who, 'submissions.submit', { id: draft.data.id, version: draft.data.version });
    expect(sent.status, JSON.stringify(sent.error)).toBe(200);
    return { id: sent.data.id as number, version: sent.data.version as number };
  }

  beforeAll(async () => {
    t = await createTestApp();
    const [hn] = await t.database.db
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.nameVi, 'Thành phố Hà Nội'));
    hanoi = hn?.id ?? 0;
    communeIds = (
      await t.database.db
        .select({ id: agencies.id })
        .from(agencies)
        .where(and(eq(agencies.parentId, hanoi), eq(agencies.level, 'commune')))
        .orderBy(asc(agencies.id))
    ).map((c) => c.id);
    for (const [username, role, agency] of [
      ['qt', 'admin', 'Văn phòng Chính phủ'],
      ['vp', 'office', 'Văn phòng Chính phủ'],
      ['hn.cv', 'officer', 'Thành phố Hà Nội'],
      ['hn.ld', 'leader', 'Thành phố Hà Nội'],
      ['hp.cv', 'officer', 'Thành phố Hải Phòng'],
      ['yt.cv', 'officer', 'Bộ Y tế'],
    ] as const) {
      await createUser(t.database, { username, role, agency });
      cookie[username] = await t.login(username);
    }
    await communeUser('xa1.cv', communeIds[0] ?? 0);
    await communeUser('xa2.cv', communeIds[1] ?? 0);
    const created = await call('qt', 'templates.create', {
      code: 'BC-XA-THU',
      nameVi: 'Báo cáo thử của cấp xã',
      nameEn: 'Commune test report',
      periodType: 'month',
      deadlineRule: { kind: 'working_days_after_cutoff', days: 5 },
      obligation: { levels: ['commune'] },
      approval: 'province_then_office',
      firstPeriod: '2025-M01',
      fields: [
        {
          code: 'households',
          labelVi: 'Số hộ',
          labelEn: 'Households',
          unit: null,
          type: 'integer',
          required: true,
          min: 0,
          max: null,
          kpiCode: null,
          kpiRole: null,
        },
        {
          code: 'online',
          labelVi: 'Số hồ sơ trực tuyến',
          labelEn: 'Online files',
          unit: null,
          type: 'integer',
          required: true,
          min: 0,
          max: null,
          kpiCode: null,
          kpiRole: null,
        },
        {
          code: 'notes',
          labelVi: 'Ghi chú',
          labelEn: 'Notes',
          unit: null,
          type: 'text',
          required: false,
          min: null,
          max: null,
          kpiCode: null,
          kpiRole: null,
        },
      ],
    });
    expect(created.status, JSON.stringify(created.error)).toBe(200);
    templateId = created.data.id;
  });
  afterAll(() => t.close());

  it('keeps the chain in the template, and refuses it for a template not filled by communes', async () => {
    const got = await call('qt', 'templates.get', { id: templateId }, 'GET');
    expect(got.data.template.approval).toBe('province_then_office');
    const wrong = await call('qt', 'templates.create', {
      code: 'BC-SAI',
      nameVi: 'Sai',
      nameEn: 'Wrong',
      periodType: 'month',
      deadlineRule: { kind: 'working_days_after_cutoff', days: 5 },
      obligation: { levels: ['provincial'] },
      approval: 'province_then_office',
      firstPeriod: '2025-M01',
      fields: [
        {
          code: 'rate',
          labelVi: 'Tỷ lệ',
          labelEn: 'Rate',
          unit: '%',
          type: 'percent',
          required: true,
          min: null,
          max: null,
          kpiCode: null,
          kpiRole: null,
        },
      ],
    });
    expect(wrong.status).toBe(400);
    const messages = JSON.stringify(wrong.error);
    expect(messages).toContain('approvalNeedsCommunes');
    expect(messages).toContain('fieldNotAddable');
  });

  it('goes commune submit → province return → resubmit → province accept, each step audited', async () => {
    const sent = await submitAs('xa1.cv', { households: 120, online: 30, notes: '' });
    // Nobody but the parent province decides: the Office and the commune see it and are refused,
    // a sibling province and a ministry are told it does not exist.
    const decide = (who: string, decision: 'accept' | 'return', ref = sent, comment = '') =>
      call(who, 'submissions.provinceReview', { ...ref, decision, comment });
    expect((await decide('xa1.cv', 'accept')).status).toBe(403);
    expect((await decide('hn.ld', 'accept')).status).toBe(403);
    expect((await decide('hp.cv', 'accept')).status).toBe(404);
    expect((await decide('yt.cv', 'accept')).status).toBe(404);
    expect((await call('hp.cv', 'submissions.get', { id: sent.id }, 'GET')).status).toBe(404);
    expect((await call('vp', 'submissions.review', { ...sent, decision: 'accept' })).status).toBe(403);
    expect((await call('vp', 'submissions.get', { id: sent.id }, 'GET')).status).toBe(200);
    const asProvince = await call('hn.cv', 'submissions.get', { id: sent.id }, 'GET');
    expect(asProvince.data.canProvinceReview).toBe(true);
    expect(asProvince.data.canReview).toBe(false);
    expect(asProvince.data.decidedByProvince).toBe(true);
    // The Office neither reminds nor asks to explain it: the obligation it follows is the province's.
    const followUp = await call(
      'vp',
      'accountability.forReport',
      { templateId, agencyId: communeIds[0], periodKey },
      'GET',
    );
    expect(followUp.status).toBe(404);
    // A return needs its reason.
    expect((await decide('hn.cv', 'return')).status).toBe(400);
    const returned = await decide('hn.cv', 'return', sent, 'Số hộ chưa khớp sổ hộ tịch');
    expect(returned.data.state).toBe('returned');

    const again = await submitAs(
      'xa1.cv',
      { households: 118, online: 30, notes: 'Đã rà soát' },
      returned.data.version,
    );
    const accepted = await decide('hn.cv', 'accept', again);
    expect(accepted.status, JSON.stringify(accepted.error)).toBe(200);
    expect(accepted.data.state).toBe('accepted');
    const got = await call('xa1.cv', 'submissions.get', { id: sent.id }, 'GET');
    expect(got.data.revisions.map((r: { reviewOutcome: string }) => r.reviewOutcome)).toEqual([
      'returned',
      'accepted',
    ]);
    expect(got.data.revisions[0].reviewComment).toBe('Số hộ chưa khớp sổ hộ tịch');
    const audit = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'submission'), eq(auditLog.entityId, String(sent.id))));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['submission.province_returned', 'submission.province_accepted']),
    );
  });

  it('computes the province figure from accepted reports only, and sends it to the Office', async () => {
    // The second commune's report is sent and returned: it is not in the sum.
    const other = await submitAs('xa2.cv', { households: 999, online: 999, notes: '' });
    await call('hn.cv', 'submissions.provinceReview', {
      ...other,
      decision: 'return',
      comment: 'Sai số liệu',
    });

    const page = await call('hn.cv', 'submissions.provinceApprovals', undefined, 'GET');
    expect(page.status, JSON.stringify(page.error)).toBe(200);
    const figure = page.data.figures.find(
      (f: { templateId: number; periodKey: string }) =>
        f.templateId === templateId && f.periodKey === periodKey,
    );
    expect(figure.values).toMatchObject({ households: 118, online: 30 });
    expect(figure.accepted).toBe(1);
    // Both communes sent theirs (one since returned): the sum rests on the accepted one only.
    expect(figure.sent).toBe(2);
    expect(figure.expected).toBe(communeIds.length);
    // The commune's compliance counts toward the province's view once the deadline has passed.
    expect(figure.communes.expected).toBe(communeIds.length);
    expect(figure.communes.onTime + figure.communes.late).toBe(2);
    // Another province sees none of Hà Nội's queue; a ministry has no such page.
    const sibling = await call('hp.cv', 'submissions.provinceApprovals', undefined, 'GET');
    expect(sibling.data.pending).toEqual([]);
    expect((await call('yt.cv', 'submissions.provinceApprovals', undefined, 'GET')).status).toBe(403);

    // No form to type the province's own figure in.
    const typed = await call('hn.cv', 'submissions.saveDraft', {
      templateId,
      periodKey,
      values: { households: 1 },
    });
    expect(typed.status).toBe(403);
    expect((await call('hn.ld', 'submissions.sendUp', { templateId, periodKey })).status).toBe(403);
    expect((await call('hp.cv', 'submissions.sendUp', { templateId, periodKey })).status).toBe(409);

    const up = await call('hn.cv', 'submissions.sendUp', { templateId, periodKey });
    expect(up.status, JSON.stringify(up.error)).toBe(200);
    expect(up.data).toMatchObject({ accepted: 1, expected: communeIds.length });
    const signed = await call('hn.ld', 'submissions.approve', {
      id: up.data.id,
      version: up.data.version,
      decision: 'accept',
    });
    expect(signed.status, JSON.stringify(signed.error)).toBe(200);
    const office = await call('vp', 'submissions.review', { ...signed.data, decision: 'accept' });
    expect(office.status, JSON.stringify(office.error)).toBe(200);
    const sentUp = await call('vp', 'submissions.get', { id: up.data.id }, 'GET');
    expect(sentUp.data.revisions[0].values).toMatchObject({ households: 118, online: 30 });
    expect(sentUp.data.revisions[0].coverage).toMatchObject({ accepted: 1, expected: communeIds.length });
    expect(sentUp.data.canEdit).toBe(false);

    // The Office's compliance counts provinces, each by its sent figure; communes are the province's.
    const compliance = await call('vp', 'submissions.compliance', { templateId }, 'GET');
    const levels = new Set(compliance.data.agencies.map((a: { level: string }) => a.level));
    expect([...levels]).toEqual(['provincial']);
    const hn = compliance.data.agencies.find((a: { agencyId: number }) => a.agencyId === hanoi);
    expect(hn.cells[periodKey]).toMatchObject({ stage: 'accepted', submissionId: up.data.id });
  });

  it('sends the figure again, recomputed, after the province leader or the Office sends it back', async () => {
    const earlier = previousPeriod(parsePeriodKey(periodKey)).key;
    const sendAs = async (who: string, values: Record<string, unknown>) => {
      const draft = await call(who, 'submissions.saveDraft', { templateId, periodKey: earlier, values });
      const sent = await call(who, 'submissions.submit', { id: draft.data.id, version: draft.data.version });
      const accepted = await call('hn.cv', 'submissions.provinceReview', {
        ...sent.data,
        decision: 'accept',
      });
      expect(accepted.status, JSON.stringify(accepted.error)).toBe(200);
    };
    await sendAs('xa1.cv', { households: 10, online: 4, notes: '' });
    const first = await call('hn.cv', 'submissions.sendUp', { templateId, periodKey: earlier });
    expect(first.data).toMatchObject({ accepted: 1, revision: 1 });
    // Sent already: not again until it comes back.
    expect((await call('hn.cv', 'submissions.sendUp', { templateId, periodKey: earlier })).status).toBe(409);
    const back = await call('hn.ld', 'submissions.approve', {
      ...first.data,
      decision: 'return',
      comment: 'Chờ đủ báo cáo các xã',
    });
    expect(back.data.state).toBe('draft');
    await sendAs('xa2.cv', { households: 5, online: 5, notes: '' });
    const second = await call('hn.cv', 'submissions.sendUp', { templateId, periodKey: earlier });
    expect(second.data).toMatchObject({ accepted: 2, revision: 1 });
    const signed = await call('hn.ld', 'submissions.approve', { ...second.data, decision: 'accept' });
    const returned = await call('vp', 'submissions.review', {
      ...signed.data,
      decision: 'return',
      comment: 'Đề nghị kiểm tra lại',
    });
    expect(returned.data.state).toBe('returned');
    const third = await call('hn.cv', 'submissions.sendUp', { templateId, periodKey: earlier });
    expect(third.data).toMatchObject({ accepted: 2, revision: 2 });
    const got = await call('vp', 'submissions.get', { id: third.data.id }, 'GET');
    expect(got.data.revisions.map((r: { values: { households: number } }) => r.values.households)).toEqual([
      15, 15,
    ]);
    expect(got.data.revisions[0].reviewComment).toBe('Đề nghị kiểm tra lại');
  });

  it('makes the province figure the sum of its communes’ accepted figures, whatever the others are', async () => {
    const { template, fields } = await loadTemplate(t.database.db, templateId);
    const states = ['draft', 'submitted', 'returned', 'accepted'] as const;
    const db = t.database.db;
    const keys = ['2025-M03', '2025-M04', '2025-M05', '2025-M06', '2025-M07', '2025-M08', '2025-M09'];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            state: fc.constantFrom(...states),
            households: fc.integer({ min: 0, max: 100_000 }),
            online: fc.integer({ min: 0, max: 100_000 }),
          }),
          { minLength: communeIds.length, maxLength: communeIds.length },
        ),
        async (reports) => {
          const key = keys[run++ % keys.length] ?? '2025-M03';
          const old = await db
            .select({ id: submissions.id })
            .from(submissions)
            .where(and(eq(submissions.templateId, templateId), eq(submissions.periodKey, key)));
          if (old.length) {
            const ids = old.map((o) => o.id);
            await db.delete(submissionRevisions).where(inArray(submissionRevisions.submissionId, ids));
            await db.delete(submissions).where(inArray(submissions.id, ids));
          }
          for (const [i, r] of reports.entries()) {
            const [row] = await db
              .insert(submissions)
              .values({
                templateId,
                agencyId: communeIds[i] ?? 0,
                periodKey: key,
                periodEnd: '2025-06-14',
                deadline: '2025-06-20',
                state: r.state,
              })
              .returning({ id: submissions.id });
            await db.insert(submissionRevisions).values({
              submissionId: row?.id ?? 0,
              revision: 1,
              values: { households: r.households, online: r.online, notes: '' },
            });
          }
          const figure = await computeProvinceFigure(db, hanoi, template, fields, key);
          const accepted = reports.filter((r) => r.state === 'accepted');
          expect(figure.accepted).toBe(accepted.length);
          expect(figure.values.households).toBe(
            accepted.length ? accepted.reduce((s, r) => s + r.households, 0) : null,
          );
          expect(figure.values.online).toBe(
            accepted.length ? accepted.reduce((s, r) => s + r.online, 0) : null,
          );
        },
      ),
      { numRuns: 25 },
    );
  });
});
