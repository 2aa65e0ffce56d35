import { z } from 'zod';
import { calendarDate } from './dates';
import { positiveId } from './ids';

/**
 * API tokens of agencies' systems (machine clients, docs/decisions/0034-machine-clients.md): what an
 * administrator issues, lists and revokes, and the capabilities a token may carry.
 */
export const API_CAPABILITIES = ['progress:write', 'reports:write', 'data:read'] as const;
export type ApiCapability = (typeof API_CAPABILITIES)[number];

/** A token lives at most this long (its expiry is required). */
export const API_TOKEN_MAX_DAYS = 366;

export const issueApiTokenInput = z.object({
  name: z.string().trim().min(1, 'required').max(100, 'tooLong'),
  agencyId: positiveId(),
  capabilities: z
    .array(z.enum(API_CAPABILITIES))
    .min(1, 'capabilityRequired')
    .refine((c) => new Set(c).size === c.length, 'duplicate'),
  /** The last day the token works (Vietnam's calendar), at most a year ahead. */
  expiresOn: calendarDate(),
});
export type IssueApiTokenInput = z.input<typeof issueApiTokenInput>;

export const apiTokenIdInput = z.object({ id: positiveId() });

export const apiTokenListInput = z.object({
  /** Revoked and expired tokens too. */
  all: z.boolean().default(false),
});

export const apiTokenRow = z.object({
  id: z.number(),
  prefix: z.string(),
  name: z.string(),
  agencyId: z.number(),
  agencyNameVi: z.string(),
  agencyNameEn: z.string(),
  capabilities: z.array(z.enum(API_CAPABILITIES)),
  expiresAt: z.date(),
  createdAt: z.date(),
  createdBy: z.string(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export type ApiTokenRow = z.infer<typeof apiTokenRow>;

export const apiTokenListOutput = z.array(apiTokenRow);

/** The token itself is in this answer only: it is never stored nor shown again. */
export const issueApiTokenOutput = z.object({ id: z.number(), prefix: z.string(), token: z.string() });
export const revokeApiTokenOutput = z.object({ id: z.number(), revokedAt: z.date() });
