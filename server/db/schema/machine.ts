import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { agencies } from './agencies';
import { users } from './auth';

/**
 * API tokens of agencies' systems (machine clients, docs/decisions/0034-machine-clients.md). The token
 * itself is shown once and never stored: only its SHA-256 (a 256-bit random secret needs no slow hash)
 * and a short visible prefix to recognise it by. Each token acts through an account of its own
 * (`user_id`: role officer of the token's agency, inactive, no usable password), so its writes, their
 * audit entries and idempotency keys are its own and name the system.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    /** The token's first characters (`dgm_` and 8 more), shown in lists to tell tokens apart. */
    prefix: text('prefix').notNull().unique(),
    /** SHA-256 of the whole token, hex. */
    tokenHash: text('token_hash').notNull().unique(),
    name: text('name').notNull(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** The system's own account (its writes' author and audit actor). */
    userId: integer('user_id')
      .notNull()
      .unique()
      .references(() => users.id),
    capabilities: text('capabilities').array().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: integer('revoked_by').references(() => users.id),
  },
  (t) => [
    index('api_tokens_agency_idx').on(t.agencyId),
    check('api_tokens_capabilities_check', sql`cardinality(${t.capabilities}) > 0`),
  ],
);

/**
 * The answers to the machine API's writes, by token and `Idempotency-Key`: a retry with the same body
 * gets the stored answer, the same key with another body is refused (422). A row without a status is a
 * request still running (claimed).
 */
export const apiIdempotency = pgTable(
  'api_idempotency',
  {
    tokenId: integer('token_id')
      .notNull()
      .references(() => apiTokens.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** `METHOD path` and SHA-256 of the body: what the key was first used for. */
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.key] }), index('api_idempotency_created_idx').on(t.createdAt)],
);
