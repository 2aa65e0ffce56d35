import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Cast,
  EVERYONE,
  newKey,
  ok,
  startCast,
  type TrpcResult,
  today,
  type Who,
} from '../../test/tasks';
import { allowedTaskActions, assertTaskAction, canReadTaskDetails, type PolicyTask } from './policy';

/**
 * Who may do what to a task, through the HTTP API (procedure builders and row rules together).
 * The fixture task A is led by Bộ Tài chính with Thành phố Hà Nội coordinating; Bộ Y tế is unrelated.
 */

/** Task states every action needs, built by the people allowed to build them. */
interface Fixture {
  documentId: number;
  /** Lead progress 30 %, a Hà Nội contribution, a pending extension and a report awaiting the leader. */
  taskA: number;
  taskAVersion: number;
  extension: { id: number; version: number };
  awaitingLeader: { id: number; version: number };
  /** A completion report the leader signed off: awaiting the Office. */
  taskB: number;
  awaitingOffice: { id: number; version: number };
  /** Open, nothing pending: free for an extension request or a completion report. */
  taskC: number;
}

async function buildFixture(c: Cast): Promise<Fixture> {
  const { id: documentId, taskIds } = await c.createDocument([{}, {}, {}]);
  const [taskA, taskB, taskC] = taskIds as [number, number, number];
  await c.postProgress(taskA, 30);
  await c.postProgress(taskA, 10, 'coordOfficer');
  await c.requestExtension(taskA);
  await c.reportCompletion(taskA);
  await c.reportCompletion(taskB);
  await c.leaderApproves(taskB);
  await c.postProgress(taskC, 20);
  const a = await c.getTask(taskA);
  return {
    documentId,
    taskA,
    taskAVersion: a.task.version,
    extension: a.extensions[0],
    awaitingLeader: a.completions[0],
    taskB,
    awaitingOffice: await c.latestCompletion(taskB),
    taskC,
  };
}

type Action =
  | 'tasks.createDocument'
  | 'tasks.create'
  | 'tasks.update'
  | 'tasks.postProgress'
  | 'tasks.requestExtension'
  | 'tasks.decideExtension'
  | 'tasks.reportCompletion'
  | 'tasks.approveCompletion'
  | 'tasks.reviewCompletion';

const INPUT: Record<Action, (f: Fixture, c: Cast) => unknown> = {
  'tasks.createDocument': (_f, c) => ({
    number: `${newKey('doc')}/CT-TTg`,
    kind: 'directive',
    issuedOn: today(-1),
    signer: 'Thủ tướng Chính phủ',
    title: 'Chỉ thị về chuyển đổi số',
    tasks: [{ title: 'Nhiệm vụ mới', leadAgencyId: c.agency.finance, deadline: today(90) }],
  }),
  'tasks.create': (f, c) => ({
    documentId: f.documentId,
    title: 'Nhiệm vụ bổ sung',
    leadAgencyId: c.agency.health,
    deadline: today(45),
  }),
  'tasks.update': (f) => ({ id: f.taskA, version: f.taskAVersion, patch: { title: 'Tiêu đề đã sửa' } }),
  'tasks.postProgress': (f) => ({
    taskId: f.taskC,
    percent: 55,
    narrative: 'Đã trình dự thảo',
    idempotencyKey: newKey('progress'),
  }),
  'tasks.requestExtension': (f) => ({
    taskId: f.taskC,
    requestedDeadline: today(120),
    reason: 'Chờ ý kiến các bộ',
    idempotencyKey: newKey('extension'),
  }),
  'tasks.decideExtension': (f) => ({ ...f.extension, decision: 'approved' }),
  'tasks.reportCompletion': (f) => ({
    taskId: f.taskC,
    result: 'Đã ban hành văn bản',
    completionDate: today(),
    idempotencyKey: newKey('completion'),
  }),
  'tasks.approveCompletion': (f) => ({ ...f.awaitingLeader, decision: 'accept' }),
  'tasks.reviewCompletion': (f) => ({ ...f.awaitingOffice, decision: 'accept' }),
};

/** Who may; everyone else is refused. postProgress by the coordinator is a contribution. */
const ALLOWED: Record<Action, Who[]> = {
  'tasks.createDocument': ['office'],
  'tasks.create': ['office'],
  'tasks.update': ['office'],
  'tasks.postProgress': ['leadOfficer', 'coordOfficer'],
  'tasks.requestExtension': ['leadOfficer'],
  'tasks.decideExtension': ['office'],
  'tasks.reportCompletion': ['leadOfficer'],
  'tasks.approveCompletion': ['leadLeader'],
  'tasks.reviewCompletion': ['office'],
};

