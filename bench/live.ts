/**
 * Real-time figures (issue 7): N concurrent `live.changes` subscribers (SSE) on one server process while
 * progress writes flow. Latency = write request sent → event received, for every subscriber and write
 * (p50/p95/p99); that every event reached every subscriber; that the server lets go of subscribers that
 * vanish (it keeps answering, and its memory returns) — slow readers are covered by
 * server/modules/live/hub.test.ts.
 *
 *   node --import tsx bench/live.ts --subscribers=1000 --writes=40 [--port=4372]
 * Alone it starts its own server (DATABASE_URL when set, else embedded PGlite with the demo seed).
 * Subscribers use node:http (not fetch) so the load generator costs the shared cores as little as possible.
 */
import http from 'node:http';
import { type Figure, figure, percentile } from './figures';
import { argValue, login, rssMb, startOwnServer } from './own-server';

export interface LiveBenchOptions {
  baseUrl: string;
  databaseUrl?: string;
  subscribers: number;
  writes?: number;
  /** The server's pid when this process started it: adds memory figures. */
  serverPid?: number;
}

interface Subscriber {
  request: http.ClientRequest;
  /** Per write sequence number: when its event arrived (performance.now()). */
  arrivals: Map<number, number>;
  ready: Promise<void>;
}

const MARK = 'bench-live-';

function subscribe(base: string, cookie: string, agent: http.Agent): Subscriber {
  const arrivals = new Map<number, number>();
  const url = new URL(`/trpc/live.changes?input=${encodeURIComponent('{"json":{}}')}`, base);
  let markReady: () => void = () => undefined;
  let failReady: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  const request = http.get(url, { agent, headers: { cookie, accept: 'text/event-stream' } }, (res) => {
    if (res.statusCode !== 200) failReady(new Error(`live.changes answered ${res.statusCode}`));
    res.setEncoding('utf8');
    let buffer = '';
    let isReady = false;
    res.on('data', (chunk: string) => {
      const now = performance.now();
      buffer += chunk;
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (!isReady && block.includes('"kind":"status"')) {
          isReady = true;
          markReady();
        }
        const at = block.indexOf(MARK);
        if (at >= 0) arrivals.set(Number.parseInt(block.slice(at + MARK.length), 10), now);
        cut = buffer.indexOf('\n\n');
      }
    });
    res.on('error', () => undefined);
  });
  request.on('error', (error) => failReady(error));
  return { request, arrivals, ready };
}

