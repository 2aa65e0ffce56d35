import { sql } from 'drizzle-orm';
import type { ChangePayload, ChangeType } from '../../../shared/live-events';
import type { Db } from '../../db/client';
import { together, WRITE_ORDER_LOCK } from '../../db/group-commit';
import { changeEvents } from '../../db/schema';

export const CHANGE_CHANNEL = 'dgm_changes';

export interface ChangeInput {
  type: ChangeType;
  taskId?: number;
  documentId?: number;
  /** Agencies allowed to see `detail` (besides oversight roles). */
  agencyIds?: number[];
  payload: ChangePayload;
  detail?: Record<string, unknown>;
}

/**
 * Records a change in the writing transaction and signals it. The lock (the audit trail's, held to
 * commit) makes event ids commit in order, so a reader taking "id > last" never skips one that
 * commits late. One NOTIFY per transaction: call this once per write.
 */
export async function recordChange(tx: Db, change: ChangeInput): Promise<void> {
  await recordChanges(tx, [change]);
}

/** Several changes of one write (e.g. a submission accepted and the KPI figures it moved): one NOTIFY. */
export async function recordChanges(tx: Db, changes: readonly ChangeInput[]): Promise<void> {
  if (changes.length === 0) return;
  // Sent together (one round trip; they run in order): the lock, the rows, and the signal, which
  // names the newest id (the rows just inserted: the lock keeps other writers' out until commit).
  await together(
    tx.execute(sql`select pg_advisory_xact_lock(${WRITE_ORDER_LOCK})`),
    tx.insert(changeEvents).values(
      changes.map((change) => ({
        type: change.type,
        taskId: change.taskId ?? null,
        documentId: change.documentId ?? null,
        agencyIds: change.agencyIds ?? [],
        payload: change.payload,
        detail: change.detail ?? null,
      })),
    ),
    tx.execute(
      sql`select pg_notify(${CHANGE_CHANNEL}, (select max(${changeEvents.id}) from ${changeEvents})::text)`,
    ),
  );
}
