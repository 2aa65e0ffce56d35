/**
 * Real-time figures (issue 7; issue 15, point 7): N concurrent `live.changes` subscribers (SSE) on one
 * server process while progress writes flow. Latency = write request sent → event received, for every
 * subscriber and write (p50/p95/p99); that every event reached every subscriber; the server's memory per
 * subscriber (RSS growth / subscribers); that the server lets go of subscribers that vanish (it keeps
 * answering, and its memory returns) — slow readers are covered by server/modules/live/hub.test.ts.
 * Budgets at 10,000 subscribers: p99 ≤ 200 ms, ≤ 20 KB per subscriber.
 *
 *   node --import tsx bench/live.ts --subscribers=10000 --writes=40 [--port=4372]
 * Alone it starts its own server (DATABASE_URL when set, else embedded PGlite with the demo seed).
 * The subscribers live in a process of their own (bench/live-subscribers.ts): bare sockets, so the load
 * generator costs the shared cores as little as it can, and the writes and their clock stay here. On a
 * 2-core machine the generator still shares the cores with the server: the figures say so.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Figure, figure, percentile } from './figures';
import type { FromSubscribers, ToSubscribers } from './live-subscribers';
import { LIVE_MARK } from './live-subscribers';
import { argValue, login, ROOT, rssMb, startOwnServer } from './own-server';

export interface LiveBenchOptions {
  baseUrl: string;
  databaseUrl?: string;
  subscribers: number;
  writes?: number;
  /** The server's pid when this process started it: adds memory and CPU figures. */
  serverPid?: number;
  /** Processes the subscribers are spread over (default 1). */
  generators?: number;
}

/** The budgets at 10,000 subscribers. */
const P99_BUDGET_MS = 200;
const KB_PER_SUBSCRIBER_BUDGET = 20;

const now = () => performance.timeOrigin + performance.now();

