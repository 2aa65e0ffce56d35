import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import { createRandom } from '../../shared/random';
import type { Role } from '../../shared/roles';
import { foldVietnamese } from '../../shared/text';
import { earlierDate, shiftDate, vietnamDate, vietnamInstant } from '../../shared/time';
import type { Db } from '../db/client';
import {
  agencies,
  completionReports,
  documents,
  extensionRequests,
  progressUpdates,
  taskCoordinators,
  tasks,
  users,
} from '../db/schema';
import { isCurrentAgency } from '../modules/agencies/current';
import { ARGON2_OPTIONS } from '../modules/auth/password';
import { seedAuditHistory } from './audit-history';
import { seedCommuneReports } from './commune-reports';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { seedMerger2025, seedMergerHistory } from './merger-2025';
import { seedProvinceTasks } from './province-tasks';
import { seedSubmissionHistory } from './submissions';
import { replayTaskEvents, type TaskEvent } from './task-history';

export const DEMO_PASSWORD = 'Demo@2026';

export interface DemoLogin {
  username: string;
  role: Role;
  fullName: string;
  agencyName: string;
}

export const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
export const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Đức', 'Ngọc', 'Quốc', 'Thu', 'Hữu', 'Kim'];
export const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hạnh',
  'Hiếu',
  'Khoa',
  'Linh',
  'Long',
  'Nam',
  'Ngân',
  'Phúc',
  'Quân',
  'Sơn',
  'Thảo',
  'Trang',
  'Tùng',
  'Uyên',
  'Yến',
];

/** Task titles per task group (1..9); `{x}` takes a field or platform name. */
export const TITLES: Record<number, string[]> = {
  1: [
    'Xây dựng Nghị định quy định về {x}',
    'Sửa đổi, bổ sung quy chế {x}',
    'Ban hành hướng dẫn thực hiện {x}',
  ],
  2: [
    'Xây dựng cơ sở dữ liệu {x}',
    'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính về {x}',
    'Công bố dữ liệu mở về {x}',
  ],
  3: [
    'Triển khai nền tảng số dùng chung về {x}',
    'Cung cấp dịch vụ công trực tuyến toàn trình về {x}',
    'Ứng dụng trí tuệ nhân tạo trong xử lý hồ sơ {x}',
  ],
  4: ['Nâng cấp hạ tầng trung tâm dữ liệu phục vụ {x}', 'Kết nối mạng truyền số liệu chuyên dùng cho {x}'],
  5: [
    'Triển khai giám sát an toàn thông tin cho hệ thống {x}',
    'Diễn tập ứng cứu sự cố an ninh mạng hệ thống {x}',
  ],
  6: ['Đào tạo kỹ năng số cho cán bộ phụ trách {x}', 'Bồi dưỡng chuyên gia dữ liệu về {x}'],
  7: ['Hợp tác quốc tế về chia sẻ kinh nghiệm {x}'],
  8: ['Bố trí kinh phí triển khai {x}', 'Xây dựng dự toán đầu tư công cho {x}'],
  9: ['Đánh giá mức độ trưởng thành quản trị dữ liệu về {x}', 'Báo cáo định kỳ kết quả chuyển đổi số về {x}'],
};
export const FIELDS = [
  'đất đai',
  'dân cư',
  'doanh nghiệp',
  'bảo hiểm xã hội',
  'y tế',
  'giáo dục',
  'thuế',
  'hải quan',
  'giao thông vận tải',
  'tư pháp, hộ tịch',
  'văn bản quy phạm pháp luật',
  'cán bộ, công chức',
  'tài chính công',
  'xây dựng',
  'nông nghiệp',
  'môi trường',
];
export const NARRATIVES = [
  'Đã hoàn thành dự thảo, đang lấy ý kiến các đơn vị liên quan.',
  'Đã tổ chức họp triển khai, phân công đơn vị chủ trì xây dựng kế hoạch chi tiết.',
  'Đang khảo sát hiện trạng, thu thập yêu cầu nghiệp vụ.',
  'Đã trình lãnh đạo phê duyệt phương án kỹ thuật.',
  'Đã triển khai thí điểm tại một số đơn vị trực thuộc, đang tổng hợp kết quả.',
  'Đang hoàn thiện hồ sơ theo ý kiến góp ý của Văn phòng Chính phủ.',
  'Đã ký hợp đồng với đơn vị tư vấn, triển khai giai đoạn 1.',
];

