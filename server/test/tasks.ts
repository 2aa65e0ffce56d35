import { sql } from 'drizzle-orm';
import type { Role } from '../../shared/roles';
import type { CreateDocumentInput } from '../../shared/schemas/tasks';
import { shiftDate, vietnamDate } from '../../shared/time';
import type { Database } from '../db/client';
import { selectRows } from '../db/rows';
import { createTestApp, createUser } from './app';

/**
 * The standard cast for task tests: the Government Office, the lead agency of the fixture task
 * (Bộ Tài chính), its coordinating agency (Thành phố Hà Nội), an unrelated agency (Bộ Y tế), the
 * Inspectorate and an administrator — and helpers to put a task into any state through the API.
 */
export const CAST = {
  admin: { username: 'qt', role: 'admin', agency: 'Văn phòng Chính phủ' },
  office: { username: 'vpcp', role: 'office', agency: 'Văn phòng Chính phủ' },
  leadOfficer: { username: 'btc.cv', role: 'officer', agency: 'Bộ Tài chính' },
  leadLeader: { username: 'btc.ld', role: 'leader', agency: 'Bộ Tài chính' },
  coordOfficer: { username: 'hn.cv', role: 'officer', agency: 'Thành phố Hà Nội' },
  coordLeader: { username: 'hn.ld', role: 'leader', agency: 'Thành phố Hà Nội' },
  otherOfficer: { username: 'byt.cv', role: 'officer', agency: 'Bộ Y tế' },
  inspector: { username: 'tt', role: 'inspector', agency: 'Thanh tra Chính phủ' },
} as const satisfies Record<string, { username: string; role: Role; agency: string }>;

export type Who = keyof typeof CAST;
export const EVERYONE = Object.keys(CAST) as Who[];

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
export type TrpcResult = Awaited<ReturnType<TestApp['trpc']>>;

export interface Agencies {
  finance: number;
  hanoi: number;
  health: number;
  office: number;
  inspectorate: number;
}

/** A task as the Office assigns it; unset fields get the fixture's defaults. */
export type TaskSpec = Partial<NonNullable<CreateDocumentInput['tasks']>[number]>;

let counter = 0;
/** A fresh idempotency key (the schema wants at least 8 characters). */
export const newKey = (label = 'key') => `${label}-${++counter}-${Math.random().toString(36).slice(2, 10)}`;

/** Vietnam's calendar date today, moved by `days`. */
export const today = (days = 0) => shiftDate(vietnamDate(new Date()), days);

