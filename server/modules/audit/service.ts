import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { together, WRITE_ORDER_LOCK } from '../../db/group-commit';
import { auditLog } from '../../db/schema';
import { type Actor, actorFields } from '../auth/actor';
import { auditHash, GENESIS_HASH, toJsonValue } from './hash';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/** Appends one audit entry; call it inside the transaction of the write it records. */
export async function appendAudit(tx: Db, actor: Actor | null, input: AuditInput): Promise<void> {
  await appendAudits(tx, [{ actor, input }]);
}

/** Appends several entries, chained in the order given, with one insert (a batch of writes). */
export async function appendAudits(
  tx: Db,
  entries: readonly { actor: Actor | null; input: AuditInput }[],
): Promise<void> {
  if (entries.length === 0) return;
  // Sent together (one round trip): they run in order, so the last hash is read under the lock.
  const locked = Promise.resolve(tx.execute(sql`select pg_advisory_xact_lock(${WRITE_ORDER_LOCK})`));
  const lastRows = Promise.resolve(
    tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1),
  );
  await together(locked, lastRows);
  const [last] = await lastRows;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = entries.map(({ actor, input }) => {
    const content = {
      at: new Date(),
      ...actorFields(actor),
      action: input.action,
      entityType: input.entityType,
      entityId: String(input.entityId),
      before: toJsonValue(input.before),
      after: toJsonValue(input.after),
    };
    const row = { ...content, prevHash, hash: auditHash(prevHash, content) };
    prevHash = row.hash;
    return row;
  });
  await tx.insert(auditLog).values(rows);
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first entry whose content or link does not match. */
  brokenAtId: number | null;
  reason: 'content_changed' | 'chain_broken' | null;
  verifiedAt: Date;
}

/** Walks the whole chain in id order, recomputing every hash. */
export async function verifyAuditTrail(db: Db, batchSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return { ok: false, checked, brokenAtId: row.id, reason: 'chain_broken', verifiedAt: new Date() };
      }
      const expected = auditHash(prevHash, {
        at: row.at,
        userId: row.userId,
        username: row.username,
        role: row.role,
        agencyId: row.agencyId,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        before: row.before,
        after: row.after,
      });
      if (expected !== row.hash) {
        return { ok: false, checked, brokenAtId: row.id, reason: 'content_changed', verifiedAt: new Date() };
      }
      prevHash = row.hash;
      lastId = row.id;
      checked++;
    }
  }
  return { ok: true, checked, brokenAtId: null, reason: null, verifiedAt: new Date() };
}

/** The audit entries of one entity. */
const ofEntity = (entityType: string, entityId: string | number) =>
  and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(entityId)));

const summaryColumns = {
  id: auditLog.id,
  at: auditLog.at,
  username: auditLog.username,
  role: auditLog.role,
  action: auditLog.action,
};

/** An entity's audit entries with their before/after snapshots, newest first. */
export async function findAuditEntries(db: Db, entityType: string, entityId: string | number, limit = 200) {
  return db
    .select({
      ...summaryColumns,
      agencyId: auditLog.agencyId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(ofEntity(entityType, entityId))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

/** Who did what and when, without the before/after snapshots (a task's page lists hundreds of them). */
export async function findAuditSummaries(db: Db, entityType: string, entityId: string | number, limit = 200) {
  return db
    .select(summaryColumns)
    .from(auditLog)
    .where(ofEntity(entityType, entityId))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

/** How many audit entries an entity has. */
export async function countAuditEntries(db: Db, entityType: string, entityId: string | number) {
  const [row] = await db.select({ n: count() }).from(auditLog).where(ofEntity(entityType, entityId));
  return row?.n ?? 0;
}
