/**
 * National-scale dataset generator for `npm run bench` (issue 7). Deterministic: the same scale, seed
 * and `today` give the same rows.
 *
 *   node --import tsx bench/generate.ts --scale=small|national [--tasks=N] [--progress=N] [--seed=N]
 *        [--today=YYYY-MM-DD] [--database-url=postgres://…]
 *        (default: BENCH_DATABASE_URL, then DATABASE_URL, then …/dgm_bench, as `npm run bench`)
 *
 * It drops and re-creates the bench database (only a database whose name contains "bench"), runs the
 * migrations, loads the reference data and the demo accounts and history through the product's own
 * seed (every agency including the 3,321 communes; monthly and quarterly submissions for every obliged
 * agency since the Program started), then streams the national volume through COPY: one officer per
 * commune, documents, tasks with coordinators, progress updates, completion reports, extension
 * requests, each task's state history (task_states: as assigned, then at each approved extension,
 * accepted completion and withdrawal, as the trigger on tasks records a user's writes), and an audit
 * entry for every one of them with a valid hash chain (the same `auditHash` the server writes and
 * `audit.verify` checks). Nothing is dated after the start of `today`.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { openPostgres } from '../server/db/client';
import { MIGRATIONS_FOLDER, runMigrations } from '../server/db/migrate';
import { type AuditContent, auditHash, GENESIS_HASH } from '../server/modules/audit/hash';
import { FAMILY, FIELDS, GIVEN, MIDDLE, NARRATIVES, TITLES } from '../server/seed/demo';
import { seedIfEmpty } from '../server/seed/index';
import type { AgencyLevel } from '../shared/agencies';
import { createRandom, type Random } from '../shared/random';
import { foldVietnamese } from '../shared/text';
import { earlierDate, shiftDate, vietnamDate, vietnamInstant } from '../shared/time';

export const SCALES = {
  small: { tasks: 20_000, progress: 200_000, documents: 400 },
  national: { tasks: 200_000, progress: 2_000_000, documents: 4_000 },
} as const;
export type ScaleName = keyof typeof SCALES;

/**
 * Work is not spread evenly: the capital leads about 43,000 of the national 200,000 tasks (issue 15), so
 * its lists are 15 times an average province's. The planner's estimate for one agency (the average, a
 * thousand rows or so) is then far off for it: the case the lists' plans must hold for.
 */
export const CAPITAL_SHARE = 0.215;
const CAPITAL_CODE = 'TPHN';

export const DEFAULT_BENCH_URL = 'postgres://postgres@127.0.0.1:5432/dgm_bench';

export interface GenerateOptions {
  databaseUrl: string;
  scale: ScaleName;
  tasks?: number;
  progress?: number;
  seed?: number;
  today?: string;
  log?: (line: string) => void;
}

export interface GenerateResult {
  marker: DatasetMarker;
  counts: Record<string, number>;
  seconds: number;
}

/** Stored as the bench database's COMMENT: the bench re-uses a database loaded with the same marker. */
export interface DatasetMarker {
  scale: ScaleName;
  tasks: number;
  progress: number;
  seed: number;
  today: string;
  migrations: number;
  /** The share of all tasks the capital (Hà Nội) leads: the skewed agency whose lists the bench pages through. */
  capitalShare: number;
}

const KINDS = ['decision', 'resolution', 'conclusion_notice', 'official_letter', 'directive'] as const;
const KIND_NUMBER: Record<(typeof KINDS)[number], string> = {
  decision: 'QĐ-TTg',
  resolution: 'NQ-CP',
  conclusion_notice: 'TB-VPCP',
  official_letter: 'VPCP-KSTT',
  directive: 'CT-TTg',
};
const SIGNERS = ['Thủ tướng Chính phủ', 'Chính phủ', 'Văn phòng Chính phủ', 'Phó Thủ tướng Chính phủ'];

/** COPY text format: tab-separated, \N for null, backslash escapes. */
function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}
const line = (values: (string | number | boolean | null | undefined)[]) => `${values.map(cell).join('\t')}\n`;

