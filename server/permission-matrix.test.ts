import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_INT4 } from '../shared/api-limits';
import type { LiveMessage } from '../shared/live-events';
import { periodContaining, periodOf } from '../shared/reporting-periods';
import type { Role } from '../shared/roles';
import { shiftDate, vietnamDate } from '../shared/time';
import { appRouter } from './app-router';
import { agencies, auditLog, changeEvents, reportTemplates } from './db/schema';
import { getCompliance } from './modules/submissions/queries';
import { createTestApp, createUser, TEST_PASSWORD } from './test/app';
import { readSse } from './test/sse';

/**
 * The permission matrix, generated from the router: every procedure the app router has must have a
 * row for every actor below (else this file fails), and every row is a real call against one seeded
 * app, whose status and app code are checked. The actors are the five roles, agency staff on both sides
 * of a row owned by agency A (Bộ Tài chính): A's own officer and leader, and B's (Bộ Y tế), who may not
 * see A's unpublished work; and nobody signed in. Reading what you may not see answers NOT_FOUND, as a
 * missing id does, so sequential ids do not tell what exists; FORBIDDEN is for a role that may not call
 * the procedure at all, or a row it may see but not act on.
 */

const ACTORS = [
  'anon',
  'admin',
  'office',
  'inspector',
  'officerA',
  'leaderA',
  'officerB',
  'leaderB',
] as const;
type Actor = (typeof ACTORS)[number];

/**
 * `ok`: answered 200 (a read of a task with its details); `hidden`: answered 200 without the row's
 * details (another agency's task: its progress, requests and audit withheld).
 */
/**
 * BAD_REQUEST and CONFLICT: let through to the procedure's own checks, which refuse the input (a wrong
 * code) or the account's state (MFA not on).
 */
type Outcome = 'ok' | 'hidden' | 'BAD_REQUEST' | 'CONFLICT' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';
type Rows = Record<Actor, Outcome>;

const STAFF: Record<Exclude<Actor, 'anon'>, { username: string; role: Role; agency: string }> = {
  admin: { username: 'm.qt', role: 'admin', agency: 'Văn phòng Chính phủ' },
  office: { username: 'm.vp', role: 'office', agency: 'Văn phòng Chính phủ' },
  inspector: { username: 'm.tt', role: 'inspector', agency: 'Thanh tra Chính phủ' },
  officerA: { username: 'm.a.cv', role: 'officer', agency: 'Bộ Tài chính' },
  leaderA: { username: 'm.a.ld', role: 'leader', agency: 'Bộ Tài chính' },
  officerB: { username: 'm.b.cv', role: 'officer', agency: 'Bộ Y tế' },
  leaderB: { username: 'm.b.ld', role: 'leader', agency: 'Bộ Y tế' },
};

/** Everyone signed in gets `outcome`; nobody signed in is UNAUTHORIZED. */
const signedIn = (outcome: Outcome, overrides: Partial<Rows> = {}): Rows => ({
  anon: 'UNAUTHORIZED',
  admin: outcome,
  office: outcome,
  inspector: outcome,
  officerA: outcome,
  leaderA: outcome,
  officerB: outcome,
  leaderB: outcome,
  ...overrides,
});
/** Only these actors are answered (`ok`); every other signed-in actor is FORBIDDEN by role. */
const onlyFor = (actors: Exclude<Actor, 'anon'>[], overrides: Partial<Rows> = {}): Rows => ({
  ...signedIn('FORBIDDEN'),
  ...Object.fromEntries(actors.map((a) => [a, 'ok'])),
  ...overrides,
});
const OVERSIGHT: Exclude<Actor, 'anon'>[] = ['admin', 'office', 'inspector'];

const procedures = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string } }> } })._def
    .procedures,
).map(([path, p]) => ({ path, type: p._def.type }));
const typeOf = Object.fromEntries(procedures.map((p) => [p.path, p.type]));

let serial = 0;
const unique = (label: string) => `${label}-${++serial}-${Math.random().toString(36).slice(2, 8)}`;

