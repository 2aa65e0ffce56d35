import { z } from 'zod';
import { deliveriesFor, MAIL_DELIVERIES, MAIL_KINDS, MAIL_STATUSES, type MailKind } from '../mail';
import { emailAddress } from './users';

/** The user's own mail settings: the address mails go to, and a delivery per kind. */
export const mailSettings = z.object({
  email: z.string().nullable(),
  preferences: z.array(
    z.object({
      kind: z.enum(MAIL_KINDS as [MailKind, ...MailKind[]]),
      delivery: z.enum(MAIL_DELIVERIES),
      /** Whether this is the kind's default (nothing chosen yet). */
      isDefault: z.boolean(),
    }),
  ),
  /** Whether mails leave the server (SMTP configured) or stay in the administrator's outbox. */
  smtp: z.boolean(),
});
export type MailSettings = z.infer<typeof mailSettings>;

/** Messages are keys the client translates (client/lib/i18n: validation.*). */
export const updateMailSettingsInput = z
  .object({
    /** Empty: no address, no mail. */
    email: emailAddress,
    preferences: z
      .array(
        z.object({
          kind: z.enum(MAIL_KINDS as [MailKind, ...MailKind[]]),
          delivery: z.enum(MAIL_DELIVERIES),
        }),
      )
      .max(MAIL_KINDS.length * 2),
  })
  .superRefine((value, ctx) => {
    value.preferences.forEach((p, i) => {
      if (!deliveriesFor(p.kind).includes(p.delivery))
        ctx.addIssue({ code: 'custom', message: 'invalid', path: ['preferences', i, 'delivery'] });
    });
  });
export type UpdateMailSettingsInput = z.input<typeof updateMailSettingsInput>;

export const OUTBOX_PAGE_SIZE = 25;

export const outboxInput = z.object({
  page: z.number().int().min(1).max(10_000).default(1),
  status: z.enum(MAIL_STATUSES).optional(),
});
export type OutboxInput = z.input<typeof outboxInput>;

export const outboxPage = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      recipient: z.string(),
      /** The account the mail is for (its full name), null if it is gone. */
      recipientName: z.string().nullable(),
      kind: z.enum(['notification', 'digest']),
      subject: z.string().nullable(),
      text: z.string().nullable(),
      status: z.enum(MAIL_STATUSES),
      attempts: z.number(),
      lastError: z.string().nullable(),
      createdAt: z.date(),
      sentAt: z.date().nullable(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type OutboxPage = z.infer<typeof outboxPage>;

/** The user's next morning digest as it would be written now (`mail.digestPreview`). */
export const digestPreview = z.object({
  /** The morning it is due (yyyy-MM-dd, Vietnam). */
  day: z.string(),
  /** Without an address no digest is mailed (the notification centre still has everything). */
  hasAddress: z.boolean(),
  /** Null: nothing to tell (no mail would be made). */
  subject: z.string().nullable(),
  text: z.string().nullable(),
});
export type DigestPreview = z.infer<typeof digestPreview>;
