import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Period, periodContaining } from '../../../shared/reporting-periods';
import { previousPeriod } from '../../../shared/template-versions';
import { vietnamDate } from '../../../shared/time';
import { reportTemplates, submissionRevisions, submissions } from '../../db/schema';
import { type Cast, ok, startCast, today } from '../../test/tasks';

/**
 * Issue 12: the template's validation rules run on the server at every step that sends figures on
 * (submit, the leader's approval, the Office's acceptance), with the same `evaluateRules` the form
 * runs; the system's own task counts prefill the monthly report and a difference needs a written
 * explanation the reviewers read.
 */
type Values = Record<string, number | string | null>;
interface Field {
  code: string;
  type: string;
  kpiRole: string | null;
  max: number | null;
  min: number | null;
}
interface RuleIssue {
  code: string;
  severity: string;
  fields: string[];
  messageVi: string;
  messageEn: string;
  reference: number | null;
}

describe('validation rules, prefilled figures and explanations', () => {
  let c: Cast;
  let quarterly: number;
  let monthly: number;
  let quarterlyFields: Field[];
  const todayDate = vietnamDate(new Date());
  const quarter = periodContaining('quarter', todayDate) as Period;
  const lastQuarter = previousPeriod(quarter);
  const month = periodContaining('month', todayDate) as Period;

  /** Figures that pass every rule of the quarterly report: each KPI share 30 of 100. */
  const goodQuarter = (patch: Values = {}): Values => {
    const values: Values = {};
    for (const f of quarterlyFields) {
      if (f.type === 'text') values[f.code] = null;
      else if (f.kpiRole === 'denominator') values[f.code] = 100;
      else if (f.kpiRole === 'numerator') values[f.code] = 30;
      else values[f.code] = f.max === 1 ? 1 : (f.min ?? 0) + 1;
    }
    return { ...values, ...patch };
  };

  /** A submission written straight into the database, as seeded or legacy data is, rules or not. */
  async function legacy(
    agencyId: number,
    period: Period,
    state: 'submitted' | 'approved' | 'accepted',
    values: Values,
  ) {
    const [row] = await c.database.db
      .insert(submissions)
      .values({
        templateId: quarterly,
        agencyId,
        periodKey: period.key,
        periodEnd: period.end,
        deadline: period.end,
        state,
        firstSubmittedAt: new Date(),
        acceptedAt: state === 'accepted' ? new Date() : null,
        version: 3,
      })
      .returning({ id: submissions.id });
    if (!row) throw new Error('insert failed');
    await c.database.db.insert(submissionRevisions).values({ submissionId: row.id, revision: 1, values });
    return row.id;
  }

  const saveDraft = (who: 'leadOfficer' | 'coordOfficer' | 'otherOfficer', input: Record<string, unknown>) =>
    c.mutate(who, 'submissions.saveDraft', input);

  beforeAll(async () => {
    c = await startCast();
    const templates = await c.database.db.select().from(reportTemplates);
    quarterly = templates.find((t) => t.code === 'BC-CPS-QUY')?.id ?? 0;
    monthly = templates.find((t) => t.code === 'BC-NV-THANG')?.id ?? 0;
    const form = ok(
      await c.query('otherOfficer', 'submissions.newForm', { templateId: quarterly, periodKey: quarter.key }),
    );
    quarterlyFields = form.fields;
  });
  afterAll(() => c.close());

  it('names, for the form to group them under, exactly the KPIs the template’s fields feed', async () => {
    const form = ok(
      await c.query('otherOfficer', 'submissions.newForm', { templateId: quarterly, periodKey: quarter.key }),
    );
    const fed = new Set(form.fields.map((f: { kpiCode: string | null }) => f.kpiCode).filter(Boolean));
    const named = form.kpis.map((k: { code: string }) => k.code);
    expect(new Set(named)).toEqual(fed);
    const dv01 = form.kpis.find((k: { code: string }) => k.code === 'DV-01');
    expect(dv01?.nameVi).toMatch(/^Tỷ lệ thủ tục hành chính/);
  });

  it('refuses 80 of 50 at submission, naming the rule in both languages; the draft itself is kept', async () => {
    const saved = await saveDraft('otherOfficer', {
      templateId: quarterly,
      periodKey: quarter.key,
      values: goodQuarter({ dv_01_num: 80, dv_01_den: 50 }),
    });
    expect(saved.status).toBe(200);
    expect(saved.data.issues).toEqual([
      expect.objectContaining({ code: 'kpi:DV-01', severity: 'error', fields: ['dv_01_num', 'dv_01_den'] }),
    ]);
    const refused = await c.mutate('otherOfficer', 'submissions.submit', {
      id: saved.data.id,
      version: saved.data.version,
    });
    expect(refused.status).toBe(400);
    expect(refused.error.data.appCode).toBe('VALIDATION');
    expect(refused.error.data.details).toMatchObject({ reason: 'rules', field: 'dv_01_num' });
    const [issue] = refused.error.data.details.ruleIssues as RuleIssue[];
    expect(issue).toMatchObject({
      code: 'kpi:DV-01',
      messageVi: 'Tử số không được lớn hơn mẫu số (DV-01).',
      messageEn: 'The numerator must not exceed the denominator (DV-01).',
    });
    const [row] = await c.database.db.select().from(submissions).where(eq(submissions.id, saved.data.id));
    expect(row?.state).toBe('draft');

    // 200 of 100 too; 50 of 50 goes.
    const again = ok(
      await saveDraft('otherOfficer', {
        templateId: quarterly,
        periodKey: quarter.key,
        values: goodQuarter({ dv_01_num: 200, dv_01_den: 100 }),
        version: saved.data.version,
      }),
    );
    expect(
      (await c.mutate('otherOfficer', 'submissions.submit', { id: again.id, version: again.version })).status,
    ).toBe(400);
    const fixed = ok(
      await saveDraft('otherOfficer', {
        templateId: quarterly,
        periodKey: quarter.key,
        values: goodQuarter({ dv_01_num: 50, dv_01_den: 50 }),
        version: again.version,
      }),
    );
    expect(fixed.issues).toEqual([]);
    expect(
      (await c.mutate('otherOfficer', 'submissions.submit', { id: fixed.id, version: fixed.version })).status,
    ).toBe(200);
  });

  it('refuses to approve or accept figures saved before the rules (a legacy 80 of 50), but lets them be returned', async () => {
    const bad = goodQuarter({ dv_01_num: 80, dv_01_den: 50 });
    const awaitingOffice = await legacy(c.agency.finance, lastQuarter, 'approved', bad);
    const accept = await c.mutate('office', 'submissions.review', {
      id: awaitingOffice,
      version: 3,
      decision: 'accept',
    });
    expect(accept.status).toBe(400);
    expect(accept.error.data.details.reason).toBe('rules');
    expect(accept.error.data.details.ruleIssues.map((i: RuleIssue) => i.code)).toEqual(['kpi:DV-01']);
    const [still] = await c.database.db.select().from(submissions).where(eq(submissions.id, awaitingOffice));
    expect(still?.state).toBe('approved');
    const returned = await c.mutate('office', 'submissions.review', {
      id: awaitingOffice,
      version: 3,
      decision: 'return',
      comment: 'Tử số DV-01 lớn hơn mẫu số.',
    });
    expect(returned.data.state).toBe('returned');

    const awaitingLeader = await legacy(c.agency.finance, previousPeriod(lastQuarter), 'submitted', bad);
    const approve = await c.mutate('leadLeader', 'submissions.approve', {
      id: awaitingLeader,
      version: 3,
      decision: 'accept',
    });
    expect(approve.status).toBe(400);
    expect(approve.error.data.details.reason).toBe('rules');
  });

  it('asks for an explanation of a value far from the last accepted period; the reviewers read it', async () => {
    await legacy(c.agency.hanoi, lastQuarter, 'accepted', goodQuarter({ dv_01_num: 20 }));
    const saved = ok(
      await saveDraft('coordOfficer', {
        templateId: quarterly,
        periodKey: quarter.key,
        values: goodQuarter({ dv_01_num: 40 }),
      }),
    );
    expect(saved.issues).toEqual([
      expect.objectContaining({
        code: 'dv_01_change',
        severity: 'warning',
        fields: ['dv_01_num'],
        reference: 20,
      }),
    ]);
    const refused = await c.mutate('coordOfficer', 'submissions.submit', {
      id: saved.id,
      version: saved.version,
    });
    expect(refused.status).toBe(400);
    expect(refused.error.data.details.ruleIssues.map((i: RuleIssue) => i.code)).toEqual(['dv_01_change']);

    // A blank explanation is no explanation.
    const blank = ok(
      await saveDraft('coordOfficer', {
        templateId: quarterly,
        periodKey: quarter.key,
        values: goodQuarter({ dv_01_num: 40 }),
        explanations: { dv_01_change: '   ' },
        version: saved.version,
      }),
    );
    expect(
      (await c.mutate('coordOfficer', 'submissions.submit', { id: blank.id, version: blank.version })).status,
    ).toBe(400);

    const why = 'Thành phố rà soát lại danh mục thủ tục sau sắp xếp đơn vị hành chính.';
    const explained = ok(
      await saveDraft('coordOfficer', {
        templateId: quarterly,
        periodKey: quarter.key,
        values: goodQuarter({ dv_01_num: 40 }),
        explanations: { dv_01_change: `  ${why} `, gone_rule: 'không còn cảnh báo này' },
        version: blank.version,
      }),
    );
    const submitted = ok(
      await c.mutate('coordOfficer', 'submissions.submit', { id: explained.id, version: explained.version }),
    );
    const approved = ok(
      await c.mutate('coordLeader', 'submissions.approve', {
        id: explained.id,
        version: submitted.version,
        decision: 'accept',
      }),
    );
    const accepted = ok(
      await c.mutate('office', 'submissions.review', {
        id: explained.id,
        version: approved.version,
        decision: 'accept',
      }),
    );
    expect(accepted.state).toBe('accepted');

    for (const who of ['office', 'inspector'] as const) {
      const detail = ok(await c.query(who, 'submissions.get', { id: explained.id }));
      // Only the explanation of the warning raised goes on with the figures.
      expect(detail.revisions[0].explanations).toEqual({ dv_01_change: why });
      expect(detail.previousPeriods[0]).toMatchObject({
        periodKey: lastQuarter.key,
        values: { dv_01_num: 20 },
      });
      expect(detail.rules.map((r: { code: string }) => r.code)).toContain('dv_01_change');
    }
    // The inspector's export of the report's history carries it too.
    const csv = await c.t.app.inject({
      url: `/export/submissions/${explained.id}/history.csv`,
      headers: { cookie: c.cookie.inspector },
    });
    expect(csv.body).toContain(`dv_01_change: ${why}`);
  });

  it('prefills the monthly report with the counts the system holds; reporting otherwise needs an explanation', async () => {
    await c.newTask({ deadline: today(20) });
    await c.newTask({ deadline: today(25) });
    await c.newTask({ deadline: today(-3) });
    const form = ok(
      await c.query('leadOfficer', 'submissions.newForm', { templateId: monthly, periodKey: month.key }),
    );
    expect(form.systemValues).toEqual({ tasks_assigned: 3, tasks_completed: 0, tasks_overdue: 1 });
    expect(form.fields.filter((f: { systemSource: string | null }) => f.systemSource).length).toBe(3);

    const asHeld = { ...form.systemValues, notes: null };
    const first = ok(
      await saveDraft('leadOfficer', { templateId: monthly, periodKey: month.key, values: asHeld }),
    );
    expect(first.issues).toEqual([]);

    const otherwise = ok(
      await saveDraft('leadOfficer', {
        templateId: monthly,
        periodKey: month.key,
        values: { ...asHeld, tasks_assigned: 37 },
        version: first.version,
      }),
    );
    expect(otherwise.issues).toEqual([
      expect.objectContaining({
        code: 'source:tasks_assigned',
        severity: 'warning',
        reference: 3,
        messageVi: expect.stringContaining('khác số liệu hệ thống'),
      }),
    ]);
    const refused = await c.mutate('leadOfficer', 'submissions.submit', {
      id: otherwise.id,
      version: otherwise.version,
    });
    expect(refused.error.data.details.ruleIssues.map((i: RuleIssue) => i.code)).toEqual([
      'source:tasks_assigned',
    ]);

    const why = 'Gồm 34 nhiệm vụ giao bằng văn bản giấy trước khi hệ thống vận hành.';
    const explained = ok(
      await saveDraft('leadOfficer', {
        templateId: monthly,
        periodKey: month.key,
        values: { ...asHeld, tasks_assigned: 37 },
        explanations: { 'source:tasks_assigned': why },
        version: otherwise.version,
      }),
    );
    ok(await c.mutate('leadOfficer', 'submissions.submit', { id: explained.id, version: explained.version }));
    const detail = ok(await c.query('leadLeader', 'submissions.get', { id: explained.id }));
    expect(detail.systemValues).toEqual({ tasks_assigned: 3, tasks_completed: 0, tasks_overdue: 1 });
    expect(detail.revisions[0].explanations).toEqual({ 'source:tasks_assigned': why });
    expect(detail.canApprove).toBe(true);
  });

  it('tells the Office a report still waits for the agency leader, not that its page is stale', async () => {
    const [row] = await c.database.db
      .select()
      .from(submissions)
      .where(and(eq(submissions.templateId, monthly), eq(submissions.agencyId, c.agency.finance)));
    expect(row?.state).toBe('submitted');
    const id = row?.id ?? 0;
    for (const version of [row?.version ?? 1, 1]) {
      const early = await c.mutate('office', 'submissions.review', { id, version, decision: 'accept' });
      expect(early.status).toBe(409);
      expect(early.error.data.details.reason).toBe('awaitingApproval');
    }
    const seen = ok(await c.query('office', 'submissions.get', { id }));
    expect(seen).toMatchObject({ awaitingApproval: true, canReview: false });
    const byLeader = ok(await c.query('leadLeader', 'submissions.get', { id }));
    expect(byLeader.awaitingApproval).toBe(false);
  });
});
