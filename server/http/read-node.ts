import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SEEN_CHANGE_HEADER } from '../../shared/live-events';
import type { Database, Db } from '../db/client';
import { type ReadFloor, type ReadReplica, walPosition } from '../db/replica';
import type { Config } from '../env';
import { appErrorOf } from '../trpc/error-map';

/**
 * Where a request's aggregates and reports are read (docs/decisions/0018-read-replica.md): the replica
 * when one is configured and has replayed what this reader must see, else the primary. What the reader
 * must see travels with the request, so that every server process honours it, whichever served the write:
 * the primary's WAL position after the browser's last write (a signed cookie, set after each write) and
 * the newest change event the page's live stream told it of (a header the client sends).
 */
export interface ReadDeps {
  config: Pick<Config, 'SESSION_SECRET' | 'COOKIE_SECURE' | 'SESSION_MAX_HOURS'>;
  database: Database;
  replica: ReadReplica | null;
}

export interface ReadNode {
  db: Db;
  onReplica: boolean;
}

/** The cookie holding the primary's WAL position after this browser's last write. */
export function writePositionCookie(config: ReadDeps['config']) {
  const name = config.COOKIE_SECURE ? '__Host-dgm_wal' : 'dgm_wal';
  const options = (protocol: string): CookieSerializeOptions => ({
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.COOKIE_SECURE || protocol === 'https',
    maxAge: config.SESSION_MAX_HOURS * 3600,
  });
  return { name, options };
}

/**
 * Signed, so that a client cannot name a position the primary never reached and keep its reads off the
 * replica; not tied to the session, so a position outlives a new login as the write does.
 */
function signature(secret: string, position: string): Buffer {
  return createHmac('sha256', secret).update(`dgm-wal:${position}`).digest().subarray(0, 16);
}

function encodePosition(secret: string, lsn: bigint): string {
  const position = lsn.toString(16);
  return `${position}.${signature(secret, position).toString('base64url')}`;
}

function decodePosition(secret: string, value: string | undefined): bigint {
  const match = value ? /^([0-9a-f]{1,16})\.([A-Za-z0-9_-]{22})$/.exec(value) : null;
  if (!match?.[1] || !match[2]) return 0n;
  const given = Buffer.from(match[2], 'base64url');
  const expected = signature(secret, match[1]);
  return given.length === expected.length && timingSafeEqual(given, expected) ? BigInt(`0x${match[1]}`) : 0n;
}

/** What the reader of this request must see. */
export function requestFloor(deps: ReadDeps, req: FastifyRequest): ReadFloor {
  const cookie = req.cookies[writePositionCookie(deps.config).name];
  const seen = req.headers[SEEN_CHANGE_HEADER];
  const changeId = typeof seen === 'string' && /^\d{1,15}$/.test(seen) ? Number(seen) : 0;
  return { lsn: decodePosition(deps.config.SESSION_SECRET, cookie), changeId };
}

/** One choice per request: the procedures of one batch read from the same node. */
const chosen = new WeakMap<FastifyRequest, Promise<ReadNode>>();

export function readNodeOf(deps: ReadDeps, req: FastifyRequest): Promise<ReadNode> {
  const primary: ReadNode = { db: deps.database.db, onReplica: false };
  const replica = deps.replica;
  if (!replica) return Promise.resolve(primary);
  let node = chosen.get(req);
  if (!node) {
    node = replica
      .serves(requestFloor(deps, req))
      .then((serves) => (serves ? { db: replica.db, onReplica: true } : primary));
    chosen.set(req, node);
  }
  return node;
}

/** PostgreSQL's codes for a standby's query cancelled by the replay it conflicted with. */
const RECOVERY_CONFLICT = new Set(['40001', '40P01']);

/**
 * Whether a read that failed on the replica is to be run again on the primary: when the replica could
 * not be reached (it then serves nobody until it answers again) or cancelled the query to go on
 * replaying. Any other failure is the read's own, and the primary would fail it alike.
 */
export function retryOnPrimary(replica: ReadReplica, error: unknown): boolean {
  if (appErrorOf(error)?.code === 'DATABASE_UNAVAILABLE') {
    replica.unreachable(error);
    return true;
  }
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && RECOVERY_CONFLICT.has(code)) return true;
  }
  return false;
}

/** A route's report read, on the node this request reads from; on the primary if the replica fails it. */
export async function readReport<T>(
  deps: ReadDeps,
  req: FastifyRequest,
  read: (db: Db) => Promise<T>,
): Promise<T> {
  const node = await readNodeOf(deps, req);
  if (!node.onReplica || !deps.replica) return read(node.db);
  try {
    return await read(node.db);
  } catch (error) {
    if (!retryOnPrimary(deps.replica, error)) throw error;
    return read(deps.database.db);
  }
}

/** The positions already set in this reply (a batch of writes keeps the newest). */
const written = new WeakMap<FastifyReply, bigint>();

/**
 * After a write: the primary's position, which the browser sends back with its next requests, so that
 * its reports are read from the replica only once it has replayed the write.
 */
export async function rememberWrite(deps: ReadDeps, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!deps.replica) return;
  const lsn = await walPosition(deps.database.db);
  const previous = written.get(reply);
  if (previous !== undefined && previous >= lsn) return;
  written.set(reply, lsn);
  const cookie = writePositionCookie(deps.config);
  reply.setCookie(cookie.name, encodePosition(deps.config.SESSION_SECRET, lsn), cookie.options(req.protocol));
}
