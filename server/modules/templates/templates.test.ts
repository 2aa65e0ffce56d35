import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodContaining } from '../../../shared/reporting-periods';
import { previousPeriod } from '../../../shared/template-versions';
import { vietnamDate } from '../../../shared/time';
import { auditLog, changeEvents, reportTemplates, submissions, templateFields } from '../../db/schema';
import { createTestApp, createUser } from '../../test/app';

const field = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  labelVi: `Chỉ tiêu ${code}`,
  labelEn: `Indicator ${code}`,
  unit: null,
  type: 'integer',
  required: true,
  min: 0,
  max: null,
  kpiCode: null,
  kpiRole: null,
  ...extra,
});

const rule = (extra: Record<string, unknown>) => ({
  code: 'a_within_b',
  kind: 'compare',
  severity: 'error',
  left: 'a',
  op: 'lte',
  right: 'b',
  messageVi: 'A không được lớn hơn B.',
  messageEn: 'A must not exceed B.',
  ...extra,
});

const newTemplate = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  nameVi: 'Báo cáo thử nghiệm',
  nameEn: 'Trial report',
  periodType: 'quarter',
  deadlineRule: { kind: 'working_days_after_cutoff', days: 5 },
  obligation: { levels: ['provincial'] },
  firstPeriod: '2026-Q1',
  fields: [field('a'), field('b')],
  ...extra,
});