/** A COPY … FROM STDIN stream fed in chunks, respecting backpressure. */
class CopyStream {
  private buffer: string[] = [];
  private size = 0;
  rows = 0;
  private constructor(private readonly stream: Writable) {}

  static async open(sql: postgres.Sql, table: string, columns: string[]): Promise<CopyStream> {
    const stream = await sql.unsafe(`COPY ${table} (${columns.join(', ')}) FROM STDIN`).writable();
    return new CopyStream(stream);
  }

  async push(text: string): Promise<void> {
    this.buffer.push(text);
    this.size += text.length;
    this.rows++;
    if (this.size > 256 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.buffer.length) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async end(): Promise<void> {
    await this.flush();
    const finished = new Promise<void>((resolve, reject) => {
      this.stream.once('finish', resolve);
      this.stream.once('close', resolve);
      this.stream.once('error', reject);
    });
    this.stream.end();
    await finished;
  }
}

function parseMarker(comment: string | null): DatasetMarker | null {
  try {
    return comment ? (JSON.parse(comment) as DatasetMarker) : null;
  } catch {
    return null;
  }
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** The loaded dataset's marker, or null when the database is missing or was not loaded by this tool. */
export async function readMarker(databaseUrl: string): Promise<DatasetMarker | null> {
  const admin = adminClient(databaseUrl);
  try {
    const [row] = await admin<{ comment: string | null }[]>`
      select shobj_description(oid, 'pg_database') as comment from pg_database where datname = ${databaseName(databaseUrl)}`;
    return parseMarker(row?.comment ?? null);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

function adminClient(databaseUrl: string): postgres.Sql {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return postgres(url.toString(), { max: 1, onnotice: () => {} });
}

/** Drops and re-creates the bench database. Refuses any database whose name does not say "bench". */
export async function recreateDatabase(databaseUrl: string): Promise<void> {
  const name = databaseName(databaseUrl);
  if (!/bench/i.test(name) || !/^[a-z0-9_]+$/i.test(name)) {
    throw new Error(
      `Refusing to drop "${name}": the bench only re-creates a database whose name contains "bench".`,
    );
  }
  const admin = adminClient(databaseUrl);
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** The newest migration's timestamp: a dataset loaded under other migrations is re-generated. */
export function latestMigration(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return Math.max(...journal.entries.map((e) => e.when));
}

export function markerFor(options: Pick<GenerateOptions, 'scale' | 'tasks' | 'progress' | 'seed' | 'today'>) {
  const spec = SCALES[options.scale];
  return {
    scale: options.scale,
    tasks: options.tasks ?? spec.tasks,
    progress: options.progress ?? spec.progress,
    seed: options.seed ?? 2629,
    today: options.today ?? vietnamDate(new Date()),
    migrations: latestMigration(),
    capitalShare: CAPITAL_SHARE,
  } satisfies DatasetMarker;
}

interface Agency {
  id: number;
  code: string;
  nameVi: string;
  /** Departments (reference data: every province's) lead none of the generated tasks. */
  level: AgencyLevel;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const log = options.log ?? ((l: string) => console.log(l));
  const marker = markerFor(options);
  const spec = SCALES[options.scale];
  const { today } = marker;
  const step = (label: string) => log(`  [${((performance.now() - started) / 1000).toFixed(1)} s] ${label}`);

  await recreateDatabase(options.databaseUrl);
  step(`database ${databaseName(options.databaseUrl)} re-created`);
  const database = openPostgres(options.databaseUrl, { max: 2 });
  try {
    await runMigrations(database);
    await seedIfEmpty(database.db, { communes: 3321, demo: true, today });
  } finally {
    await database.close();
  }
  step(
    "migrations, reference data (3,321 communes, every province's departments), demo accounts and submission history loaded",
  );

  const sql = postgres(options.databaseUrl, {
    max: 8,
    onnotice: () => {},
    connection: { synchronous_commit: 'off', application_name: 'dgm-bench-generate' },
  });
  const counts: Record<string, number> = {};
  try {
    const agencyRows = await sql<
      Agency[]
    >`select id, code, name_vi as "nameVi", level from agencies order by id`;
    const central = agencyRows.filter((a) => a.level === 'central');
    const provincial = agencyRows.filter((a) => a.level === 'provincial');
    const communes = agencyRows.filter((a) => a.level === 'commune');
    const [office] = await sql<{ id: number; agencyId: number; passwordHash: string }[]>`
      select id, agency_id as "agencyId", password_hash as "passwordHash" from users where username = 'vpcp'`;
    if (!office) throw new Error('demo accounts missing');
    const officeActor = { userId: office.id, username: 'vpcp', role: 'office', agencyId: office.agencyId };

    // One officer for every commune that has none (the demo gives the first commune a named one).
    const random = createRandom(marker.seed);
    const existing = await sql<{ agencyId: number }[]>`
      select agency_id as "agencyId" from users where role = 'officer'`;
    const hasOfficer = new Set(existing.map((e) => e.agencyId));
    const userCopy = await CopyStream.open(sql, 'users', [
      'username',
      'password_hash',
      'full_name',
      'role',
      'agency_id',
      'search_text',
    ]);
    for (const c of communes) {
      if (hasOfficer.has(c.id)) continue;
      const fullName = `${random.pick(FAMILY)} ${random.pick(MIDDLE)} ${random.pick(GIVEN)}`;
      const username = `cb.${c.code.toLowerCase()}`;
      await userCopy.push(
        line([
          username,
          office.passwordHash,
          fullName,
          'officer',
          c.id,
          foldVietnamese(`${fullName} ${username}`),
        ]),
      );
    }
    await userCopy.end();
    counts.communeOfficers = userCopy.rows;
    const staff = await sql<{ id: number; username: string; role: string; agencyId: number }[]>`
      select id, username, role, agency_id as "agencyId" from users order by id`;
    const officerOf = new Map<number, (typeof staff)[number]>();
    const leaderOf = new Map<number, (typeof staff)[number]>();
    for (const u of staff) {
      if (u.role === 'officer' && !officerOf.has(u.agencyId)) officerOf.set(u.agencyId, u);
      if (u.role === 'leader' && !leaderOf.has(u.agencyId)) leaderOf.set(u.agencyId, u);
    }
    step(`${userCopy.rows} commune officers`);

    const next = async (table: string) =>
      Number((await sql.unsafe(`select coalesce(max(id), 0) + 1 as n from ${table}`))[0]?.n ?? 1);
    // Ordered by the column, not by the text alias (which would put 999 after 1000).
    const [lastAudit] = await sql<{ id: string; hash: string }[]>`
      select id::text as id, hash from audit_log order by audit_log.id desc limit 1`;
    let auditId = Number(lastAudit?.id ?? 0);
    let prevHash = lastAudit?.hash ?? GENESIS_HASH;

    // Secondary indexes are rebuilt once after the load (much faster than maintaining them row by row).
    const bulkTables = [
      'tasks',
      'task_states',
      'task_coordinators',
      'progress_updates',
      'completion_reports',
      'extension_requests',
      'audit_log',
    ];
    const secondary = await sql<{ name: string; def: string }[]>`
      select indexname as name, indexdef as def from pg_indexes
      where schemaname = 'public' and tablename in ${sql(bulkTables)}
        and indexname not in (select conname from pg_constraint)`;
    for (const index of secondary) await sql.unsafe(`DROP INDEX "${index.name}"`);

    const audit = await CopyStream.open(sql, 'audit_log', [
      'id',
      'at',
      'user_id',
      'username',
      'role',
      'agency_id',
      'action',
      'entity_type',
      'entity_id',
      'before',
      'after',
      'prev_hash',
      'hash',
    ]);
    const appendAudit = async (
      actor: { userId: number; username: string; role: string; agencyId: number },
      at: Date,
      action: string,
      entityType: string,
      entityId: number,
      after: unknown,
    ) => {
      const content: AuditContent = {
        at,
        userId: actor.userId,
        username: actor.username,
        role: actor.role,
        agencyId: actor.agencyId,
        action,
        entityType,
        entityId: String(entityId),
        before: null,
        after,
      };
      const hash = auditHash(prevHash, content);
      auditId++;
      await audit.push(
        line([
          auditId,
          at.toISOString(),
          actor.userId,
          actor.username,
          actor.role,
          actor.agencyId,
          action,
          entityType,
          String(entityId),
          null,
          JSON.stringify(after),
          prevHash,
          hash,
        ]),
      );
      prevHash = hash;
    };
    const actorOf = (u: { id: number; username: string; role: string; agencyId: number }) => ({
      userId: u.id,
      username: u.username,
      role: u.role,
      agencyId: u.agencyId,
    });

    // Documents, spread over the Program's life (it started 356 days before `today` in the demo).
    const programStart = shiftDate(today, -356);
    const firstDoc = await next('documents');
    const docCopy = await CopyStream.open(sql, 'documents', [
      'id',
      'number',
      'kind',
      'issued_on',
      'signer',
      'title',
      'search_text',
      'created_by',
      'created_at',
    ]);
    const docs: { id: number; number: string; issuedOn: string }[] = [];
    for (let i = 0; i < spec.documents * (marker.tasks / spec.tasks); i++) {
      const id = firstDoc + i;
      const kind = random.pick(KINDS);
      const issuedOn = shiftDate(
        programStart,
        Math.floor((i / (spec.documents * (marker.tasks / spec.tasks))) * 350),
      );
      const number = `${1000 + i}/${KIND_NUMBER[kind]}-${issuedOn.slice(0, 4)}`;
      const title = `Văn bản chỉ đạo về ${random.pick(FIELDS)} (đợt ${i + 1})`;
      const createdAt = vietnamInstant(issuedOn, 9);
      docs.push({ id, number, issuedOn });
      await docCopy.push(
        line([
          id,
          number,
          kind,
          issuedOn,
          random.pick(SIGNERS),
          title,
          foldVietnamese(`${number} ${title}`),
          office.id,
          createdAt.toISOString(),
        ]),
      );
      await appendAudit(officeActor, createdAt, 'document.create', 'document', id, {
        id,
        number,
        kind,
        issuedOn,
        title,
      });
    }
    await docCopy.end();
    counts.documents = docCopy.rows;
    step(`${docCopy.rows} documents`);

    // Tasks and everything that hangs off them, streamed into seven COPYs at once. Each task's history
    // is written as the trigger on tasks would have written it at each instant; its insert trigger
    // (which would record every task in its final state at its creation) is off for the load.
    await sql.unsafe('ALTER TABLE tasks DISABLE TRIGGER task_states_on_insert');
    const firstTask = await next('tasks');
    let progressId = await next('progress_updates');
    let completionId = await next('completion_reports');
    let extensionId = await next('extension_requests');
    const taskCopy = await CopyStream.open(sql, 'tasks', [
      'id',
      'document_id',
      'group_no',
      'title',
      'description',
      'lead_agency_id',
      'deadline',
      'original_deadline',
      'priority',
      'is_key',
      'completed_on',
      'withdrawn',
      'last_lead_update_at',
      'latest_percent',
      'search_text',
      'created_by',
      'created_at',
      'updated_at',
    ]);
    const coordCopy = await CopyStream.open(sql, 'task_coordinators', ['task_id', 'agency_id']);
    const progressCopy = await CopyStream.open(sql, 'progress_updates', [
      'id',
      'task_id',
      'agency_id',
      'author_id',
      'kind',
      'percent',
      'narrative',
      'created_at',
    ]);
    const completionCopy = await CopyStream.open(sql, 'completion_reports', [
      'id',
      'task_id',
      'reported_by',
      'result',
      'completion_date',
      'state',
      'leader_id',
      'leader_at',
      'reviewer_id',
      'reviewed_at',
      'created_at',
      'version',
    ]);
    const stateCopy = await CopyStream.open(sql, 'task_states', [
      'task_id',
      'valid_from',
      'valid_to',
      'lead_agency_id',
      'deadline',
      'completed_on',
      'withdrawn',
    ]);
    const extensionCopy = await CopyStream.open(sql, 'extension_requests', [
      'id',
      'task_id',
      'requested_by',
      'reason',
      'current_deadline',
      'requested_deadline',
      'state',
      'decided_by',
      'decided_at',
      'created_at',
      'version',
    ]);

    const todayMs = Date.parse(`${today}T08:00:00+07:00`);
    // No task event (a decision, an acceptance, a withdrawal) is dated after the start of `today`.
    const historyEnd = vietnamInstant(today).getTime();
    const notAfterHistory = (at: Date) => new Date(Math.min(at.getTime(), historyEnd));
    const progressPerTask = marker.progress / marker.tasks;
    // Leads: the capital its share; the rest a third central, a third provincial, a third communes
    // (each commune a handful of tasks).
    const capital = provincial.find((a) => a.code === CAPITAL_CODE);
    if (!capital) throw new Error(`no agency ${CAPITAL_CODE}`);
    const pickLead = (r: Random): Agency => {
      const roll = r.next();
      if (roll < CAPITAL_SHARE) return capital;
      const rest = (roll - CAPITAL_SHARE) / (1 - CAPITAL_SHARE);
      return rest < 0.36 ? r.pick(central) : rest < 0.7 ? r.pick(provincial) : r.pick(communes);
    };
    for (let i = 0; i < marker.tasks; i++) {
      const r = createRandom(marker.seed * 1_000_003 + i);
      const id = firstTask + i;
      const doc = docs[Math.floor((i / marker.tasks) * docs.length)] ?? docs[0];
      if (!doc) throw new Error('no documents');
      const lead = pickLead(r);
      // Group sizes differ: digital platforms and data carry most tasks.
      const groupNo = r.chance(0.06) ? null : r.pick([1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 9]);
      const title = `${r.pick(TITLES[groupNo ?? 1] ?? TITLES[1] ?? []).replace('{x}', r.pick(FIELDS))} — ${lead.nameVi}`;
      const assignedOn = shiftDate(doc.issuedOn, r.int(0, 5));
      const hasDeadline = !r.chance(0.1);
      const deadline = hasDeadline ? shiftDate(assignedOn, r.int(30, 540)) : null;
      const extended = deadline !== null && r.chance(0.08);
      const originalDeadline = deadline && extended ? shiftDate(deadline, -r.int(20, 60)) : deadline;
      const pastDue = deadline !== null && deadline < today;
      const withdrawn = r.chance(0.01);
      const completed = !withdrawn && r.chance(pastDue ? 0.62 : 0.15);
      const late = completed && pastDue && r.chance(0.3);
      let completedOn: string | null = null;
      if (completed) {
        completedOn = deadline
          ? late
            ? earlierDate(shiftDate(deadline, r.int(1, 25)), today)
            : shiftDate(earlierDate(deadline, today), -r.int(0, 40))
          : shiftDate(today, -r.int(1, 90));
        if (completedOn <= assignedOn) completedOn = earlierDate(shiftDate(assignedOn, 1), today);
      }
      const createdAt = vietnamInstant(assignedOn, 10);
      const stale = !completed && r.chance(0.15);
      const endMs = completedOn
        ? vietnamInstant(completedOn, 15).getTime()
        : todayMs - (stale ? r.int(35, 90) : r.int(0, 12)) * 86_400_000;
      const ageDays = Math.max(1, (todayMs - createdAt.getTime()) / 86_400_000);
      // Older tasks carry more updates; the average over all tasks is progressPerTask.
      const steps = Math.max(
        1,
        Math.round(progressPerTask * (0.2 + 1.6 * Math.min(1, ageDays / 356)) * (0.6 + r.next() * 0.8)),
      );
      const priority = r.chance(0.12) ? 'urgent' : r.chance(0.3) ? 'high' : 'normal';
      const isKey = r.chance(0.18);
      const coordinators = r.chance(0.55)
        ? [...new Set([r.pick(central).id, ...(r.chance(0.5) ? [r.pick(provincial).id] : [])])].filter(
            (a) => a !== lead.id,
          )
        : [];
      const officer = officerOf.get(lead.id);
      let latestPercent = 0;
      let lastLeadUpdate: Date | null = null;
      const updates: {
        at: Date;
        percent: number;
        agencyId: number;
        author: (typeof staff)[number];
        kind: string;
        narrative: string;
      }[] = [];
      if (endMs > createdAt.getTime() && officer) {
        let p = 0;
        for (let s = 0; s < steps; s++) {
          const at = new Date(
            createdAt.getTime() + ((endMs - createdAt.getTime()) * (s + 1)) / (steps + (completed ? 0 : 0.5)),
          );
          const coordinator = coordinators.length && r.chance(0.12) ? r.pick(coordinators) : null;
          const coordinatorOfficer = coordinator ? officerOf.get(coordinator) : undefined;
          if (coordinatorOfficer && coordinator) {
            updates.push({
              at,
              percent: r.int(10, 100),
              agencyId: coordinator,
              author: coordinatorOfficer,
              kind: 'contribution',
              narrative: r.pick(NARRATIVES),
            });
            continue;
          }
          const last = completed && s === steps - 1;
          p = last ? 100 : Math.min(completed ? 99 : 95, p + r.int(1, Math.max(2, Math.ceil(200 / steps))));
          updates.push({
            at,
            percent: p,
            agencyId: lead.id,
            author: officer,
            kind: 'progress',
            narrative: last
              ? 'Đã hoàn thành nhiệm vụ, gửi báo cáo kết quả về Văn phòng Chính phủ.'
              : r.pick(NARRATIVES),
          });
          latestPercent = p;
          lastLeadUpdate = at;
        }
      }
      const searchText = foldVietnamese(`${title} ${doc.number}`);
      const description = `Thực hiện theo ${doc.number}. ${title}.`;
      // Pushed once its last change is known (its updated_at).
      const taskRow = (updatedAt: Date) =>
        line([
          id,
          doc.id,
          groupNo,
          title,
          description,
          lead.id,
          deadline,
          originalDeadline,
          priority,
          isKey,
          completedOn,
          withdrawn,
          lastLeadUpdate ? (lastLeadUpdate as Date).toISOString() : null,
          latestPercent,
          searchText,
          office.id,
          createdAt.toISOString(),
          updatedAt.toISOString(),
        ]);
      for (const agencyId of coordinators) await coordCopy.push(line([id, agencyId]));
      await appendAudit(officeActor, createdAt, 'task.create', 'task', id, {
        id,
        title,
        documentId: doc.id,
        groupNo,
        leadAgencyId: lead.id,
        deadline,
        priority,
        isKey,
        coordinatorIds: coordinators,
      });
      for (const u of updates) {
        const pid = progressId++;
        await progressCopy.push(
          line([pid, id, u.agencyId, u.author.id, u.kind, u.percent, u.narrative, u.at.toISOString()]),
        );
        await appendAudit(
          actorOf(u.author),
          u.at,
          u.kind === 'progress' ? 'task.progress' : 'task.contribution',
          'task',
          id,
          {
            id: pid,
            taskId: id,
            kind: u.kind,
            percent: u.percent,
            narrative: u.narrative,
          },
        );
      }
      // The task's changes after its assignment, for its history.
      const events: { at: Date; deadline?: string | null; completedOn?: string; withdrawn?: true }[] = [];
      if (extended && originalDeadline && deadline) {
        // Asked ten days before the original deadline, never before the task was assigned.
        const asked = earlierDate(shiftDate(originalDeadline, -10), today);
        const askedOn = asked > assignedOn ? asked : earlierDate(shiftDate(assignedOn, 1), today);
        const decidedAt = notAfterHistory(vietnamInstant(earlierDate(shiftDate(askedOn, 3), today), 16));
        events.push({ at: decidedAt, deadline });
        if (officer) {
          const eid = extensionId++;
          await extensionCopy.push(
            line([
              eid,
              id,
              officer.id,
              'Nhiệm vụ phụ thuộc kết quả của cơ quan phối hợp; đề nghị gia hạn.',
              originalDeadline,
              deadline,
              'approved',
              office.id,
              decidedAt.toISOString(),
              notAfterHistory(vietnamInstant(askedOn, 9)).toISOString(),
              2,
            ]),
          );
          await appendAudit(officeActor, decidedAt, 'extension.approved', 'task', id, {
            id: eid,
            state: 'approved',
            requestedDeadline: deadline,
          });
        }
      }
      if (completedOn) {
        const reportedAt = notAfterHistory(vietnamInstant(completedOn, 15));
        const reviewed = notAfterHistory(new Date(reportedAt.getTime() + r.int(1, 6) * 86_400_000));
        const reviewedAt = reviewed < reportedAt ? reportedAt : reviewed;
        events.push({ at: reviewedAt, completedOn });
        const leader = leaderOf.get(lead.id);
        if (officer) {
          const cid = completionId++;
          await completionCopy.push(
            line([
              cid,
              id,
              officer.id,
              'Đã hoàn thành, ban hành văn bản/đưa hệ thống vào vận hành theo yêu cầu.',
              completedOn,
              'accepted',
              leader?.id ?? null,
              leader ? reportedAt.toISOString() : null,
              office.id,
              reviewedAt.toISOString(),
              reportedAt.toISOString(),
              3,
            ]),
          );
          await appendAudit(actorOf(officer), reportedAt, 'completion.report', 'task', id, {
            id: cid,
            completionDate: completedOn,
          });
          await appendAudit(officeActor, reviewedAt, 'completion.accepted', 'task', id, {
            id: cid,
            state: 'accepted',
          });
        }
      } else if (officer && !withdrawn) {
        const roll = r.next();
        if (roll < 0.04) {
          const cid = completionId++;
          const at = new Date(todayMs - r.int(1, 6) * 86_400_000);
          await completionCopy.push(
            line([
              cid,
              id,
              officer.id,
              'Đề nghị xác nhận hoàn thành nhiệm vụ.',
              shiftDate(today, -r.int(1, 5)),
              'awaiting_leader',
              null,
              null,
              null,
              null,
              at.toISOString(),
              1,
            ]),
          );
          await appendAudit(actorOf(officer), at, 'completion.report', 'task', id, {
            id: cid,
            state: 'awaiting_leader',
          });
        } else if (roll < 0.08 && deadline) {
          const eid = extensionId++;
          const at = new Date(todayMs - r.int(1, 10) * 86_400_000);
          const requested = shiftDate(deadline, r.int(30, 90));
          await extensionCopy.push(
            line([
              eid,
              id,
              officer.id,
              'Cần thêm thời gian lấy ý kiến các bộ, ngành và địa phương liên quan.',
              deadline,
              requested,
              'pending',
              null,
              null,
              at.toISOString(),
              1,
            ]),
          );
          await appendAudit(actorOf(officer), at, 'extension.request', 'task', id, {
            id: eid,
            requestedDeadline: requested,
          });
        }
      }
      if (withdrawn) {
        // Withdrawn by the Office some days after the task's last change or update (drawn last, so
        // the task's other values are those drawn before withdrawals had a date).
        const base = Math.max(
          createdAt.getTime(),
          lastLeadUpdate ? (lastLeadUpdate as Date).getTime() : 0,
          ...events.map((e) => e.at.getTime()),
        );
        const at = notAfterHistory(new Date(base + r.int(1, 10) * 86_400_000));
        events.push({ at, withdrawn: true });
        await appendAudit(officeActor, at, 'task.update', 'task', id, { id, withdrawn: true });
      }
      // The history: as assigned, then the state after each change, in time order (changes at one
      // instant are one state, as the trigger records them); each state valid until the next one's
      // instant, the last one open (valid_to null), as the trigger closes them (migration 0010).
      events.sort((a, b) => a.at.getTime() - b.at.getTime());
      const state = { deadline: originalDeadline, completedOn: null as string | null, withdrawn: false };
      let validFrom = createdAt;
      const pushState = (validTo: Date | null) =>
        stateCopy.push(
          line([
            id,
            validFrom.toISOString(),
            validTo?.toISOString() ?? null,
            lead.id,
            state.deadline,
            state.completedOn,
            state.withdrawn,
          ]),
        );
      for (const e of events) {
        const at = e.at > createdAt ? e.at : new Date(createdAt.getTime() + 1);
        if (at.getTime() !== validFrom.getTime()) await pushState(at);
        validFrom = at;
        if (e.deadline !== undefined) state.deadline = e.deadline;
        if (e.completedOn !== undefined) state.completedOn = e.completedOn;
        if (e.withdrawn) state.withdrawn = true;
      }
      await pushState(null);
      await taskCopy.push(taskRow(validFrom));
      if ((i + 1) % 50_000 === 0)
        step(`${i + 1} tasks, ${progressCopy.rows} progress updates, ${audit.rows} audit entries`);
    }
    for (const s of [taskCopy, stateCopy, coordCopy, progressCopy, completionCopy, extensionCopy])
      await s.end();
    await sql.unsafe('ALTER TABLE tasks ENABLE TRIGGER task_states_on_insert');
    counts.tasks = taskCopy.rows;
    counts.taskStates = stateCopy.rows;
    counts.taskCoordinators = coordCopy.rows;
    counts.progressUpdates = progressCopy.rows;
    counts.completionReports = completionCopy.rows;
    counts.extensionRequests = extensionCopy.rows;

    // Audit entries for the submission history the demo seed loaded (submitted, then accepted).
    const subs = await sql<
      {
        id: number;
        agencyId: number;
        periodKey: string;
        state: string;
        firstSubmittedAt: Date | null;
        acceptedAt: Date | null;
      }[]
    >`
      select id, agency_id as "agencyId", period_key as "periodKey", state, first_submitted_at as "firstSubmittedAt",
        accepted_at as "acceptedAt" from submissions order by id`;
    for (const s of subs) {
      const officer = officerOf.get(s.agencyId);
      if (officer && s.firstSubmittedAt) {
        await appendAudit(actorOf(officer), s.firstSubmittedAt, 'submission.submit', 'submission', s.id, {
          id: s.id,
          periodKey: s.periodKey,
        });
      }
      if (s.acceptedAt) {
        await appendAudit(officeActor, s.acceptedAt, 'submission.accepted', 'submission', s.id, {
          id: s.id,
          state: 'accepted',
        });
      }
    }
    counts.submissions = subs.length;
    await audit.end();
    counts.auditEntries = audit.rows;
    step(
      `${counts.tasks} tasks, ${counts.progressUpdates} progress updates, ${counts.auditEntries} audit entries copied`,
    );

    await Promise.all(
      [0, 1].map(async (worker) => {
        for (const index of secondary.filter((_, k) => k % 2 === worker)) await sql.unsafe(index.def);
      }),
    );
    step(`${secondary.length} secondary indexes rebuilt`);
    for (const table of [
      'users',
      'documents',
      'tasks',
      'progress_updates',
      'completion_reports',
      'extension_requests',
      'audit_log',
    ]) {
      await sql.unsafe(
        `select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`,
      );
    }
    await sql.unsafe('VACUUM ANALYZE');
    step('sequences set, VACUUM ANALYZE done');
    const name = databaseName(options.databaseUrl);
    await sql.unsafe(`COMMENT ON DATABASE "${name}" IS '${JSON.stringify(marker).replace(/'/g, "''")}'`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  return { marker, counts, seconds: (performance.now() - started) / 1000 };
}

export function argValue(name: string): string | undefined {
  return process.argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')
    .slice(1)
    .join('=');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const scale = (argValue('scale') ?? 'small') as ScaleName;
  if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const num = (n: string) => (argValue(n) ? Number(argValue(n)) : undefined);
  const result = await generate({
    databaseUrl:
      argValue('database-url') ??
      process.env.BENCH_DATABASE_URL ??
      process.env.DATABASE_URL ??
      DEFAULT_BENCH_URL,
    scale,
    tasks: num('tasks'),
    progress: num('progress'),
    seed: num('seed'),
    today: argValue('today'),
  });
  console.log(
    `Loaded ${JSON.stringify(result.counts)} in ${result.seconds.toFixed(0)} s (${JSON.stringify(result.marker)})`,
  );
}
