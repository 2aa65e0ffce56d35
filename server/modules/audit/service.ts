import { and, count, desc, eq, type Placeholder, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditBreak, AuditCheckpoint, auditVerificationOutput } from '../../../shared/schemas/audit';
import type { Db } from '../../db/client';
import { together, WRITE_ORDER_LOCK } from '../../db/group-commit';
import { selectRows } from '../../db/rows';
import { auditLog, users } from '../../db/schema';
import { type Actor, actorFields } from '../auth/actor';
import { checkpointSigned, findCheckpoints } from './checkpoints';
import {
  type AuditContent,
  auditHmac,
  contentTextAt,
  GENESIS_HASH,
  type HashAlg,
  hashText,
  KEYED_ALG,
  toJsonValue,
} from './hash';
import { type AuditKeys, auditKeys } from './keys';

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
  const keys = auditKeys();
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
    const row = { ...content, prevHash, hash: auditHmac(keys.hmac, prevHash, content), hashAlg: KEYED_ALG };
    prevHash = row.hash;
    return row;
  });
  await tx.insert(auditLog).values(rows);
}

export type AuditVerification = z.infer<typeof auditVerificationOutput>;

/** An entry as verification reads it. */
interface ChainRow extends Omit<AuditContent, 'at'> {
  id: number;
  at: string;
  prevHash: string;
  hash: string;
  hashAlg: HashAlg;
}

/** A checkpoint to check the chain against: from the database or kept outside it (null: unreadable). */
type Anchor = AuditCheckpoint & { external: boolean };

/**
 * Walks the whole chain in id order, recomputing every hash, and checks it against every signed
 * checkpoint, those in the database and those kept outside it (`external`: the JSON-lines file, or a
 * list an inspector kept). Reports the first break found, in this order: a forged checkpoint; an entry
 * changed, unlinked or rehashed without the key, or differing from a checkpoint; a tail cut past a
 * checkpoint; a checkpoint kept outside that the database lost.
 */