describe('the permission matrix', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let base: string;
  const cookie = {} as Record<Exclude<Actor, 'anon'>, string>;
  const agency = { A: 0, B: 0, province: 0 };
  let monthlyTemplateId = 0;
  const months: string[] = [];

  async function ok(who: Exclude<Actor, 'anon'>, path: string, input: unknown) {
    const method = typeOf[path] === 'query' ? 'GET' : 'POST';
    const res = await t.trpc(path, input, { method, cookie: cookie[who] });
    if (res.status !== 200) throw new Error(`${path} by ${who}: ${res.status} ${JSON.stringify(res.error)}`);
    return res.data;
  }

  const today = (days = 0) => shiftDate(vietnamDate(new Date()), days);

  // Throwaway rows of agency A, each made through the API by those who may.
  async function newTask(): Promise<number> {
    const doc = await ok('office', 'tasks.createDocument', {
      number: unique('QĐ'),
      kind: 'decision',
      issuedOn: today(-5),
      signer: 'Phó Thủ tướng',
      title: 'Văn bản của ma trận quyền',
      tasks: [{ title: unique('Nhiệm vụ'), leadAgencyId: agency.A, deadline: today(30) }],
    });
    return doc.taskIds[0];
  }
  async function taskVersion(id: number): Promise<number> {
    return (await ok('office', 'tasks.get', { id })).task.version;
  }
  async function newExtension() {
    const taskId = await newTask();
    await ok('officerA', 'tasks.requestExtension', {
      taskId,
      requestedDeadline: today(60),
      reason: 'Cần thêm thời gian',
      idempotencyKey: unique('ext'),
    });
    const ext = (await ok('office', 'tasks.get', { id: taskId })).extensions[0];
    return { id: ext.id as number, version: ext.version as number };
  }
  async function newCompletion(leaderApproved: boolean) {
    const taskId = await newTask();
    await ok('officerA', 'tasks.reportCompletion', {
      taskId,
      result: 'Đã ban hành văn bản',
      completionDate: today(),
      idempotencyKey: unique('done'),
    });
    let c = (await ok('office', 'tasks.get', { id: taskId })).completions[0];
    if (leaderApproved) {
      await ok('leaderA', 'tasks.approveCompletion', { id: c.id, version: c.version, decision: 'accept' });
      c = (await ok('office', 'tasks.get', { id: taskId })).completions[0];
    }
    return { id: c.id as number, version: c.version as number };
  }
  /** An explanation request on a new task of agency A, moved on to `state`. */
  async function newExplanation(state: 'awaiting_answer' | 'awaiting_leader' | 'awaiting_office') {
    const taskId = await newTask();
    let e = await ok('office', 'accountability.requestExplanation', {
      taskId,
      reason: 'Nhiệm vụ chậm tiến độ',
      workingDays: 5,
      idempotencyKey: unique('gt'),
    });
    let version = 1;
    if (state !== 'awaiting_answer') {
      e = await ok('officerA', 'accountability.answerExplanation', {
        id: e.id,
        version: version++,
        cause: 'Thiếu nhân lực',
        remedy: 'Bổ sung nhân lực',
        committedDate: today(20),
      });
    }
    if (state === 'awaiting_office') {
      e = await ok('leaderA', 'accountability.decideExplanation', {
        id: e.id,
        version: version++,
        step: 'approve',
      });
    }
    return { id: e.id as number, version };
  }
  /** A submission of agency A for a period of its own, moved on to `state`. */
  async function newSubmission(state: 'draft' | 'submitted' | 'approved' | 'accepted') {
    const periodKey = months.shift();
    if (!periodKey) throw new Error('out of periods');
    const values = { tasks_assigned: 0, tasks_completed: 0, tasks_overdue: 0, notes: '' };
    let s = await ok('officerA', 'submissions.saveDraft', {
      templateId: monthlyTemplateId,
      periodKey,
      values,
    });
    if (state !== 'draft') s = await ok('officerA', 'submissions.submit', { id: s.id, version: s.version });
    if (state === 'approved' || state === 'accepted')
      s = await ok('leaderA', 'submissions.approve', { id: s.id, version: s.version, decision: 'accept' });
    if (state === 'accepted')
      s = await ok('office', 'submissions.review', { id: s.id, version: s.version, decision: 'accept' });
    return { id: s.id as number, version: s.version as number };
  }
  const newTemplate = () => ({
    code: unique('MT').toUpperCase(),
    nameVi: 'Báo cáo của ma trận',
    nameEn: 'Matrix report',
    periodType: 'quarter',
    deadlineRule: { kind: 'working_days_after_cutoff', days: 5 },
    obligation: { levels: ['provincial'] },
    firstPeriod: '2026-Q1',
    fields: [
      {
        code: 'a',
        labelVi: 'Chỉ tiêu a',
        labelEn: 'Indicator a',
        unit: null,
        type: 'integer',
        required: true,
        min: 0,
        max: null,
        kpiCode: null,
        kpiRole: null,
      },
    ],
  });
  async function createdTemplate() {
    const body = newTemplate();
    const created = await ok('admin', 'templates.create', body);
    const { code: _code, ...update } = body;
    return { ...update, id: created.id as number, editVersion: created.editVersion as number };
  }
  async function newUser() {
    const created = await ok('admin', 'users.create', {
      username: unique('m.moi').toLowerCase(),
      fullName: 'Người dùng tạm',
      role: 'officer',
      agencyId: agency.A,
      password: 'mat-khau-rat-dai-2026',
    });
    return created.id as number;
  }
  let holidayDay = 0;
  /** A weekday of 2031 no one has listed (the seeded calendar ends in 2030). */
  function freeWeekday(): string {
    for (;;) {
      const date = shiftDate('2031-01-05', ++holidayDay);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) return date;
    }
  }
  async function newHoliday() {
    const date = freeWeekday();
    await ok('admin', 'holidays.add', { date, nameVi: 'Ngày nghỉ thử', nameEn: 'Trial day off' });
    return date;
  }
  async function newAgency() {
    return (
      await ok('admin', 'agencies.create', {
        code: unique('MA').toUpperCase(),
        nameVi: unique('Cơ quan thử'),
        nameEn: unique('Trial agency'),
        kind: 'ministry',
      })
    ).id as number;
  }

  const missingReports: string[] = [];
  /** Rows shared by the denials (a refused call changes nothing, as the test checks). */
  const fx = {
    missingReport: '',
    task: 0,
    extension: { id: 0, version: 0 },
    completion: { id: 0, version: 0 },
    completionApproved: { id: 0, version: 0 },
    draft: { id: 0, version: 0 },
    submitted: { id: 0, version: 0 },
    approved: { id: 0, version: 0 },
    accepted: { id: 0, version: 0 },
    documentId: 0,
    template: {} as Awaited<ReturnType<typeof createdTemplate>>,
    userId: 0,
    holiday: '',
    agencyId: 0,
    evidenceId: 0,
    explanationAsked: { id: 0, version: 0 },
    explanationAnswered: { id: 0, version: 0 },
    explanationApproved: { id: 0, version: 0 },
  };

  interface Case {
    /** What the row is, when a procedure has more than one. */
    label?: string;
    /** The call's input; `fresh` when the call should succeed, so it acts on a throwaway row. */
    input: (fresh: boolean) => unknown;
    rows: Rows;
    /** Who sends the bad-input probes when nobody here is answered `ok` (a role the guard lets through). */
    probeAs?: Exclude<Actor, 'anon'>;
  }
  const period = () => months[0] ?? '2026-M01';
  const progressInput = (taskId: number) => ({
    taskId,
    percent: 10,
    narrative: 'Tiến độ nội bộ',
    idempotencyKey: unique('p'),
  });

  /** Every procedure of the router, with its rows. */
  const MATRIX: Record<string, Case[]> = {
    // Reminders and explanations are the lead agency's business and oversight's: B is told NOT_FOUND.
    'accountability.forTask': [
      {
        input: () => ({ taskId: fx.task }),
        rows: signedIn('ok', { officerB: 'NOT_FOUND', leaderB: 'NOT_FOUND' }),
      },
    ],
    'accountability.remind': [
      {
        input: async (fresh) => ({
          taskIds: [fresh ? await newTask() : fx.task],
          message: 'Đề nghị khẩn trương hoàn thành',
          idempotencyKey: unique('dd'),
        }),
        rows: onlyFor(['office']),
      },
    ],
    'accountability.remindMatching': [
      {
        input: async (fresh) => ({
          filter: {
            documentId: fresh
              ? (await ok('office', 'tasks.get', { id: await newTask() })).document.id
              : fx.documentId,
          },
          message: 'Đề nghị khẩn trương hoàn thành',
          idempotencyKey: unique('dd'),
        }),
        rows: onlyFor(['office']),
      },
    ],
    'accountability.requestExplanation': [
      {
        input: async (fresh) => ({
          taskId: fresh ? await newTask() : fx.task,
          reason: 'Quá hạn chưa hoàn thành',
          workingDays: 5,
          idempotencyKey: unique('gt'),
        }),
        rows: onlyFor(['office']),
      },
    ],
    'accountability.answerExplanation': [
      {
        input: async (fresh) => ({
          ...(fresh ? await newExplanation('awaiting_answer') : fx.explanationAsked),
          cause: 'Thiếu kinh phí',
          remedy: 'Bố trí kinh phí',
          committedDate: today(30),
        }),
        rows: onlyFor(['officerA'], { officerB: 'NOT_FOUND' }),
      },
    ],
    // Only the lead agency's leader approves (the Office may read the request, not take its step).
    'accountability.decideExplanation': [
      {
        label: 'the leader approves',
        input: async (fresh) => ({
          ...(fresh ? await newExplanation('awaiting_leader') : fx.explanationAnswered),
          step: 'approve',
        }),
        rows: onlyFor(['leaderA'], { leaderB: 'NOT_FOUND' }),
      },
      {
        label: 'the Office accepts',
        input: async (fresh) => ({
          ...(fresh ? await newExplanation('awaiting_office') : fx.explanationApproved),
          step: 'accept',
        }),
        rows: onlyFor(['office'], { leaderB: 'NOT_FOUND' }),
      },
    ],
    // A report obligation of agency A (a missing monthly report): the same rules as a task's.
    'accountability.forReport': [
      {
        input: () => ({ templateId: monthlyTemplateId, agencyId: agency.A, periodKey: fx.missingReport }),
        rows: signedIn('ok', { officerB: 'NOT_FOUND', leaderB: 'NOT_FOUND' }),
      },
    ],
    'accountability.forAgency': [
      {
        input: () => ({ agencyId: agency.A }),
        rows: signedIn('ok', { officerB: 'NOT_FOUND', leaderB: 'NOT_FOUND' }),
      },
    ],
    'accountability.remindReports': [
      {
        input: () => ({
          templateId: monthlyTemplateId,
          periodKey: fx.missingReport,
          agencyIds: [agency.A],
          message: 'Đề nghị gửi báo cáo',
          idempotencyKey: unique('ddbc'),
        }),
        rows: onlyFor(['office']),
      },
    ],
    // Who a period's reminder would reach: the Office's question before it sends.
    'accountability.reportsToRemind': [
      {
        input: () => ({ templateId: monthlyTemplateId, periodKey: fx.missingReport }),
        rows: onlyFor(['office']),
      },
    ],
    'accountability.requestReportExplanation': [
      {
        input: (fresh) => ({
          templateId: monthlyTemplateId,
          agencyId: agency.A,
          periodKey: fresh ? missingReports.shift() : fx.missingReport,
          reason: 'Báo cáo quá hạn chưa gửi',
          workingDays: 5,
          idempotencyKey: unique('gtbc'),
        }),
        rows: onlyFor(['office']),
      },
    ],
    'accountability.notifications': [{ input: () => undefined, rows: signedIn('ok') }],
    // National figures, as the dashboard's: every signed-in user.
    'accountability.summary': [{ input: () => undefined, rows: signedIn('ok') }],
    // On the caller's own notifications only (none of another user's can be named).
    'accountability.markRead': [{ input: () => ({ upTo: 1 }), rows: signedIn('ok') }],
    // Escalation rules are the administrator's settings; a task's level is as public as its status
    // (the steps taken on it are withheld from other agencies: server/modules/escalation).
    'escalation.rules': [{ input: () => undefined, rows: onlyFor(['admin']) }],
    'escalation.updateRule': [
      {
        input: async () => {
          const rules = (await ok('admin', 'escalation.rules', undefined)) as {
            kind: string;
            version: number;
          }[];
          const version = rules.find((r) => r.kind === 'overdue')?.version ?? 0;
          return { kind: 'overdue', enabled: true, params: {}, version };
        },
        rows: onlyFor(['admin']),
      },
    ],
    'escalation.forTask': [{ input: () => ({ taskId: fx.task }), rows: signedIn('ok') }],
    // The steps taken on a report obligation of agency A: its requests' readers only.
    'escalation.forReport': [
      {
        input: () => ({ templateId: monthlyTemplateId, agencyId: agency.A, periodKey: fx.missingReport }),
        rows: signedIn('ok', { officerB: 'NOT_FOUND', leaderB: 'NOT_FOUND' }),
      },
    ],
    // Each user's own mail address and choices; the outbox (every mail, to anyone) is the administrator's.
    'mail.settings': [{ input: () => undefined, rows: signedIn('ok') }],
    'mail.digestPreview': [{ input: () => undefined, rows: signedIn('ok') }],
    'mail.updateSettings': [
      {
        input: () => ({ email: '', preferences: [{ kind: 'reminder', delivery: 'immediate' }] }),
        rows: signedIn('ok'),
      },
    ],
    'mail.outbox': [{ input: () => ({ page: 1 }), rows: onlyFor(['admin']) }],
    'auth.me': [{ input: () => undefined, rows: signedIn('ok', { anon: 'ok' }) }],
    // The caller's own language only (Vietnamese, as every account of the matrix has it).
    'auth.setLanguage': [{ input: () => ({ language: 'vi' }), rows: signedIn('ok') }],
    'auth.login': [
      {
        input: () => ({ username: 'm.dangnhap', password: 'Mật-khẩu-thử-2026' }),
        rows: signedIn('ok', { anon: 'ok' }),
      },
    ],
    // Each signed-in actor logs out of a session of its own, opened for the row.
    'auth.logout': [{ input: () => undefined, rows: signedIn('ok') }],
    // Each signed-in actor changes the password of a throwaway account of its own role and agency
    // (opened for the row): the procedure acts on the caller's own account only.
    'auth.changePassword': [
      {
        input: () => ({ currentPassword: TEST_PASSWORD, newPassword: unique('Một cụm từ mới rất dài') }),
        rows: signedIn('ok'),
      },
    ],
    // The second factor's steps, on the caller's own account; a full session is past the 'mfa' step.
    'auth.verifyMfa': [{ input: () => ({ code: '123456' }), rows: signedIn('UNAUTHORIZED') }],
    'auth.mfaStatus': [{ input: () => undefined, rows: signedIn('ok') }],
    'auth.beginEnrollment': [{ input: () => undefined, rows: signedIn('ok') }],
    // Through to the code check (a wrong code): no staff account of the matrix turns MFA on.
    'auth.confirmEnrollment': [{ input: () => ({ code: '000000' }), rows: signedIn('BAD_REQUEST') }],
    // Through to the account's state: MFA is not on for these accounts.
    'auth.regenerateRecoveryCodes': [{ input: () => ({ code: '000000' }), rows: signedIn('CONFLICT') }],
    'auth.disableMfa': [{ input: () => ({ code: '000000' }), rows: signedIn('CONFLICT') }],
    'agencies.list': [{ input: () => ({}), rows: signedIn('ok') }],
    'agencies.countsByLevel': [{ input: () => undefined, rows: signedIn('ok') }],
    'agencies.create': [
      {
        input: () => ({
          code: unique('MA').toUpperCase(),
          nameVi: unique('Cơ quan'),
          nameEn: unique('Agency'),
          kind: 'ministry',
        }),
        rows: onlyFor(['admin']),
      },
    ],
    'agencies.rename': [
      {
        input: async (fresh) => ({
          id: fresh ? await newAgency() : fx.agencyId,
          nameVi: unique('Tên mới'),
          nameEn: unique('New name'),
        }),
        rows: onlyFor(['admin']),
      },
    ],
    'agencies.importPreview': [
      {
        input: () => ({
          csv: `code,name_vi,name_en,kind\n${unique('NK').toUpperCase()},Cơ quan nhập,Imported agency,ministry`,
          effectiveOn: '2026-01-01',
        }),
        rows: onlyFor(['admin']),
      },
    ],
    'agencies.importApply': [
      {
        input: () => ({
          csv: `code,name_vi,name_en,kind\n${unique('NK').toUpperCase()},${unique('Cơ quan nhập')},Imported agency,ministry`,
          effectiveOn: '2026-01-01',
        }),
        rows: onlyFor(['admin']),
      },
    ],
    'users.list': [{ input: () => ({}), rows: onlyFor(['admin']) }],
    'users.create': [
      {
        input: () => ({
          username: unique('m.tao').toLowerCase(),
          fullName: 'Người mới',
          role: 'officer',
          agencyId: agency.A,
          password: 'mat-khau-rat-dai-2026',
        }),
        rows: onlyFor(['admin']),
      },
    ],
    'users.update': [
      {
        input: async (fresh) => ({ id: fresh ? await newUser() : fx.userId, fullName: 'Tên đã sửa' }),
        rows: onlyFor(['admin']),
      },
    ],
    'users.resetPassword': [
      {
        input: async (fresh) => ({
          id: fresh ? await newUser() : fx.userId,
          password: 'mat-khau-moi-2026-x',
        }),
        rows: onlyFor(['admin']),
      },
    ],
    'users.resetMfa': [
      { input: async (fresh) => ({ id: fresh ? await newUser() : fx.userId }), rows: onlyFor(['admin']) },
    ],
    'users.unlock': [
      { input: async (fresh) => ({ id: fresh ? await newUser() : fx.userId }), rows: onlyFor(['admin']) },
    ],
    'users.loginFailures': [{ input: () => ({}), rows: onlyFor(['admin']) }],
    'apiTokens.list': [{ input: () => ({}), rows: onlyFor(['admin']) }],
    'apiTokens.issue': [
      {
        input: () => ({
          name: unique('Hệ thống'),
          agencyId: agency.A,
          capabilities: ['data:read'],
          expiresOn: today(30),
        }),
        rows: onlyFor(['admin']),
      },
    ],
    'apiTokens.revoke': [
      {
        input: async () => ({
          id: (
            await ok('admin', 'apiTokens.issue', {
              name: unique('Hệ thống'),
              agencyId: agency.A,
              capabilities: ['data:read'],
              expiresOn: today(30),
            })
          ).id,
        }),
        rows: onlyFor(['admin']),
      },
    ],
    'tasks.list': [{ input: () => ({}), rows: signedIn('ok') }],
    'tasks.inbox': [{ input: () => ({}), rows: signedIn('ok') }],
    'tasks.counts': [{ input: () => ({}), rows: signedIn('ok') }],
    'tasks.dashboard': [{ input: () => undefined, rows: signedIn('ok') }],
    'tasks.agencyRanking': [{ input: () => ({}), rows: signedIn('ok') }],
    // A task is public; its progress, requests and audit are for oversight and its agencies.
    'tasks.get': [
      {
        input: () => ({ id: fx.task }),
        rows: signedIn('ok', { officerB: 'hidden', leaderB: 'hidden' }),
      },
    ],
    'tasks.forecast': [
      {
        input: () => ({ id: fx.task }),
        rows: signedIn('ok', { officerB: 'hidden', leaderB: 'hidden' }),
      },
    ],
    'tasks.createDocument': [
      {
        input: () => ({
          number: unique('CV'),
          kind: 'official_letter',
          issuedOn: today(-1),
          signer: 'Bộ trưởng',
          title: 'Công văn thử',
        }),
        rows: onlyFor(['office']),
      },
    ],
    'tasks.create': [
      {
        input: () => ({ documentId: fx.documentId, title: unique('Việc'), leadAgencyId: agency.A }),
        rows: onlyFor(['office']),
      },
    ],
    // Only a province breaks down what it leads (A and B are ministries): server/province-matrix.test.ts.
    'tasks.breakDown': [
      {
        input: () => ({ parentTaskId: fx.task, title: unique('Phần việc'), leadAgencyId: agency.B }),
        rows: onlyFor([]),
        probeAs: 'officerA',
      },
    ],
    'tasks.update': [
      {
        input: async (fresh) => {
          const id = fresh ? await newTask() : fx.task;
          return { id, version: await taskVersion(id), patch: { title: unique('Đã sửa') } };
        },
        rows: onlyFor(['office']),
      },
    ],
    // B sees the task, so a write on it is FORBIDDEN, not NOT_FOUND.
    'tasks.postProgress': [
      {
        input: async (fresh) => progressInput(fresh ? await newTask() : fx.task),
        rows: onlyFor(['officerA']),
      },
    ],
    'tasks.requestExtension': [
      {
        input: async (fresh) => ({
          taskId: fresh ? await newTask() : fx.task,
          requestedDeadline: today(90),
          reason: 'Lý do',
          idempotencyKey: unique('e'),
        }),
        rows: onlyFor(['officerA']),
      },
    ],
    // An officer may call (a province decides what it assigned): A's own is refused by the policy, B may
    // not read the request. The relations of provinces: server/province-matrix.test.ts.
    'tasks.decideExtension': [
      {
        input: async (fresh) => ({
          ...(fresh ? await newExtension() : fx.extension),
          decision: 'approved',
        }),
        rows: onlyFor(['office'], { officerB: 'NOT_FOUND' }),
      },
    ],
    'tasks.reportCompletion': [
      {
        input: async (fresh) => ({
          taskId: fresh ? await newTask() : fx.task,
          result: 'Kết quả',
          completionDate: today(),
          idempotencyKey: unique('c'),
        }),
        rows: onlyFor(['officerA']),
      },
    ],
    // A completion report is one of the task's details, which B may not read: NOT_FOUND for its leader.
    'tasks.approveCompletion': [
      {
        input: async (fresh) => ({
          ...(fresh ? await newCompletion(false) : fx.completion),
          decision: 'accept',
        }),
        rows: onlyFor(['leaderA'], { leaderB: 'NOT_FOUND' }),
      },
    ],
    'tasks.reviewCompletion': [
      {
        input: async (fresh) => ({
          ...(fresh ? await newCompletion(true) : fx.completionApproved),
          decision: 'accept',
        }),
        rows: onlyFor(['office'], { officerB: 'NOT_FOUND' }),
      },
    ],
    'documents.list': [{ input: () => ({}), rows: signedIn('ok') }],
    'documents.get': [{ input: () => ({ id: fx.documentId }), rows: signedIn('ok') }],
    'audit.verify': [{ input: () => undefined, rows: onlyFor(OVERSIGHT) }],
    'audit.checkpoints': [{ input: () => undefined, rows: onlyFor(OVERSIGHT) }],
    'audit.forEntity': [
      { input: () => ({ entityType: 'task', entityId: fx.task }), rows: onlyFor(OVERSIGHT) },
    ],
    'reports.monthly': [{ input: () => ({ month: today().slice(0, 7) }), rows: onlyFor(OVERSIGHT) }],
    // Served by the live stream's own route (below): every signed-in user gets the change, its detail
    // (a progress narrative) only oversight and the task's agencies.
    'live.changes': [{ input: () => ({}), rows: signedIn('ok', { officerB: 'hidden', leaderB: 'hidden' }) }],
    'submissions.templates': [{ input: () => undefined, rows: signedIn('ok') }],
    'submissions.mine': [{ input: () => undefined, rows: signedIn('ok') }],
    'home.summary': [{ input: () => undefined, rows: signedIn('ok') }],
    'submissions.overdueCount': [{ input: () => undefined, rows: onlyFor(OVERSIGHT) }],
    // BC-NV-THANG obliges central agencies, A and B alike.
    'submissions.newForm': [
      { input: () => ({ templateId: monthlyTemplateId, periodKey: period() }), rows: signedIn('ok') },
    ],
    'submissions.get': [
      {
        label: "A's draft",
        input: () => ({ id: fx.draft.id }),
        rows: signedIn('ok', { officerB: 'NOT_FOUND', leaderB: 'NOT_FOUND' }),
      },
      { label: "A's accepted report", input: () => ({ id: fx.accepted.id }), rows: signedIn('ok') },
    ],
    'submissions.compliance': [{ input: () => ({ templateId: monthlyTemplateId }), rows: signedIn('ok') }],
    // Each officer saves its own agency's report.
    'submissions.saveDraft': [
      {
        input: (fresh) => ({
          templateId: monthlyTemplateId,
          periodKey: fresh ? months.shift() : period(),
          values: { tasks_assigned: 1 },
        }),
        rows: onlyFor(['officerA', 'officerB']),
      },
    ],
    'submissions.submit': [
      {
        input: async (fresh) => (fresh ? await newSubmission('draft') : fx.draft),
        rows: onlyFor(['officerA'], { officerB: 'NOT_FOUND' }),
      },
    ],
    'submissions.approve': [
      {
        input: async (fresh) => ({
          ...(fresh ? await newSubmission('submitted') : fx.submitted),
          decision: 'accept',
        }),
        rows: onlyFor(['leaderA'], { leaderB: 'NOT_FOUND' }),
      },
    ],
    'submissions.review': [
      {
        input: async (fresh) => ({
          ...(fresh ? await newSubmission('approved') : fx.approved),
          decision: 'accept',
        }),
        rows: onlyFor(['office']),
      },
    ],
    'submissions.reopen': [
      {
        input: async (fresh) => ({
          ...(fresh ? await newSubmission('accepted') : fx.accepted),
          reason: 'Kiểm tra lại',
        }),
        rows: onlyFor(['office']),
      },
    ],
    // The province chain's procedures are a province's (A and B are ministries): FORBIDDEN to all here;
    // the province relations (own, parent, sibling, other) are in submissions/province.test.ts.
    'submissions.provinceApprovals': [{ input: () => undefined, rows: onlyFor([]) }],
    // A's report goes to the Office, not to a province: its officer sees it but may not decide it.
    'submissions.provinceReview': [
      {
        input: () => ({ ...fx.submitted, decision: 'accept' }),
        rows: onlyFor([], { officerB: 'NOT_FOUND' }),
        probeAs: 'officerA',
      },
    ],
    'submissions.sendUp': [
      {
        input: () => ({ templateId: monthlyTemplateId, periodKey: period() }),
        rows: onlyFor([]),
        probeAs: 'officerA',
      },
    ],
    'holidays.list': [{ input: () => ({}), rows: signedIn('ok') }],
    'holidays.add': [
      {
        input: () => ({ date: freeWeekday(), nameVi: 'Nghỉ', nameEn: 'Off' }),
        rows: onlyFor(['admin']),
      },
    ],
    'holidays.update': [
      {
        input: async (fresh) => ({
          date: fresh ? await newHoliday() : fx.holiday,
          nameVi: 'Nghỉ đã sửa',
          nameEn: 'Off, edited',
        }),
        rows: onlyFor(['admin']),
      },
    ],
    'holidays.remove': [
      {
        input: async (fresh) => ({ date: fresh ? await newHoliday() : fx.holiday }),
        rows: onlyFor(['admin']),
      },
    ],
    'kpis.overview': [{ input: () => ({}), rows: signedIn('ok') }],
    'kpis.detail': [{ input: () => ({ code: 'DV-01' }), rows: onlyFor(OVERSIGHT) }],
    'kpis.agencySubmissions': [
      {
        input: () => ({ code: 'DV-01', agencyId: agency.A }),
        rows: signedIn('ok', { officerB: 'NOT_FOUND', leaderB: 'NOT_FOUND' }),
      },
    ],
    'kpis.scorecard': [
      {
        input: () => ({ agencyId: agency.A }),
        rows: signedIn('ok', { officerB: 'NOT_FOUND', leaderB: 'NOT_FOUND' }),
      },
    ],
    'kpis.offTrackCount': [{ input: () => undefined, rows: signedIn('ok') }],
    'kpis.setCoverageFloor': [
      { input: () => ({ code: 'DV-01', coverageFloor: 80 }), rows: onlyFor(['admin']) },
    ],
    'templates.list': [{ input: () => undefined, rows: onlyFor(OVERSIGHT) }],
    'templates.get': [{ input: () => ({ id: monthlyTemplateId }), rows: onlyFor(OVERSIGHT) }],
    'templates.kpiOptions': [{ input: () => undefined, rows: onlyFor(OVERSIGHT) }],
    'templates.create': [{ input: () => newTemplate(), rows: onlyFor(['admin']) }],
    'templates.update': [
      {
        input: async (fresh) => ({
          ...(fresh ? await createdTemplate() : fx.template),
          nameVi: unique('Tên sửa'),
        }),
        rows: onlyFor(['admin']),
      },
    ],
    'templates.setActive': [
      {
        input: async (fresh) => {
          const template = fresh ? await createdTemplate() : fx.template;
          return { id: template.id, editVersion: template.editVersion, active: false };
        },
        rows: onlyFor(['admin']),
      },
    ],
    // A province's roll-up over its communes: oversight, and the province's own staff (rollup.test.ts).
    'rollup.province': [
      {
        input: () => ({ provinceId: agency.province }),
        rows: signedIn('ok', {
          officerA: 'NOT_FOUND',
          leaderA: 'NOT_FOUND',
          officerB: 'NOT_FOUND',
          leaderB: 'NOT_FOUND',
        }),
      },
    ],
    'system.health': [{ input: () => undefined, rows: signedIn('ok', { anon: 'ok' }) }],
  };

  beforeAll(async () => {
    t = await createTestApp({
      config: { LOGIN_RATE_LIMIT_PER_MINUTE: '10000', API_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    for (const [who, spec] of Object.entries(STAFF)) {
      const user = await createUser(t.database, spec);
      if (who === 'officerA') agency.A = user.agencyId;
      if (who === 'officerB') agency.B = user.agencyId;
    }
    await createUser(t.database, { username: 'm.dangnhap', role: 'officer', agency: 'Bộ Y tế' });
    const [hanoi] = await t.database.db
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.nameVi, 'Thành phố Hà Nội'));
    agency.province = hanoi?.id ?? 0;
    for (const who of Object.keys(STAFF) as (keyof typeof STAFF)[])
      cookie[who] = await t.login(STAFF[who].username);
    const [monthly] = await t.database.db
      .select({ id: reportTemplates.id })
      .from(reportTemplates)
      .where(eq(reportTemplates.code, 'BC-NV-THANG'));
    monthlyTemplateId = monthly?.id ?? 0;
    // Ended months, newest first: one per throwaway submission.
    const current = periodContaining('month', today());
    for (let i = 1; current && i <= 24; i++) {
      const index = current.year * 12 + current.index - 1 - i;
      months.push(periodOf('month', Math.floor(index / 12), (index % 12) + 1).key);
    }

    fx.task = await newTask();
    fx.evidenceId = (await upload('officerA')).json().id;
    await ok('officerA', 'tasks.postProgress', { ...progressInput(fx.task), evidenceFileId: fx.evidenceId });
    fx.extension = await newExtension();
    fx.completion = await newCompletion(false);
    fx.completionApproved = await newCompletion(true);
    fx.draft = await newSubmission('draft');
    fx.submitted = await newSubmission('submitted');
    fx.approved = await newSubmission('approved');
    fx.accepted = await newSubmission('accepted');
    fx.documentId = (await ok('office', 'tasks.get', { id: fx.task })).document.id;
    fx.template = await createdTemplate();
    fx.userId = await newUser();
    fx.holiday = await newHoliday();
    fx.agencyId = await newAgency();
    fx.explanationAsked = await newExplanation('awaiting_answer');
    fx.explanationAnswered = await newExplanation('awaiting_leader');
    fx.explanationApproved = await newExplanation('awaiting_office');
    // Agency A's missing monthly reports, oldest first (the throwaway submissions take the newest).
    const compliance = await getCompliance(t.database.db, { templateId: monthlyTemplateId });
    const cells = compliance.agencies.find((a) => a.agencyId === agency.A)?.cells ?? {};
    missingReports.push(
      ...compliance.periods.map((p) => p.key).filter((key) => cells[key]?.state === 'missing'),
    );
    fx.missingReport = missingReports.shift() ?? '';
  }, 60_000);
  afterAll(async () => {
    t.app.server.closeAllConnections();
    await t.close();
  });

  function upload(who: Actor) {
    const boundary = 'matrixBoundary7MA4';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bao-cao.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from('%PDF-1.7\n% ma trận quyền\n'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...(who === 'anon' ? {} : { cookie: cookie[who] }),
      },
      payload: body,
    });
  }

  /** A session opened for the row, where the call would spend or change the actor's standing one. */
  async function ownSession(path: string, who: Exclude<Actor, 'anon'>): Promise<string | null> {
    if (path === 'auth.logout') return t.login(STAFF[who].username);
    if (path !== 'auth.changePassword') return null;
    const username = unique(`m.doimk.${who}`).toLowerCase();
    await createUser(t.database, { username, role: STAFF[who].role, agency: STAFF[who].agency });
    return t.login(username);
  }

  const writes = async () => {
    const [audit] = await t.database.db.select({ n: count() }).from(auditLog);
    const [changes] = await t.database.db.select({ n: count() }).from(changeEvents);
    return { audit: audit?.n, changes: changes?.n };
  };

  it('has rows for every actor of every procedure the router has, and none for a procedure it lacks', () => {
    const paths = procedures.map((p) => p.path).sort();
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter((p) => !MATRIX[p]?.length)).toEqual([]);
    expect(Object.keys(MATRIX).filter((p) => !paths.includes(p))).toEqual([]);
  });

  const STATUS: Record<Outcome, number> = {
    ok: 200,
    hidden: 200,
    BAD_REQUEST: 400,
    CONFLICT: 409,
    UNAUTHORIZED: 401,
    FORBIDDEN: 403,
    NOT_FOUND: 404,
  };

  for (const { path, type } of procedures) {
    if (type === 'subscription') continue;
    for (const c of MATRIX[path] ?? []) {
      it(`${path}${c.label ? ` (${c.label})` : ''}`, async () => {
        const seen: string[] = [];
        const wanted: string[] = [];
        for (const who of ACTORS) {
          const expected = c.rows[who];
          const fresh = expected === 'ok' || expected === 'hidden';
          const input = await c.input(fresh && type === 'mutation');
          const session = who === 'anon' ? null : await ownSession(path, who);
          const before = type === 'mutation' && !fresh ? await writes() : null;
          const res = await t.trpc(path, input, {
            method: type === 'query' ? 'GET' : 'POST',
            ...(who === 'anon' ? {} : { cookie: session ?? cookie[who] }),
          });
          let got: string = res.status === 200 ? 'ok' : (res.error?.data?.code ?? String(res.status));
          if (res.status === 200 && path === 'tasks.get')
            got = res.data.detailsVisible ? 'ok' : res.data.progress.length === 0 ? 'hidden' : 'leaked';
          if (res.status === 200 && path === 'tasks.forecast') got = res.data === null ? 'hidden' : 'ok';
          if (res.status !== STATUS[expected] && res.status !== 200) got += ` (${res.status})`;
          seen.push(`${who}: ${got}`);
          wanted.push(`${who}: ${expected}`);
          // A refused write leaves nothing behind: no audit entry, no change announced.
          if (before) expect(await writes(), `${path} by ${who} wrote`).toEqual(before);
        }
        expect(seen).toEqual(wanted);
      });
    }
  }

  /**
   * Every route outside tRPC (Fastify's own table, so a new route without rows fails) with its rows:
   * a download of what one may not see answers 404, as for an id that does not exist.
   */
  const HTTP: Record<string, { url: () => string; rows: Rows }> = {
    'GET /healthz': { url: () => '/healthz', rows: signedIn('ok', { anon: 'ok' }) },
    'POST /api/evidence': { url: () => '/api/evidence', rows: onlyFor(['officerA', 'officerB']) },
    'GET /api/evidence/usage': { url: () => '/api/evidence/usage', rows: onlyFor(['officerA', 'officerB']) },
    'GET /api/audit/checkpoints.jsonl': {
      url: () => '/api/audit/checkpoints.jsonl',
      rows: onlyFor(OVERSIGHT),
    },
    'GET /api/audit/public-key.pem': { url: () => '/api/audit/public-key.pem', rows: onlyFor(OVERSIGHT) },
    'GET /api/evidence/:id': {
      url: () => `/api/evidence/${fx.evidenceId}`,
      rows: signedIn('ok', { officerB: 'NOT_FOUND', leaderB: 'NOT_FOUND' }),
    },
    'GET /export/tasks.:format': { url: () => '/export/tasks.csv', rows: signedIn('ok') },
    'GET /export/monthly.xlsx': {
      url: () => `/export/monthly.xlsx?month=${today().slice(0, 7)}`,
      rows: onlyFor(OVERSIGHT),
    },
    'GET /export/monthly.pdf': {
      url: () => `/export/monthly.pdf?month=${today().slice(0, 7)}`,
      rows: onlyFor(OVERSIGHT),
    },
    'GET /export/compliance.:format': {
      url: () => `/export/compliance.csv?templateId=${monthlyTemplateId}`,
      rows: signedIn('ok'),
    },
    'GET /export/compliance.pdf': {
      url: () => `/export/compliance.pdf?templateId=${monthlyTemplateId}`,
      rows: onlyFor(OVERSIGHT),
    },
    'GET /export/kpis.:format': { url: () => '/export/kpis.xlsx', rows: signedIn('ok') },
    'GET /export/kpis.pdf': { url: () => '/export/kpis.pdf', rows: signedIn('ok') },
    'GET /export/kpis/:code/ranking.:format': {
      url: () => '/export/kpis/DV-01/ranking.csv',
      rows: onlyFor(OVERSIGHT),
    },
    'GET /export/kpis/:code/agencies/:agencyId.:format': {
      url: () => `/export/kpis/DV-01/agencies/${agency.A}.csv`,
      rows: signedIn('ok', { officerB: 'NOT_FOUND', leaderB: 'NOT_FOUND' }),
    },
    // The machine API takes API tokens only (server/http/machine-api.test.ts): no session opens it.
    'GET /api/v1/openapi.json': { url: () => '/api/v1/openapi.json', rows: signedIn('ok', { anon: 'ok' }) },
    'GET /api/v1/me': { url: () => '/api/v1/me', rows: signedIn('UNAUTHORIZED') },
    'GET /api/v1/tasks': { url: () => '/api/v1/tasks', rows: signedIn('UNAUTHORIZED') },
    'GET /api/v1/tasks/:id': { url: () => `/api/v1/tasks/${fx.task}`, rows: signedIn('UNAUTHORIZED') },
    'POST /api/v1/tasks/:id/progress': {
      url: () => `/api/v1/tasks/${fx.task}/progress`,
      rows: signedIn('UNAUTHORIZED'),
    },
    'GET /api/v1/reports': { url: () => '/api/v1/reports', rows: signedIn('UNAUTHORIZED') },
    'GET /export/submissions/:id/history.:format': {
      url: () => `/export/submissions/${fx.draft.id}/history.csv`,
      rows: signedIn('ok', { officerB: 'NOT_FOUND', leaderB: 'NOT_FOUND' }),
    },
    // The public portal and the open data (ADR 0033): the same answer for everyone, signed in or not.
    'GET /public-api/portal': { url: () => '/public-api/portal', rows: signedIn('ok', { anon: 'ok' }) },
    'GET /public-api/kpis/:code': {
      url: () => '/public-api/kpis/DV-01',
      rows: signedIn('ok', { anon: 'ok' }),
    },
    'GET /open-data/:file': { url: () => '/open-data/kpis.csv', rows: signedIn('ok', { anon: 'ok' }) },
    'GET /open-data/catalog.jsonld': {
      url: () => '/open-data/catalog.jsonld',
      rows: signedIn('ok', { anon: 'ok' }),
    },
    'GET /open-data/kpis/:code': {
      url: () => '/open-data/kpis/DV-01.json',
      rows: signedIn('ok', { anon: 'ok' }),
    },
    // A period still open is not published, to anyone.
    'GET /open-data/kpis/:code/:file': {
      url: () => `/open-data/kpis/DV-01/${today().slice(0, 4)}-Y.csv`,
      rows: signedIn('NOT_FOUND', { anon: 'NOT_FOUND' }),
    },
    'GET /export/agency-ranking.:format': { url: () => '/export/agency-ranking.csv', rows: signedIn('ok') },
    'GET /export/documents.:format': { url: () => '/export/documents.csv', rows: signedIn('ok') },
    'GET /export/inbox.:format': { url: () => '/export/inbox.csv', rows: signedIn('ok') },
    'GET /export/agencies.:format': { url: () => '/export/agencies.csv', rows: signedIn('ok') },
    'GET /export/scorecards/:agencyId.:format': {
      url: () => `/export/scorecards/${agency.A}.csv`,
      rows: signedIn('ok', { officerB: 'NOT_FOUND', leaderB: 'NOT_FOUND' }),
    },
    // The form is its agency's staff's, where the template obliges the agency (both ministries here).
    'GET /export/report-form.xlsx': {
      url: () => `/export/report-form.xlsx?templateId=${monthlyTemplateId}&periodKey=${fx.missingReport}`,
      rows: onlyFor(['officerA', 'leaderA', 'officerB', 'leaderB']),
    },
    // Past the rights, a request without a file is refused as such (the uploads' own tests send files).
    'POST /api/reports/form': {
      url: () => `/api/reports/form?templateId=${monthlyTemplateId}&periodKey=${fx.missingReport}`,
      rows: onlyFor([], { officerA: 'BAD_REQUEST', officerB: 'BAD_REQUEST' }),
    },
    'GET /export/task-import.xlsx': {
      url: () => '/export/task-import.xlsx',
      rows: onlyFor(['office']),
    },
    // A ministry's officer registers no documents (a province's does, for its communes).
    'POST /api/documents/task-import': {
      url: () => '/api/documents/task-import',
      rows: onlyFor([], { office: 'BAD_REQUEST' }),
    },
  };
  /** Routes whose rows are elsewhere: the procedures (above) and the live stream (below). */
  const ROUTES_ELSEWHERE = ['GET /trpc/:path', 'POST /trpc/:path', 'GET /trpc/live.changes'];

  /** `METHOD /path` of every route Fastify has (its printed tree, children under their parents). */
  function registeredRoutes(): string[] {
    const routes: string[] = [];
    const stack: string[] = [];
    for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
      const match = /^([│ ]*)(?:├── |└── )(\S+)(?: \(([^)]*)\))?/.exec(line);
      if (!match) continue;
      const depth = (match[1]?.length ?? 0) / 4;
      stack.length = depth;
      stack.push(match[2] ?? '');
      for (const method of (match[3] ?? '').split(', ').filter((m) => ['GET', 'POST'].includes(m)))
        routes.push(`${method} ${stack.join('')}`);
    }
    return routes;
  }

  it('has rows for every HTTP route the server has', () => {
    const routes = registeredRoutes();
    expect(routes).toContain('GET /api/evidence/:id');
    expect(routes.filter((r) => !HTTP[r] && !ROUTES_ELSEWHERE.includes(r))).toEqual([]);
    expect(Object.keys(HTTP).filter((r) => !routes.includes(r))).toEqual([]);
  });

  for (const [route, spec] of Object.entries(HTTP)) {
    it(route, async () => {
      const seen: string[] = [];
      const wanted: string[] = [];
      for (const who of ACTORS) {
        const expected = spec.rows[who];
        const res = route.startsWith('POST /api/evidence')
          ? await upload(who)
          : route.startsWith('POST /api/v1/')
            ? await t.app.inject({
                method: 'POST',
                url: spec.url(),
                headers: {
                  ...(who === 'anon' ? {} : { cookie: cookie[who] }),
                  'content-type': 'application/json',
                  'idempotency-key': unique('matrix'),
                },
                payload: JSON.stringify({ percent: 5, narrative: 'x' }),
              })
            : route.startsWith('POST ')
              ? await t.app.inject({
                  method: 'POST',
                  url: spec.url(),
                  headers: {
                    'content-type': 'multipart/form-data; boundary=matrixEmpty',
                    ...(who === 'anon' ? {} : { cookie: cookie[who] }),
                  },
                  payload: '--matrixEmpty--\r\n',
                })
              : await t.app.inject({
                  method: 'GET',
                  url: spec.url(),
                  headers: who === 'anon' ? {} : { cookie: cookie[who] },
                });
        const got =
          res.statusCode >= 200 && res.statusCode < 300
            ? 'ok'
            : (Object.entries(STATUS).find(
                ([o, status]) => status === res.statusCode && o !== 'hidden',
              )?.[0] ?? String(res.statusCode));
        seen.push(`${who}: ${got}`);
        wanted.push(`${who}: ${expected}`);
      }
      expect(seen).toEqual(wanted);
    });
  }

  it('live.changes: every signed-in stream gets the change, its detail only oversight and the task’s agency', async () => {
    base ??= await t.app.listen({ port: 0, host: '127.0.0.1' });
    const input = encodeURIComponent(JSON.stringify({ json: {} }));
    const streams = await Promise.all(
      ACTORS.map(async (who) => {
        const controller = new AbortController();
        const res = await fetch(`${base}/trpc/live.changes?input=${input}`, {
          headers: { accept: 'text/event-stream', ...(who === 'anon' ? {} : { cookie: cookie[who] }) },
          signal: controller.signal,
        });
        return { who, res, controller };
      }),
    );
    // Each open stream first says the server's status; once all have, officer A posts a narrative.
    const opened = await Promise.all(
      streams.map(async ({ who, res, controller }) => {
        if (res.status !== 200)
          return { who, refused: res.status === 401 ? 'UNAUTHORIZED' : String(res.status) };
        const reader = readSse(res);
        // tRPC answers a refused subscription inside the stream, as an error event.
        const first = (await reader.next()).value;
        const refused =
          first?.kind === 'refused' ? first.code : first?.kind === 'status' ? null : 'no status';
        return { who, reader, controller, refused };
      }),
    );
    const narrative = unique('Tiến độ riêng của A');
    await ok('officerA', 'tasks.postProgress', { ...progressInput(fx.task), narrative });
    const results = await Promise.all(
      opened.map(async ({ who, reader, controller, refused }) => {
        if (refused || !reader) return `${who}: ${refused}`;
        let change: LiveMessage | { kind: 'refused' } | undefined;
        for await (const message of reader) {
          if (
            message.kind === 'change' &&
            message.type === 'task.progress' &&
            message.payload.taskId === fx.task
          ) {
            change = message;
            break;
          }
        }
        controller?.abort();
        if (change?.kind !== 'change') return `${who}: nothing`;
        const leaked = JSON.stringify(change).includes(narrative);
        if (change.detail) return `${who}: ${leaked ? 'ok' : 'detail without the narrative'}`;
        return `${who}: ${leaked ? 'leaked' : 'hidden'}`;
      }),
    );
    const rows = MATRIX['live.changes']?.[0]?.rows;
    expect(rows).toBeDefined();
    expect(results).toEqual(ACTORS.map((who) => `${who}: ${rows?.[who]}`));
  });

  /**
   * Bad input, for every procedure's input schema (walked as JSON Schema): a NUL character in every text,
   * an impossible date in every date, an id past the int4 range and a fraction in every whole number.
   * Each is a 400 VALIDATION naming the field, never a 500, and nothing is written.
   */
  describe('bad input is refused with the field named', () => {
    interface Probe {
      path: (string | number)[];
      value: unknown;
    }
    type JsonSchema = {
      type?: string;
      format?: string;
      pattern?: string;
      maximum?: number;
      const?: unknown;
      properties?: Record<string, JsonSchema>;
      items?: JsonSchema;
      anyOf?: JsonSchema[];
      oneOf?: JsonSchema[];
    };
    const IMPOSSIBLE_DATES = ['2026-02-30', '2026-02-31', '2025-02-29'];

    /** The probes of one schema node, walked beside a valid input so unions follow its branch. */
    function probes(schema: JsonSchema, value: unknown, path: (string | number)[]): Probe[] {
      const branches = schema.anyOf ?? schema.oneOf;
      if (branches) {
        const options = branches.filter((b) => b.type !== 'null');
        const chosen =
          options.find((b) =>
            Object.entries(b.properties ?? {}).every(
              ([key, p]) => p.const === undefined || (value as Record<string, unknown>)?.[key] === p.const,
            ),
          ) ?? options[0];
        return chosen && (options.length === 1 || value !== undefined) ? probes(chosen, value, path) : [];
      }
      switch (schema.type) {
        case 'object':
          return Object.entries(schema.properties ?? {}).flatMap(([key, p]) =>
            probes(p, (value as Record<string, unknown> | undefined)?.[key], [...path, key]),
          );
        case 'array':
          return schema.items
            ? probes(schema.items, (value as unknown[] | undefined)?.[0], [...path, 0])
            : [];
        case 'string': {
          const nul = [{ path, value: `${typeof value === 'string' ? value : 'a'}\u0000b` }];
          // A date by its schema, or one that looks like a date (a pattern or a value of that shape).
          const date =
            schema.format === 'date' ||
            schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}') ||
            (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value));
          return date ? [...nul, ...IMPOSSIBLE_DATES.map((d) => ({ path, value: d }))] : nul;
        }
        case 'integer':
          return [
            { path, value: 1.5 },
            ...((schema.maximum ?? Number.MAX_SAFE_INTEGER) <= MAX_INT4
              ? [{ path, value: MAX_INT4 + 1 }]
              : []),
          ];
        default:
          return [];
      }
    }

    function withValue(input: unknown, path: (string | number)[], value: unknown): unknown {
      const copy = structuredClone(input ?? {}) as Record<string | number, unknown>;
      let node = copy;
      for (const [i, key] of path.entries()) {
        if (i === path.length - 1) node[key] = value;
        else {
          node[key] ??= typeof path[i + 1] === 'number' ? [] : {};
          node = node[key] as Record<string | number, unknown>;
        }
      }
      return copy;
    }

    const walked = procedures
      .filter((p) => p.type !== 'subscription')
      .map(({ path, type }) => {
        const schema = (
          appRouter as unknown as { _def: { procedures: Record<string, { _def: { inputs: z.ZodType[] } }> } }
        )._def.procedures[path]?._def.inputs[0];
        return { path, type, schema };
      })
      .filter((p) => p.schema !== undefined);

    it('walks every procedure that takes input, and finds dates, ids and texts to probe', () => {
      expect(walked.length).toBeGreaterThan(40);
      const json = walked.map((p) =>
        JSON.stringify(z.toJSONSchema(p.schema as z.ZodType, { io: 'input', unrepresentable: 'any' })),
      );
      expect(json.filter((j) => j.includes('"format":"date"')).length).toBeGreaterThanOrEqual(8);
    });

    for (const { path, type, schema } of walked) {
      it(path, async () => {
        const c = MATRIX[path]?.[0];
        const who = c?.probeAs ?? ACTORS.find((a) => c?.rows[a] === 'ok' && a !== 'anon') ?? 'anon';
        const base = await c?.input(false);
        const json = z.toJSONSchema(schema as z.ZodType, {
          io: 'input',
          unrepresentable: 'any',
        }) as JsonSchema;
        const list = probes(json, base, []);
        const failures: string[] = [];
        const before = type === 'mutation' ? await writes() : null;
        for (const probe of list) {
          const res = await t.trpc(path, withValue(base, probe.path, probe.value), {
            method: type === 'query' ? 'GET' : 'POST',
            ...(who === 'anon' ? {} : { cookie: cookie[who] }),
          });
          const field = probe.path.join('.');
          const named = (res.error?.data?.issues ?? []).some((i: { path: string }) => i.path === field);
          if (res.status !== 400 || res.error?.data?.appCode !== 'VALIDATION' || !named)
            failures.push(
              `${field} = ${JSON.stringify(probe.value)}: ${res.status} ${JSON.stringify(res.error?.data?.issues ?? res.error?.message ?? '')}`,
            );
        }
        if (before) expect(await writes()).toEqual(before);
        expect(failures).toEqual([]);
      });
    }

    it('HTTP routes: ids past the range, impossible dates and NUL in a filter are 400 naming the field; a bad evidence id is 404', async () => {
      const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookie.office } });
      const filter = (f: unknown) => `/export/tasks.csv?filter=${encodeURIComponent(JSON.stringify(f))}`;
      const cases: [string, number, string | null][] = [
        [`/api/evidence/${MAX_INT4 + 1}`, 404, null],
        ['/api/evidence/1.5', 404, null],
        [`/export/submissions/${MAX_INT4 + 1}/history.csv`, 400, 'id'],
        ['/export/submissions/1.5/history.csv', 400, 'id'],
        [`/export/kpis/DV-01/agencies/${MAX_INT4 + 1}.csv`, 400, 'agencyId'],
        [`/export/compliance.csv?templateId=${MAX_INT4 + 1}`, 400, 'templateId'],
        ['/export/monthly.xlsx?month=2026-13', 400, 'month'],
        ['/export/monthly.pdf?month=2026-13', 400, 'month'],
        ['/export/monthly.pdf?month=2026-11&date=2026-02-30', 400, 'date'],
        ['/export/monthly.pdf?month=2026-11&signerName=a%00b', 400, 'signerName'],
        [`/export/compliance.pdf?templateId=${MAX_INT4 + 1}`, 400, 'templateId'],
        ['/export/compliance.pdf?templateId=1&date=2026-02-30', 400, 'date'],
        ['/export/kpis.pdf?authority=a%00b', 400, 'authority'],
        [filter({ deadlineFrom: '2026-02-30' }), 400, 'filter.deadlineFrom'],
        [filter({ deadlineTo: '2026-02-31' }), 400, 'filter.deadlineTo'],
        [filter({ q: 'a\u0000b' }), 400, 'filter.q'],
        [filter({ agencyId: MAX_INT4 + 1 }), 400, 'filter.agencyId'],
        [`/export/scorecards/${MAX_INT4 + 1}.csv`, 400, 'agencyId'],
        ['/export/scorecards/1.5.csv', 400, 'agencyId'],
        [
          `/export/documents.csv?filter=${encodeURIComponent(JSON.stringify({ q: 'a\u0000b' }))}`,
          400,
          'filter.q',
        ],
        [
          `/export/agencies.csv?filter=${encodeURIComponent(JSON.stringify({ parentId: MAX_INT4 + 1 }))}`,
          400,
          'filter.parentId',
        ],
        [
          `/export/inbox.csv?filter=${encodeURIComponent(JSON.stringify({ deadlineFrom: '2026-02-30' }))}`,
          400,
          'filter.deadlineFrom',
        ],
        [
          `/export/agency-ranking.csv?filter=${encodeURIComponent(JSON.stringify({ level: 'planet' }))}`,
          400,
          'filter.level',
        ],
        [`/export/report-form.xlsx?templateId=${MAX_INT4 + 1}&periodKey=2026-M01`, 400, 'templateId'],
      ];
      const seen = [];
      for (const [url, , field] of cases) {
        const res = await get(url);
        const body = res.json();
        seen.push([url, res.statusCode, field ? body.issues?.map((i: { path: string }) => i.path)[0] : null]);
      }
      expect(seen).toEqual(cases);
    });
  });
});
