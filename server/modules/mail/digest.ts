import { and, asc, eq, gt, isNotNull, notExists, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { DIGEST_HOUR, deliveryOf } from '../../../shared/mail';
import { notificationHref } from '../../../shared/notification-links';
import type { Role } from '../../../shared/roles';
import type { DigestPreview } from '../../../shared/schemas/mail';
import { shiftDate, vietnamDate, vietnamInstant } from '../../../shared/time';
import type { Db } from '../../db/client';
import {
  completionReports,
  explanationRequests,
  extensionRequests,
  mailDigests,
  mailNotifications,
  mailOutbox,
  mailPreferences,
  notifications,
  tasks,
  users,
} from '../../db/schema';
import { type JobDefinition, type JobLog, periodicJob } from '../../jobs/queue';
import { dueSoonSql, statusClock, statusIn } from '../tasks/status-sql';
import { enqueueMails } from './outbox';
import {
  type DigestItem,
  type DigestSection,
  deadlineLabel,
  type MailLang,
  notificationSentence,
  renderDigestMail,
  taskUrl,
} from './wording';

/** What a digest needs of its recipient (the morning's run and the preview read the same). */
const RECIPIENT_COLUMNS = {
  id: users.id,
  fullName: users.fullName,
  role: users.role,
  agencyId: users.agencyId,
  email: users.email,
  language: users.language,
};

/** Items listed per section; the count says how many more there are. */
const LISTED = 10;
/** A notification older than this is not gathered into a first digest (the centre keeps it). */
const GATHER_DAYS = 7;

interface Recipient {
  id: number;
  fullName: string;
  role: Role;
  agencyId: number;
  email: string;
  /** The account's language: the digest is written in it. */
  language: MailLang;
}

type Awaiting =
  | 'explanationAnswer'
  | 'explanationLeader'
  | 'explanationOffice'
  | 'completionLeader'
  | 'completionOffice'
  | 'extension';

/** What awaits each role's decision: the steps of the workflows that are theirs to take. */
const AWAITING: Partial<Record<Role, readonly Awaiting[]>> = {
  officer: ['explanationAnswer'],
  leader: ['explanationLeader', 'completionLeader'],
  office: ['explanationOffice', 'completionOffice', 'extension'],
};

/** One section: the first items (task title and deadline, linked) and how many in all. */
async function taskSection(
  db: Db,
  key: DigestSection['key'],
  from: { where: ReturnType<typeof and>; join?: 'explanation' | 'completion' | 'extension' },
  options: { baseUrl: string; lang: MailLang; awaitingKind?: Awaiting },
): Promise<DigestSection | null> {
  const base = (() => {
    switch (from.join) {
      case 'explanation':
        return { table: explanationRequests, taskId: explanationRequests.taskId };
      case 'completion':
        return { table: completionReports, taskId: completionReports.taskId };
      case 'extension':
        return { table: extensionRequests, taskId: extensionRequests.taskId };
      default:
        return null;
    }
  })();
  const rows = base
    ? await db
        .select({
          id: tasks.id,
          title: tasks.title,
          deadline: tasks.deadline,
          total: sql<number>`count(*) over ()`,
        })
        .from(base.table)
        .innerJoin(tasks, eq(tasks.id, base.taskId))
        .where(from.where)
        .orderBy(asc(tasks.deadline), asc(tasks.id))
        .limit(LISTED)
    : await db
        .select({
          id: tasks.id,
          title: tasks.title,
          deadline: tasks.deadline,
          total: sql<number>`count(*) over ()`,
        })
        .from(tasks)
        .where(from.where)
        .orderBy(asc(tasks.deadline), asc(tasks.id))
        .limit(LISTED);
  if (rows.length === 0) return null;
  return {
    key,
    ...(options.awaitingKind && { awaitingKind: options.awaitingKind }),
    items: rows.map((r) => ({
      label: deadlineLabel(r.title, r.deadline, options.lang),
      url: taskUrl(options.baseUrl, r.id),
    })),
    total: Number(rows[0]?.total ?? rows.length),
  };
}

/** What is overdue, due soon and awaiting this user's decision, by their role and agency. */
async function summarySections(
  db: Db,
  user: Recipient,
  now: Date,
  options: { baseUrl: string; lang: MailLang },
): Promise<DigestSection[]> {
  const clock = statusClock(now);
  const sections: (DigestSection | null)[] = [];
  const staff = user.role === 'officer' || user.role === 'leader';
  if (staff) {
    const lead = eq(tasks.leadAgencyId, user.agencyId);
    sections.push(
      await taskSection(db, 'overdue', { where: and(lead, statusIn(['overdue'], clock)) }, options),
    );
    sections.push(await taskSection(db, 'dueSoon', { where: and(lead, dueSoonSql(clock)) }, options));
  }
  for (const awaiting of AWAITING[user.role] ?? []) {
    const own = eq(tasks.leadAgencyId, user.agencyId);
    const where = {
      explanationAnswer: {
        join: 'explanation',
        where: and(own, eq(explanationRequests.state, 'awaiting_answer')),
      },
      explanationLeader: {
        join: 'explanation',
        where: and(own, eq(explanationRequests.state, 'awaiting_leader')),
      },
      explanationOffice: { join: 'explanation', where: eq(explanationRequests.state, 'awaiting_office') },
      completionLeader: {
        join: 'completion',
        where: and(own, eq(completionReports.state, 'awaiting_leader')),
      },
      completionOffice: { join: 'completion', where: eq(completionReports.state, 'awaiting_office') },
      extension: { join: 'extension', where: eq(extensionRequests.state, 'pending') },
    } as const;
    sections.push(await taskSection(db, 'awaiting', where[awaiting], { ...options, awaitingKind: awaiting }));
  }
  return sections.filter((s): s is DigestSection => s !== null);
}

/**
 * What a user's digest says now: the notifications of the kinds they gather into it, not mailed yet
 * (at most GATHER_DAYS old), and, if they take the summary by digest, what is overdue, due soon and
 * awaiting their decision. Reads only: the morning's digest and the user's preview say the same.
 */
async function digestContent(
  db: Db,
  user: Recipient,
  now: Date,
  options: { baseUrl: string; lang: MailLang },
): Promise<{ sections: DigestSection[]; gathered: { id: number }[] }> {
  const chosen = await db
    .select({ kind: mailPreferences.kind, delivery: mailPreferences.delivery })
    .from(mailPreferences)
    .where(eq(mailPreferences.userId, user.id));
  const delivery = (kind: string) => deliveryOf(kind, chosen.find((c) => c.kind === kind)?.delivery);
  const gathered = (
    await db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        params: notifications.params,
        taskId: notifications.taskId,
      })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, user.id),
          gt(notifications.createdAt, new Date(now.getTime() - GATHER_DAYS * 86_400_000)),
          notExists(
            db
              .select({ one: sql`1` })
              .from(mailNotifications)
              .where(eq(mailNotifications.notificationId, notifications.id)),
          ),
        ),
      )
      .orderBy(asc(notifications.id))
  ).filter((n) => delivery(n.kind) === 'digest');
  const sections = delivery('summary') === 'digest' ? await summarySections(db, user, now, options) : [];
  if (gathered.length > 0) {
    const items: DigestItem[] = gathered.map((n) => ({
      label: notificationSentence(n.kind, n.params as Record<string, unknown>, options.lang),
      url: `${options.baseUrl}${notificationHref({ taskId: n.taskId, params: n.params as Record<string, unknown> }) ?? '/notifications'}`,
    }));
    sections.push({ key: 'notifications', items, total: items.length });
  }
  return { sections, gathered };
}

