import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../shared/roles';
import { foldVietnamese, vietnameseSortKey } from '../shared/text';
import { shiftDate, vietnamDate } from '../shared/time';
import { agencies, changeEvents } from './db/schema';
import { canSeeDetail } from './modules/live/policy';
import { createTestApp, createUser } from './test/app';
import { readSse } from './test/sse';

/**
 * The permission matrix of the agency tree (issue 17 points 1 and 6; docs/decisions/0029): every task
 * and document procedure, tried by each relation to the row: the Office; the row's own agency; its
 * parent province; a child commune of a province's row; a sibling commune; a sibling province; another
 * ministry; a child department of the province (sở, docs/decisions/0032) and a sibling province's
 * department. Three kinds of row: a commune task its province assigned (P → C), a department task its
 * province assigned (P → D), and a Government task its province leads, broken down into commune and
 * department tasks. `ok`/`hidden`: answered with / without the task's
 * details; otherwise the app code of the refusal. The relations own agency / other agency of ministries
 * stay in permission-matrix.test.ts.
 */

const ACTORS = [
  'office',
  'officerP',
  'leaderP',
  'officerC',
  'leaderC',
  'officerC2',
  'officerS',
  'officerM',
  'officerD',
  'leaderD',
  'officerDS',
] as const;
type Actor = (typeof ACTORS)[number];
type Outcome = 'ok' | 'hidden' | 'FORBIDDEN' | 'NOT_FOUND' | 'VALIDATION' | 'CONFLICT';
type Rows = Record<Actor, Outcome>;

/** Everyone but these is refused with `refusal`. */
const only = (actors: Actor[], refusal: Outcome = 'FORBIDDEN', overrides: Partial<Rows> = {}): Rows => ({
  ...(Object.fromEntries(ACTORS.map((a) => [a, actors.includes(a) ? 'ok' : refusal])) as Rows),
  ...overrides,
});

/**
 * P's and S's departments read nothing of a commune's or the province's own task: NOT_FOUND for a
 * decision on its requests (a leader may not decide at all: FORBIDDEN, by role).
 */
const unrelatedDepartments: Partial<Rows> = { officerD: 'NOT_FOUND', officerDS: 'NOT_FOUND' };

const today = (days = 0) => shiftDate(vietnamDate(new Date()), days);
let serial = 0;
const unique = (label: string) => `${label}-${++serial}-${Math.random().toString(36).slice(2, 7)}`;