async function findTaskToWrite(base: string, cookie: string): Promise<number> {
  const input = {
    json: { status: ['in_progress', 'overdue', 'no_deadline'], agencyRole: 'lead', pageSize: 50 },
  };
  const res = await fetch(`${base}/trpc/tasks.inbox?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { cookie },
  });
  const items = ((await res.json()) as { result: { data: { json: { items: { id: number }[] } } } }).result
    .data.json.items;
  const id = items[0]?.id;
  if (!id) throw new Error('the officer has no open task to report progress on');
  return id;
}

export async function runLiveBench(opts: LiveBenchOptions): Promise<Figure[]> {
  const base = opts.baseUrl;
  const count = opts.subscribers;
  const writes = opts.writes ?? 40;
  const office = await login(base, 'vpcp');
  const officer = await login(base, 'btc.chuyenvien');
  const taskId = await findTaskToWrite(base, officer);
  const rssIdle = opts.serverPid ? rssMb(opts.serverPid) : null;

  const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const subscribers: Subscriber[] = [];
  const connectStarted = performance.now();
  // Connect in waves so the server's accept queue is not the thing measured.
  for (let i = 0; i < count; i += 100) {
    const wave = Array.from({ length: Math.min(100, count - i) }, () => subscribe(base, office, agent));
    subscribers.push(...wave);
    await Promise.all(wave.map((s) => s.ready));
  }
  const connectMs = performance.now() - connectStarted;
  await new Promise((r) => setTimeout(r, 500));
  const rssWith = opts.serverPid ? rssMb(opts.serverPid) : null;

  const latencies: number[] = [];
  const writeTimes: number[] = [];
  /** Per write: each subscriber's arrival after the first subscriber's (the fan-out alone). */
  const spreads: number[] = [];
  let delivered = 0;
  const runId = Date.now();
  for (let seq = 0; seq < writes; seq++) {
    const started = performance.now();
    const res = await fetch(`${base}/trpc/tasks.postProgress`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: officer, origin: base },
      body: JSON.stringify({
        json: {
          taskId,
          percent: seq % 100,
          narrative: `${MARK}${seq} ${runId}`,
          idempotencyKey: `${MARK}${runId}-${seq}`,
        },
      }),
    });
    if (res.status !== 200) throw new Error(`write ${seq} failed: ${res.status} ${await res.text()}`);
    writeTimes.push(performance.now() - started);
    const deadline = performance.now() + 5000;
    let arrived = 0;
    while (performance.now() < deadline) {
      arrived = subscribers.reduce((n, s) => n + (s.arrivals.has(seq) ? 1 : 0), 0);
      if (arrived === count) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    delivered += arrived;
    const times = subscribers.map((s) => s.arrivals.get(seq)).filter((t) => t !== undefined);
    const first = Math.min(...times);
    for (const t of times) spreads.push(t - first);
    for (const s of subscribers) {
      const at = s.arrivals.get(seq);
      latencies.push(at === undefined ? Number.POSITIVE_INFINITY : at - started);
    }
    // Writes about 4 a second: the budget is per event, not a flood.
    await new Promise((r) => setTimeout(r, 250));
  }

  // Every subscriber vanishes at once, without a goodbye: the server must free them and keep serving.
  for (const s of subscribers) s.request.destroy();
  await new Promise((r) => setTimeout(r, 2000));
  const health = await fetch(`${base}/healthz`);
  const rssAfter = opts.serverPid ? rssMb(opts.serverPid) : null;
  agent.destroy();

  const sorted = latencies.sort((a, b) => a - b);
  const scale = `${count} subscribers, ${writes} writes (≈4/s), ${opts.databaseUrl ? 'PostgreSQL' : 'embedded PGlite'}`;
  const figures = [
    figure('live: event latency p50 (write → every subscriber)', 'ms', percentile(sorted, 50), null, {
      note: scale,
    }),
    figure('live: event latency p95 (write → every subscriber)', 'ms', percentile(sorted, 95), 100, {
      note: `${scale}; includes the write request itself`,
    }),
    figure('live: event latency p99', 'ms', percentile(sorted, 99), null, { note: scale }),
    figure(
      'live: the write request alone, p50',
      'ms',
      percentile(
        [...writeTimes].sort((a, b) => a - b),
        50,
      ),
      null,
      {
        note: 'tasks.postProgress round trip, for scale: the latency above includes it',
      },
    ),
    figure(
      'live: fan-out spread p95 (first → each subscriber)',
      'ms',
      percentile(
        [...spreads].sort((a, b) => a - b),
        95,
      ),
      null,
      {
        note: 'the part of the latency spent reaching 1,000 sockets, database write excluded',
      },
    ),
    figure('live: events delivered / expected', 'ratio', delivered / (count * writes), 1, {
      higherIsBetter: true,
      note: `${delivered} of ${count * writes}`,
    }),
    figure('live: time to connect all subscribers', 'ms', connectMs, null, { note: `${count} subscribers` }),
    figure('live: server healthy after all subscribers vanished', 'status', health.status, null),
  ];
  if (rssIdle !== null && rssWith !== null && rssAfter !== null) {
    figures.push(
      figure('live: server RSS, idle', 'MB', rssIdle, null),
      figure(`live: server RSS with ${count} subscribers`, 'MB', rssWith, null),
      figure('live: server RSS 2 s after they vanished', 'MB', rssAfter, null),
    );
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const subscribers = Number(argValue('subscribers') ?? 1000);
  const writes = Number(argValue('writes') ?? 40);
  const port = Number(argValue('port') ?? 4372);
  const databaseUrl = process.env.DATABASE_URL;
  const server = await startOwnServer(port, { databaseUrl });
  try {
    const figures = await runLiveBench({
      baseUrl: server.base,
      databaseUrl,
      subscribers,
      writes,
      serverPid: server.pid,
    });
    console.table(
      figures.map(({ name, unit, value, budget, pass }) => ({ name, unit, value, budget, pass })),
    );
  } finally {
    await server.stop();
  }
}