/** Directive documents: the Program's own decision, then demo documents following it. */
const DOCUMENTS = [
  {
    number: '2629/QĐ-TTg',
    kind: 'decision',
    offset: -356,
    signer: 'Thủ tướng Chính phủ',
    title: 'Quyết định phê duyệt Chương trình phát triển Chính phủ số',
  },
  {
    number: '45/TB-VPCP',
    kind: 'conclusion_notice',
    offset: -300,
    signer: 'Văn phòng Chính phủ',
    title: 'Thông báo kết luận của Thủ tướng Chính phủ tại phiên họp Ủy ban Quốc gia về chuyển đổi số',
  },
  {
    number: '12/CT-TTg',
    kind: 'directive',
    offset: -270,
    signer: 'Thủ tướng Chính phủ',
    title: 'Chỉ thị về đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình',
  },
  {
    number: '1580/VPCP-KSTT',
    kind: 'official_letter',
    offset: -220,
    signer: 'Văn phòng Chính phủ',
    title: 'Công văn về triển khai các nhiệm vụ phát triển dữ liệu số năm 2026',
  },
  {
    number: '88/NQ-CP',
    kind: 'resolution',
    offset: -180,
    signer: 'Chính phủ',
    title: 'Nghị quyết phiên họp Chính phủ thường kỳ về chuyển đổi số quốc gia',
  },
  {
    number: '210/TB-VPCP',
    kind: 'conclusion_notice',
    offset: -120,
    signer: 'Văn phòng Chính phủ',
    title: 'Thông báo kết luận về bảo đảm an toàn, an ninh mạng cho hệ thống thông tin của Chính phủ số',
  },
  {
    number: '3105/VPCP-KSTT',
    kind: 'official_letter',
    offset: -60,
    signer: 'Văn phòng Chính phủ',
    title: 'Công văn đôn đốc thực hiện chế độ báo cáo qua Hệ thống thông tin báo cáo',
  },
  {
    number: '27/CT-TTg',
    kind: 'directive',
    offset: -25,
    signer: 'Thủ tướng Chính phủ',
    title: 'Chỉ thị về ứng dụng trí tuệ nhân tạo trong giải quyết thủ tục hành chính',
  },
] as const;

export interface DemoOptions {
  /** Vietnam calendar date the history is built up to (YYYY-MM-DD). */
  today: string;
  /** The instant the seed runs: nothing is dated after it (default: the first instant of `today`). */
  now?: Date;
  tasks?: number;
  seed?: number;
  /** Every demo account must change the (published) demo password at first login (production). */
  mustChangePassword?: boolean;
}

