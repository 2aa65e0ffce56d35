import type { ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
import superjson from 'superjson';
import type { LiveMessage } from '../../../shared/live-events';
import type { Database } from '../../db/client';
import type { Actor } from '../auth/actor';
import { type ChangeBus, type StoredChange, toChangeEvent } from './bus';
import { canSeeDetail } from './policy';

function changeMessage(row: StoredChange, withDetail: boolean): LiveMessage {
  return { kind: 'change', ...toChangeEvent(row, withDetail) };
}

function statusLine(database: 'up' | 'down'): string {
  return dataLine({ kind: 'status', database, at: new Date() });
}

/** The SSE `data:` line of one message, in tRPC's wire shape (superjson, then JSON). */
function dataLine(message: LiveMessage): string {
  return `data: ${JSON.stringify(superjson.serialize(message))}\n`;
}

/** Connections a periodic broadcast (status, keep-alive) writes to per turn of the event loop. */
const BROADCAST_SLICE = 500;

export interface LiveHubOptions {
  /** The server status message (drives the live / reconnecting / offline indicator). */
  statusIntervalMs?: number;
  /**
   * How often open streams are checked against their sessions; also tRPC's keep-alive event, sent only
   * when the status message is rarer (it keeps the stream from falling silent as well).
   */
  pingIntervalMs?: number;
  /**
   * A client whose socket holds more unsent bytes than this is let go: it reconnects with its last id
   * and replays from the table. About 1,000 events of a few hundred bytes.
   */
  maxBufferedBytes?: number;
  /** Events held for a subscriber while it replays from the table; past this it is let go too. */
  maxPendingWhileReplaying?: number;
  /** The `connected` event's data: the client's reconnect settings, as tRPC sends them. */
  clientOptions?: Record<string, unknown>;
  /**
   * Which of these session tokens still stand, with their user's present rights (one query for all).
   * Asked at every keep-alive tick: a stream whose session ended (logout, expiry, account deactivated)
   * or whose user's role or agency changed is closed then, within one ping interval.
   */
  checkSessions?: (
    tokens: readonly string[],
  ) => Promise<ReadonlyMap<string, Pick<Actor, 'role' | 'agencyId'>>>;
}

/** Where a subscriber's bytes go: its socket once the response's head is out (`attach`). */
type Sink = Pick<Writable, 'write' | 'writableLength' | 'destroyed' | 'writableEnded'>;

interface Connection {
  user: Pick<Actor, 'role' | 'agencyId'>;
  /** The session the stream was opened with (re-checked at every ping). */
  token: string | null;
  res: ServerResponse;
  out: Sink;
  /** Id of the last event this client has been sent (its `id:` for status messages). */
  last: number;
  /** Set while the client replays from the table: live events wait here. */
  pending: StoredChange[] | null;
}

/**
 * One event's two frames (with and without `detail`), each serialised and UTF-8 encoded at most once and
 * the same bytes written to every subscriber of that audience.
 */
class FramePair {
  private full?: Buffer;
  private public?: Buffer;
  constructor(readonly row: StoredChange) {}
  get(withDetail: boolean): Buffer {
    if (withDetail) {
      this.full ??= Buffer.from(`${dataLine(changeMessage(this.row, true))}id: ${this.row.id}\n\n`);
      return this.full;
    }
    this.public ??= Buffer.from(`${dataLine(changeMessage(this.row, false))}id: ${this.row.id}\n\n`);
    return this.public;
  }
}

/**
 * The live stream (`live.changes`) of one server process: the product's one fan-out. tRPC's generic SSE
 * path costs, for every event and every subscriber, a superjson encoding, several async-generator hops,
 * a timer, web-stream transforms and four socket writes: too slow with many subscribers (measured in
 * docs/decisions/0003-live-updates.md). Here an event is serialised once per audience (with or without
 * `detail`), each subscriber gets one write to its socket per batch of events, the status is one timer
 * (and one database ping) for all and keeps the streams alive without pings, periodic messages give way
 * to events, and a subscriber that does not read is dropped once its socket buffer passes a bound. At
 * 10,000 subscribers nearly all of an event's cost is the kernel's, one socket write each (README,
 * Performance). The wire format is tRPC's, so the client's `httpSubscriptionLink` (and its reconnect
 * with the last id) is unchanged.
 */
export class LiveHub {
  private readonly connections = new Set<Connection>();
  private readonly statusIntervalMs: number;
  private readonly pingIntervalMs: number;
  private readonly pingNeeded: boolean;
  private readonly maxBufferedBytes: number;
  private readonly maxPending: number;
  private readonly connectedFrame: string;
  private batch: FramePair[] = [];
  private flushScheduled = false;
  private unsubscribe?: () => void;
  private statusTimer?: NodeJS.Timeout;
  private pingTimer?: NodeJS.Timeout;
  private recentStatus?: { at: number; line: Promise<string> };
  /** Set while a request's failure has the database watched (`databaseUnreachable`). */
  private watchingDatabase = false;
  private stopped = false;
  private readonly checkSessions?: LiveHubOptions['checkSessions'];
  /** Subscribers dropped for not reading (for tests and the benchmark). */
  dropped = 0;

  constructor(
    private readonly bus: ChangeBus,
    private readonly database: Database,
    options: LiveHubOptions = {},
  ) {
    this.statusIntervalMs = options.statusIntervalMs ?? 10_000;
    this.pingIntervalMs = options.pingIntervalMs ?? 15_000;
    // The status message already keeps a stream from falling silent (the client reconnects after 40 s
    // without a byte, a proxy closes an idle one): a ping besides it would double the periodic writes.
    this.pingNeeded = this.statusIntervalMs >= this.pingIntervalMs;
    this.maxBufferedBytes = options.maxBufferedBytes ?? 512 * 1024;
    this.maxPending = options.maxPendingWhileReplaying ?? 1000;
    this.connectedFrame = `event: connected\ndata: ${JSON.stringify(options.clientOptions ?? {})}\n\n`;
    this.checkSessions = options.checkSessions;
  }

  start(): void {
    this.unsubscribe = this.bus.subscribe((row) => this.onChange(row));
    this.statusTimer = setInterval(() => void this.broadcastStatus(), this.statusIntervalMs);
    const ping = Buffer.from('event: ping\ndata: \n\n');
    this.pingTimer = setInterval(() => void this.keepAlive(ping), this.pingIntervalMs);
    this.statusTimer.unref();
    this.pingTimer.unref();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    clearInterval(this.statusTimer);
    clearInterval(this.pingTimer);
    for (const connection of this.connections) connection.res.destroy();
    this.connections.clear();
  }

  /**
   * Shutdown: every stream is ended cleanly (what was written reaches the client, then the end of the
   * stream), and its client reconnects from its last event id, to another process if there is one.
   */
  end(): void {
    for (const connection of this.connections) connection.res.end();
    this.connections.clear();
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Open streams per session token (for the per-session cap in `server/http/live-stream.ts`). */
  private readonly perToken = new Map<string, number>();

  /** How many streams this session has open in this process. */
  streamsOf(token: string): number {
    return this.perToken.get(token) ?? 0;
  }

  /**
   * Serves one subscriber on a response the caller has taken over (headers not sent yet). From
   * `lastEventId` on, the table is replayed first; otherwise the stream starts at the newest event.
   */
  async attach(
    res: ServerResponse,
    user: Pick<Actor, 'role' | 'agencyId'>,
    lastEventId: number | null,
    token: string | null = null,
  ) {
    // No chunked framing: the stream ends when the connection does, so each write is one plain socket
    // write of bytes shared by every subscriber (chunked encoding costs a writev of three parts each).
    res.useChunkedEncodingByDefault = false;
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      connection: 'close',
    });
    res.socket?.setNoDelay(true);
    // The head goes with the first frame. Every later write goes to the socket itself: the response's
    // own write corks the socket and uncorks it on the next tick, for every subscriber and every event
    // (10,000 callbacks and a writev each, where one socket write does).
    res.write(this.connectedFrame);
    const connection: Connection = {
      user,
      token,
      res,
      out: res.socket ?? res,
      last: lastEventId ?? this.bus.lastId,
      // Live events wait here until the replay and the first status message are out.
      pending: [],
    };
    this.connections.add(connection);
    if (token !== null) this.perToken.set(token, this.streamsOf(token) + 1);
    res.once('close', () => {
      this.connections.delete(connection);
      if (token === null) return;
      const left = this.streamsOf(token) - 1;
      if (left > 0) this.perToken.set(token, left);
      else this.perToken.delete(token);
    });
    try {
      if (lastEventId !== null) {
        for (let rows = await this.bus.replay(connection.last); rows.length > 0; ) {
          if (connection.out.destroyed || connection.out.writableEnded) return;
          this.write(
            connection,
            Buffer.concat(rows.map((row) => this.frameFor(connection, new FramePair(row)))),
          );
          connection.last = rows.at(-1)?.id ?? connection.last;
          rows = await this.bus.replay(connection.last);
        }
      }
      const status = await this.statusData();
      this.write(connection, `${status}id: ${connection.last}\n\n`);
      const waiting = connection.pending ?? [];
      connection.pending = null;
      this.send(
        connection,
        waiting.map((row) => new FramePair(row)),
      );
    } catch {
      // The database went away during the replay: the client reconnects and resumes from its last id.
      res.destroy();
    }
  }

  private onChange(row: StoredChange): void {
    for (const connection of this.connections) {
      if (!connection.pending) continue;
      if (connection.pending.length >= this.maxPending) connection.res.destroy();
      else connection.pending.push(row);
    }
    this.batch.push(new FramePair(row));
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // Events read in the same pull leave together: one write per subscriber per batch.
      queueMicrotask(() => this.flush());
    }
  }

  private flush(): void {
    const batch = this.batch;
    this.batch = [];
    this.flushScheduled = false;
    for (const connection of this.connections) {
      if (!connection.pending) this.send(connection, batch);
    }
  }

  private frameFor(connection: Connection, frames: FramePair): Buffer {
    return frames.get(canSeeDetail(connection.user, frames.row));
  }

  private send(connection: Connection, batch: readonly FramePair[]): void {
    const parts: Buffer[] = [];
    for (const frames of batch) {
      if (frames.row.id <= connection.last) continue;
      parts.push(this.frameFor(connection, frames));
      connection.last = frames.row.id;
    }
    if (parts.length === 1 && parts[0]) this.write(connection, parts[0]);
    else if (parts.length > 1) this.write(connection, Buffer.concat(parts));
  }

  private write(connection: Connection, text: string | Buffer): void {
    const { out } = connection;
    if (out.destroyed || out.writableEnded) return;
    if (out.writableLength > this.maxBufferedBytes) {
      this.dropped++;
      this.connections.delete(connection);
      connection.res.destroy();
      return;
    }
    out.write(text);
  }

  /**
   * Writes to every connection that is live, `BROADCAST_SLICE` at a time with a turn of the event loop
   * between slices: a status reaches 10,000 sockets in about as long as an event does, and an event
   * that arrives meanwhile goes out between two slices instead of waiting behind all of them.
   */
  private async broadcast(frameOf: (connection: Connection) => string | Buffer): Promise<void> {
    const open = [...this.connections];
    for (let i = 0; i < open.length; i += BROADCAST_SLICE) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      for (let j = i; j < Math.min(i + BROADCAST_SLICE, open.length); j++) {
        const connection = open[j] as Connection;
        if (!connection.pending && this.connections.has(connection))
          this.write(connection, frameOf(connection));
      }
    }
  }

  /**
   * The keep-alive tick: first close the streams whose session no longer stands or whose user's rights
   * changed (they reconnect, and are then refused or served with the new rights), then ping the rest.
   * If the check itself fails (database down), streams stay open: the status message says so.
   */
  async keepAlive(ping: Buffer): Promise<void> {
    if (this.checkSessions && this.connections.size > 0) {
      const open = [...this.connections];
      const tokens = [...new Set(open.map((c) => c.token).filter((t): t is string => t !== null))];
      try {
        const standing = await this.checkSessions(tokens);
        for (const connection of open) {
          const now = connection.token === null ? undefined : standing.get(connection.token);
          if (now && now.role === connection.user.role && now.agencyId === connection.user.agencyId) continue;
          this.connections.delete(connection);
          connection.res.destroy();
        }
      } catch {
        // Checked again at the next tick.
      }
    }
    if (this.pingNeeded) await this.broadcast(() => ping);
  }

  /** The status line; one database ping serves every subscriber that connects within a second. */
  private statusData(): Promise<string> {
    const now = Date.now();
    if (!this.recentStatus || now - this.recentStatus.at > 1000) {
      const line = this.database
        .ping()
        .catch(() => false)
        .then((up) => statusLine(up ? 'up' : 'down'));
      this.recentStatus = { at: now, line };
    }
    return this.recentStatus.line;
  }

  /**
   * A request found the database unreachable: if a ping confirms it, every subscriber is told now (not
   * at the next status tick, up to 10 s later), and told again as soon as it answers (pinged each second).
   */
  databaseUnreachable(): void {
    if (this.watchingDatabase || this.stopped) return;
    this.watchingDatabase = true;
    void (async () => {
      let told = false;
      try {
        while (!this.stopped) {
          const up = await this.database.ping().catch(() => false);
          if (up) {
            if (told) await this.broadcastStatus(true);
            return;
          }
          if (!told) await this.broadcastStatus(false);
          told = true;
          await new Promise((resolve) => setTimeout(resolve, 1000).unref());
        }
      } finally {
        this.watchingDatabase = false;
      }
    })();
  }

  /**
   * One database ping (or the state just found, `known`) and one encoding for everyone; each subscriber's
   * own last id as the event id.
   */
  private async broadcastStatus(known?: boolean): Promise<void> {
    if (this.connections.size === 0) return;
    this.recentStatus =
      known === undefined
        ? undefined
        : { at: Date.now(), line: Promise.resolve(statusLine(known ? 'up' : 'down')) };
    const data = await this.statusData();
    // Nearly every subscriber has seen the same last event: one frame per last id, not one per subscriber.
    const frames = new Map<number, Buffer>();
    await this.broadcast((connection) => {
      let frame = frames.get(connection.last);
      if (!frame) {
        frame = Buffer.from(`${data}id: ${connection.last}\n\n`);
        frames.set(connection.last, frame);
      }
      return frame;
    });
  }
}
