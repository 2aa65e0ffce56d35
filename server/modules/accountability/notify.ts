import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notifications, users } from '../../db/schema';
import { mailNotificationsNow } from '../mail/outbox';

/** What a notification is about: the client writes its sentence from the kind and the params. */
export const NOTIFICATION_KINDS = [
  'reminder',
  'explanation.requested',
  'explanation.answered',
  'explanation.approved',
  'explanation.sentBack',
  'explanation.accepted',
  'explanation.askedAgain',
  /** An escalation rule: a task stays overdue after its explanation was asked (server/modules/escalation). */
  'escalation.office',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationInput {
  kind: NotificationKind;
  /** Null for a report obligation: its params name the template and period. */
  taskId: number | null;
  params: Record<string, string | number | null>;
}

type StaffRole = 'officer' | 'leader';

/**
 * Notifies each item's agency's active staff of the given roles (a task's lead agency's officers and
 * leader for a reminder), in the writing transaction: the notification exists exactly when the event does.
 */
export async function notifyAgencyStaff(
  tx: Db,
  items: readonly { agencyId: number; roles: readonly StaffRole[]; note: NotificationInput }[],
): Promise<void> {
  if (items.length === 0) return;
  const staff = await tx
    .select({ id: users.id, agencyId: users.agencyId, role: users.role })
    .from(users)
    .where(
      and(
        inArray(users.agencyId, [...new Set(items.map((i) => i.agencyId))]),
        inArray(users.role, ['officer', 'leader']),
        eq(users.active, true),
      ),
    );
  const rows = items.flatMap(({ agencyId, roles, note }) =>
    staff
      .filter((u) => u.agencyId === agencyId && (roles as readonly string[]).includes(u.role))
      .map((u) => ({ userId: u.id, kind: note.kind, taskId: note.taskId, params: note.params })),
  );
  await insertNotifications(tx, rows);
}

/** Notifies these users (each once) of each note. */
export async function notifyUsers(
  tx: Db,
  userIds: readonly number[],
  note: NotificationInput,
): Promise<void> {
  const rows = [...new Set(userIds)].map((userId) => ({
    userId,
    kind: note.kind,
    taskId: note.taskId,
    params: note.params,
  }));
  await insertNotifications(tx, rows);
}

/** Writes the notifications, and the mails of those their users want at once (ADR 0024). */
async function insertNotifications(tx: Db, rows: (typeof notifications.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  const written = await tx
    .insert(notifications)
    .values(rows)
    .returning({ id: notifications.id, userId: notifications.userId, kind: notifications.kind });
  await mailNotificationsNow(tx, written);
}