/** The data of a successful call; otherwise fails with the server's answer, so a test shows why. */
export function ok(res: TrpcResult): TrpcResult['data'] {
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${JSON.stringify(res.error)}`);
  return res.data;
}

/** `database`: one the caller made and closes (else the test file's own copy of the template). */
export async function startCast(config: Record<string, string> = {}, database?: Database) {
  const t = await createTestApp({ config: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000', ...config }, database });
  const cookie = {} as Record<Who, string>;
  const agencyOf = {} as Record<Who, number>;
  for (const who of EVERYONE) {
    const user = await createUser(t.database, { ...CAST[who] });
    agencyOf[who] = user.agencyId;
    cookie[who] = await t.login(CAST[who].username);
  }
  const agency: Agencies = {
    finance: agencyOf.leadOfficer,
    hanoi: agencyOf.coordOfficer,
    health: agencyOf.otherOfficer,
    office: agencyOf.office,
    inspectorate: agencyOf.inspector,
  };

  const mutate = (who: Who | null, path: string, input: unknown) =>
    t.trpc(path, input, who ? { cookie: cookie[who] } : {});
  const query = (who: Who | null, path: string, input: unknown = {}) =>
    t.trpc(path, input, who ? { method: 'GET', cookie: cookie[who] } : { method: 'GET' });

  let documents = 0;
  /** The Office registers a document; by default with one task led by Bộ Tài chính, Hà Nội coordinating. */
  async function createDocument(tasks: TaskSpec[] = [{}]): Promise<{ id: number; taskIds: number[] }> {
    documents++;
    return ok(
      await mutate('office', 'tasks.createDocument', {
        number: `${documents}/QĐ-TTg-${Math.random().toString(36).slice(2, 6)}`,
        kind: 'decision',
        issuedOn: today(-10),
        signer: 'Phó Thủ tướng',
        title: `Quyết định thử số ${documents}`,
        tasks: tasks.map((task, i) => ({
          title: `Nhiệm vụ ${documents}.${i + 1}`,
          leadAgencyId: agency.finance,
          coordinatorIds: [agency.hanoi],
          deadline: today(30),
          ...task,
        })),
      }),
    );
  }

  /** One new open task (lead Bộ Tài chính, coordinator Hà Nội, deadline in 30 days unless overridden). */
  async function newTask(overrides: TaskSpec = {}): Promise<number> {
    const { taskIds } = await createDocument([overrides]);
    const id = taskIds[0];
    if (id === undefined) throw new Error('no task created');
    return id;
  }

  const getTask = async (taskId: number, who: Who = 'office') =>
    ok(await query(who, 'tasks.get', { id: taskId }));

  const postProgress = async (taskId: number, percent: number, who: Who = 'leadOfficer') =>
    ok(
      await mutate(who, 'tasks.postProgress', {
        taskId,
        percent,
        narrative: `Đã hoàn thành ${percent}% khối lượng`,
        idempotencyKey: newKey('progress'),
      }),
    );

  const requestExtension = async (taskId: number, requestedDeadline = today(60)) =>
    ok(
      await mutate('leadOfficer', 'tasks.requestExtension', {
        taskId,
        requestedDeadline,
        reason: 'Chờ ý kiến thẩm định của các bộ',
        idempotencyKey: newKey('extension'),
      }),
    );

  const reportCompletion = async (taskId: number, completionDate = today()) =>
    ok(
      await mutate('leadOfficer', 'tasks.reportCompletion', {
        taskId,
        result: 'Đã ban hành Thông tư hướng dẫn',
        completionDate,
        evidenceUrl: 'https://vanban.chinhphu.vn/thong-tu-1',
        idempotencyKey: newKey('completion'),
      }),
    );

  /** The task's newest extension request / completion report as the Office sees it (id, version, state). */
  const latestExtension = async (taskId: number) => {
    const e = (await getTask(taskId)).extensions[0];
    if (!e) throw new Error(`task ${taskId} has no extension request`);
    return e as { id: number; version: number; state: string; requestedDeadline: string };
  };
  const latestCompletion = async (taskId: number) => {
    const c = (await getTask(taskId)).completions[0];
    if (!c) throw new Error(`task ${taskId} has no completion report`);
    return c as { id: number; version: number; state: string };
  };

  /** The lead agency's leader signs off the task's open completion report: it now awaits the Office. */
  async function leaderApproves(taskId: number) {
    const c = await latestCompletion(taskId);
    return ok(
      await mutate('leadLeader', 'tasks.approveCompletion', {
        id: c.id,
        version: c.version,
        decision: 'accept',
      }),
    );
  }

  /** Reported, signed off and accepted: the task is closed, completed today. */
  async function completeTask(taskId: number) {
    await reportCompletion(taskId);
    await leaderApproves(taskId);
    const report = await latestCompletion(taskId);
    return ok(
      await mutate('office', 'tasks.reviewCompletion', {
        id: report.id,
        version: report.version,
        decision: 'accept',
      }),
    );
  }

  return {
    t,
    database: t.database,
    cookie,
    agency,
    mutate,
    query,
    createDocument,
    newTask,
    getTask,
    postProgress,
    requestExtension,
    reportCompletion,
    latestExtension,
    latestCompletion,
    leaderApproves,
    completeTask,
    snapshot: () => snapshot(t),
    close: () => t.close(),
  };
}

export type Cast = Awaited<ReturnType<typeof startCast>>;

/**
 * Everything a task write could change: row counts, and a digest of every task, extension request
 * and completion report row (so a changed state, deadline or version shows too).
 */
export async function snapshot(t: TestApp) {
  const digest = (table: string) =>
    sql.raw(`(select md5(coalesce(string_agg(x::text, '|' order by x.id), '')) from ${table} x)`);
  const [row] = await selectRows<Record<string, number | string>>(
    t.database.db,
    sql`select
      (select count(*)::int from documents) as documents,
      (select count(*)::int from tasks) as tasks,
      (select coalesce(sum(version), 0)::int from tasks) as "taskVersions",
      ${digest('tasks')} as "tasksDigest",
      (select count(*)::int from task_coordinators) as coordinators,
      (select count(*)::int from progress_updates) as progress,
      (select count(*)::int from extension_requests) as extensions,
      ${digest('extension_requests')} as "extensionsDigest",
      (select count(*)::int from completion_reports) as completions,
      ${digest('completion_reports')} as "completionsDigest",
      (select count(*)::int from audit_log) as audit,
      (select count(*)::int from change_events) as "changeEvents"`,
  );
  if (!row) throw new Error('snapshot failed');
  return row;
}

/** Number of audit entries so far. */
export async function auditCount(t: TestApp): Promise<number> {
  const [row] = await selectRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log`);
  return row?.n ?? 0;
}
