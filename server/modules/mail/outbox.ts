import { and, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { deliveryOf, MAIL_KINDS, type MailDelivery, type MailStatus } from '../../../shared/mail';
import {
  type MailSettings,
  OUTBOX_PAGE_SIZE,
  type OutboxInput,
  type OutboxPage,
  type UpdateMailSettingsInput,
  updateMailSettingsInput,
} from '../../../shared/schemas/mail';
import type { Db } from '../../db/client';
import { mailNotifications, mailOutbox, mailPreferences, users } from '../../db/schema';
import type { JobQueue } from '../../jobs/queue';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import { assertEmailFree, emailTakenOr } from '../users/email';

/** The queue of the `mail.send` job, once this process runs it (server/main.ts). */
export const MAIL_SEND_JOB = 'mail.send';
let mailQueue: Pick<JobQueue, 'send'> | null = null;

/**
 * Lets the writers enqueue a mail's sending in their transaction. Without it (a tool, a test that runs
 * no queue) a mail stays `queued` until a process with the queue sweeps it (`mail.sweep`, every minute).
 */
export function connectMailQueue(queue: Pick<JobQueue, 'send'> | null): void {
  mailQueue = queue;
}

/** Enqueues the sending of these mails in `tx`: one job per mail, keyed by its id (sent once). */
export async function enqueueMails(tx: Db, mailIds: readonly number[]): Promise<void> {
  const queue = mailQueue;
  if (!queue) return;
  for (const id of mailIds) await queue.send(MAIL_SEND_JOB, { mailId: id }, { db: tx, key: `mail:${id}` });
}

/** Each (user, kind) delivery the users chose; absent ones take the kind's default (`deliveryOf`). */
async function chosenDeliveries(db: Db, userIds: readonly number[]) {
  const rows = userIds.length
    ? await db
        .select({
          userId: mailPreferences.userId,
          kind: mailPreferences.kind,
          delivery: mailPreferences.delivery,
        })
        .from(mailPreferences)
        .where(inArray(mailPreferences.userId, [...userIds]))
    : [];
  const chosen = new Map(rows.map((r) => [`${r.userId}\0${r.kind}`, r.delivery]));
  return (userId: number, kind: string): MailDelivery => deliveryOf(kind, chosen.get(`${userId}\0${kind}`));
}

/**
 * The notification centre's hook (server/modules/accountability/notify.ts): for each notification just
 * written whose user wants that kind mailed at once and has an address, a mail is queued in the same
 * transaction, tied to the notification (`mail_notifications`, keyed by it: never mailed twice), and its
 * sending enqueued there too: the mail exists exactly when the event does.
 */
export async function mailNotificationsNow(
  tx: Db,
  written: readonly { id: number; userId: number; kind: string }[],
): Promise<void> {
  if (written.length === 0) return;
  const userIds = [...new Set(written.map((n) => n.userId))];
  const recipients = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.active, true), isNotNull(users.email)));
  const address = new Map(recipients.map((r) => [r.id, r.email ?? '']));
  const delivery = await chosenDeliveries(
    tx,
    recipients.map((r) => r.id),
  );
  const mailed = written.filter((n) => address.get(n.userId) && delivery(n.userId, n.kind) === 'immediate');
  if (mailed.length === 0) return;
  // Ids follow the order of the values (one sequence, one statement), so each mail meets its notification.
  const mails = await tx
    .insert(mailOutbox)
    .values(
      mailed.map((n) => ({
        userId: n.userId,
        recipient: address.get(n.userId) ?? '',
        kind: 'notification' as const,
      })),
    )
    .returning({ id: mailOutbox.id });
  await tx
    .insert(mailNotifications)
    .values(mailed.map((n, i) => ({ notificationId: n.id, mailId: mails[i]?.id ?? 0 })));
  await enqueueMails(
    tx,
    mails.map((m) => m.id),
  );
}

export async function findMailSettings(db: Db, userId: number, smtp: boolean): Promise<MailSettings> {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  const rows = await db
    .select({ kind: mailPreferences.kind, delivery: mailPreferences.delivery })
    .from(mailPreferences)
    .where(eq(mailPreferences.userId, userId));
  const chosen = new Map(rows.map((r) => [r.kind, r.delivery]));
  return {
    email: user?.email ?? null,
    preferences: MAIL_KINDS.map((kind) => ({
      kind,
      delivery: deliveryOf(kind, chosen.get(kind)),
      isDefault: !chosen.has(kind),
    })),
    smtp,
  };
}

/** The user's own address and choices (audited: where a person's mail goes is theirs to know). */
export async function updateMailSettings(
  db: Db,
  actor: Actor,
  input: UpdateMailSettingsInput,
  smtp: boolean,
): Promise<MailSettings> {
  const { email, preferences } = updateMailSettingsInput.parse(input);
  await db
    .transaction(async (tx) => {
      const before = await findMailSettings(tx, actor.id, smtp);
      if (email !== '' && email !== before.email?.toLowerCase()) await assertEmailFree(tx, email, actor.id);
      await tx
        .update(users)
        .set({ email: email === '' ? null : email })
        .where(eq(users.id, actor.id));
      if (preferences.length > 0) {
        await tx
          .insert(mailPreferences)
          .values(preferences.map((p) => ({ userId: actor.id, kind: p.kind, delivery: p.delivery })))
          .onConflictDoUpdate({
            target: [mailPreferences.userId, mailPreferences.kind],
            set: { delivery: sql`excluded.delivery` },
          });
      }
      await appendAudit(tx, actor, {
        action: 'mail.settings',
        entityType: 'user',
        entityId: actor.id,
        before: { email: before.email, preferences: before.preferences.filter((p) => !p.isDefault) },
        after: { email: email === '' ? null : email, preferences },
      });
    })
    .catch((error: unknown) => {
      throw emailTakenOr(error);
    });
  return findMailSettings(db, actor.id, smtp);
}

/** The outbox, newest first: every mail made, sent or not (the administrator's view). */
export async function findOutbox(db: Db, input: OutboxInput & { page: number }): Promise<OutboxPage> {
  const where = input.status ? eq(mailOutbox.status, input.status as MailStatus) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: mailOutbox.id,
        recipient: mailOutbox.recipient,
        recipientName: users.fullName,
        kind: mailOutbox.kind,
        subject: mailOutbox.subject,
        text: mailOutbox.text,
        status: mailOutbox.status,
        attempts: mailOutbox.attempts,
        lastError: mailOutbox.lastError,
        createdAt: mailOutbox.createdAt,
        sentAt: mailOutbox.sentAt,
      })
      .from(mailOutbox)
      .leftJoin(users, eq(users.id, mailOutbox.userId))
      .where(where)
      .orderBy(desc(mailOutbox.id))
      .limit(OUTBOX_PAGE_SIZE)
      .offset((input.page - 1) * OUTBOX_PAGE_SIZE),
    db.select({ n: count() }).from(mailOutbox).where(where),
  ]);
  return { items: rows, total: total?.n ?? 0, page: input.page, pageSize: OUTBOX_PAGE_SIZE };
}
