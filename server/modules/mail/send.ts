import { and, eq, inArray, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/client';
import { mailNotifications, mailOutbox, notifications, users } from '../../db/schema';
import { type JobDefinition, type JobLog, periodicJob, type RetryPolicy } from '../../jobs/queue';
import { enqueueMails, MAIL_SEND_JOB } from './outbox';
import { renderNotificationMail } from './wording';

/** What sends a mail: nodemailer's SMTP transport in the server, anything alike in a test. */
export interface MailTransport {
  sendMail(mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
  }): Promise<unknown>;
  close?(): void;
}

/** nodemailer over SMTP_URL (smtp:// with STARTTLS when offered, smtps:// for TLS from the start). */
export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport(url, {
    // A stalled server must not hold a job for long: the queue retries it later.
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  } as never);
}

export interface MailSending {
  /** null: no SMTP configured, mails are held in the outbox for the administrator. */
  transport: MailTransport | null;
  from: string;
  baseUrl: string;
}

/** A mail found `sending` this long after its claim was claimed by a process that died: it is sent again. */
const LOST_CLAIM_SECONDS = 300;
export const MAIL_RETRY: RetryPolicy = { limit: 5, delaySeconds: 30, maxDelaySeconds: 1_800 };

class StillSending extends Error {
  constructor(id: number) {
    super(`mail ${id} is being sent by another attempt; looked at again later`);
  }
}

/**
 * The notification a mail carries, rendered into it if it is not yet (a notification's mail is written
 * bare), in its recipient's language as it is when the mail is made (Vietnamese if the account is gone).
 */
async function renderIfBare(db: Db, mailId: number, sending: MailSending): Promise<void> {
  const [note] = await db
    .select({
      kind: notifications.kind,
      params: notifications.params,
      taskId: notifications.taskId,
      language: users.language,
    })
    .from(mailNotifications)
    .innerJoin(notifications, eq(notifications.id, mailNotifications.notificationId))
    .innerJoin(mailOutbox, eq(mailOutbox.id, mailNotifications.mailId))
    .leftJoin(users, eq(users.id, mailOutbox.userId))
    .where(eq(mailNotifications.mailId, mailId))
    .limit(1);
  if (!note) throw new Error(`mail ${mailId} carries no notification`);
  const mail = renderNotificationMail(
    { kind: note.kind, params: note.params as Record<string, unknown>, taskId: note.taskId },
    { baseUrl: sending.baseUrl, lang: note.language ?? 'vi' },
  );
  await db
    .update(mailOutbox)
    .set({ subject: mail.subject, text: mail.text, html: mail.html })
    .where(and(eq(mailOutbox.id, mailId), sql`${mailOutbox.subject} is null`));
}

/**
 * Sends one mail of the outbox, at most once per claim: the row is claimed (`queued` → `sending`) by
 * one statement, so two attempts never both send it; after the SMTP server took it, it is `sent`, and
 * any later attempt finds nothing to do. Without SMTP it is `held` for the administrator. A failure
 * puts it back to `queued` (the queue retries with backoff), or `failed` after the last attempt.
 */
export async function sendOutboxMail(
  db: Db,
  mailId: number,
  sending: MailSending,
  context: { signal?: AbortSignal; lastAttempt?: boolean } = {},
): Promise<'sent' | 'held' | 'done'> {
  const [row] = await db
    .select({ status: mailOutbox.status, subject: mailOutbox.subject })
    .from(mailOutbox)
    .where(eq(mailOutbox.id, mailId));
  if (!row || row.status === 'sent' || row.status === 'held' || row.status === 'failed') return 'done';
  if (row.subject === null) await renderIfBare(db, mailId, sending);
  if (!sending.transport) {
    await db
      .update(mailOutbox)
      .set({ status: 'held' })
      .where(and(eq(mailOutbox.id, mailId), eq(mailOutbox.status, 'queued')));
    return 'held';
  }
  if (context.signal?.aborted) throw new Error('stopping');
  const [claimed] = await db
    .update(mailOutbox)
    .set({ status: 'sending', attempts: sql`${mailOutbox.attempts} + 1`, claimedAt: sql`now()` })
    .where(
      and(
        eq(mailOutbox.id, mailId),
        sql`(${mailOutbox.status} = 'queued' or (${mailOutbox.status} = 'sending' and ${mailOutbox.claimedAt} < now() - make_interval(secs => ${LOST_CLAIM_SECONDS})))`,
      ),
    )
    .returning({
      recipient: mailOutbox.recipient,
      subject: mailOutbox.subject,
      text: mailOutbox.text,
      html: mailOutbox.html,
    });
  if (!claimed) {
    const [now] = await db
      .select({ status: mailOutbox.status })
      .from(mailOutbox)
      .where(eq(mailOutbox.id, mailId));
    if (now?.status === 'sending') throw new StillSending(mailId);
    return 'done';
  }
  try {
    await sending.transport.sendMail({
      from: sending.from,
      to: claimed.recipient,
      subject: claimed.subject ?? '',
      text: claimed.text ?? '',
      html: claimed.html ?? '',
      // The same id at every attempt: a mail sent twice (a process that died between the server's
      // acceptance and the record of it) is one message to the recipient's mail system.
      messageId: `<dgm-mail-${mailId}@${new URL(sending.baseUrl).hostname}>`,
    });
  } catch (err) {
    await db
      .update(mailOutbox)
      .set({
        status: context.lastAttempt ? 'failed' : 'queued',
        lastError: String((err as Error).message ?? err).slice(0, 500),
        claimedAt: null,
      })
      .where(eq(mailOutbox.id, mailId));
    throw err;
  }
  await db
    .update(mailOutbox)
    .set({ status: 'sent', sentAt: sql`now()`, lastError: null, claimedAt: null })
    .where(eq(mailOutbox.id, mailId));
  return 'sent';
}

/** The `mail.send` job: one per mail, keyed by its id, retried with backoff (5 times, from 30 s). */
export function mailSendJob(
  db: Db,
  sending: MailSending,
  retry: RetryPolicy = MAIL_RETRY,
): JobDefinition<{ mailId: number }> {
  return {
    name: MAIL_SEND_JOB,
    failure: 'sending a mail failed',
    policy: 'standard',
    retry,
    timeoutSeconds: 5 * 60,
    run: async ({ mailId }, { signal, attempt }) => {
      await sendOutboxMail(db, mailId, sending, { signal, lastAttempt: attempt > retry.limit });
    },
  };
}

/**
 * `mail.sweep`, every minute: mails still `queued` a while after they were written (by a process that
 * ran no queue) or left `sending` by a process that died get their `mail.send` job (keyed: never twice).
 */
export function mailSweepJob(db: Db, options: { log?: JobLog } = {}): JobDefinition {
  return periodicJob({
    name: 'mail.sweep',
    cron: '* * * * *',
    failure: 'sweeping the mail outbox failed',
    run: async () => {
      const stuck = await db
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(
          and(
            inArray(mailOutbox.status, ['queued', 'sending']),
            sql`${mailOutbox.createdAt} < now() - interval '30 seconds'`,
            sql`(${mailOutbox.status} = 'queued' or ${mailOutbox.claimedAt} < now() - make_interval(secs => ${LOST_CLAIM_SECONDS}))`,
          ),
        )
        .orderBy(mailOutbox.id)
        .limit(1_000);
      if (stuck.length === 0) return;
      await enqueueMails(
        db,
        stuck.map((m) => m.id),
      );
      options.log?.info({ mails: stuck.length }, 'mail sweep: queued mails enqueued');
    },
  });
}