/**
 * Makes today's digest of one user, if no process has: the `(user, day)` row is inserted first, in the
 * transaction that writes the mail, so of two processes (or a retry) one wins and the other finds it.
 * The notifications of the kinds the user gathers into the digest, not mailed yet, are tied to it.
 */
async function makeDigest(
  db: Db,
  user: Recipient,
  day: string,
  now: Date,
  options: { baseUrl: string; lang: MailLang },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [won] = await tx
      .insert(mailDigests)
      .values({ userId: user.id, day })
      .onConflictDoNothing()
      .returning({ userId: mailDigests.userId });
    if (!won) return false;
    const { sections, gathered } = await digestContent(tx, user, now, options);
    // Nothing to tell: the day is marked done all the same, and no mail is made.
    if (sections.length === 0) return false;
    const mail = renderDigestMail({ name: user.fullName, day, sections }, options);
    const [row] = await tx
      .insert(mailOutbox)
      .values({ userId: user.id, recipient: user.email, kind: 'digest', ...mail })
      .returning({ id: mailOutbox.id });
    if (!row) throw new Error('digest mail not written');
    if (gathered.length > 0) {
      await tx
        .insert(mailNotifications)
        .values(gathered.map((n) => ({ notificationId: n.id, mailId: row.id })))
        .onConflictDoNothing();
    }
    await tx
      .update(mailDigests)
      .set({ mailId: row.id })
      .where(and(eq(mailDigests.userId, user.id), eq(mailDigests.day, day)));
    await enqueueMails(tx, [row.id]);
    return true;
  });
}