/** Demo users for every role and a deterministic, realistic history of documents, tasks and progress. */
export async function seedDemo(db: Db, options: DemoOptions): Promise<DemoLogin[]> {
  const random = createRandom(options.seed ?? 2629);
  const now = options.now ?? vietnamInstant(options.today);
  /** An instant of the history, never after the seed's own. */
  const notAfterNow = (at: Date) => (at > now ? now : at);
  const passwordHash = await hash(DEMO_PASSWORD, ARGON2_OPTIONS);
  const agencyRows = await db
    .select({
      id: agencies.id,
      code: agencies.code,
      nameVi: agencies.nameVi,
      level: agencies.level,
      parentId: agencies.parentId,
    })
    .from(agencies)
    .where(isCurrentAgency());
  const byName = new Map(agencyRows.map((a) => [a.nameVi, a]));
  const central = agencyRows.filter((a) => a.level === 'central');
  const provincial = agencyRows.filter((a) => a.level === 'provincial');
  const communes = agencyRows.filter((a) => a.level === 'commune');
  const office = byName.get('Văn phòng Chính phủ');
  if (!office) throw new Error('Reference agencies must be loaded before demo data');

  // Named accounts, then one officer for every central and provincial agency (authors of the history)…
  const named = DEMO_ACCOUNTS.map((a) => {
    const agency = byName.get(a.agency);
    if (!agency) throw new Error(`Missing agency ${a.agency}`);
    return { ...a, agencyId: agency.id, agencyName: agency.nameVi };
  });
  // The demo commune is one of Hà Nội's, whose province officer (hanoi.chuyenvien) decides its reports.
  const hanoi = byName.get('Thành phố Hà Nội');
  const firstCommune = communes.find((c) => c.parentId === hanoi?.id) ?? communes[0];
  if (firstCommune) {
    named.push({
      username: 'xa.chuyenvien',
      role: 'officer',
      fullName: 'Lò Thị Phương',
      agency: firstCommune.nameVi,
      agencyId: firstCommune.id,
      agencyName: firstCommune.nameVi,
    });
  }
  const namedAgencyRoles = new Set(named.map((n) => `${n.agencyId}:${n.role}`));
  const generated = [...central, ...provincial]
    .filter((a) => !namedAgencyRoles.has(`${a.id}:officer`))
    .map((a) => ({
      username: `cb.${a.code.toLowerCase()}`,
      role: 'officer' as Role,
      fullName: `${random.pick(FAMILY)} ${random.pick(MIDDLE)} ${random.pick(GIVEN)}`,
      agencyId: a.id,
    }));
  // …and a leader for each, who approves its reports (names from a stream of their own, so adding
  // them leaves the rest of the history as it was).
  const leaderNames = createRandom(2629_2);
  const leaders = [...central, ...provincial]
    .filter((a) => !namedAgencyRoles.has(`${a.id}:leader`))
    .map((a) => ({
      username: `ld.${a.code.toLowerCase()}`,
      role: 'leader' as Role,
      fullName: `${leaderNames.pick(FAMILY)} ${leaderNames.pick(MIDDLE)} ${leaderNames.pick(GIVEN)}`,
      agencyId: a.id,
    }));
  const namedLogins = new Set(named.map((u) => u.username));
  const userValues = [...named, ...generated, ...leaders].map((u) => ({
    username: u.username,
    passwordHash,
    mustChangePassword: options.mustChangePassword ?? false,
    fullName: u.fullName,
    role: u.role,
    agencyId: u.agencyId,
    searchText: foldVietnamese(`${u.fullName} ${u.username}`),
    // The demo logins have addresses (in the reserved .example domain, never delivered), so their
    // mails show in the administrator's outbox (docs/decisions/0024-mail-and-digests.md).
    email: namedLogins.has(u.username) ? `${u.username}@giamsat.example` : null,
  }));
  const insertedUsers = await db
    .insert(users)
    .values(userValues)
    .returning({ id: users.id, agencyId: users.agencyId, role: users.role });
  const officerOf = new Map(insertedUsers.filter((u) => u.role === 'officer').map((u) => [u.agencyId, u.id]));
  const officeUser = insertedUsers.find((u) => u.role === 'office');

  const docs = await db
    .insert(documents)
    .values(
      DOCUMENTS.map((d) => ({
        number: d.number,
        kind: d.kind,
        issuedOn: shiftDate(options.today, d.offset),
        signer: d.signer,
        title: d.title,
        searchText: foldVietnamese(`${d.number} ${d.title}`),
        createdBy: officeUser?.id ?? null,
        createdAt: vietnamInstant(shiftDate(options.today, d.offset), 9),
      })),
    )
    .returning({ id: documents.id, issuedOn: documents.issuedOn, number: documents.number });

  // Named agencies get a fuller history so every demo login has something true to look at.
  const featured = ['Bộ Tài chính', 'Thành phố Hà Nội'].flatMap((n) => byName.get(n) ?? []);
  const leads = [...central.filter((a) => a.id !== office.id), ...provincial];
  const taskCount = options.tasks ?? 320;
  const featuredCommune = firstCommune ? [firstCommune] : [];
  const taskValues: (typeof tasks.$inferInsert)[] = [];
  const coordinatorsFor: number[][] = [];
  const plans: { percentPath: number[]; stale: boolean }[] = [];
  for (let i = 0; i < taskCount; i++) {
    const doc = docs[i % docs.length];
    if (!doc) continue;
    const lead =
      i % 9 === 0
        ? random.pick(featured)
        : i % 37 === 0 && featuredCommune.length
          ? random.pick(featuredCommune)
          : random.pick(leads);
    const groupNo = random.int(1, 9);
    const title = random.pick(TITLES[groupNo] ?? TITLES[1] ?? []).replace('{x}', random.pick(FIELDS));
    const assignedDaysAgo = Math.max(1, -shiftDays(options.today, doc.issuedOn));
    const hasDeadline = !random.chance(0.12);
    const deadlineOffset = random.int(-Math.min(assignedDaysAgo, 200) + 30, 420);
    const deadline = hasDeadline ? shiftDate(options.today, deadlineOffset) : null;
    const extended = hasDeadline && random.chance(0.1);
    const originalDeadline = deadline && extended ? shiftDate(deadline, -random.int(20, 60)) : deadline;
    const pastDue = deadline !== null && deadline < options.today;
    const completed = random.chance(pastDue ? 0.6 : 0.18);
    const late = completed && pastDue && random.chance(0.3);
    const completedOn =
      completed && deadline
        ? late
          ? earlierDate(shiftDate(deadline, random.int(1, 20)), options.today)
          : shiftDate(earlierDate(deadline, options.today), -random.int(0, 30))
        : completed
          ? shiftDate(options.today, -random.int(1, 60))
          : null;
    const stale = !completed && random.chance(0.15);
    const steps = Math.max(1, Math.min(8, Math.floor(assignedDaysAgo / 25)));
    const percentPath: number[] = [];
    let p = 0;
    for (let s = 0; s < steps; s++) {
      p = Math.min(completed ? 100 : 95, p + random.int(5, 30));
      percentPath.push(p);
    }
    if (completed) percentPath.push(100);
    plans.push({ percentPath, stale });
    taskValues.push({
      documentId: doc.id,
      groupNo,
      title,
      description: `Thực hiện theo ${doc.number}. ${title} trên phạm vi ${lead.nameVi}.`,
      leadAgencyId: lead.id,
      deadline,
      originalDeadline,
      priority: random.chance(0.15) ? 'urgent' : random.chance(0.3) ? 'high' : 'normal',
      isKey: random.chance(0.2),
      completedOn:
        completedOn && completedOn > doc.issuedOn
          ? completedOn
          : completedOn
            ? shiftDate(doc.issuedOn, 1)
            : null,
      searchText: foldVietnamese(`${title} ${doc.number}`),
      createdBy: officeUser?.id ?? null,
      createdAt: vietnamInstant(doc.issuedOn, 10),
      updatedAt: vietnamInstant(doc.issuedOn, 10),
    });
    coordinatorsFor.push(
      random.chance(0.5)
        ? Array.from(new Set([random.pick(central).id, random.pick(provincial).id])).filter(
            (id) => id !== lead.id,
          )
        : [],
    );
  }
  // As assigned: extensions, completions and withdrawals are replayed at their instants below.
  const insertedTasks = await db
    .insert(tasks)
    .values(taskValues.map((t) => ({ ...t, deadline: t.originalDeadline, completedOn: null })))
    .returning({ id: tasks.id, leadAgencyId: tasks.leadAgencyId, createdAt: tasks.createdAt });
  const coordinatorValues = insertedTasks.flatMap((t, i) =>
    (coordinatorsFor[i] ?? []).map((agencyId) => ({ taskId: t.id, agencyId })),
  );
  if (coordinatorValues.length) await db.insert(taskCoordinators).values(coordinatorValues);

  // Progress history: updates spread between assignment and today; stale tasks stop 35–90 days ago.
  const progressValues: (typeof progressUpdates.$inferInsert)[] = [];
  insertedTasks.forEach((t, i) => {
    const plan = plans[i];
    const author = officerOf.get(t.leadAgencyId);
    if (!plan || !author) return;
    const start = t.createdAt.getTime();
    const end =
      Math.min(Date.parse(`${options.today}T08:00:00+07:00`), now.getTime()) -
      (plan.stale ? random.int(35, 90) : random.int(0, 20)) * 86_400_000;
    if (end <= start) return;
    plan.percentPath.forEach((percent, s) => {
      const at = new Date(start + ((end - start) * (s + 1)) / plan.percentPath.length);
      progressValues.push({
        taskId: t.id,
        agencyId: t.leadAgencyId,
        authorId: author,
        percent,
        narrative:
          percent === 100
            ? 'Đã hoàn thành nhiệm vụ, gửi báo cáo kết quả về Văn phòng Chính phủ.'
            : random.pick(NARRATIVES),
        createdAt: at,
      });
    });
  });
  for (let i = 0; i < progressValues.length; i += 1000) {
    await db.insert(progressUpdates).values(progressValues.slice(i, i + 1000));
  }
  // Denormalised "latest" fields the task lists sort and flag on.
  await db.execute(sql`
    update tasks t set latest_percent = p.percent, last_lead_update_at = p.created_at
    from (
      select distinct on (task_id) task_id, percent, created_at
      from progress_updates order by task_id, created_at desc
    ) p
    where p.task_id = t.id`);

  const lastUpdateOf = new Map<number, Date>();
  for (const p of progressValues) {
    const at = p.createdAt as Date;
    const previous = lastUpdateOf.get(p.taskId);
    if (!previous || at > previous) lastUpdateOf.set(p.taskId, at);
  }
  const events = await seedWorkflow(db, random, options.today, {
    tasks: insertedTasks.map((t, i) => ({ ...t, ...taskValues[i] })),
    officerOf,
    leaderOf: new Map(insertedUsers.filter((u) => u.role === 'leader').map((u) => [u.agencyId, u.id])),
    officeUserId: officeUser?.id ?? null,
    notAfterNow,
    lastUpdateOf,
    // The named accounts' agencies keep every task they had: the demo journeys work on them.
    keepAgencies: new Set(named.map((n) => n.agencyId)),
  });
  await replayTaskEvents(db, events);

  await seedSubmissionHistory(db, random, options.today, now);
  // The provinces of before the 2025 merger, and tasks they led (docs/decisions/0028-time-versioned-agencies.md).
  await seedMergerHistory(db, await seedMerger2025(db), {
    today: options.today,
    createdBy: officeUser?.id ?? null,
  });
  if (hanoi) {
    const named = (username: string) => {
      const at = userValues.findIndex((u) => u.username === username);
      return at >= 0 ? (insertedUsers[at]?.id ?? null) : null;
    };
    const science = byName.get('Sở Khoa học và Công nghệ thành phố Hà Nội');
    const homeAffairs = byName.get('Sở Nội vụ thành phố Hà Nội');
    if (science && homeAffairs)
      await seedProvinceTasks(db, {
        today: options.today,
        notAfterNow,
        province: hanoi.id,
        science: science.id,
        homeAffairs: homeAffairs.id,
        commune: firstCommune?.parentId === hanoi.id ? firstCommune.id : null,
        provinceOfficer: named('hanoi.chuyenvien'),
        scienceOfficer: named('hanoi.sokhcn'),
      });
    await seedCommuneReports(db, {
      today: options.today,
      notAfterNow,
      province: hanoi.id,
      demoCommune: firstCommune?.parentId === hanoi.id ? firstCommune.id : null,
      provinceOfficer: named('hanoi.chuyenvien'),
      provinceLeader: named('hanoi.lanhdao'),
      communeOfficer: named('xa.chuyenvien'),
      officeUser: officeUser?.id ?? null,
    });
  }
  await seedAuditHistory(db);

  return named.map((n) => ({
    username: n.username,
    role: n.role,
    fullName: n.fullName,
    agencyName: n.agencyName,
  }));
}

