import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/roles';
import type { Database } from '../../db/client';
import { createTestDatabase } from '../../test/db';
import { ChangeBus, type StoredChange } from './bus';
import { LiveHub } from './hub';
import { recordChange } from './record';

/** A response that records what was written, with a socket buffer the test controls. */
class FakeResponse extends EventEmitter {
  text = '';
  writableLength = 0;
  destroyed = false;
  writableEnded = false;
  socket = null;
  writeHead() {
    return this;
  }
  /** Called on each write, after it (a test's hook into the middle of a broadcast). */
  onWrite?: (chunk: string) => void;
  write(chunk: string | Buffer) {
    this.text += chunk;
    this.onWrite?.(String(chunk));
    return true;
  }
  destroy() {
    this.destroyed = true;
    this.emit('close');
    return this;
  }
  end() {
    this.writableEnded = true;
    this.emit('close');
    return this;
  }
  /** The `data:` messages received (superjson `json` parts), pings and the connected event aside. */
  messages(): { id?: string; data: Record<string, unknown> }[] {
    return this.text
      .split('\n\n')
      .filter((block) => block.startsWith('data: '))
      .map((block) => ({
        id: /^id: (.*)$/m.exec(block)?.[1],
        data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null').json,
      }));
  }
  changes() {
    return this.messages().filter((m) => m.data.kind === 'change');
  }
}

describe('LiveHub fan-out', () => {
  let database: Database;
  let bus: ChangeBus;
  let hub: LiveHub;

  beforeAll(async () => {
    database = await createTestDatabase();
    bus = new ChangeBus(database);
    await bus.start();
    hub = new LiveHub(bus, database, { maxBufferedBytes: 10_000 });
    hub.start();
  });
  afterAll(async () => {
    hub.stop();
    await bus.stop();
    await database.close();
  });

  async function connect(role: Role, agencyId: number, lastEventId: number | null = null) {
    const res = new FakeResponse();
    await hub.attach(res as unknown as ServerResponse, { role, agencyId }, lastEventId);
    return res;
  }

  const write = async (agencyIds: number[], narrative: string) => {
    await recordChange(database.db, {
      type: 'task.progress',
      taskId: 7,
      agencyIds,
      payload: { taskId: 7, percent: 10 },
      detail: { narrative },
    });
    await bus.pull();
    await new Promise((r) => setImmediate(r));
  };

  it('sends detail only to oversight roles and the agencies concerned, encoding each event once per audience', async () => {
    const office = await Promise.all(Array.from({ length: 20 }, () => connect('office', 1)));
    const concerned = await Promise.all(Array.from({ length: 20 }, () => connect('officer', 5)));
    const outsiders = await Promise.all(Array.from({ length: 20 }, () => connect('leader', 6)));
    for (const res of [...office, ...concerned, ...outsiders])
      expect(res.messages()[0]?.data.kind).toBe('status');

    const serialize = vi.spyOn(superjson, 'serialize');
    await write([5], 'Nội dung riêng');
    // 60 subscribers, two audiences: two encodings, not sixty.
    expect(serialize).toHaveBeenCalledTimes(2);
    serialize.mockRestore();

    for (const res of [...office, ...concerned]) {
      expect(res.changes()).toHaveLength(1);
      expect(res.changes()[0]?.data.detail).toEqual({ narrative: 'Nội dung riêng' });
    }
    for (const res of outsiders) {
      expect(res.changes()).toHaveLength(1);
      expect(res.changes()[0]?.data.detail).toBeNull();
      expect(res.text).not.toContain('Nội dung riêng');
    }
    for (const res of [...office, ...concerned, ...outsiders]) res.destroy();
    expect(hub.connectionCount).toBe(0);
  });

  it('replays from a last id in order, then goes live without gaps or repeats', async () => {
    const first = await connect('office', 1);
    await write([], 'r1');
    const seen = Number(first.changes()[0]?.id);
    first.destroy();
    await write([], 'r2');
    await write([], 'r3');
    const again = await connect('office', 1, seen);
    await write([], 'r4');
    const ids = again.changes().map((c) => Number(c.id));
    expect(again.changes().map((c) => (c.data.detail as { narrative: string }).narrative)).toEqual([
      'r2',
      'r3',
      'r4',
    ]);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids[0]).toBeGreaterThan(seen);
    again.destroy();
  });

  it('lets go of a subscriber whose socket stops draining, and keeps serving the others', async () => {
    const slow = await connect('office', 1);
    const fine = await connect('office', 1);
    const droppedBefore = hub.dropped;
    slow.writableLength = 20_000; // the client stopped reading: unsent bytes pile up past the bound
    await write([], 'after-stall');
    // On PostgreSQL the event may also arrive by NOTIFY a moment later: wait for the healthy reader.
    await vi.waitFor(() => expect(fine.text).toContain('after-stall'));
    expect(slow.destroyed).toBe(true);
    expect(slow.text).not.toContain('after-stall');
    expect(hub.dropped).toBe(droppedBefore + 1);
    expect(fine.text).toContain('after-stall');
    expect(hub.connectionCount).toBe(1);
    fine.destroy();
    expect(hub.connectionCount).toBe(0);
  });

  it('ends every stream cleanly on shutdown, what was written kept, nothing written after', async () => {
    const streams = await Promise.all([connect('office', 1), connect('officer', 5)]);
    hub.end();
    expect(hub.connectionCount).toBe(0);
    for (const res of streams) {
      expect(res.writableEnded).toBe(true);
      expect(res.destroyed).toBe(false);
    }
    const before = streams.map((res) => res.text);
    await write([5], 'after-end');
    expect(streams.map((res) => res.text)).toEqual(before);
  });
});

