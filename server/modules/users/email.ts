import { and, eq, ne, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';

/** The partial unique index behind the rule (server/db/schema/auth.ts). */
const ACTIVE_EMAIL_INDEX = 'users_active_email_idx';

const emailTaken = () => new AppError('CONFLICT', 'emailTaken', { field: 'email', reason: 'emailTaken' });

/**
 * One active account per mailbox (docs/decisions/0027): a mail written for one account's role and
 * agency must not land in the mailbox of another account's person. An inactive account keeps its old
 * address without holding it. `address` is already trimmed and lower-cased (`emailAddress`).
 */
export async function assertEmailFree(tx: Db, address: string, exceptUserId?: number): Promise<void> {
  const [other] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(sql`lower(${users.email})`, address.toLowerCase()),
        eq(users.active, true),
        exceptUserId === undefined ? undefined : ne(users.id, exceptUserId),
      ),
    )
    .limit(1);
  if (other) throw emailTaken();
}

/**
 * The same refusal when two writes raced past the check and the index stopped the second one (drizzle
 * wraps the driver's error: its causes are looked through); any other error as it was.
 */
export function emailTakenOr(error: unknown): unknown {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === '23505' && typeof message === 'string' && message.includes(ACTIVE_EMAIL_INDEX))
      return emailTaken();
  }
  return error;
}
