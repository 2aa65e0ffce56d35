import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveMessage } from '../../../shared/live-events';
import { vietnamDate } from '../../../shared/time';
import { agencies, users } from '../../db/schema';
import { seedIfEmpty } from '../../seed';
import { DEMO_PASSWORD } from '../../seed/demo';
import { createTestApp, createUser } from '../../test/app';

/** Reads a tRPC SSE stream: yields each message's id and data (superjson `json` part). */
async function* readSse(res: Response): AsyncGenerator<{ id?: string; data: LiveMessage }> {
  const reader = res.body?.getReader();
  if (!reader) return;
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let cut = buffer.indexOf('\n\n');
    while (cut >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const id = /^id: ?(.*)$/m.exec(block)?.[1];
      const data = /^data: ?(.*)$/m.exec(block)?.[1];
      const event = /^event: ?(.*)$/m.exec(block)?.[1];
      if (data && !event) {
        const parsed = JSON.parse(data);
        if (parsed?.json) yield { id, data: parsed.json as LiveMessage };
      }
      cut = buffer.indexOf('\n\n');
    }
  }
}

describe('live changes over SSE', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let base: string;
  let office: string;
  let hanoi: string;
  let finance: string;
  let taskId: number;

  beforeAll(async () => {
    t = await createTestApp();
    await seedIfEmpty(t.database.db, { communes: 68, demo: true, today: vietnamDate(new Date()) });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    office = await t.login('vpcp', DEMO_PASSWORD);
    hanoi = await t.login('hanoi.chuyenvien', DEMO_PASSWORD);
    finance = await t.login('btc.chuyenvien', DEMO_PASSWORD);
    const inbox = await t.trpc(
      'tasks.inbox',
      { status: ['in_progress', 'overdue', 'no_deadline'], agencyRole: 'lead', pageSize: 50 },
      { method: 'GET', cookie: finance },
    );
    const own = inbox.data.items.find((i: { leadNameVi: string }) => i.leadNameVi === 'Bộ Tài chính');
    taskId = own.id;
  });
  afterAll(async () => {
    // fetch opens spare connections after a stream the server ended; they never send a request, so
    // the server's graceful close would wait for its header timeout (60 s) on them.
    t.app.server.closeAllConnections();
    await t.close();
  });

  const subscribe = (cookie: string, lastEventId?: string) => {
    const input = encodeURIComponent(JSON.stringify({ json: lastEventId ? { lastEventId } : {} }));
    const controller = new AbortController();
    const response = fetch(`${base}/trpc/live.changes?input=${input}`, {
      headers: { cookie, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    return { response, close: () => controller.abort() };
  };

  const post = (percent: number, key: string) =>
    t.trpc(
      'tasks.postProgress',
      { taskId, percent, narrative: `Nội dung nội bộ ${key}`, idempotencyKey: `live-test-${key}` },
      { cookie: finance },
    );

  async function nextChanges(stream: AsyncGenerator<{ id?: string; data: LiveMessage }>, n: number) {
    const changes: { id?: string; data: LiveMessage }[] = [];
    while (changes.length < n) {
      const { value, done } = await stream.next();
      if (done) break;
      if (value.data.kind === 'change') changes.push(value);
    }
    return changes;
  }

  it('delivers a write to an open stream, with its id, first the server status', async () => {
    const sub = subscribe(office);
    const stream = readSse(await sub.response);
    const first = await stream.next();
    expect(first.value?.data.kind).toBe('status');
    const started = Date.now();
    expect((await post(41, 'a')).status).toBe(200);
    const [change] = await nextChanges(stream, 1);
    const latency = Date.now() - started;
    console.log(`[live] write → subscriber on one process: ${latency} ms`);
    expect(change?.data).toMatchObject({
      kind: 'change',
      type: 'task.progress',
      payload: { taskId, percent: 41 },
    });
    expect(change?.id).toMatch(/^\d+$/);
    sub.close();
  });

  it('a client that reconnects with its last id receives exactly what it missed, in order', async () => {
    const sub = subscribe(office);
    const stream = readSse(await sub.response);
    await stream.next();
    await post(42, 'b');
    const [seen] = await nextChanges(stream, 1);
    sub.close();
    await post(43, 'c');
    await post(44, 'd');
    await post(45, 'e');
    const again = subscribe(office, seen?.id);
    const replay = await nextChanges(readSse(await again.response), 3);
    again.close();
    expect(replay.map((c) => (c.data.kind === 'change' ? c.data.payload.percent : null))).toEqual([
      43, 44, 45,
    ]);
    const ids = replay.map((c) => Number(c.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBeGreaterThan(Number(seen?.id));
  });

  it('never sends another agency’s narrative to an agency officer; the Office and the agency itself get it', async () => {
    const outsider = subscribe(hanoi);
    const owner = subscribe(finance);
    const oversight = subscribe(office);
    const streams = await Promise.all(
      [outsider, owner, oversight].map(async (s) => readSse(await s.response)),
    );
    for (const s of streams) await s.next();
    await post(46, 'f');
    const received = await Promise.all(streams.map((s) => nextChanges(s, 1)));
    const [o, f, v] = received.map((r) => r[0]);
    for (const s of [outsider, owner, oversight]) s.close();
    expect(o?.data).toMatchObject({ type: 'task.progress', payload: { taskId, percent: 46 } });
    expect(o?.data.kind === 'change' && o.data.detail).toBeFalsy();
    expect(JSON.stringify(o?.data)).not.toContain('Nội dung nội bộ');
    expect(f?.data.kind === 'change' && f.data.detail).toMatchObject({ narrative: 'Nội dung nội bộ f' });
    expect(v?.data.kind === 'change' && v.data.detail).toMatchObject({ narrative: 'Nội dung nội bộ f' });
  });

  /**
   * What listens on the change bus for the whole process: the live hub (every stream is one of its
   * connections, never a listener of its own) and the open data's cache (server/http/open-data.ts).
   */
  const PROCESS_LISTENERS = 2;

  it('refuses a stream without a session or with a malformed last id, as tRPC does, and opens nothing', async () => {
    const read = async (cookie: string, lastEventId?: string) => {
      const input = encodeURIComponent(JSON.stringify({ json: lastEventId ? { lastEventId } : {} }));
      const res = await fetch(`${base}/trpc/live.changes?input=${input}`, {
        headers: { cookie, accept: 'text/event-stream' },
      });
      return res.text();
    };
    const anonymous = await read('');
    expect(anonymous).toContain('event: serialized-error');
    expect(anonymous).toContain('"appCode":"UNAUTHENTICATED"');
    expect(anonymous).not.toContain('"kind":"change"');
    const malformed = await read(office, '12 or 1=1');
    expect(malformed).toContain('event: serialized-error');
    expect(malformed).toContain('"appCode":"VALIDATION"');
    expect(t.app.liveHub.connectionCount).toBe(0);
    // The process's own listeners on the bus, and no stream's.
    expect(t.app.bus.subscriberCount).toBe(PROCESS_LISTENERS);
  });

  it('frees the listener when the client goes away', async () => {
    const sub = subscribe(office);
    const stream = readSse(await sub.response);
    await stream.next();
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(t.app.bus.subscriberCount).toBe(PROCESS_LISTENERS);
    // Each open stream is a connection of the hub.
    expect(t.app.liveHub.connectionCount).toBe(1);
    sub.close();
    await expect.poll(() => t.app.liveHub.connectionCount).toBe(0);
    expect(t.app.bus.subscriberCount).toBe(PROCESS_LISTENERS);
  });

  /** Reads until the server ends the stream; true if it did (false if it was still open after the wait). */
  async function endsWithin(stream: AsyncGenerator<unknown>, ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      const next = await Promise.race([
        stream.next(),
        new Promise<'wait'>((resolve) => setTimeout(() => resolve('wait'), left)),
      ]);
      if (next === 'wait') return false;
      if (next.done) return true;
    }
  }

  const ping = Buffer.from('event: ping\ndata: \n\n');

  it('closes a stream at the next ping once its session has ended, and keeps the others', async () => {
    const leaving = await t.login('hanoi.chuyenvien', DEMO_PASSWORD);
    const gone = subscribe(leaving);
    const goneStream = readSse(await gone.response);
    const stays = subscribe(office);
    const staysStream = readSse(await stays.response);
    await goneStream.next();
    await staysStream.next();
    expect((await t.trpc('auth.logout', undefined, { cookie: leaving })).status).toBe(200);
    await t.app.liveHub.keepAlive(ping);
    expect(await endsWithin(goneStream, 2000)).toBe(true);
    // The Office's stream is still served.
    expect(t.app.liveHub.connectionCount).toBe(1);
    stays.close();
    gone.close();
  });

  it('closes the stream of an account deactivated or moved to another agency at the next ping', async () => {
    const { db } = t.database;
    const user = await createUser(t.database, {
      username: 'live.leaver',
      role: 'officer',
      agency: 'Bộ Tài chính',
    });
    const deactivated = subscribe(await t.login('live.leaver'));
    const deactivatedStream = readSse(await deactivated.response);
    await deactivatedStream.next();
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    await t.app.liveHub.keepAlive(ping);
    expect(await endsWithin(deactivatedStream, 2000)).toBe(true);
    deactivated.close();

    await db.update(users).set({ active: true }).where(eq(users.id, user.id));
    const moved = subscribe(await t.login('live.leaver'));
    const movedStream = readSse(await moved.response);
    await movedStream.next();
    const [hanoiAgency] = await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.nameVi, 'Thành phố Hà Nội'));
    await db
      .update(users)
      .set({ agencyId: hanoiAgency?.id ?? 0 })
      .where(eq(users.id, user.id));
    await t.app.liveHub.keepAlive(ping);
    expect(await endsWithin(movedStream, 2000)).toBe(true);
    moved.close();
  });
});