export async function verifyAuditTrail(
  db: Db,
  options: {
    keys?: AuditKeys;
    external?: readonly (AuditCheckpoint | null)[] | null;
    batchSize?: number;
  } = {},
): Promise<AuditVerification> {
  const keys = options.keys ?? auditKeys();
  const external = options.external ?? null;
  const stored = await findCheckpoints(db);
  let checkedCheckpoints = 0;
  const result = (
    ok: boolean,
    checked: number,
    reason: AuditBreak | null = null,
    at: { brokenAtId?: number; checkpointId?: number } = {},
  ): AuditVerification => ({
    ok,
    checked,
    brokenAtId: at.brokenAtId ?? null,
    checkpointId: at.checkpointId ?? null,
    reason,
    checkpoints: checkedCheckpoints,
    externalCheckpoints: external?.length ?? null,
    verifiedAt: new Date(),
  });

  const byId = new Map<number, Anchor>();
  for (const c of stored) {
    if (!checkpointSigned(keys, c)) return result(false, 0, 'checkpoint_forged', { checkpointId: c.id });
    byId.set(c.id, { ...c, external: false });
  }
  const missing: AuditCheckpoint[] = [];
  for (const c of external ?? []) {
    if (!c || !checkpointSigned(keys, c)) {
      return result(false, 0, 'checkpoint_forged', { checkpointId: c?.id });
    }
    const same = byId.get(c.id);
    if (!same || same.signature !== c.signature) {
      missing.push(c);
      // Kept as an anchor all the same: it is signed, so the chain must still reach and match it.
      if (!same) byId.set(c.id, { ...c, external: true });
    }
  }
  const anchors = [...byId.values()].sort((a, b) => a.headId - b.headId);
  checkedCheckpoints = anchors.length;

  const batchSize = options.batchSize ?? 10_000;
  // Raw rows, the instant as its ISO text: no Date, no mapping, per entry of a million.
  const fetchAfter = (id: number) =>
    selectRows<ChainRow>(
      db,
      sql`select id::float8 as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
        user_id as "userId", username, role, agency_id as "agencyId", action, entity_type as "entityType",
        entity_id as "entityId", before, after, prev_hash as "prevHash", hash, hash_alg as "hashAlg"
        from audit_log where audit_log.id > ${id} order by audit_log.id limit ${batchSize}`,
    );

  let prevHash = GENESIS_HASH;
  let checked = 0;
  let keyed = false;
  let next = 0;
  let pending = fetchAfter(0);
  for (;;) {
    const rows = await pending;
    if (rows.length === 0) break;
    // The next batch is read while this one is hashed.
    const lastRow = rows[rows.length - 1];
    pending = fetchAfter(lastRow ? lastRow.id : 0);
    // A break ends the walk: the batch read ahead is not waited for, and its failure is not an error.
    pending.catch(() => {});
    for (const row of rows) {
      const at = { brokenAtId: row.id };
      if (row.prevHash !== prevHash) return result(false, checked, 'chain_broken', at);
      if (row.hashAlg === KEYED_ALG) {
        keyed = true;
      } else if (row.hashAlg === 'sha256') {
        // Unkeyed entries are the history from before the key: one after a keyed entry was rehashed.
        if (keyed) return result(false, checked, 'unkeyed_entry', at);
      } else {
        return result(false, checked, 'content_changed', at);
      }
      if (hashText(row.hashAlg, keys.hmac, prevHash, contentTextAt(row, row.at)) !== row.hash) {
        return result(false, checked, 'content_changed', at);
      }
      checked++;
      prevHash = row.hash;
      for (let anchor = anchors[next]; anchor && anchor.headId <= row.id; anchor = anchors[++next]) {
        // A checkpoint's head entry gone while the chain still links (rehashed around it), or another
        // entry or count where it signed one.
        if (anchor.headId !== row.id || anchor.headHash !== row.hash || anchor.entryCount !== checked) {
          return result(false, checked, 'checkpoint_mismatch', { ...at, checkpointId: anchor.id });
        }
      }
    }
  }
  const unreached = anchors[next];
  if (unreached) {
    return result(false, checked, 'truncated', { brokenAtId: unreached.headId, checkpointId: unreached.id });
  }
  const lost = missing[0];
  if (lost) return result(false, checked, 'checkpoint_missing', { checkpointId: lost.id });
  return result(true, checked);
}

/** The audit entries of one entity (its id as text, or a placeholder for it). */
const ofEntity = (entityType: string, entityId: string | Placeholder) =>
  and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId));

/** Who acted is shown by their full name (the login stays in the entry, which the hash covers). */
const summaryColumns = {
  id: auditLog.id,
  at: auditLog.at,
  username: auditLog.username,
  fullName: users.fullName,
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
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(ofEntity(entityType, String(entityId)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

/** Who did what and when, without the before/after snapshots (a task's page lists hundreds of them). */
export async function findAuditSummaries(db: Db, entityType: string, entityId: string | number, limit = 200) {
  return auditSummariesQuery(db, entityType, String(entityId), limit);
}

/** `findAuditSummaries`' query, for a page that prepares it with placeholders (a task's detail). */
export function auditSummariesQuery(
  db: Db,
  entityType: string,
  entityId: string | Placeholder,
  limit: number | Placeholder,
) {
  return db
    .select(summaryColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(ofEntity(entityType, entityId))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

/** How many audit entries an entity has. */
export async function countAuditEntries(db: Db, entityType: string, entityId: string | number) {
  const [row] = await auditCountQuery(db, entityType, String(entityId));
  return row?.n ?? 0;
}

/** `countAuditEntries`' query, for a page that prepares it with a placeholder (a task's detail). */
export function auditCountQuery(db: Db, entityType: string, entityId: string | Placeholder) {
  return db.select({ n: count() }).from(auditLog).where(ofEntity(entityType, entityId));
}