describe('report templates and their versions', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: string;
  let office: string;
  let inspector: string;
  let officer: string;
  let leader: string;
  let monthlyId: number;
  const current = periodContaining('month', vietnamDate(new Date()));
  if (!current) throw new Error('no current month');
  /** The last month that has ended: it gets a submission under version 1. */
  const ended = previousPeriod(current);

  const templateCount = async () => (await t.database.db.select({ n: count() }).from(reportTemplates))[0]?.n;
  const fieldRows = (templateId: number) =>
    t.database.db
      .select({ code: templateFields.code })
      .from(templateFields)
      .where(eq(templateFields.templateId, templateId))
      .orderBy(asc(templateFields.sortOrder));
  const getVersion = async (id: number) =>
    (await t.trpc('templates.get', { id }, { method: 'GET', cookie: admin })).data;

  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t.database, { username: 'qt', role: 'admin', agency: 'Văn phòng Chính phủ' });
    await createUser(t.database, { username: 'vp', role: 'office', agency: 'Văn phòng Chính phủ' });
    await createUser(t.database, { username: 'tt', role: 'inspector', agency: 'Thanh tra Chính phủ' });
    await createUser(t.database, { username: 'hn.cv', role: 'officer', agency: 'Thành phố Hà Nội' });
    await createUser(t.database, { username: 'hn.ld', role: 'leader', agency: 'Thành phố Hà Nội' });
    admin = await t.login('qt');
    office = await t.login('vp');
    inspector = await t.login('tt');
    officer = await t.login('hn.cv');
    leader = await t.login('hn.ld');
    const [monthly] = await t.database.db
      .select()
      .from(reportTemplates)
      .where(eq(reportTemplates.code, 'BC-NV-THANG'));
    monthlyId = monthly?.id ?? 0;
  });
  afterAll(() => t.close());

  it('lets oversight roles read every version with its submissions count; agencies cannot', async () => {
    for (const cookie of [admin, office, inspector]) {
      const list = await t.trpc('templates.list', undefined, { method: 'GET', cookie });
      expect(list.status).toBe(200);
      const monthly = list.data.find((e: { code: string }) => e.code === 'BC-NV-THANG');
      expect(monthly.current).toMatchObject({ version: 1, active: true, submissions: 0 });
    }
    const detail = await getVersion(monthlyId);
    expect(detail.fields.map((f: { code: string }) => f.code)).toContain('tasks_assigned');
    expect(detail.inUse).toBe(false);
    for (const cookie of [officer, leader]) {
      expect((await t.trpc('templates.list', undefined, { method: 'GET', cookie })).status).toBe(403);
      expect((await t.trpc('templates.get', { id: monthlyId }, { method: 'GET', cookie })).status).toBe(403);
    }
    // Agencies keep reading the regimes that oblige them where they always did.
    const obliged = await t.trpc('submissions.templates', undefined, { method: 'GET', cookie: officer });
    expect(obliged.status).toBe(200);
  });

  it('refuses a bad definition naming the input, and saves nothing', async () => {
    const before = await templateCount();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ fields: [field('a'), field('a')] }, 'fields.1.code', 'duplicateFieldCode'],
      [{ fields: [field('Bad Code')] }, 'fields.0.code', 'fieldCodeFormat'],
      [{ fields: [field('a', { min: 10, max: 5 })] }, 'fields.0.max', 'minAboveMax'],
      [
        { fields: [field('a', { kpiCode: 'DV-01', kpiRole: 'numerator' })] },
        'fields.0.kpiRole',
        'kpiDenominatorMissing',
      ],
      [{ firstPeriod: '2026-M01' }, 'firstPeriod', 'periodTypeMismatch'],
      [{ deadlineRule: { kind: 'fixed_day', day: 40, monthsAfter: 0 } }, 'deadlineRule.day', 'aboveMax'],
      [{ obligation: { levels: [] } }, 'obligation.levels', 'obligationEmpty'],
      [
        { fields: [field('a'), field('n', { type: 'text', min: null, systemSource: 'tasks.assigned' })] },
        'fields.1.systemSource',
        'sourceNotNumeric',
      ],
      [{ validationRules: [rule({ right: 'zz' })] }, 'validationRules.0.right', 'unknownRuleField'],
      [
        {
          fields: [field('a'), field('n', { type: 'text', min: null })],
          validationRules: [rule({ left: 'n' })],
        },
        'validationRules.0.left',
        'ruleFieldNotNumeric',
      ],
      [{ validationRules: [rule({}), rule({ op: 'eq' })] }, 'validationRules.1.code', 'duplicateRuleCode'],
      [{ validationRules: [rule({ right: 'a' })] }, 'validationRules.0.right', 'ruleSameField'],
      [{ validationRules: [rule({ code: 'kpi:DV-01' })] }, 'validationRules.0.code', 'ruleCodeFormat'],
      [
        {
          validationRules: [
            { ...rule({}), kind: 'deviation', field: 'a', maxChangePercent: 50, severity: 'error' },
          ],
        },
        'validationRules.0.severity',
        'deviationIsWarning',
      ],
      [
        { validationRules: [{ ...rule({}), kind: 'sum', total: 'a', parts: [] }] },
        'validationRules.0.parts',
        'sumNeedsParts',
      ],
    ];
    for (const [change, path, message] of cases) {
      const res = await t.trpc('templates.create', newTemplate('BC-LOI', change), { cookie: admin });
      expect(res.error.data.appCode, path).toBe('VALIDATION');
      expect(res.error.data.issues[0], path).toMatchObject({ path, message });
    }
    // Rules that need the database: the KPI must be in the catalog, the agencies must exist.
    const unknownKpi = await t.trpc(
      'templates.create',
      newTemplate('BC-LOI', {
        fields: [
          field('x_num', { kpiCode: 'ZZ-99', kpiRole: 'numerator' }),
          field('x_den', { kpiCode: 'ZZ-99', kpiRole: 'denominator' }),
        ],
      }),
      { cookie: admin },
    );
    expect(unknownKpi.error.data).toMatchObject({
      appCode: 'VALIDATION',
      details: { field: 'fields.0.kpiCode', reason: 'unknownKpi' },
    });
    const unknownAgency = await t.trpc(
      'templates.create',
      newTemplate('BC-LOI', { obligation: { agencyIds: [999_999] } }),
      { cookie: admin },
    );
    expect(unknownAgency.error.data.details).toMatchObject({ field: 'obligation', reason: 'unknownAgency' });
    expect(await templateCount()).toBe(before);
  });

  it('creates a regime with KPI pairs, audited and announced; a code is taken only once', async () => {
    const res = await t.trpc(
      'templates.create',
      newTemplate('bc-thu', {
        fields: [
          field('dv_num', { kpiCode: 'DV-01', kpiRole: 'numerator' }),
          field('dv_den', { kpiCode: 'DV-01', kpiRole: 'denominator' }),
          field('ghi_chu', { type: 'text', required: false, min: null }),
          field('giao', { systemSource: 'tasks.assigned' }),
        ],
        validationRules: [
          rule({ code: 'num_le_giao', left: 'dv_num', right: 'giao' }),
          {
            ...rule({ code: 'nhay_vot', severity: 'warning' }),
            kind: 'deviation',
            field: 'dv_num',
            maxChangePercent: 25,
          },
        ],
      }),
      { cookie: admin },
    );
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ code: 'BC-THU', version: 1, created: true });
    expect((await fieldRows(res.data.id)).map((f) => f.code)).toEqual([
      'dv_num',
      'dv_den',
      'ghi_chu',
      'giao',
    ]);
    const created = await getVersion(res.data.id);
    expect(created.template.validationRules.map((r: { code: string }) => r.code)).toEqual([
      'num_le_giao',
      'nhay_vot',
    ]);
    expect(created.fields.find((f: { code: string }) => f.code === 'giao').systemSource).toBe(
      'tasks.assigned',
    );
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'template.create'));
    expect(audit?.username).toBe('qt');
    const events = await t.database.db
      .select()
      .from(changeEvents)
      .where(eq(changeEvents.type, 'template.changed'));
    expect(events.some((e) => (e.payload as { templateId?: number }).templateId === res.data.id)).toBe(true);
    const again = await t.trpc('templates.create', newTemplate('BC-THU'), { cookie: admin });
    expect(again.error.data).toMatchObject({ appCode: 'CONFLICT', details: { field: 'code' } });
  });

  it('edits an unused version in place, with optimistic concurrency', async () => {
    const created = await t.trpc('templates.create', newTemplate('BC-SUA'), { cookie: admin });
    const { id, editVersion } = created.data;
    const body = { ...newTemplate('BC-SUA'), id, editVersion, nameVi: 'Báo cáo đã sửa' };
    const { code: _code, ...update } = body;
    const edited = await t.trpc(
      'templates.update',
      { ...update, fields: [field('a'), field('c')] },
      { cookie: admin },
    );
    expect(edited.data).toMatchObject({ id, version: 1, created: false, editVersion: editVersion + 1 });
    expect((await fieldRows(id)).map((f) => f.code)).toEqual(['a', 'c']);
    const stale = await t.trpc('templates.update', update, { cookie: admin });
    expect(stale.error.data).toMatchObject({ appCode: 'CONFLICT', details: { reason: 'staleVersion' } });
    expect((await getVersion(id)).template.nameVi).toBe('Báo cáo đã sửa');
  });

  it('moves the boundary when an unused newer version is edited, never over submitted periods', async () => {
    const created = await t.trpc(
      'templates.create',
      newTemplate('BC-MOC', { obligation: { levels: ['provincial'] } }),
      { cookie: admin },
    );
    const v1Id = created.data.id;
    const draft = await t.trpc(
      'submissions.saveDraft',
      { templateId: v1Id, periodKey: '2026-Q1', values: { a: 1 } },
      { cookie: officer },
    );
    expect(draft.status).toBe(200);
    const { code: _code, ...body } = newTemplate('BC-MOC');
    const v2 = await t.trpc(
      'templates.update',
      { ...body, id: v1Id, editVersion: created.data.editVersion, firstPeriod: '2026-Q3' },
      { cookie: admin },
    );
    expect(v2.data).toMatchObject({ version: 2, created: true });
    expect((await getVersion(v1Id)).template.lastPeriod).toBe('2026-Q2');
    // Version 2 has no submission: edited in place, and version 1 now ends just before its new start.
    const moved = await t.trpc(
      'templates.update',
      { ...body, id: v2.data.id, editVersion: v2.data.editVersion, firstPeriod: '2026-Q2' },
      { cookie: admin },
    );
    expect(moved.data).toMatchObject({ id: v2.data.id, version: 2, created: false });
    expect((await getVersion(v1Id)).template.lastPeriod).toBe('2026-Q1');
    const over = await t.trpc(
      'templates.update',
      { ...body, id: v2.data.id, editVersion: moved.data.editVersion, firstPeriod: '2026-Q1' },
      { cookie: admin },
    );
    expect(over.error.data.details).toMatchObject({ reason: 'firstPeriodTooEarly', after: '2026-Q1' });
    expect((await getVersion(v1Id)).template.lastPeriod).toBe('2026-Q1');
  });

  it('refuses every write from other roles and changes nothing', async () => {
    const detail = await getVersion(monthlyId);
    const update = {
      id: monthlyId,
      editVersion: detail.template.editVersion,
      nameVi: 'Đổi tên',
      nameEn: 'Renamed',
      periodType: 'month',
      deadlineRule: detail.template.deadlineRule,
      obligation: detail.template.obligation,
      firstPeriod: detail.template.firstPeriod,
      fields: detail.fields,
    };
    const before = await templateCount();
    for (const cookie of [office, inspector, officer, leader]) {
      expect((await t.trpc('templates.create', newTemplate('BC-CAM'), { cookie })).status).toBe(403);
      expect((await t.trpc('templates.update', update, { cookie })).status).toBe(403);
      expect(
        (
          await t.trpc(
            'templates.setActive',
            { id: monthlyId, editVersion: detail.template.editVersion, active: false },
            { cookie },
          )
        ).status,
      ).toBe(403);
    }
    expect(await templateCount()).toBe(before);
    expect((await getVersion(monthlyId)).template).toMatchObject({
      nameVi: detail.template.nameVi,
      active: true,
      editVersion: detail.template.editVersion,
    });
  });

  it('never edits a version in use: a change makes version 2, old submissions keep their fields', async () => {
    // Hà Nội reports the last ended month under version 1 (the system holds none of its tasks here).
    const values = { tasks_assigned: 0, tasks_completed: 0, tasks_overdue: 0 };
    const draft = await t.trpc(
      'submissions.saveDraft',
      { templateId: monthlyId, periodKey: ended.key, values },
      { cookie: officer },
    );
    expect(draft.status).toBe(200);
    const detail = await getVersion(monthlyId);
    expect(detail).toMatchObject({ inUse: true, usage: { submissions: 1, lastUsedPeriod: ended.key } });
    const v1Fields = detail.fields.map((f: { code: string }) => f.code);
    const newFields = [
      ...detail.fields.filter((f: { code: string }) => f.code !== 'notes'),
      field('key_tasks'),
    ];
    const update = {
      id: monthlyId,
      editVersion: detail.template.editVersion,
      nameVi: detail.template.nameVi,
      nameEn: detail.template.nameEn,
      periodType: 'month',
      deadlineRule: { kind: 'working_days_after_cutoff', days: 3 },
      obligation: detail.template.obligation,
      firstPeriod: ended.key,
      fields: newFields,
      validationRules: [
        ...detail.template.validationRules,
        rule({ code: 'key_within_assigned', left: 'key_tasks', right: 'tasks_assigned' }),
      ],
    };
    // The new version cannot start at or before a period that already has submissions.
    const early = await t.trpc('templates.update', update, { cookie: admin });
    expect(early.error.data).toMatchObject({
      appCode: 'VALIDATION',
      details: { field: 'firstPeriod', reason: 'firstPeriodTooEarly', after: ended.key },
    });
    const changeType = await t.trpc(
      'templates.update',
      { ...update, periodType: 'quarter', firstPeriod: '2027-Q1' },
      { cookie: admin },
    );
    expect(changeType.error.data.details).toMatchObject({ field: 'periodType' });

    const versioned = await t.trpc(
      'templates.update',
      { ...update, firstPeriod: current.key },
      { cookie: admin },
    );
    expect(versioned.status).toBe(200);
    expect(versioned.data).toMatchObject({ code: 'BC-NV-THANG', version: 2, created: true });
    const v2Id = versioned.data.id;
    expect(v2Id).not.toBe(monthlyId);

    // Version 1 keeps its fields and rules, and now ends just before version 2, which has its own.
    const v1 = await getVersion(monthlyId);
    expect(v1.fields.map((f: { code: string }) => f.code)).toEqual(v1Fields);
    expect(v1.template.validationRules).toEqual(detail.template.validationRules);
    const v2 = await getVersion(v2Id);
    expect(v2.template.validationRules.map((r: { code: string }) => r.code)).toEqual([
      ...detail.template.validationRules.map((r: { code: string }) => r.code),
      'key_within_assigned',
    ]);
    expect(v2.fields.filter((f: { systemSource: string | null }) => f.systemSource)).toHaveLength(3);
    expect(v1.template).toMatchObject({ lastPeriod: ended.key, deadlineRule: detail.template.deadlineRule });
    expect(v1.editable).toBe(false);
    expect(v1.history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    const again = await t.trpc(
      'templates.update',
      { ...update, editVersion: v1.template.editVersion, firstPeriod: '2027-M06' },
      { cookie: admin },
    );
    expect(again.error.data.details).toMatchObject({ reason: 'notLatestVersion' });

    // The old submission is untouched and still reads (and validates) against version 1's fields.
    const [row] = await t.database.db.select().from(submissions).where(eq(submissions.id, draft.data.id));
    expect(row?.templateId).toBe(monthlyId);
    const old = await t.trpc('submissions.get', { id: draft.data.id }, { method: 'GET', cookie: officer });
    expect(old.data.template.version).toBe(1);
    expect(old.data.fields.map((f: { code: string }) => f.code)).toEqual(v1Fields);
    const oldSaved = await t.trpc(
      'submissions.saveDraft',
      {
        templateId: monthlyId,
        periodKey: ended.key,
        values: { ...values, notes: 'vẫn theo mẫu cũ' },
        version: draft.data.version,
      },
      { cookie: officer },
    );
    expect(oldSaved.status).toBe(200);
    const submitted = await t.trpc(
      'submissions.submit',
      { id: draft.data.id, version: oldSaved.data.version },
      { cookie: officer },
    );
    expect(submitted.status).toBe(200);

    // The current period is collected under version 2, even from a form opened on version 1.
    const refused = await t.trpc(
      'submissions.saveDraft',
      { templateId: monthlyId, periodKey: current.key, values: { notes: 'trường đã bỏ' } },
      { cookie: officer },
    );
    expect(refused.error.data.appCode).toBe('VALIDATION');
    const fresh = await t.trpc(
      'submissions.saveDraft',
      { templateId: monthlyId, periodKey: current.key, values: { key_tasks: 4 } },
      { cookie: officer },
    );
    expect(fresh.status).toBe(200);
    const [freshRow] = await t.database.db
      .select()
      .from(submissions)
      .where(eq(submissions.id, fresh.data.id));
    expect(freshRow?.templateId).toBe(v2Id);

    // My reports: each period once, under the version that collects it.
    const mine = await t.trpc('submissions.mine', undefined, { method: 'GET', cookie: officer });
    const monthly = mine.data.filter((i: { templateCode: string }) => i.templateCode === 'BC-NV-THANG');
    const keys = monthly.map((i: { periodKey: string }) => i.periodKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(monthly.find((i: { periodKey: string }) => i.periodKey === current.key).templateId).toBe(v2Id);
    expect(monthly.find((i: { periodKey: string }) => i.periodKey === ended.key).templateId).toBe(monthlyId);

    // Compliance over the regime counts each agency and period once, whichever version is asked for.
    const byOld = await t.trpc(
      'submissions.compliance',
      { templateId: monthlyId },
      { method: 'GET', cookie: office },
    );
    const byNew = await t.trpc(
      'submissions.compliance',
      { templateId: v2Id },
      { method: 'GET', cookie: office },
    );
    const periodKeys = byOld.data.periods.map((p: { key: string }) => p.key);
    expect(new Set(periodKeys).size).toBe(periodKeys.length);
    expect(periodKeys).toContain(ended.key);
    expect(periodKeys).toContain(current.key);
    expect(byNew.data.totals).toEqual(byOld.data.totals);
    const agencies = byOld.data.agencies.length;
    const duePeriods = byOld.data.periods.filter((p: { due: boolean }) => p.due).length;
    expect(byOld.data.totals.expected).toBe(agencies * duePeriods);
    const hanoi = byOld.data.agencies.find((a: { nameVi: string }) => a.nameVi === 'Thành phố Hà Nội');
    // Sent for the period that ended: counted once its deadline has passed, 'early' until then.
    const endedDue = byOld.data.periods.find((p: { key: string }) => p.key === ended.key).due;
    expect(endedDue ? ['on_time', 'late'] : ['early']).toContain(hanoi.cells[ended.key].state);
    expect(hanoi.cells[current.key].submissionId).toBe(fresh.data.id);
    // The Office's overdue count has one entry for the regime, not one per version.
    const overdue = await t.trpc('submissions.overdueCount', undefined, { method: 'GET', cookie: office });
    expect(overdue.data.perTemplate.filter((p: { code: string }) => p.code === 'BC-NV-THANG')).toHaveLength(
      1,
    );

    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'template.version'), eq(auditLog.entityId, String(v2Id))));
    expect(audit?.username).toBe('qt');
    expect(audit?.after).toMatchObject({ supersedes: { id: monthlyId, lastPeriod: ended.key } });
  });

  it('opens a new report straight into the form of the version collecting its period', async () => {
    const next = await t.trpc(
      'submissions.newForm',
      { templateId: monthlyId, periodKey: current.key },
      { method: 'GET', cookie: officer },
    );
    expect(next.data.template.version).toBe(2);
    expect(next.data.fields.map((f: { code: string }) => f.code)).toContain('key_tasks');
    expect(next.data.submissionId).not.toBeNull();
    expect(next.data.deadline > next.data.period.end).toBe(true);
    const older = await t.trpc(
      'submissions.newForm',
      { templateId: monthlyId, periodKey: previousPeriod(ended).key },
      { method: 'GET', cookie: officer },
    );
    expect(older.data).toMatchObject({ template: { version: 1 }, submissionId: null, canEdit: true });
    expect(older.data.fields.map((f: { code: string }) => f.code)).toContain('notes');
    // Not obliged (a ministry for a provincial regime), or a period not open yet: refused.
    const list = await t.trpc('templates.list', undefined, { method: 'GET', cookie: admin });
    const provincial = list.data.find((e: { code: string }) => e.code === 'BC-THU').current;
    await createUser(t.database, { username: 'yt.cv', role: 'officer', agency: 'Bộ Y tế' });
    const ministry = await t.login('yt.cv');
    const notObliged = await t.trpc(
      'submissions.newForm',
      { templateId: provincial.id, periodKey: '2026-Q1' },
      { method: 'GET', cookie: ministry },
    );
    expect(notObliged.status).toBe(403);
    const future = await t.trpc(
      'submissions.newForm',
      { templateId: monthlyId, periodKey: '2099-M01' },
      { method: 'GET', cookie: officer },
    );
    expect(future.error.data.details).toMatchObject({ field: 'periodKey' });
  });

  it('retires a regime: no longer offered, history kept', async () => {
    const list = await t.trpc('templates.list', undefined, { method: 'GET', cookie: admin });
    const quarterly = list.data.find((e: { code: string }) => e.code === 'BC-CPS-QUY').current;
    const retired = await t.trpc(
      'templates.setActive',
      { id: quarterly.id, editVersion: quarterly.editVersion, active: false },
      { cookie: admin },
    );
    expect(retired.data.active).toBe(false);
    const offered = await t.trpc('submissions.templates', undefined, { method: 'GET', cookie: officer });
    expect(offered.data.map((o: { code: string }) => o.code)).not.toContain('BC-CPS-QUY');
    const mine = await t.trpc('submissions.mine', undefined, { method: 'GET', cookie: officer });
    expect(mine.data.some((i: { templateCode: string }) => i.templateCode === 'BC-CPS-QUY')).toBe(false);
    expect((await getVersion(quarterly.id)).template.active).toBe(false);
  });
});
