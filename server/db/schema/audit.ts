import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail. Each entry carries the hash of its content and of the previous entry, so
 * verification finds any entry changed, removed or reordered; a trigger refuses UPDATE and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: integer('user_id'),
    username: text('username'),
    role: text('role'),
    agencyId: integer('agency_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /**
     * 'sha256' for entries written before the chain was keyed (covered by the first signed checkpoint),
     * 'hmac-sha256' after: keyed with AUDIT_KEY, which the database does not hold.
     */
    hashAlg: text('hash_alg').notNull().default('sha256'),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId, t.id), index('audit_user_idx').on(t.userId)],
);

/**
 * Signed checkpoints of the audit chain (RFC 6962 style): an Ed25519 signature over the number of
 * entries and the head hash at that point. Also written outside the database (exported, shown to
 * inspectors), so cutting the tail past a checkpoint or rewriting any entry before it is detected.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: serial('id').primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  /** Entries in the chain up to and including headId. */
  entryCount: bigint('entry_count', { mode: 'number' }).notNull(),
  headId: bigint('head_id', { mode: 'number' }).notNull(),
  headHash: text('head_hash').notNull(),
  /** Which public key verifies the signature (its SHA-256 fingerprint, hex). */
  keyId: text('key_id').notNull(),
  /** Ed25519 signature (base64) over the checkpoint's canonical text. */
  signature: text('signature').notNull(),
});
