import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { AgencyLevel } from '../../../shared/agencies';
import { AppError } from '../../../shared/errors';
import {
  API_CAPABILITIES,
  API_TOKEN_MAX_DAYS,
  type ApiCapability,
  type issueApiTokenInput,
} from '../../../shared/schemas/api-tokens';
import { shiftDate, vietnamDate, vietnamInstant } from '../../../shared/time';
import { type Db, inTransaction } from '../../db/client';
import { agencies, apiTokens, users } from '../../db/schema';
import { isCurrentAgency } from '../agencies/current';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import type { SessionUser } from '../auth/sessions';

/**
 * API tokens (docs/decisions/0034-machine-clients.md). A token is `dgm_` and 43 base64url characters
 * (32 random bytes, 256 bits); the database keeps its SHA-256 and its first 12 characters. A fast hash
 * is right here, unlike for passwords: nobody can guess a 256-bit random value, so there is no
 * dictionary to slow down, and every API request looks its token up by that hash.
 */
const TOKEN_PREFIX = 'dgm_';
const VISIBLE_PREFIX_LENGTH = TOKEN_PREFIX.length + 8;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The machine principal: a system of one agency, with named capabilities, acting as an officer of it. */
export interface MachinePrincipal {
  tokenId: number;
  tokenName: string;
  prefix: string;
  capabilities: readonly ApiCapability[];
  /** What the services take: an officer of the token's agency, never oversight or an administrator. */
  user: SessionUser;
}

/** How an audit entry and a list name the system: "Hệ thống của <agency> (token <name>)". */
export function systemName(agencyNameVi: string, tokenName: string): string {
  return `Hệ thống của ${agencyNameVi} (token ${tokenName})`;
}

/** The last day a token may be issued for, counted from today (Vietnam's calendar). */
export function latestExpiry(now = new Date()): string {
  return shiftDate(vietnamDate(now), API_TOKEN_MAX_DAYS);
}

export async function issueToken(
  db: Db,
  actor: Actor,
  input: z.output<typeof issueApiTokenInput>,
  now = new Date(),
): Promise<{ id: number; prefix: string; token: string }> {
  const today = vietnamDate(now);
  if (input.expiresOn < today || input.expiresOn > latestExpiry(now))
    throw new AppError('VALIDATION', 'expiryRange', { field: 'expiresOn' });
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const prefix = token.slice(0, VISIBLE_PREFIX_LENGTH);
  // The end of the last day, Vietnam time.
  const expiresAt = vietnamInstant(shiftDate(input.expiresOn, 1));
  return inTransaction(db, async (tx) => {
    const [agency] = await tx
      .select({ id: agencies.id, nameVi: agencies.nameVi })
      .from(agencies)
      .where(and(eq(agencies.id, input.agencyId), isCurrentAgency()));
    if (!agency) throw new AppError('VALIDATION', 'unknownAgency', { field: 'agencyId' });
    const fullName = systemName(agency.nameVi, input.name);
    // The system's own account: inactive and without a usable password, so nobody logs in with it.
    const [account] = await tx
      .insert(users)
      .values({
        username: `api.${prefix.slice(TOKEN_PREFIX.length).toLowerCase()}.${randomBytes(3).toString('hex')}`,
        passwordHash: '!api-token',
        fullName,
        role: 'officer',
        agencyId: agency.id,
        active: false,
        searchText: '',
      })
      .returning({ id: users.id });
    if (!account) throw new AppError('INTERNAL');
    const [row] = await tx
      .insert(apiTokens)
      .values({
        prefix,
        tokenHash: hashToken(token),
        name: input.name,
        agencyId: agency.id,
        userId: account.id,
        capabilities: [...input.capabilities],
        expiresAt,
        createdBy: actor.id,
      })
      .returning({ id: apiTokens.id });
    if (!row) throw new AppError('INTERNAL');
    await appendAudit(tx, actor, {
      action: 'api_token.issue',
      entityType: 'api_token',
      entityId: row.id,
      after: { prefix, name: input.name, agencyId: agency.id, capabilities: input.capabilities, expiresAt },
    });
    return { id: row.id, prefix, token };
  });
}

export async function revokeToken(db: Db, actor: Actor, id: number) {
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()`, revokedBy: actor.id })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, revokedAt: apiTokens.revokedAt, prefix: apiTokens.prefix });
    if (!row?.revokedAt) {
      const [exists] = await tx.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.id, id));
      throw exists ? new AppError('CONFLICT', 'alreadyRevoked') : new AppError('NOT_FOUND');
    }
    await appendAudit(tx, actor, {
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: id,
      after: { prefix: row.prefix, revokedAt: row.revokedAt },
    });
    return { id: row.id, revokedAt: row.revokedAt };
  });
}

const creators = alias(users, 'creators');

export async function listTokens(db: Db, input: { all: boolean }, now = new Date()) {
  const rows = await db
    .select({
      id: apiTokens.id,
      prefix: apiTokens.prefix,
      name: apiTokens.name,
      agencyId: apiTokens.agencyId,
      agencyNameVi: agencies.nameVi,
      agencyNameEn: agencies.nameEn,
      capabilities: apiTokens.capabilities,
      expiresAt: apiTokens.expiresAt,
      createdAt: apiTokens.createdAt,
      createdBy: creators.fullName,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(agencies, eq(agencies.id, apiTokens.agencyId))
    .innerJoin(creators, eq(creators.id, apiTokens.createdBy))
    .where(input.all ? undefined : and(isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map((r) => ({
    ...r,
    capabilities: r.capabilities.filter((c): c is ApiCapability =>
      (API_CAPABILITIES as readonly string[]).includes(c),
    ),
  }));
}

/**
 * The principal of a presented token, or null: unknown, revoked or expired. Read from the database on
 * every request (no cache), so a revocation applies to the very next request. `last_used_at` is
 * written at most once a minute per token.
 */
export async function authenticateToken(
  db: Db,
  token: string,
  now = new Date(),
): Promise<MachinePrincipal | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      tokenName: apiTokens.name,
      prefix: apiTokens.prefix,
      capabilities: apiTokens.capabilities,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      userId: apiTokens.userId,
      username: users.username,
      agencyId: agencies.id,
      agencyNameVi: agencies.nameVi,
      agencyNameEn: agencies.nameEn,
      agencyLevel: agencies.level,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(agencies, eq(agencies.id, apiTokens.agencyId))
    .where(eq(apiTokens.tokenHash, hashToken(token)));
  if (!row || row.revokedAt !== null || row.expiresAt <= now) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiTokens.id, row.tokenId),
          or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000))),
        ),
      );
  }
  const name = systemName(row.agencyNameVi, row.tokenName);
  return {
    tokenId: row.tokenId,
    tokenName: row.tokenName,
    prefix: row.prefix,
    capabilities: row.capabilities.filter((c): c is ApiCapability =>
      (API_CAPABILITIES as readonly string[]).includes(c),
    ),
    user: {
      id: row.userId,
      // The audit trail's actor names the system and its token.
      username: name,
      fullName: name,
      role: 'officer',
      agencyId: row.agencyId,
      agencyNameVi: row.agencyNameVi,
      agencyNameEn: row.agencyNameEn,
      agencyLevel: row.agencyLevel as AgencyLevel,
      language: 'vi',
    },
  };
}
