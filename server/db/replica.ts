import { max, sql } from 'drizzle-orm';
import { type Database, type Db, openPostgres } from './client';
import { selectRows } from './rows';
import { changeEvents } from './schema';

/**
 * A streaming replica of the primary, for the read-only aggregates and reports
 * (docs/decisions/0018-read-replica.md). A reader is sent to it only when it has replayed everything that
 * reader must see: what the reader wrote (the primary's WAL position after the write, `ReadFloor.lsn`), the
 * newest change its page was told of (`ReadFloor.changeId`), and every change this process heard of more
 * than `maxLagMs` ago. What the replica has replayed is asked of it (`pg_last_wal_replay_lsn()` and its
 * newest change event, one query) and kept: replay only moves forward, so a position once reached stays
 * reached, and the replica is asked again only when what is known does not cover a reader (at most every
 * RECHECK_MS), or in the background once the answer is REFRESH_MS old. A replica that cannot be reached, or
 * is no standby, serves nobody (told once) until a background probe finds it well again.
 */
const RECHECK_MS = 10;
const REFRESH_MS = 1000;
const RETRY_MS = 2000;
/** A probe slower than this counts as a replica that cannot be reached. */
const PROBE_TIMEOUT_MS = 1000;

/** What a reader must see: positions the replica must have replayed (0 for none). */
export interface ReadFloor {
  /** The primary's WAL position after this reader's last write. */
  lsn: bigint;
  /** The newest change event this reader's page was told of. */
  changeId: number;
}

export const NO_FLOOR: ReadFloor = { lsn: 0n, changeId: 0 };

/** A WAL position as PostgreSQL writes it ('16/B374D848'), as a number; null if it is not one. */
export function parseLsn(text: string | null | undefined): bigint | null {
  const match = text ? /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text) : null;
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** The sizes of a WAL page's header: the first page of a segment has the long one (64-bit builds). */
const SHORT_PAGE_HEADER = 24n;
const LONG_PAGE_HEADER = 40n;

/**
 * A position on the primary that every transaction committed before this call ends at or before, for
 * the replica to reach: the WAL insert position (not `pg_current_wal_lsn()`, the write position, which
 * a commit made with `synchronous_commit=off` can still be ahead of). Where the last record ended on a
 * page boundary, the insert position is past the next page's header, which no record ends in and which
 * the replica's replay would not reach until more WAL came: the boundary is taken instead.
 */
export async function walPosition(primary: Db): Promise<bigint> {
  const [row] = await selectRows<{ position: string; page: number; segment: string }>(
    primary,
    sql`select (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::text as position,
      current_setting('wal_block_size')::int as page,
      pg_size_bytes(current_setting('wal_segment_size'))::text as segment`,
  );
  if (!row || !/^\d+$/.test(row.position)) throw new Error(`unexpected WAL position ${row?.position}`);
  const position = BigInt(row.position);
  if (position % BigInt(row.segment) === LONG_PAGE_HEADER) return position - LONG_PAGE_HEADER;
  if (position % BigInt(row.page) === SHORT_PAGE_HEADER) return position - SHORT_PAGE_HEADER;
  return position;
}

export type ReplicaState = 'unknown' | 'up' | 'down' | 'not-standby';

export interface ReplicaLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

interface Replayed {
  lsn: bigint;
  changeId: number;
  /** When the probe that found this began. */
  at: number;
}

const covers = (replayed: Replayed, floor: ReadFloor) =>
  replayed.lsn >= floor.lsn && replayed.changeId >= floor.changeId;

/** Handles on a standby: nothing may be written through them (the task tallies are read without folding). */
const standbys = new WeakSet<Db>();
export const isStandby = (db: Db): boolean => standbys.has(db);

export class ReadReplica {
  state: ReplicaState = 'unknown';
  private replayed: Replayed | null = null;
  private probing: Promise<Replayed | null> | null = null;
  private lastProbeAt = Number.NEGATIVE_INFINITY;
  /** Changes heard of, oldest first; those before `heardFrom` are settled. */
  private heard: { id: number; at: number }[] = [];
  private heardFrom = 0;
  /** The newest change heard of at least `maxLagMs` ago. */
  private settledChangeId = 0;

  constructor(
    readonly database: Database,
    private readonly options: { maxLagMs: number; log: ReplicaLog },
  ) {
    standbys.add(database.db);
  }