describe('LiveHub and a database that goes away', () => {
  it('tells its streams at once when a request finds the database down, and again when it is back', async () => {
    const database = await createTestDatabase();
    const bus = new ChangeBus(database);
    await bus.start();
    let up = true;
    const flaky = { ...database, ping: async () => up };
    const hub = new LiveHub(bus, flaky, { statusIntervalMs: 3_600_000 });
    hub.start();
    try {
      const res = new FakeResponse();
      await hub.attach(res as unknown as ServerResponse, { role: 'office', agencyId: 1 }, null);
      const states = () => res.messages().map((m) => m.data.database);
      expect(states()).toEqual(['up']);

      up = false;
      hub.databaseUnreachable();
      hub.databaseUnreachable(); // one watch, however many failing requests
      await vi.waitFor(() => expect(states()).toEqual(['up', 'down']));
      up = true;
      await vi.waitFor(() => expect(states()).toEqual(['up', 'down', 'up']), { timeout: 3000 });

      // A 503 that was not the database's (a server stopping): the ping says up, streams hear nothing.
      hub.databaseUnreachable();
      await new Promise((r) => setTimeout(r, 50));
      expect(states()).toEqual(['up', 'down', 'up']);
      res.destroy();
    } finally {
      hub.stop();
      await bus.stop();
      await database.close();
    }
  });
});

describe('LiveHub periodic messages with many subscribers', () => {
  /** A bus whose changes the test hands over itself, at the very moment it chooses. */
  function handBus() {
    let listener: (row: StoredChange) => void = () => undefined;
    const bus = {
      lastId: 0,
      subscribe: (l: (row: StoredChange) => void) => {
        listener = l;
        return () => undefined;
      },
      replay: async () => [],
    };
    return { bus: bus as unknown as ChangeBus, emit: (row: StoredChange) => listener(row) };
  }
  const change = (id: number): StoredChange => ({
    id,
    at: new Date(),
    type: 'task.progress',
    taskId: 7,
    documentId: null,
    agencyIds: [],
    payload: { taskId: 7, percent: 10 },
    detail: null,
  });

  it('lets an event through while a status message goes out to thousands, not after all of them', async () => {
    const { bus, emit } = handBus();
    let up = true;
    const database = { ping: async () => up } as unknown as Database;
    const hub = new LiveHub(bus, database, { statusIntervalMs: 3_600_000 });
    hub.start();
    try {
      const streams: FakeResponse[] = [];
      for (let i = 0; i < 3000; i++) {
        const res = new FakeResponse();
        await hub.attach(res as unknown as ServerResponse, { role: 'office', agencyId: 1 }, null);
        streams.push(res);
      }
      // The change arrives just as the first subscriber is told the database is down.
      const first = streams[0] as FakeResponse;
      first.onWrite = (chunk) => {
        if (!chunk.includes('"down"')) return;
        first.onWrite = undefined;
        emit(change(1));
      };
      up = false;
      hub.databaseUnreachable();
      const last = streams.at(-1) as FakeResponse;
      await vi.waitFor(() => expect(last.messages().map((m) => m.data.database)).toContain('down'));
      // The last subscriber had the change before its status, not behind 3,000 status writes.
      expect(last.messages().map((m) => m.data.kind ?? m.data.database)).toEqual([
        'status',
        'change',
        'status',
      ]);
      for (const res of streams) expect(res.changes()).toHaveLength(1);
    } finally {
      hub.stop();
    }
  });

  it('sends no keep-alive ping besides the status message, which keeps the streams from falling silent', async () => {
    const ping = Buffer.from('event: ping\ndata: \n\n');
    const database = { ping: async () => true } as unknown as Database;
    const withStatus = new LiveHub(handBus().bus, database, {
      statusIntervalMs: 10_000,
      pingIntervalMs: 15_000,
    });
    const rareStatus = new LiveHub(handBus().bus, database, {
      statusIntervalMs: 60_000,
      pingIntervalMs: 15_000,
    });
    const [often, rarely] = [new FakeResponse(), new FakeResponse()];
    await withStatus.attach(often as unknown as ServerResponse, { role: 'office', agencyId: 1 }, null);
    await rareStatus.attach(rarely as unknown as ServerResponse, { role: 'office', agencyId: 1 }, null);
    await withStatus.keepAlive(ping);
    await rareStatus.keepAlive(ping);
    expect(often.text).not.toContain('event: ping');
    expect(rarely.text).toContain('event: ping');
    withStatus.stop();
    rareStatus.stop();
  });
});