/** One process of subscribers, and a way to wait for its next message of a kind. */
function startSubscribers() {
  const child: ChildProcess = fork(path.join(ROOT, 'bench/live-subscribers.ts'), {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiters: { type: FromSubscribers['type']; resolve: (m: FromSubscribers) => void }[] = [];
  child.on('message', (message: FromSubscribers) => {
    const type = message.type === 'failed' ? 'opened' : message.type;
    const at = waiters.findIndex((w) => w.type === type);
    if (at >= 0) waiters.splice(at, 1)[0]?.resolve(message);
  });
  const next = <T extends FromSubscribers['type']>(type: T, timeoutMs: number) =>
    new Promise<Extract<FromSubscribers, { type: T }> | null>((resolve) => {
      const waiter = {
        type,
        resolve: (m: FromSubscribers) => resolve(m as Extract<FromSubscribers, { type: T }>),
      };
      waiters.push(waiter);
      setTimeout(() => {
        const at = waiters.indexOf(waiter);
        if (at >= 0) waiters.splice(at, 1);
        resolve(null);
      }, timeoutMs).unref();
    });
  const send = (message: ToSubscribers) => child.send(message);
  /** The offset that puts this process's clock readings on the bench's, from the shortest round trip. */
  const clockOffset = async () => {
    let offset = 0;
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 20; i++) {
      const sentAt = now();
      send({ type: 'clock', sentAt });
      const answer = await next('clock', 5000);
      const back = now();
      if (answer && back - sentAt < best) {
        best = back - sentAt;
        offset = answer.at - (sentAt + back) / 2;
      }
    }
    return offset;
  };
  return { child, next, send, clockOffset };
}

/** A process's CPU time so far (user + system), ms, from /proc (Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command's closing parenthesis.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

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
  // Warm the write path (JIT, caches) so the first measured writes are not its start-up.
  await postProgress(base, officer, taskId, -1, 0);
  await new Promise((r) => setTimeout(r, 500));
  const rssIdle = opts.serverPid ? rssMb(opts.serverPid) : null;

  const generators = Array.from({ length: opts.generators ?? 1 }, () => startSubscribers());
  try {
    const shares = generators.map(
      (_, i) =>
        Math.floor((count * (i + 1)) / generators.length) - Math.floor((count * i) / generators.length),
    );
    const connectStarted = now();
    for (const [i, g] of generators.entries())
      g.send({ type: 'open', base, cookie: office, count: shares[i] ?? 0, wave: 100 });
    const opened: (FromSubscribers | null)[] = await Promise.all(
      generators.map((g) => g.next('opened', 600_000)),
    );
    for (const answer of opened) {
      if (!answer) throw new Error('the subscribers did not open within 10 minutes');
      if (answer.type === 'failed') throw new Error(`subscribers: ${answer.error}`);
    }
    const connectMs = now() - connectStarted;
    // Settled: the status messages sent, the connect burst's garbage collected (or not: RSS is what it is).
    await new Promise((r) => setTimeout(r, 2000));
    const rssWith = opts.serverPid ? rssMb(opts.serverPid) : null;
    const offsets = [];
    for (const g of generators) offsets.push(await g.clockOffset());

    const started: number[] = [];
    const writeTimes: number[] = [];
    const loadAverages: number[] = [];
    const runId = Date.now();
    const serverCpuFrom = opts.serverPid ? cpuMs(opts.serverPid) : null;
    for (let seq = 0; seq < writes; seq++) {
      loadAverages.push(os.loadavg()[0] ?? 0);
      const arrived = Promise.all(generators.map((g) => g.next('arrived', 10_000)));
      started[seq] = now();
      await postProgress(base, officer, taskId, seq, runId);
      writeTimes.push(now() - (started[seq] ?? 0));
      for (const g of generators) g.send({ type: 'watch', seq });
      await arrived;
      // About 4 writes a second: the budget is per event, not a flood.
      await new Promise((r) => setTimeout(r, 250));
    }
    const serverCpuPerWrite =
      opts.serverPid && serverCpuFrom !== null ? (cpuMs(opts.serverPid) - serverCpuFrom) / writes : null;

    const latencies: number[] = [];
    const spreads: number[] = [];
    /** Per write: write sent → the first subscriber's arrival (the write and the bus, no fan-out yet). */
    const firsts: number[] = [];
    let delivered = 0;
    let generatorCpuMs = 0;
    const arrivals: number[][] = Array.from({ length: writes }, () => []);
    for (const [i, g] of generators.entries()) {
      g.send({ type: 'report' });
      const report = await g.next('report', 60_000);
      if (!report) throw new Error('the subscribers did not report');
      generatorCpuMs += report.cpuMs;
      for (let seq = 0; seq < writes; seq++)
        for (const a of report.arrivals) {
          const at = a[seq];
          if (typeof at === 'number') arrivals[seq]?.push(at - (offsets[i] ?? 0));
        }
    }
    for (let seq = 0; seq < writes; seq++) {
      const times = arrivals[seq] ?? [];
      delivered += times.length;
      const first = Math.min(...times);
      firsts.push(first - (started[seq] ?? 0));
      for (const t of times) {
        spreads.push(t - first);
        latencies.push(t - (started[seq] ?? 0));
      }
      for (let missing = times.length; missing < count; missing++) latencies.push(Number.POSITIVE_INFINITY);
    }

    // Every subscriber vanishes at once, without a goodbye: the server must free them and keep serving.
    for (const g of generators) g.send({ type: 'vanish' });
    await Promise.all(generators.map((g) => g.next('vanished', 10_000)));
    await new Promise((r) => setTimeout(r, 2000));
    const health = await fetch(`${base}/healthz`);
    const rssAfter = opts.serverPid ? rssMb(opts.serverPid) : null;

    const sorted = latencies.sort((a, b) => a - b);
    const load = loadAverages.reduce((a, b) => a + b, 0) / Math.max(1, loadAverages.length);
    const scale =
      `${count} subscribers, ${writes} writes (≈4/s), ${opts.databaseUrl ? 'PostgreSQL' : 'embedded PGlite'}; ` +
      `the subscribers in a process of their own sharing the machine's ${os.cpus().length} cores with the server ` +
      `(load average ${load.toFixed(1)} during the writes)`;
    const figures = [
      figure('live: event latency p50 (write → every subscriber)', 'ms', percentile(sorted, 50), null, {
        note: scale,
      }),
      figure('live: event latency p95 (write → every subscriber)', 'ms', percentile(sorted, 95), null, {
        note: `${scale}; includes the write request itself`,
      }),
      figure(
        'live: event latency p99 (write → every subscriber)',
        'ms',
        percentile(sorted, 99),
        count >= 10_000 ? P99_BUDGET_MS : null,
        { note: `${scale}; budget at 10,000 subscribers on a quiet machine` },
      ),
      figure(
        'live: the write request alone, p50',
        'ms',
        percentile(
          [...writeTimes].sort((a, b) => a - b),
          50,
        ),
        null,
        { note: 'tasks.postProgress round trip, for scale: the latency above includes it' },
      ),
      figure(
        'live: event latency to the first subscriber, p50',
        'ms',
        percentile(
          [...firsts].sort((a, b) => a - b),
          50,
        ),
        null,
        { note: 'write sent → first arrival: the write, its commit and the bus, before the fan-out' },
      ),
      figure(
        'live: fan-out spread p95 (first → each subscriber)',
        'ms',
        percentile(
          [...spreads].sort((a, b) => a - b),
          95,
        ),
        null,
        { note: `the part of the latency spent reaching ${count} sockets, database write excluded` },
      ),
      figure('live: events delivered / expected', 'ratio', delivered / (count * writes), 1, {
        higherIsBetter: true,
        note: `${delivered} of ${count * writes}`,
      }),
      figure('live: time to connect all subscribers', 'ms', connectMs, null, {
        note: `${count} subscribers, 100 at a time per subscriber process`,
      }),
      figure('live: the subscribers’ own CPU per write', 'ms', generatorCpuMs / writes, null, {
        note: `the load generator (${generators.length} process${generators.length > 1 ? 'es' : ''}, bare sockets) reading one event on ${count} sockets: CPU taken from the cores the server runs on`,
      }),
      figure('live: server healthy after all subscribers vanished', 'status', health.status, null),
    ];
    if (rssIdle !== null && rssWith !== null && rssAfter !== null) {
      figures.push(
        figure(
          'live: server memory per subscriber (RSS growth / subscribers)',
          'KB',
          ((rssWith - rssIdle) * 1024) / count,
          count >= 10_000 ? KB_PER_SUBSCRIBER_BUDGET : null,
          { note: `RSS ${rssIdle.toFixed(0)} MB idle → ${rssWith.toFixed(0)} MB with ${count} subscribers` },
        ),
        figure(
          'live: server CPU per write (the write, its fan-out, the status messages meanwhile)',
          'ms',
          serverCpuPerWrite ?? Number.NaN,
          null,
          {
            note: `user + system time of the server process over the ${writes} writes, from /proc: what the latency would be made of on cores of its own`,
          },
        ),
        figure('live: server RSS, idle', 'MB', rssIdle, null),
        figure(`live: server RSS with ${count} subscribers`, 'MB', rssWith, null),
        figure('live: server RSS 2 s after they vanished', 'MB', rssAfter, null),
      );
    }
    return figures;
  } finally {
    for (const g of generators) if (g.child.exitCode === null) g.child.kill();
  }
}

/** One progress report carrying the bench's marker and the write's sequence number. */
async function postProgress(base: string, cookie: string, taskId: number, seq: number, runId: number) {
  const res = await fetch(`${base}/trpc/tasks.postProgress`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: base },
    body: JSON.stringify({
      json: {
        taskId,
        percent: Math.max(0, seq) % 100,
        narrative: `${LIVE_MARK}${seq} ${runId}`,
        idempotencyKey: `${LIVE_MARK}${runId}-${seq}`,
      },
    }),
  });
  if (res.status !== 200) throw new Error(`write ${seq} failed: ${res.status} ${await res.text()}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const subscribers = Number(argValue('subscribers') ?? 10_000);
  const writes = Number(argValue('writes') ?? 40);
  const generators = Number(argValue('generators') ?? 1);
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
      generators,
    });
    console.table(
      figures.map(({ name, unit, value, budget, pass }) => ({ name, unit, value, budget, pass })),
    );
  } finally {
    await server.stop();
  }
}