function shiftDays(today: string, other: string): number {
  return Math.round((Date.parse(other) - Date.parse(today)) / 86_400_000);
}

/**
 * Completion reports behind every completed task (accepted by the Office), and open work in every
 * queue: reports awaiting a leader or the Office, and pending extension requests; a few tasks
 * withdrawn. Returns the task events (extensions approved, completions accepted, withdrawals) for
 * `replayTaskEvents`.
 */
async function seedWorkflow(
  db: Db,
  random: ReturnType<typeof createRandom>,
  today: string,
  ctx: {
    tasks: {
      id: number;
      leadAgencyId: number;
      completedOn?: string | null;
      deadline?: string | null;
      originalDeadline?: string | null;
      createdAt: Date;
    }[];
    officerOf: Map<number, number>;
    leaderOf: Map<number, number>;
    officeUserId: number | null;
    notAfterNow: (at: Date) => Date;
    lastUpdateOf: Map<number, Date>;
    keepAgencies: Set<number>;
  },
): Promise<TaskEvent[]> {
  const { notAfterNow } = ctx;
  const reports: (typeof completionReports.$inferInsert)[] = [];
  const extensions: (typeof extensionRequests.$inferInsert)[] = [];
  const events: TaskEvent[] = [];
  // Withdrawals draw from a stream of their own, so adding them left the rest of the history as it was.
  const withdrawals = createRandom(2629_3);
  for (const t of ctx.tasks) {
    const officer = ctx.officerOf.get(t.leadAgencyId);
    if (!officer) continue;
    const extended = Boolean(t.deadline && t.originalDeadline && t.deadline !== t.originalDeadline);
    if (t.deadline && t.originalDeadline && extended) {
      // Asked ten days before the original deadline, and never before the task was assigned.
      const assignedOn = vietnamDate(t.createdAt);
      const asked = earlierDate(shiftDate(t.originalDeadline, -10), today);
      const askedOn = asked > assignedOn ? asked : earlierDate(shiftDate(assignedOn, 1), today);
      const decidedAt = notAfterNow(vietnamInstant(earlierDate(shiftDate(askedOn, 3), today), 16));
      extensions.push({
        taskId: t.id,
        requestedBy: officer,
        reason: 'Nhiệm vụ phụ thuộc kết quả của cơ quan phối hợp; đề nghị gia hạn.',
        currentDeadline: t.originalDeadline,
        requestedDeadline: t.deadline,
        state: 'approved',
        decidedBy: ctx.officeUserId,
        decidedAt,
        createdAt: notAfterNow(vietnamInstant(askedOn, 9)),
        version: 2,
      });
      events.push({ taskId: t.id, at: decidedAt, change: { deadline: t.deadline } });
    }
    if (t.completedOn) {
      const reportedAt = notAfterNow(vietnamInstant(t.completedOn, 15));
      const reviewedAt = notAfterNow(
        vietnamInstant(earlierDate(shiftDate(t.completedOn, random.int(1, 6)), today), 10),
      );
      events.push({
        taskId: t.id,
        at: reviewedAt < reportedAt ? reportedAt : reviewedAt,
        change: { completedOn: t.completedOn },
      });
      reports.push({
        taskId: t.id,
        reportedBy: officer,
        result: 'Đã hoàn thành, ban hành văn bản/đưa hệ thống vào vận hành theo yêu cầu.',
        completionDate: t.completedOn,
        state: 'accepted',
        leaderId: ctx.leaderOf.get(t.leadAgencyId) ?? null,
        leaderAt: ctx.leaderOf.has(t.leadAgencyId) ? reportedAt : null,
        reviewerId: ctx.officeUserId,
        reviewedAt: reviewedAt < reportedAt ? reportedAt : reviewedAt,
        createdAt: reportedAt,
        version: 3,
      });
      continue;
    }
    const roll = random.next();
    if (roll < 0.05) {
      const leader = ctx.leaderOf.get(t.leadAgencyId);
      const awaitingOffice = leader !== undefined && random.chance(0.5);
      reports.push({
        taskId: t.id,
        reportedBy: officer,
        result: 'Đề nghị xác nhận hoàn thành nhiệm vụ.',
        completionDate: shiftDate(today, -random.int(1, 5)),
        state: awaitingOffice ? 'awaiting_office' : 'awaiting_leader',
        leaderId: awaitingOffice ? (leader ?? null) : null,
        leaderAt: awaitingOffice ? vietnamInstant(shiftDate(today, -1), 9) : null,
        createdAt: vietnamInstant(shiftDate(today, -random.int(2, 6)), 14),
        version: awaitingOffice ? 2 : 1,
      });
    } else if (roll < 0.1 && t.deadline) {
      extensions.push({
        taskId: t.id,
        requestedBy: officer,
        reason: 'Cần thêm thời gian lấy ý kiến các bộ, ngành và địa phương liên quan.',
        currentDeadline: t.deadline,
        requestedDeadline: shiftDate(t.deadline, random.int(30, 90)),
        createdAt: vietnamInstant(shiftDate(today, -random.int(1, 10)), 11),
      });
    } else if (!extended && !ctx.keepAgencies.has(t.leadAgencyId) && withdrawals.chance(0.04)) {
      // Withdrawn by the Office some days after the lead agency's last update.
      const last = ctx.lastUpdateOf.get(t.id) ?? t.createdAt;
      const day = shiftDate(vietnamDate(last), withdrawals.int(1, 10));
      events.push({ taskId: t.id, at: notAfterNow(vietnamInstant(day, 14)), change: { withdrawn: true } });
    }
  }
  for (let i = 0; i < reports.length; i += 500)
    await db.insert(completionReports).values(reports.slice(i, i + 500));
  if (extensions.length) await db.insert(extensionRequests).values(extensions);
  return events;
}
