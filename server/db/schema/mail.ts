import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { MAIL_DELIVERIES, MAIL_STATUSES } from '../../../shared/mail';
import { notifications } from './accountability';
import { users } from './auth';

/** docs/decisions/0024-mail-and-digests.md */
export const mailDelivery = pgEnum('mail_delivery', MAIL_DELIVERIES);
export const mailStatus = pgEnum('mail_status', MAIL_STATUSES);

/** A user's choice per kind (shared/mail.ts); no row: the kind's default. */
export const mailPreferences = pgTable(
  'mail_preferences',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    delivery: mailDelivery('delivery').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * Every mail the system makes: the record of what was sent to whom, the queue of what is still to send,
 * and, without SMTP_URL, the administrator's outbox (status `held`). A notification's mail is written
 * `queued` in the transaction of the event and rendered and sent by the `mail.send` job; a digest is
 * rendered when made. The recipient's address is copied: the record says where it went.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    recipient: text('recipient').notNull(),
    kind: text('kind').$type<'notification' | 'digest'>().notNull(),
    subject: text('subject'),
    text: text('text'),
    html: text('html'),
    status: mailStatus('status').notNull().default('queued'),
    attempts: smallint('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** When the current attempt claimed it (status `sending`): a claim far older is of a process that died. */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('mail_outbox_status_idx').on(t.status, t.id),
    index('mail_outbox_pending_idx').on(t.createdAt).where(sql`${t.status} in ('queued', 'sending')`),
  ],
);

/**
 * Which notifications each mail carries: one row per notification ever mailed (its primary key), so a
 * notification goes out in one mail at most, at once or in a digest, whichever process makes it.
 */
export const mailNotifications = pgTable(
  'mail_notifications',
  {
    notificationId: bigint('notification_id', { mode: 'number' })
      .primaryKey()
      .references(() => notifications.id),
    mailId: bigint('mail_id', { mode: 'number' })
      .notNull()
      .references(() => mailOutbox.id),
  },
  (t) => [index('mail_notifications_mail_idx').on(t.mailId)],
);

/**
 * One digest per user and Vietnam day: the process whose insert wins makes and sends it; any other
 * (a second server process, a retry, a run after a restart) finds the row and does nothing.
 */
export const mailDigests = pgTable(
  'mail_digests',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    /** The mail, or null when the user had nothing to hear that day. */
    mailId: bigint('mail_id', { mode: 'number' }).references(() => mailOutbox.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);