const ACTIONS = Object.keys(ALLOWED) as Action[];
const CELLS = ACTIONS.flatMap((action) =>
  EVERYONE.map((who) => ({ action, who, allowed: ALLOWED[action].includes(who) })),
);

describe('task permissions', () => {
  let c: Cast;
  let shared: Fixture;

  beforeAll(async () => {
    c = await startCast();
    shared = await buildFixture(c);
  });
  afterAll(() => c.close());

  /**
   * Refusals other than FORBIDDEN: a province's officer (Hà Nội) may register, but only for its own
   * communes (the field is named); an officer may decide what its province assigned, so one who may
   * not read the request is told NOT_FOUND (docs/decisions/0029-provinces-assign-onward.md).
   */
  const REFUSAL: Record<string, [number, string]> = {
    'tasks.createDocument by coordOfficer': [400, 'VALIDATION'],
    'tasks.decideExtension by otherOfficer': [404, 'NOT_FOUND'],
    'tasks.reviewCompletion by otherOfficer': [404, 'NOT_FOUND'],
  };

  describe('refused writes answer 403 FORBIDDEN (or as REFUSAL says) and change nothing', () => {
    it.each(CELLS.filter((cell) => !cell.allowed))('$action by $who', async ({ action, who }) => {
      const before = await c.snapshot();
      const res = await c.mutate(who, action, INPUT[action](shared, c));
      const [status, code] = REFUSAL[`${action} by ${who}`] ?? [403, 'FORBIDDEN'];
      expect([res.status, res.error.data.appCode]).toEqual([status, code]);
      expect(await c.snapshot()).toEqual(before);
    });
  });

  describe('allowed writes take effect', () => {
    /** What the user sees after the allowed write, on a fixture of its own. */
    const EFFECT: Record<string, (f: Fixture, data: TrpcResult['data']) => Promise<void>> = {
      'tasks.createDocument by office': async (_f, data) => {
        expect(data.taskIds).toHaveLength(1);
        const task = await c.getTask(data.taskIds[0]);
        expect(task.task.title).toBe('Nhiệm vụ mới');
        expect(task.document.number).toMatch(/CT-TTg$/);
      },
      'tasks.create by office': async (f, data) => {
        const task = await c.getTask(data.id);
        expect(task.task.documentId).toBe(f.documentId);
        expect(task.task.leadAgencyId).toBe(c.agency.health);
      },
      'tasks.update by office': async (f, data) => {
        expect(data.version).toBe(f.taskAVersion + 1);
        expect((await c.getTask(f.taskA)).task.title).toBe('Tiêu đề đã sửa');
      },
      'tasks.postProgress by leadOfficer': async (f) => {
        const task = await c.getTask(f.taskC);
        expect(task.task.latestPercent).toBe(55);
        expect(task.progress[0]).toMatchObject({ kind: 'progress', percent: 55 });
      },
      'tasks.postProgress by coordOfficer': async (f) => {
        const task = await c.getTask(f.taskC);
        expect(task.progress[0]).toMatchObject({ kind: 'contribution', percent: 55 });
        expect(task.progress[0].agencyNameVi).toBe('Thành phố Hà Nội');
        // A contribution is not the lead agency's progress: the task's percent stays where the lead put it.
        expect(task.task.latestPercent).toBe(20);
      },
      'tasks.requestExtension by leadOfficer': async (f) => {
        const e = await c.latestExtension(f.taskC);
        expect(e).toMatchObject({ state: 'pending', requestedDeadline: today(120) });
      },
      'tasks.decideExtension by office': async (f) => {
        const task = await c.getTask(f.taskA);
        expect(task.extensions[0].state).toBe('approved');
        expect(task.task.deadline).toBe(today(60));
        expect(task.task.originalDeadline).toBe(today(30));
      },
      'tasks.reportCompletion by leadOfficer': async (f) => {
        expect((await c.latestCompletion(f.taskC)).state).toBe('awaiting_leader');
      },
      'tasks.approveCompletion by leadLeader': async (f) => {
        expect((await c.latestCompletion(f.taskA)).state).toBe('awaiting_office');
      },
      'tasks.reviewCompletion by office': async (f) => {
        const task = await c.getTask(f.taskB);
        expect(task.completions[0].state).toBe('accepted');
        expect(task.task).toMatchObject({ status: 'completed_on_time', completedOn: today() });
      },
    };

    it.each(CELLS.filter((cell) => cell.allowed))('$action by $who', async ({ action, who }) => {
      const fixture = await buildFixture(c);
      const before = await c.snapshot();
      const res = await c.mutate(who, action, INPUT[action](fixture, c));
      const data = ok(res);
      const after = await c.snapshot();
      expect(after.audit).toBeGreaterThan(before.audit as number);
      const effect = EFFECT[`${action} by ${who}`];
      if (!effect) throw new Error(`no expected effect for ${action} by ${who}`);
      await effect(fixture, data);
    });
  });

  it.each(ACTIONS)('%s without a session answers 401 and changes nothing', async (action) => {
    const before = await c.snapshot();
    const res = await c.mutate(null, action, INPUT[action](shared, c));
    expect(res.status).toBe(401);
    expect(res.error.data.appCode).toBe('UNAUTHENTICATED');
    expect(await c.snapshot()).toEqual(before);
  });

  it.each(['tasks.get', 'tasks.list', 'tasks.dashboard', 'tasks.agencyRanking', 'audit.verify'])(
    '%s without a session answers 401',
    async (path) => {
      const res = await c.query(null, path, path === 'tasks.get' ? { id: shared.taskA } : undefined);
      expect(res.status).toBe(401);
      expect(res.error.data.appCode).toBe('UNAUTHENTICATED');
    },
  );

  describe('reading a task', () => {
    // Task A's completion is reported (awaiting the leader): no progress or contribution until it is
    // returned; the Office still sees reviewCompletion (its report's own state decides when).
    const ACTIONS_SHOWN: Record<Who, string[]> = {
      admin: [],
      office: ['edit', 'decideExtension', 'reviewCompletion'],
      leadOfficer: ['requestExtension', 'reportCompletion'],
      leadLeader: ['approveCompletion'],
      coordOfficer: [],
      coordLeader: [],
      otherOfficer: [],
      inspector: [],
    };

    it('hides progress, extensions, completions and history from an unrelated agency', async () => {
      const res = ok(await c.query('otherOfficer', 'tasks.get', { id: shared.taskA }));
      // The task itself is public (title, lead, status)…
      expect(res.task).toMatchObject({
        id: shared.taskA,
        leadAgencyId: c.agency.finance,
        status: 'in_progress',
      });
      // …its working details are not.
      expect(res.detailsVisible).toBe(false);
      expect(res.progress).toEqual([]);
      expect(res.extensions).toEqual([]);
      expect(res.completions).toEqual([]);
      expect(res.audit).toEqual([]);
      expect(res.allowedActions).toEqual([]);
    });

    it.each(EVERYONE.filter((who) => who !== 'otherOfficer'))(
      'shows the details to %s, with the actions that user may take',
      async (who) => {
        const res = ok(await c.query(who, 'tasks.get', { id: shared.taskA }));
        expect(res.detailsVisible).toBe(true);
        expect(
          res.progress.map((p: { kind: string; percent: number }) => [p.kind, p.percent]).sort(),
        ).toEqual([
          ['contribution', 10],
          ['progress', 30],
        ]);
        expect(res.extensions).toHaveLength(1);
        expect(res.extensions[0].reason).toBe('Chờ ý kiến thẩm định của các bộ');
        expect(res.completions).toHaveLength(1);
        expect(res.completions[0].result).toBe('Đã ban hành Thông tư hướng dẫn');
        expect(res.audit.map((a: { action: string }) => a.action)).toEqual(
          expect.arrayContaining(['task.create', 'task.progress', 'task.contribution', 'extension.request']),
        );
        expect([...res.allowedActions].sort()).toEqual([...ACTIONS_SHOWN[who]].sort());
      },
    );

    it('answers NOT_FOUND for a task that does not exist', async () => {
      const res = await c.query('office', 'tasks.get', { id: 999_999 });
      expect(res.status).toBe(404);
      expect(res.error.data.appCode).toBe('NOT_FOUND');
    });
  });

  describe('progress once completion is reported', () => {
    const progress = (taskId: number) => ({
      taskId,
      percent: 90,
      narrative: 'Cập nhật sau khi báo cáo hoàn thành',
      idempotencyKey: newKey('late'),
    });

    it.each(['leadOfficer', 'coordOfficer'] as const)(
      'is refused to %s while the report awaits the leader, then the Office, and the page offers no form',
      async (who) => {
        const { taskIds } = await c.createDocument([{}]);
        const taskId = taskIds[0] as number;
        await c.postProgress(taskId, 40);
        await c.reportCompletion(taskId);
        for (const stage of ['awaiting_leader', 'awaiting_office']) {
          if (stage === 'awaiting_office') await c.leaderApproves(taskId);
          const before = await c.snapshot();
          const res = await c.mutate(who, 'tasks.postProgress', progress(taskId));
          expect(res.status).toBe(409);
          expect(res.error.data.appCode).toBe('CONFLICT');
          expect(res.error.data.details.reason).toBe('completionPending');
          expect(await c.snapshot()).toEqual(before);
          const page = ok(await c.query(who, 'tasks.get', { id: taskId }));
          expect(page.completions[0].state).toBe(stage);
          expect(page.allowedActions).not.toContain('postProgress');
          expect(page.allowedActions).not.toContain('postContribution');
        }
      },
    );

    it('is taken again once the report is returned, and the page offers it again', async () => {
      const taskId = await c.newTask();
      await c.reportCompletion(taskId);
      const report = await c.latestCompletion(taskId);
      ok(
        await c.mutate('leadLeader', 'tasks.approveCompletion', {
          id: report.id,
          version: report.version,
          decision: 'return',
          comment: 'Thiếu minh chứng',
        }),
      );
      expect(ok(await c.query('leadOfficer', 'tasks.get', { id: taskId })).allowedActions).toContain(
        'postProgress',
      );
      ok(await c.mutate('leadOfficer', 'tasks.postProgress', progress(taskId)));
      expect((await c.getTask(taskId)).task.latestPercent).toBe(90);
    });
  });
});

