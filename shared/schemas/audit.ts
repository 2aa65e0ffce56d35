import { z } from 'zod';
import { positiveId } from './ids';

export const auditEntityInput = z.object({
  entityType: z.string().trim().min(1).max(50),
  entityId: positiveId(),
});

/** `audit.verify`: the whole hash chain recomputed; the first entry that does not match, if any. */
export const auditVerificationOutput = z.object({
  ok: z.boolean(),
  checked: z.number(),
  brokenAtId: z.number().nullable(),
  reason: z.enum(['content_changed', 'chain_broken']).nullable(),
  verifiedAt: z.date(),
});

/** One entry of a record's trail as its page lists it: who did what, when. */
export const auditSummary = z.object({
  id: z.number(),
  at: z.date(),
  username: z.string().nullable(),
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