describe('provinces assign onward: the permission matrix of the agency tree', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const cookie = {} as Record<Actor, string>;
  /**
   * P and S: two provinces; C and C2: communes of P; CS: a commune of S; M: a ministry; D: a department
   * of P; DS: a department of S.
   */
  const ag = { P: 0, S: 0, C: 0, C2: 0, CS: 0, M: 0, D: 0, DS: 0 };
  let provinceName = '';

  async function call(who: Actor, path: string, input: unknown, query = false) {
    return t.trpc(path, input, { method: query ? 'GET' : 'POST', cookie: cookie[who] });
  }
  async function ok(who: Actor, path: string, input: unknown, query = false) {
    const res = await call(who, path, input, query);
    if (res.status !== 200) throw new Error(`${path} by ${who}: ${res.status} ${JSON.stringify(res.error)}`);
    return res.data;
  }
  const get = (id: number, who: Actor = 'office') => ok(who, 'tasks.get', { id }, true);

  async function addCommune(parentId: number, name: string, kind: 'commune' | 'department' = 'commune') {
    const [row] = await t.database.db
      .insert(agencies)
      .values({
        code: unique(kind === 'commune' ? 'XA' : 'SO').toUpperCase(),
        nameVi: name,
        nameEn: name,
        kind,
        level: kind,
        parentId,
        searchText: foldVietnamese(name),
        sortKey: vietnameseSortKey(name),
      })
      .returning({ id: agencies.id });
    if (!row) throw new Error('no commune');
    return row.id;
  }
  const addDepartment = (parentId: number, name: string) => addCommune(parentId, name, 'department');

  /** A province's document assigning one task to `lead` (one of its communes unless a test says otherwise). */
  function provinceDocument(lead: number, deadline = today(20)) {
    return {
      number: unique('QĐ-UBND'),
      kind: 'decision',
      issuedOn: today(-2),
      signer: 'Chủ tịch UBND tỉnh',
      title: 'Kế hoạch chuyển đổi số của tỉnh',
      tasks: [{ title: unique('Nhiệm vụ của xã'), leadAgencyId: lead, deadline }],
    };
  }
  /** A commune task (lead C) that province P assigned. */
  async function communeTask(deadline = today(20)): Promise<number> {
    return (await ok('officerP', 'tasks.createDocument', provinceDocument(ag.C, deadline))).taskIds[0];
  }
  /** A department task (lead D) that province P assigned. */
  async function departmentTask(deadline = today(20)): Promise<number> {
    return (await ok('officerP', 'tasks.createDocument', provinceDocument(ag.D, deadline))).taskIds[0];
  }
  /** A Government task that province P leads. */
  const provinceTask = (deadline = today(40)) => governmentTask(ag.P, deadline);
  async function governmentTask(lead: number, deadline = today(40)): Promise<number> {
    const doc = await ok('office', 'tasks.createDocument', {
      number: unique('QĐ-TTg'),
      kind: 'decision',
      issuedOn: today(-5),
      signer: 'Phó Thủ tướng',
      title: 'Chương trình Chính phủ số',
      tasks: [{ title: unique('Nhiệm vụ'), leadAgencyId: lead, deadline }],
    });
    return doc.taskIds[0];
  }
  const breakDown = (parentTaskId: number, lead = ag.C, deadline: string | null = today(10)) => ({
    parentTaskId,
    title: unique('Phần việc của xã'),
    leadAgencyId: lead,
    deadline,
  });
  async function part(parentTaskId: number, deadline = today(10)): Promise<number> {
    return (await ok('officerP', 'tasks.breakDown', breakDown(parentTaskId, ag.C, deadline))).id;
  }
  async function extensionOn(taskId: number, by: Actor) {
    await ok(by, 'tasks.requestExtension', {
      taskId,
      requestedDeadline: today(90),
      reason: 'Chờ bố trí kinh phí',
      idempotencyKey: unique('ext'),
    });
    const e = (await get(taskId)).extensions[0];
    return { id: e.id as number, version: e.version as number };
  }
  async function completionOn(taskId: number, by: Actor, leader: Actor | null) {
    await ok(by, 'tasks.reportCompletion', {
      taskId,
      result: 'Đã triển khai',
      completionDate: today(),
      idempotencyKey: unique('done'),
    });
    let c = (await get(taskId)).completions[0];
    if (leader) {
      await ok(leader, 'tasks.approveCompletion', { id: c.id, version: c.version, decision: 'accept' });
      c = (await get(taskId)).completions[0];
    }
    return { id: c.id as number, version: c.version as number };
  }
  const progress = (taskId: number) => ({
    taskId,
    percent: 40,
    narrative: 'Đã triển khai tại 3 thôn',
    idempotencyKey: unique('p'),
  });

  beforeAll(async () => {
    // Every case makes its rows afresh for each of the eleven actors: more calls than a minute's limit.
    t = await createTestApp({
      config: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000', API_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    const provinces = await t.database.db
      .select({ id: agencies.id, nameVi: agencies.nameVi })
      .from(agencies)
      .where(eq(agencies.level, 'provincial'))
      .orderBy(asc(agencies.id))
      .limit(2);
    const [p, s] = provinces;
    if (!p || !s) throw new Error('two provinces needed');
    ag.P = p.id;
    provinceName = p.nameVi;
    ag.S = s.id;
    const cName = unique('Xã Thử Một');
    ag.C = await addCommune(p.id, cName);
    const c2Name = unique('Xã Thử Hai');
    ag.C2 = await addCommune(p.id, c2Name);
    ag.CS = await addCommune(s.id, unique('Xã Láng Giềng'));
    const dName = unique('Sở Khoa học và Công nghệ');
    ag.D = await addDepartment(p.id, dName);
    const dsName = unique('Sở Khoa học và Công nghệ láng giềng');
    ag.DS = await addDepartment(s.id, dsName);
    const [m] = await t.database.db
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.nameVi, 'Bộ Y tế')));
    if (!m) throw new Error('no ministry');
    ag.M = m.id;
    const staff: Record<Actor, { role: Role; agency: string }> = {
      office: { role: 'office', agency: 'Văn phòng Chính phủ' },
      officerP: { role: 'officer', agency: p.nameVi },
      leaderP: { role: 'leader', agency: p.nameVi },
      officerC: { role: 'officer', agency: cName },
      leaderC: { role: 'leader', agency: cName },
      officerC2: { role: 'officer', agency: c2Name },
      officerS: { role: 'officer', agency: s.nameVi },
      officerM: { role: 'officer', agency: 'Bộ Y tế' },
      officerD: { role: 'officer', agency: dName },
      leaderD: { role: 'leader', agency: dName },
      officerDS: { role: 'officer', agency: dsName },
    };
    for (const who of ACTORS) {
      const username = `pm.${who.toLowerCase()}`;
      await createUser(t.database, { username, ...staff[who] });
      cookie[who] = await t.login(username);
    }
  });
  afterAll(async () => {
    t.app.server.closeAllConnections();
    await t.close();
  });

  interface Case {
    label: string;
    path: string;
    query?: boolean;
    /** Made afresh for each actor, so an accepted write does not change the next actor's row. */
    input: () => Promise<unknown>;
    rows: Rows;
  }

  const CASES: Case[] = [
    // Reads of a commune task the province assigned: the commune, its province and the Office read its
    // details; a sibling commune, a sibling province and a ministry see the public task only.
    {
      label: "a commune task's detail",
      path: 'tasks.get',
      query: true,
      input: async () => ({ id: await communeTask() }),
      rows: only(['office', 'officerP', 'leaderP', 'officerC', 'leaderC'], 'hidden'),
    },
    {
      label: "a commune task's forecast",
      path: 'tasks.forecast',
      query: true,
      input: async () => ({ id: await communeTask() }),
      rows: only(['office', 'officerP', 'leaderP', 'officerC', 'leaderC'], 'hidden'),
    },
    // The Government may assign to a commune directly: its province still reads it (it answers for
    // its communes), but decides nothing on it.
    {
      label: "a Government task of P's commune",
      path: 'tasks.get',
      query: true,
      input: async () => ({ id: await governmentTask(ag.C) }),
      rows: only(['office', 'officerP', 'leaderP', 'officerC', 'leaderC'], 'hidden'),
    },
    {
      label: "deciding a Government task's extension for P's commune",
      path: 'tasks.decideExtension',
      input: async () => ({
        ...(await extensionOn(await governmentTask(ag.C), 'officerC')),
        decision: 'approved',
      }),
      rows: only(['office'], 'FORBIDDEN', {
        officerC2: 'NOT_FOUND',
        officerS: 'NOT_FOUND',
        officerM: 'NOT_FOUND',
        ...unrelatedDepartments,
      }),
    },
    // A province's own task: its communes see the public task only (a commune reads only its own).
    {
      label: "a province's task's detail",
      path: 'tasks.get',
      query: true,
      input: async () => ({ id: await provinceTask() }),
      rows: only(['office', 'officerP', 'leaderP'], 'hidden'),
    },
    // Registering: the Office; a province's officer for its own communes. A commune, a ministry and a
    // leader may not; another province may not assign to P's commune.
    {
      label: "a document assigning to P's commune",
      path: 'tasks.createDocument',
      input: async () => provinceDocument(ag.C),
      rows: only(['office', 'officerP'], 'FORBIDDEN', { officerS: 'VALIDATION' }),
    },
    {
      label: "a document assigning to S's commune",
      path: 'tasks.createDocument',
      input: async () => provinceDocument(ag.CS),
      rows: only(['office', 'officerS'], 'FORBIDDEN', { officerP: 'VALIDATION' }),
    },
    {
      label: 'a document assigning to a ministry',
      path: 'tasks.createDocument',
      input: async () => provinceDocument(ag.M),
      rows: only(['office'], 'FORBIDDEN', { officerP: 'VALIDATION', officerS: 'VALIDATION' }),
    },
    {
      label: "a task added to P's document",
      path: 'tasks.create',
      input: async () => {
        const taskId = await communeTask();
        const documentId = (await get(taskId)).document.id;
        return { documentId, title: unique('Việc thêm'), leadAgencyId: ag.C2 };
      },
      rows: only(['office', 'officerP']),
    },
    // Editing stays the Office's.
    {
      label: 'editing a commune task',
      path: 'tasks.update',
      input: async () => {
        const id = await communeTask();
        return { id, version: (await get(id)).task.version, patch: { title: unique('Đã sửa') } };
      },
      rows: only(['office']),
    },
    // Breaking down: only the province that leads the task, to its own communes.
    {
      label: "breaking down P's task to its commune",
      path: 'tasks.breakDown',
      input: async () => breakDown(await provinceTask()),
      rows: only(['officerP']),
    },
    {
      label: "breaking down P's task to S's commune",
      path: 'tasks.breakDown',
      input: async () => breakDown(await provinceTask(), ag.CS),
      rows: only([], 'FORBIDDEN', { officerP: 'VALIDATION' }),
    },
    {
      label: "breaking down P's task to a ministry",
      path: 'tasks.breakDown',
      input: async () => breakDown(await provinceTask(), ag.M),
      rows: only([], 'FORBIDDEN', { officerP: 'VALIDATION' }),
    },
    {
      label: "a part due after P's task",
      path: 'tasks.breakDown',
      input: async () => breakDown(await provinceTask(today(40)), ag.C, today(41)),
      rows: only([], 'FORBIDDEN', { officerP: 'VALIDATION' }),
    },
    {
      label: 'breaking down a commune task',
      path: 'tasks.breakDown',
      input: async () => breakDown(await communeTask(), ag.C2),
      rows: only([]),
    },
    // The commune's own work: the commune's officer only; everyone else who sees the task is refused.
    {
      label: 'progress on a commune task',
      path: 'tasks.postProgress',
      input: async () => progress(await communeTask()),
      rows: only(['officerC']),
    },
    {
      label: 'an extension request on a commune task',
      path: 'tasks.requestExtension',
      input: async () => ({
        taskId: await communeTask(),
        requestedDeadline: today(60),
        reason: 'Thiếu nhân lực',
        idempotencyKey: unique('e'),
      }),
      rows: only(['officerC']),
    },
    {
      label: 'a completion report on a commune task',
      path: 'tasks.reportCompletion',
      input: async () => ({
        taskId: await communeTask(),
        result: 'Đã xong',
        completionDate: today(),
        idempotencyKey: unique('c'),
      }),
      rows: only(['officerC']),
    },
    {
      label: "the commune leader's sign-off",
      path: 'tasks.approveCompletion',
      input: async () => ({
        ...(await completionOn(await communeTask(), 'officerC', null)),
        decision: 'accept',
      }),
      rows: only(['leaderC'], 'FORBIDDEN', { leaderD: 'NOT_FOUND' }),
    },
    // What the province assigned, the province decides as the Office does; the Office keeps the right.
    // Those who may not read the request are told NOT_FOUND.
    {
      label: "deciding a commune task's extension",
      path: 'tasks.decideExtension',
      input: async () => ({ ...(await extensionOn(await communeTask(), 'officerC')), decision: 'approved' }),
      rows: only(['office', 'officerP'], 'FORBIDDEN', {
        officerC2: 'NOT_FOUND',
        officerS: 'NOT_FOUND',
        officerM: 'NOT_FOUND',
        ...unrelatedDepartments,
      }),
    },
    {
      label: "reviewing a commune task's completion",
      path: 'tasks.reviewCompletion',
      input: async () => ({
        ...(await completionOn(await communeTask(), 'officerC', 'leaderC')),
        decision: 'accept',
      }),
      rows: only(['office', 'officerP'], 'FORBIDDEN', {
        officerC2: 'NOT_FOUND',
        officerS: 'NOT_FOUND',
        officerM: 'NOT_FOUND',
        ...unrelatedDepartments,
      }),
    },
    // The Government's task the province leads: the Office decides, not the province, nor its communes.
    {
      label: "deciding the province's own extension",
      path: 'tasks.decideExtension',
      input: async () => ({ ...(await extensionOn(await provinceTask(), 'officerP')), decision: 'approved' }),
      rows: only(['office'], 'FORBIDDEN', {
        officerC: 'NOT_FOUND',
        officerC2: 'NOT_FOUND',
        officerS: 'NOT_FOUND',
        officerM: 'NOT_FOUND',
        ...unrelatedDepartments,
      }),
    },
    {
      label: "reviewing the province's own completion",
      path: 'tasks.reviewCompletion',
      input: async () => ({
        ...(await completionOn(await provinceTask(), 'officerP', 'leaderP')),
        decision: 'accept',
      }),
      rows: only(['office'], 'FORBIDDEN', {
        officerC: 'NOT_FOUND',
        officerC2: 'NOT_FOUND',
        officerS: 'NOT_FOUND',
        officerM: 'NOT_FOUND',
        ...unrelatedDepartments,
      }),
    },
    // A department task the province assigned (issue 17 point 1: "to its communes and departments"):
    // the department, its province and the Office read it; a commune of the province, a sibling
    // province and its departments see the public task only. The department does its own work; the
    // province decides what it issued, as for a commune.
    {
      label: "a department task's detail",
      path: 'tasks.get',
      query: true,
      input: async () => ({ id: await departmentTask() }),
      rows: only(['office', 'officerP', 'leaderP', 'officerD', 'leaderD'], 'hidden'),
    },
    {
      label: "a department task's forecast",
      path: 'tasks.forecast',
      query: true,
      input: async () => ({ id: await departmentTask() }),
      rows: only(['office', 'officerP', 'leaderP', 'officerD', 'leaderD'], 'hidden'),
    },
    {
      label: "a Government task of P's department",
      path: 'tasks.get',
      query: true,
      input: async () => ({ id: await governmentTask(ag.D) }),
      rows: only(['office', 'officerP', 'leaderP', 'officerD', 'leaderD'], 'hidden'),
    },
    {
      label: "a document assigning to P's department",
      path: 'tasks.createDocument',
      input: async () => provinceDocument(ag.D),
      rows: only(['office', 'officerP'], 'FORBIDDEN', { officerS: 'VALIDATION' }),
    },
    {
      label: "a document assigning to S's department",
      path: 'tasks.createDocument',
      input: async () => provinceDocument(ag.DS),
      rows: only(['office', 'officerS'], 'FORBIDDEN', { officerP: 'VALIDATION' }),
    },
    {
      label: "a document assigning to P's department with S's department coordinating",
      path: 'tasks.createDocument',
      input: async () => {
        const doc = provinceDocument(ag.D);
        return { ...doc, tasks: doc.tasks.map((task) => ({ ...task, coordinatorIds: [ag.C, ag.DS] })) };
      },
      rows: only(['office'], 'FORBIDDEN', { officerP: 'VALIDATION', officerS: 'VALIDATION' }),
    },
    {
      label: "a task for P's department added to P's document",
      path: 'tasks.create',
      input: async () => {
        const documentId = (await get(await communeTask())).document.id;
        return { documentId, title: unique('Việc thêm cho sở'), leadAgencyId: ag.D, coordinatorIds: [ag.C] };
      },
      rows: only(['office', 'officerP']),
    },
    {
      label: "a task for S's department added to P's document",
      path: 'tasks.create',
      input: async () => {
        const documentId = (await get(await communeTask())).document.id;
        return { documentId, title: unique('Việc thêm cho sở khác'), leadAgencyId: ag.DS };
      },
      // The document's issuer issues the task, whoever adds it: the Office too stays within P's units.
      rows: only([], 'FORBIDDEN', { office: 'VALIDATION', officerP: 'VALIDATION' }),
    },
    {
      label: 'editing a department task',
      path: 'tasks.update',
      input: async () => {
        const id = await departmentTask();
        return { id, version: (await get(id)).task.version, patch: { title: unique('Đã sửa') } };
      },
      rows: only(['office']),
    },
    {
      label: "moving a department task to S's department",
      path: 'tasks.update',
      input: async () => {
        const id = await departmentTask();
        return { id, version: (await get(id)).task.version, patch: { leadAgencyId: ag.DS } };
      },
      // The Office edits, but a province's task stays with the province's units.
      rows: only([], 'FORBIDDEN', { office: 'VALIDATION' }),
    },
    {
      label: "breaking down P's task to its department",
      path: 'tasks.breakDown',
      input: async () => breakDown(await provinceTask(), ag.D),
      rows: only(['officerP']),
    },
    {
      label: "breaking down P's task to S's department",
      path: 'tasks.breakDown',
      input: async () => breakDown(await provinceTask(), ag.DS),
      rows: only([], 'FORBIDDEN', { officerP: 'VALIDATION' }),
    },
    {
      label: 'breaking down a department task',
      path: 'tasks.breakDown',
      input: async () => breakDown(await departmentTask(), ag.C),
      rows: only([]),
    },
    {
      label: 'breaking down a Government task a department leads',
      path: 'tasks.breakDown',
      input: async () => breakDown(await governmentTask(ag.D), ag.C),
      rows: only([]),
    },
    {
      label: 'progress on a department task',
      path: 'tasks.postProgress',
      input: async () => progress(await departmentTask()),
      rows: only(['officerD']),
    },
    {
      label: 'an extension request on a department task',
      path: 'tasks.requestExtension',
      input: async () => ({
        taskId: await departmentTask(),
        requestedDeadline: today(60),
        reason: 'Chờ kinh phí',
        idempotencyKey: unique('e'),
      }),
      rows: only(['officerD']),
    },
    {
      label: 'a completion report on a department task',
      path: 'tasks.reportCompletion',
      input: async () => ({
        taskId: await departmentTask(),
        result: 'Đã xong',
        completionDate: today(),
        idempotencyKey: unique('c'),
      }),
      rows: only(['officerD']),
    },
    {
      label: "the department leader's sign-off",
      path: 'tasks.approveCompletion',
      input: async () => ({
        ...(await completionOn(await departmentTask(), 'officerD', null)),
        decision: 'accept',
      }),
      rows: only(['leaderD'], 'FORBIDDEN', { leaderC: 'NOT_FOUND' }),
    },
    {
      label: "deciding a department task's extension",
      path: 'tasks.decideExtension',
      input: async () => ({
        ...(await extensionOn(await departmentTask(), 'officerD')),
        decision: 'approved',
      }),
      rows: only(['office', 'officerP'], 'FORBIDDEN', {
        officerC: 'NOT_FOUND',
        officerC2: 'NOT_FOUND',
        officerS: 'NOT_FOUND',
        officerM: 'NOT_FOUND',
        officerDS: 'NOT_FOUND',
      }),
    },
    {
      label: "reviewing a department task's completion",
      path: 'tasks.reviewCompletion',
      input: async () => ({
        ...(await completionOn(await departmentTask(), 'officerD', 'leaderD')),
        decision: 'accept',
      }),
      rows: only(['office', 'officerP'], 'FORBIDDEN', {
        officerC: 'NOT_FOUND',
        officerC2: 'NOT_FOUND',
        officerS: 'NOT_FOUND',
        officerM: 'NOT_FOUND',
        officerDS: 'NOT_FOUND',
      }),
    },
    {
      label: "P's document to its department",
      path: 'documents.get',
      query: true,
      input: async () => ({ id: (await get(await departmentTask())).document.id }),
      rows: only(ACTORS.slice()),
    },
    // Documents are public, as the tasks are.
    {
      label: "P's document",
      path: 'documents.get',
      query: true,
      input: async () => ({ id: (await get(await communeTask())).document.id }),
      rows: only(ACTORS.slice()),
    },
    {
      label: 'the documents',
      path: 'documents.list',
      query: true,
      input: async () => ({}),
      rows: only(ACTORS.slice()),
    },
    {
      label: 'the task list',
      path: 'tasks.list',
      query: true,
      input: async () => ({}),
      rows: only(ACTORS.slice()),
    },
    {
      label: 'the counts',
      path: 'tasks.counts',
      query: true,
      input: async () => ({}),
      rows: only(ACTORS.slice()),
    },
    {
      label: 'the inbox',
      path: 'tasks.inbox',
      query: true,
      input: async () => ({}),
      rows: only(ACTORS.slice()),
    },
  ];

  it('tries every task and document procedure', () => {
    const tried = new Set(CASES.map((c) => c.path));
    for (const path of [
      'tasks.list',
      'tasks.inbox',
      'tasks.counts',
      'tasks.get',
      'tasks.forecast',
      'tasks.createDocument',
      'tasks.create',
      'tasks.update',
      'tasks.breakDown',
      'tasks.postProgress',
      'tasks.requestExtension',
      'tasks.decideExtension',
      'tasks.reportCompletion',
      'tasks.approveCompletion',
      'tasks.reviewCompletion',
      'documents.list',
      'documents.get',
    ])
      expect(tried.has(path), path).toBe(true);
  });

  for (const c of CASES) {
    it(`${c.path}: ${c.label}`, async () => {
      const seen: string[] = [];
      const wanted: string[] = [];
      for (const who of ACTORS) {
        const res = await call(who, c.path, await c.input(), c.query);
        let got: string = res.status === 200 ? 'ok' : (res.error?.data?.appCode ?? String(res.status));
        if (res.status === 200 && c.path === 'tasks.get') got = res.data.detailsVisible ? 'ok' : 'hidden';
        if (res.status === 200 && c.path === 'tasks.forecast') got = res.data === null ? 'hidden' : 'ok';
        seen.push(`${who}: ${got}`);
        wanted.push(`${who}: ${c.rows[who]}`);
      }
      expect(seen).toEqual(wanted);
    });
  }

  /** A file the commune's officer uploads and cites in its progress on a task its province assigned. */
  async function communeEvidence(): Promise<number> {
    const boundary = 'provinceBoundary29';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: cookie.officerC },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bien-ban.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        Buffer.from('%PDF-1.7\n% bien ban cua xa\n'),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    const id = res.json().id as number;
    await ok('officerC', 'tasks.postProgress', { ...progress(await communeTask()), evidenceFileId: id });
    return id;
  }

  it('GET /api/evidence/:id: the commune, its province and the Office download its evidence; no one else learns it exists', async () => {
    const id = await communeEvidence();
    const seen = [];
    for (const who of ACTORS) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/evidence/${id}`,
        headers: { cookie: cookie[who] },
      });
      seen.push(`${who}: ${res.statusCode}`);
    }
    const rows = only(['office', 'officerP', 'leaderP', 'officerC', 'leaderC'], 'NOT_FOUND');
    expect(seen).toEqual(ACTORS.map((who) => `${who}: ${rows[who] === 'ok' ? 200 : 404}`));
  });

  it("GET /export/tasks.csv and a search: the communes' tasks by the same filter", async () => {
    const id = await communeTask();
    const { title } = (await get(id)).task;
    const filter = encodeURIComponent(JSON.stringify({ communesOf: ag.P, q: title }));
    const csv = await t.app.inject({
      method: 'GET',
      url: `/export/tasks.csv?filter=${filter}`,
      headers: { cookie: cookie.officerP },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(title);
    const found = await ok('officerP', 'tasks.list', { communesOf: ag.P, q: title }, true);
    expect(found.items.map((i: { id: number }) => i.id)).toEqual([id]);
    const elsewhere = await ok('officerS', 'tasks.list', { communesOf: ag.S, q: title }, true);
    expect(elsewhere.total).toBe(0);
  });

  it("a province's inbox shows its communes' and departments' tasks; a commune's or department's only its own; a sibling province's neither", async () => {
    const own = await communeTask();
    const parent = await provinceTask();
    const child = await part(parent);
    const department = await departmentTask();
    const departmentPart = (await ok('officerP', 'tasks.breakDown', breakDown(parent, ag.D))).id;
    // Each task looked for by its own title: the cases above leave P's units with hundreds of tasks.
    const sees = async (who: Actor, id: number, scope?: 'own' | 'communes') => {
      const q = (await get(id)).task.title;
      const found = await ok(who, 'tasks.inbox', { q, pageSize: 50, ...(scope ? { scope } : {}) }, true);
      return found.items.some((i: { id: number }) => i.id === id);
    };
    const seen: string[] = [];
    const wanted: string[] = [];
    const tasks = { own, parent, child, department, departmentPart };
    const expectations: [Actor, 'own' | 'communes' | undefined, keyof typeof tasks, boolean][] = [
      ['officerP', 'communes', 'own', true],
      ['officerP', 'communes', 'child', true],
      ['officerP', 'communes', 'department', true],
      ['officerP', 'communes', 'departmentPart', true],
      ['officerP', 'communes', 'parent', false],
      ['officerP', undefined, 'parent', true],
      ['officerC', undefined, 'own', true],
      ['officerC', undefined, 'child', true],
      ['officerC', undefined, 'department', false],
      ['officerC2', undefined, 'own', false],
      ['officerS', 'communes', 'own', false],
      ['officerS', 'communes', 'department', false],
      ['officerD', undefined, 'department', true],
      ['officerD', undefined, 'departmentPart', true],
      ['officerD', undefined, 'own', false],
      ['officerD', undefined, 'parent', false],
      ['officerDS', undefined, 'department', false],
    ];
    for (const [who, scope, task, expected] of expectations) {
      seen.push(`${who} ${scope ?? 'own'} ${task}: ${await sees(who, tasks[task], scope)}`);
      wanted.push(`${who} ${scope ?? 'own'} ${task}: ${expected}`);
    }
    expect(seen).toEqual(wanted);
    // The public list takes the same filter.
    for (const id of Object.values(tasks)) {
      const q = (await get(id)).task.title;
      const listed = await ok('office', 'tasks.list', { communesOf: ag.P, q }, true);
      expect(listed.items.map((i: { id: number }) => i.id)).toEqual(id === parent ? [] : [id]);
    }
  });

  it('the parent shows how many of its parts are done, open and overdue; a part links to its parent', async () => {
    const parent = await provinceTask(today(40));
    const done = await part(parent, today(10));
    const late = await part(parent, today(-1));
    const open = await part(parent, today(20));
    const report = await completionOn(done, 'officerC', 'leaderC');
    await ok('officerP', 'tasks.reviewCompletion', { ...report, decision: 'accept' });
    await ok('officerC', 'tasks.postProgress', progress(open));
    const page = await get(parent, 'officerP');
    expect(page.parts.rollup).toEqual({ total: 3, done: 1, late: 0, open: 1, overdue: 1, withdrawn: 0 });
    const byId = new Map(page.parts.items.map((p: { id: number }) => [p.id, p]));
    expect(byId.get(late)).toMatchObject({ status: 'overdue' });
    expect(byId.get(open)).toMatchObject({ latestPercent: 40, status: 'in_progress' });
    // The parent's own progress stays the province's to report.
    expect(page.task.latestPercent).toBe(0);
    const child = await get(open, 'officerC');
    expect(child.parent).toMatchObject({ id: parent });
    expect(child.issuer).toMatchObject({ id: ag.P });
    // The part implements the Government's document; a province's own document names the province.
    expect(child.document.issuerNameVi).toBeNull();
    const own = await get(await communeTask());
    expect([own.issuer?.nameVi, own.document.issuerNameVi]).toEqual([provinceName, provinceName]);
  });

  it("a part's change reaches the parent's readers: an event on the parent, the part's detail for the province", async () => {
    const parent = await provinceTask();
    const child = await part(parent);
    // Cached before the change.
    expect((await get(parent, 'officerP')).parts.items[0].latestPercent).toBe(0);
    await ok('officerC', 'tasks.postProgress', progress(child));
    const events = await t.database.db
      .select({ type: changeEvents.type, taskId: changeEvents.taskId, agencyIds: changeEvents.agencyIds })
      .from(changeEvents)
      .where(eq(changeEvents.taskId, parent));
    expect(events.map((e) => e.type)).toContain('task.partChanged');
    const [progressEvent] = await t.database.db
      .select({ agencyIds: changeEvents.agencyIds })
      .from(changeEvents)
      .where(and(eq(changeEvents.taskId, child), eq(changeEvents.type, 'task.progress')));
    if (!progressEvent) throw new Error('no progress event');
    // The live stream's rule: the province reads the narrative, a sibling province does not.
    expect(canSeeDetail({ role: 'officer', agencyId: ag.P }, progressEvent)).toBe(true);
    expect(canSeeDetail({ role: 'officer', agencyId: ag.S }, progressEvent)).toBe(false);
    expect(canSeeDetail({ role: 'officer', agencyId: ag.C2 }, progressEvent)).toBe(false);
    // The parent's cached page moved with it.
    expect((await get(parent, 'officerP')).parts.items[0].latestPercent).toBe(40);
  });

  it("live: the province's stream hears a part's progress with its narrative and the parent's event; a sibling province's without", async () => {
    const parent = await provinceTask();
    const child = await part(parent);
    // A port of this worktree's range (the helpers' rule), not an ephemeral one.
    const base = await t.app.listen({ port: 3941, host: '127.0.0.1' });
    const input = encodeURIComponent(JSON.stringify({ json: {} }));
    const open = async (who: Actor) => {
      const controller = new AbortController();
      const res = await fetch(`${base}/trpc/live.changes?input=${input}`, {
        headers: { cookie: cookie[who], accept: 'text/event-stream' },
        signal: controller.signal,
      });
      const reader = readSse(res);
      await reader.next(); // the server's status, once subscribed
      return { who, reader, controller };
    };
    const streams = await Promise.all((['officerP', 'officerS'] as const).map(open));
    const narrative = unique('Xã đã lắp đặt thiết bị');
    await ok('officerC', 'tasks.postProgress', { ...progress(child), narrative });
    const heard = await Promise.all(
      streams.map(async ({ who, reader, controller }) => {
        const got: string[] = [];
        for await (const m of reader) {
          if (m.kind !== 'change') continue;
          if (m.type === 'task.progress' && m.payload.taskId === child)
            got.push(JSON.stringify(m).includes(narrative) ? 'progress with narrative' : 'progress');
          if (m.type === 'task.partChanged' && m.payload.taskId === parent) got.push('parent told');
          if (got.length === 2) break;
        }
        controller.abort();
        return `${who}: ${got.sort().join(', ')}`;
      }),
    );
    expect(heard).toEqual([
      'officerP: parent told, progress with narrative',
      'officerS: parent told, progress',
    ]);
  });
});