/**
 * The morning digest: from DIGEST_HOUR (Vietnam time) on, each active user with an address who has no
 * digest for today gets one if there is anything to tell. Runs on any number of processes at once:
 * each user's digest is made by whichever inserts its `(user, day)` row first. Stops between users
 * when the server shuts down (the rest are made when the job runs again).
 */
export async function makeDigests(
  db: Db,
  options: { now: Date; baseUrl: string; signal?: AbortSignal },
): Promise<{ made: number }> {
  const { now } = options;
  const day = vietnamDate(now);
  if (now < vietnamInstant(day, DIGEST_HOUR)) return { made: 0 };
  const recipients = await db
    .select(RECIPIENT_COLUMNS)
    .from(users)
    .where(
      and(
        eq(users.active, true),
        isNotNull(users.email),
        notExists(
          db
            .select({ one: sql`1` })
            .from(mailDigests)
            .where(and(eq(mailDigests.userId, users.id), eq(mailDigests.day, day))),
        ),
      ),
    )
    .orderBy(asc(users.id));
  let made = 0;
  for (const user of recipients) {
    if (options.signal?.aborted) break;
    const ok = await makeDigest(db, { ...user, email: user.email ?? '' }, day, now, {
      baseUrl: options.baseUrl,
      lang: user.language,
    });
    if (ok) made++;
  }
  return { made };
}

/**
 * The user's next digest as it would be written now (their notification centre's preview): the same
 * content and wording as the morning's mail, for the morning it is due (today before DIGEST_HOUR,
 * else tomorrow). Writes nothing: what it shows may still grow or shrink before the morning.
 */
export async function previewDigest(
  db: Db,
  userId: number,
  options: { now: Date; baseUrl: string },
): Promise<DigestPreview> {
  const { now } = options;
  const today = vietnamDate(now);
  const day = now < vietnamInstant(today, DIGEST_HOUR) ? today : shiftDate(today, 1);
  const [user] = await db.select(RECIPIENT_COLUMNS).from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('NOT_FOUND');
  const lang = user.language as MailLang;
  const recipient = { ...user, email: user.email ?? '', language: lang };
  const { sections } = await digestContent(db, recipient, now, { baseUrl: options.baseUrl, lang });
  const mail =
    sections.length > 0
      ? renderDigestMail({ name: user.fullName, day, sections }, { baseUrl: options.baseUrl, lang })
      : null;
  return { day, hasAddress: user.email !== null, subject: mail?.subject ?? null, text: mail?.text ?? null };
}

/** `mail.digest`: every day at DIGEST_HOUR in Vietnam, and at start (a server started later sends the day's). */
export function digestJob(
  db: Db,
  options: { baseUrl: string; log?: JobLog; now?: () => Date },
): JobDefinition {
  return periodicJob({
    name: 'mail.digest',
    cron: `0 ${DIGEST_HOUR} * * *`,
    failure: 'making the daily digests failed',
    timeoutSeconds: 60 * 60,
    run: async (signal) => {
      const { made } = await makeDigests(db, {
        now: options.now?.() ?? new Date(),
        baseUrl: options.baseUrl,
        signal,
      });
      if (made > 0) options.log?.info({ digests: made }, 'daily digests made');
    },
  });
}