describe('task policy (pure)', () => {
  const officer = { id: 1, username: 'cv', role: 'officer', agencyId: 10 } as const;
  // A commune (10) task its province (5) assigned; 6 is a sibling province.
  const open: PolicyTask = {
    leadAgencyId: 10,
    coordinatorIds: [20],
    leadParentId: 5,
    issuerAgencyId: 5,
    leadLevel: 'commune',
    withdrawn: false,
    completedOn: null,
    completionPending: false,
  };
  const states: [string, Partial<PolicyTask>][] = [
    ['open', {}],
    ['completion pending', { completionPending: true }],
    ['completed', { completedOn: '2026-01-01' }],
    ['withdrawn', { withdrawn: true }],
  ];

  it.each(states)('the page shows exactly the actions the service accepts: %s', (_label, state) => {
    const task = { ...open, ...state };
    const provinceTask = { ...task, leadAgencyId: 5, leadParentId: null, issuerAgencyId: null };
    const actors = [
      officer,
      { ...officer, agencyId: 20 },
      { ...officer, agencyId: 5 },
      { ...officer, agencyId: 6 },
      { ...officer, role: 'office' as const },
    ];
    for (const [actor, t] of actors.flatMap((a) => [
      [a, task] as const,
      [a, { ...provinceTask, leadLevel: 'provincial' as const }] as const,
    ])) {
      const shown = allowedTaskActions(actor, t);
      for (const action of [
        'postProgress',
        'postContribution',
        'requestExtension',
        'reportCompletion',
        'edit',
        'breakDown',
        'decideExtension',
        'reviewCompletion',
      ] as const) {
        let accepted = true;
        try {
          assertTaskAction(actor, t, action);
        } catch {
          accepted = false;
        }
        expect(shown.includes(action), `${actor.role}@${actor.agencyId} ${action}`).toBe(accepted);
      }
    }
  });

  it('oversight roles read every task; agencies only their own', () => {
    for (const role of ['office', 'inspector', 'admin'] as const)
      expect(canReadTaskDetails({ role, agencyId: 99 }, open)).toBe(true);
    expect(canReadTaskDetails({ role: 'leader', agencyId: 20 }, open)).toBe(true);
    expect(canReadTaskDetails({ role: 'officer', agencyId: 99 }, open)).toBe(false);
  });

  it('a province reads and decides its communes’ tasks; a sibling province nothing; a commune not its province’s', () => {
    expect(canReadTaskDetails({ role: 'officer', agencyId: 5 }, open)).toBe(true);
    expect(canReadTaskDetails({ role: 'leader', agencyId: 5 }, open)).toBe(true);
    expect(canReadTaskDetails({ role: 'officer', agencyId: 6 }, open)).toBe(false);
    expect(allowedTaskActions({ ...officer, agencyId: 5 }, open)).toEqual([
      'decideExtension',
      'reviewCompletion',
    ]);
    expect(allowedTaskActions({ ...officer, agencyId: 6 }, open)).toEqual([]);
    const provinceTask: PolicyTask = {
      ...open,
      leadAgencyId: 5,
      leadParentId: null,
      issuerAgencyId: null,
      leadLevel: 'provincial',
    };
    expect(canReadTaskDetails({ role: 'officer', agencyId: 10 }, provinceTask)).toBe(false);
    expect(allowedTaskActions({ ...officer, agencyId: 5 }, provinceTask)).toContain('breakDown');
    expect(allowedTaskActions({ ...officer, agencyId: 10 }, provinceTask)).toEqual([]);
    // A ministry leads: nothing to break down.
    expect(
      allowedTaskActions({ ...officer, agencyId: 5 }, { ...provinceTask, leadLevel: 'central' }),
    ).not.toContain('breakDown');
  });
});
