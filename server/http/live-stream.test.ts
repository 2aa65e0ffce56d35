import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser } from '../test/app';

describe('live stream caps', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let base: string;
  const open: AbortController[] = [];

  beforeAll(async () => {
    t = await createTestApp({ config: { LIVE_STREAMS_PER_SESSION: '2', LIVE_STREAMS_MAX: '3' } });
    for (const username of ['cap.a', 'cap.b', 'cap.c'])
      await createUser(t.database, { username, role: 'office', agency: 'Văn phòng Chính phủ' });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const c of open) c.abort();
    t.app.server.closeAllConnections();
    await t.close();
  });

  async function stream(cookie: string) {
    const controller = new AbortController();
    open.push(controller);
    const input = encodeURIComponent(JSON.stringify({ json: {} }));
    const res = await fetch(`${base}/trpc/live.changes?input=${input}`, {
      headers: { cookie, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    return {
      status: res.status,
      body: res.status === 200 ? null : await res.json(),
      close: () => controller.abort(),
    };
  }

  it('refuse a session past its streams, then the process past its own, with a clear 429', async () => {
    const a = await t.login('cap.a');
    const b = await t.login('cap.b');
    const c = await t.login('cap.c');
    const first = await stream(a);
    expect(first.status).toBe(200);
    expect((await stream(a)).status).toBe(200);
    const third = await stream(a);
    expect(third.status).toBe(429);
    expect(third.body).toEqual({ error: 'RATE_LIMITED', reason: 'streamsPerSession' });
    expect((await stream(b)).status).toBe(200);
    const full = await stream(c);
    expect(full).toMatchObject({ status: 429, body: { reason: 'streamsPerProcess' } });
    // A stream that ends frees its place.
    first.close();
    await expect.poll(() => t.app.liveHub.connectionCount).toBe(2);
    expect((await stream(c)).status).toBe(200);
  });
});
