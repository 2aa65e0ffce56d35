import { z } from 'zod';
import { positiveId } from './ids';

export const auditEntityInput = z.object({
  entityType: z.string().trim().min(1).max(50),
  entityId: positiveId(),
});

/**
 * Why verification failed:
 * - content_changed: an entry's hash does not match its content (HMAC with the server's key);
 * - chain_broken: an entry does not link to the one before it (one removed, or reordered);
 * - unkeyed_entry: an entry with the public, unkeyed hash after the chain was keyed (recomputed);
 * - checkpoint_forged: a checkpoint whose signature does not verify with the server's public key;
 * - checkpoint_mismatch: the entry a checkpoint signed has another hash, or the count differs;
 * - truncated: the table no longer reaches the head entry of a signed checkpoint;
 * - checkpoint_missing: a checkpoint kept outside the database is no longer in it.
 */
export const AUDIT_BREAKS = [
  'content_changed',
  'chain_broken',
  'unkeyed_entry',
  'checkpoint_forged',
  'checkpoint_mismatch',
  'truncated',
  'checkpoint_missing',
] as const;
export type AuditBreak = (typeof AUDIT_BREAKS)[number];

/** `audit.verify`: the chain recomputed and checked against every signed checkpoint; the first break. */
export const auditVerificationOutput = z.object({
  ok: z.boolean(),
  /** Entries whose hash and link were checked (up to the break). */
  checked: z.number(),
  /** The entry where the break is (for `truncated`, the missing head entry of the checkpoint). */
  brokenAtId: z.number().nullable(),
  /** The checkpoint concerned, if the break is about one. */
  checkpointId: z.number().nullable(),
  reason: z.enum(AUDIT_BREAKS).nullable(),
  /** Signed checkpoints checked (database and outside copies together). */
  checkpoints: z.number(),
  /** Checkpoints read from the copy kept outside the database; null when there is none. */
  externalCheckpoints: z.number().nullable(),
  verifiedAt: z.date(),
});

/** A signed checkpoint of the audit chain (server/modules/audit/checkpoints.ts). */
export const auditCheckpoint = z.object({
  id: z.number(),
  at: z.date(),
  entryCount: z.number(),
  headId: z.number(),
  headHash: z.string(),
  keyId: z.string(),
  signature: z.string(),
});
export type AuditCheckpoint = z.infer<typeof auditCheckpoint>;

/** A checkpoint as a line of the file kept outside the database, or of an export. */
export const auditCheckpointLine = auditCheckpoint.extend({
  id: z.number().int().positive(),
  at: z.iso.datetime().transform((v) => new Date(v)),
  entryCount: z.number().int().min(1),
  headId: z.number().int().positive(),
});

/** `audit.checkpoints`: the newest checkpoints, and the public key that verifies them. */
export const auditCheckpointsOutput = z.object({
  keyId: z.string(),
  publicKeyPem: z.string(),
  total: z.number(),
  items: z.array(auditCheckpoint),
});

/** One entry of a record's trail as its page lists it: who did what, when. */
export const auditSummary = z.object({
  id: z.number(),
  at: z.date(),
  username: z.string().nullable(),
  /** The person's full name (null for the system, or an account since removed). */
  fullName: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
});

/** `audit.forEntity`: one record's entries with their before/after snapshots, newest first. */
export const auditEntriesOutput = z.array(
  auditSummary.extend({
    agencyId: z.number().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  }),
);