  get db(): Db {
    return this.database.db;
  }

  /** A change committed on the primary (this process's live bus heard of it). */
  heardChange(id: number, now = Date.now()): void {
    this.heard.push({ id, at: now });
    this.settle(now);
  }

  /** The newest change heard of at least `maxLagMs` ago: a replica without it is too far behind for anyone. */
  private settle(now: number): number {
    const limit = now - this.options.maxLagMs;
    for (
      let first = this.heard[this.heardFrom];
      first && first.at <= limit;
      first = this.heard[this.heardFrom]
    ) {
      this.settledChangeId = Math.max(this.settledChangeId, first.id);
      this.heardFrom++;
    }
    // Hundreds of writes a second: the settled ones are dropped in bulk, not one by one.
    if (this.heardFrom > 1024 && this.heardFrom * 2 > this.heard.length) {
      this.heard = this.heard.slice(this.heardFrom);
      this.heardFrom = 0;
    }
    return this.settledChangeId;
  }

  /** Whether the replica may answer a reader who must see `floor`. */
  async serves(floor: ReadFloor, now = Date.now()): Promise<boolean> {
    if (this.state === 'down' || this.state === 'not-standby') {
      // Readers do not wait for a replica that failed: it is asked again in the background.
      if (now - this.lastProbeAt >= RETRY_MS) void this.probe();
      return false;
    }
    const need = { lsn: floor.lsn, changeId: Math.max(floor.changeId, this.settle(now)) };
    const known = this.replayed;
    if (known && covers(known, need)) {
      if (now - known.at >= REFRESH_MS) void this.probe();
      return true;
    }
    if (known && !this.probing && now - this.lastProbeAt < RECHECK_MS) return false;
    const fresh = await this.probe();
    return fresh !== null && covers(fresh, need);
  }

  /** A read on the replica failed because the replica could not be reached: it serves nobody for now. */
  unreachable(error: unknown): void {
    this.replayed = null;
    this.lastProbeAt = Date.now();
    this.setState('down', error);
  }

  close(): Promise<void> {
    return this.database.close();
  }

  /** Asks the replica how far it has replayed; concurrent callers share one question. */
  private probe(): Promise<Replayed | null> {
    this.probing ??= this.ask().finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  private async ask(): Promise<Replayed | null> {
    const at = Date.now();
    this.lastProbeAt = at;
    let timer: NodeJS.Timeout | undefined;
    try {
      const [row] = await Promise.race([
        this.db
          .select({
            standby: sql<boolean>`pg_is_in_recovery()`,
            lsn: sql<string | null>`pg_last_wal_replay_lsn()::text`,
            changeId: max(changeEvents.id),
          })
          .from(changeEvents),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('the replica did not answer in time')), PROBE_TIMEOUT_MS);
        }),
      ]);
      const lsn = parseLsn(row?.lsn);
      if (!row?.standby || lsn === null) {
        this.replayed = null;
        this.setState('not-standby');
        return null;
      }
      // Only forward: an answer that overtook a later one must not take back what that one found.
      const previous = this.replayed;
      const replayed: Replayed = {
        lsn: previous && previous.lsn > lsn ? previous.lsn : lsn,
        changeId: Math.max(previous?.changeId ?? 0, Number(row.changeId ?? 0)),
        at,
      };
      this.replayed = replayed;
      this.setState('up');
      return replayed;
    } catch (error) {
      this.replayed = null;
      this.setState('down', error);
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Logs a change of state, once: not every request that falls back to the primary. */
  private setState(state: ReplicaState, error?: unknown): void {
    if (state === this.state) return;
    const was = this.state;
    this.state = state;
    const { log } = this.options;
    const label = this.database.label;
    if (state === 'down')
      log.warn(
        { replica: label, err: error },
        'read replica unreachable: aggregates and reports read from the primary until it answers',
      );
    else if (state === 'not-standby')
      log.error(
        { replica: label },
        'READ_DATABASE_URL is not a standby (pg_is_in_recovery() is false): aggregates and reports stay on the primary',
      );
    else if (state === 'up')
      log.info(
        { replica: label },
        was === 'unknown' ? 'read replica in use' : 'read replica answers again: reports read from it',
      );
  }
}

export function openReadReplica(url: string, options: { maxLagMs: number; log: ReplicaLog }): ReadReplica {
  return new ReadReplica(openPostgres(url), options);
}
