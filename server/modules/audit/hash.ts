import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: the same value always hashes the same way. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface AuditContent {
  at: Date;
  userId: number | null;
  username: string | null;
  role: string | null;
  agencyId: number | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export function auditHash(prevHash: string, entry: AuditContent): string {
  const content = canonicalJson({ ...entry, at: entry.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/** Plain JSON (dates as ISO strings), exactly as jsonb will give it back. */
export function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
