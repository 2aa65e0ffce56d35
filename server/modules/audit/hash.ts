import { createHash, createHmac, type KeyObject } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: the same value always hashes the same way. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  // Loops rather than map/filter/join: verification runs this on every entry of the trail.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
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

/**
 * How an entry's hash is made: 'sha256' (public, unkeyed: entries written before the chain was keyed)
 * or 'hmac-sha256' with AUDIT_KEY, which the database does not hold, so whoever can write the table
 * cannot recompute a hash after changing an entry.
 */
export type HashAlg = 'sha256' | 'hmac-sha256';
export const KEYED_ALG: HashAlg = 'hmac-sha256';

/**
 * The canonical JSON of an entry's content, `canonicalJson({ ...entry, at: ISO })` written out in its
 * sorted key order without building the object: verification does this a million times.
 */
export function contentText(e: AuditContent): string {
  return contentTextAt(e, e.at.toISOString());
}

/** `contentText` with the instant given as its ISO text (verification reads it so from the database). */
export function contentTextAt(e: Omit<AuditContent, 'at'>, at: string): string {
  return `{"action":${text(e.action)},"after":${canonicalJson(e.after)},"agencyId":${num(e.agencyId)},"at":"${at}","before":${canonicalJson(e.before)},"entityId":${text(e.entityId)},"entityType":${text(e.entityType)},"role":${text(e.role)},"userId":${num(e.userId)},"username":${text(e.username)}}`;
}

const text = (v: string | null) => (v === null ? 'null' : JSON.stringify(v));
const num = (v: number | null) => (v === null ? 'null' : String(v));

/** The unkeyed hash of entries written before the chain was keyed (and of the seeded history). */
export function auditHash(prevHash: string, entry: AuditContent): string {
  return hashText('sha256', null, prevHash, contentText(entry));
}

/** The keyed hash of every entry written by the server: HMAC-SHA256(AUDIT_KEY, prevHash + content). */
export function auditHmac(key: KeyObject, prevHash: string, entry: AuditContent): string {
  return hashText(KEYED_ALG, key, prevHash, contentText(entry));
}

/** An entry's hash from its content text (`contentText`), by either scheme. */
export function hashText(alg: HashAlg, key: KeyObject | null, prevHash: string, content: string): string {
  if (alg === KEYED_ALG && !key) throw new Error('a keyed audit hash needs AUDIT_KEY');
  const h = key && alg === KEYED_ALG ? createHmac('sha256', key) : createHash('sha256');
  return h.update(`${prevHash}\n${content}`).digest('hex');
}

/** Plain JSON (dates as ISO strings), exactly as jsonb will give it back. */
export function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
