import { EventEmitter } from 'node:events';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The driver as patched (patches/postgres+3.4.9.patch, applied by `npm install`): a connection whose
 * socket closes while a small write waits for the next turn can still send on its next socket, and a
 * write made once the socket is gone fails its query instead of the process. postgres.js 3.4.9 and 3.4.10
 * cleared that pending write's timer without forgetting it, so the connection never sent again (each
 * reconnect ran into its connect timeout: seen as 503s long after the database came back, in
 * server/db-outage.test.ts). The sockets here are fakes driven by the test, so the order of events is exact.
 */
class FakeSocket extends EventEmitter {
  readonly writes: Buffer[] = [];
  readyState = 'open';
  /** Close (without an error) as soon as the driver starts its startup: its first write still pending. */
  closeOnStart = false;
  /** Answer the startup as a server would (authentication ok, ready for query), then drain. */
  answerStartup = false;

  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    super.on(event, listener);
    if (event === 'data' && this.closeOnStart) queueMicrotask(() => this.close());
    return this;
  }
  write(chunk: Buffer, callback?: () => void): boolean {
    this.writes.push(Buffer.from(chunk));
    callback?.();
    if (this.answerStartup && chunk.length >= 8 && chunk.readInt32BE(4) === PROTOCOL_3) {
      const authenticationOk = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]);
      const readyForQuery = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);
      setImmediate(() => {
        this.emit('data', Buffer.concat([authenticationOk, readyForQuery]));
        this.emit('drain');
      });
    }
    return true;
  }
  end(): void {
    this.close();
  }
  destroy(): void {
    this.close();
  }
  setKeepAlive(): void {}
  close(): void {
    if (this.readyState === 'closed') return;
    this.readyState = 'closed';
    this.emit('close', false);
  }
}

const PROTOCOL_3 = 196608;
const turns = (n: number) => new Promise((r) => setTimeout(r, n));

/** A client of one connection whose sockets are fakes, each set up by `setUp` and kept in `sockets`. */
function clientOn(sockets: FakeSocket[], setUp: (socket: FakeSocket) => void): postgres.Sql {
  // `socket` is a driver option its types leave out (server/db/client.ts passes it the same way).
  const socket = () => {
    const created = new FakeSocket();
    setUp(created);
    sockets.push(created);
    return created;
  };
  const options = { socket, ssl: false as const, max: 1, connect_timeout: 5, fetch_types: false };
  return postgres({ ...options, onnotice: () => {} });
}

describe('postgres.js as patched', () => {
  let sql: postgres.Sql | undefined;
  afterEach(async () => {
    await sql?.end({ timeout: 0 });
    sql = undefined;
  });

  it('sends its startup on the next socket after a socket closed with a write pending', async () => {
    const sockets: FakeSocket[] = [];
    sql = clientOn(sockets, (socket) => {
      socket.closeOnStart = sockets.length === 0;
    });
    const query = sql`select 1`.execute().catch((e: unknown) => e);
    await turns(100);

    expect(sockets.length).toBeGreaterThanOrEqual(2);
    expect(sockets[0]?.writes).toHaveLength(0);
    const startup = sockets[1]?.writes[0];
    expect(startup, 'the second socket never received the startup message').toBeDefined();
    expect(startup?.readInt32BE(4)).toBe(PROTOCOL_3);
    await sql.end({ timeout: 0 });
    await query;
  });

  it('fails a query written after its reserved connection closed, and the process goes on', async () => {
    const sockets: FakeSocket[] = [];
    sql = clientOn(sockets, (socket) => {
      socket.answerStartup = true;
    });
    const reserved = await sql.reserve();
    sockets[0]?.close();
    const outcome = await Promise.race([
      reserved`select 1`.execute().then(
        () => 'answered',
        (e: { code?: string }) => e.code,
      ),
      turns(1000).then(() => 'still waiting'),
    ]);
    expect(outcome).toBe('CONNECTION_CLOSED');
  });
});
