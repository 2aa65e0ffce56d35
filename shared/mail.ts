/**
 * E-mail of notifications (issue 16, point 4; docs/decisions/0024-mail-and-digests.md): for each kind
 * of notification a user chooses how it reaches their mailbox. One table here for the server (which
 * mail a notification makes) and the preferences form (what it offers and shows by default).
 */

/** Mailed as it happens, gathered into the morning's digest, or not mailed (the notification centre keeps it). */
export const MAIL_DELIVERIES = ['immediate', 'digest', 'off'] as const;
export type MailDelivery = (typeof MAIL_DELIVERIES)[number];

/**
 * Each kind a preference is kept for, and its default. The notification kinds the server writes
 * (server/modules/accountability/notify.ts: a test checks every one is here), and `summary`: the
 * digest's own overview of what is due, overdue and awaiting the user's decision, which only a digest
 * can carry. What asks the user to act is mailed at once by default; the rest waits for the digest.
 */
export const MAIL_KIND_DEFAULTS = {
  summary: 'digest',
  reminder: 'digest',
  'explanation.requested': 'immediate',
  'explanation.answered': 'digest',
  'explanation.approved': 'digest',
  'explanation.sentBack': 'immediate',
  'explanation.accepted': 'digest',
  'explanation.askedAgain': 'immediate',
  // The Office's leadership told of a task still overdue after its explanation was asked: a digest, not a flood.
  'escalation.office': 'digest',
} as const satisfies Record<string, MailDelivery>;
export type MailKind = keyof typeof MAIL_KIND_DEFAULTS;
export const MAIL_KINDS = Object.keys(MAIL_KIND_DEFAULTS) as MailKind[];

/** The deliveries a kind may take: the overview exists only as a digest. */
export function deliveriesFor(kind: MailKind): readonly MailDelivery[] {
  return kind === 'summary' ? ['digest', 'off'] : MAIL_DELIVERIES;
}

export function isMailKind(kind: string): kind is MailKind {
  return Object.hasOwn(MAIL_KIND_DEFAULTS, kind);
}

/** A kind's delivery: the user's choice, else the kind's default (an unknown kind waits for the digest). */
export function deliveryOf(kind: string, chosen: MailDelivery | undefined): MailDelivery {
  if (chosen !== undefined) return chosen;
  return isMailKind(kind) ? MAIL_KIND_DEFAULTS[kind] : 'digest';
}

/** The hour (Vietnam time) the daily digest goes out; a server started later that day sends it at start. */
export const DIGEST_HOUR = 7;

/** Mail states: queued (to send), sending, sent, failed (retries exhausted), held (no SMTP configured). */
export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'held'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
