/**
 * Real-time benchmark: N concurrent live.changes subscribers on one server process while progress
 * writes flow. Prints event latency (write sent → event received by every subscriber: p50/p95/p99),
 * the server's resident memory before and with the subscribers, and that the subscribers are freed.
 *
 *   npm run bench:live -- --subscribers=1000 --writes=40
 * Uses DATABASE_URL when set (PostgreSQL), else embedded PGlite in a temporary folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent, setGlobalDispatcher } from 'undici';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SUBSCRIBERS = arg('subscribers', 1000);
const WRITES = arg('writes', 40);
const PORT = arg('port', 3990);
const base = `http://127.0.0.1:${PORT}`;

setGlobalDispatcher(new Agent({ connections: SUBSCRIBERS + 50, pipelining: 0 }));

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function startServer(): Promise<{ child: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dgm-bench-live-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      DATA_DIR: dataDir,
      SEED_COMMUNES: '100',
      LOG_LEVEL: 'warn',
      API_RATE_LIMIT_PER_MINUTE: '1000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) return { child, dataDir };
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

async function login(username: string): Promise<string> {
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ json: { username, password: 'Demo@2026' } }),
  });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function main() {
  const { child, dataDir } = await startServer();
  const pid = child.pid ?? 0;
  try {
    const office = await login('vpcp');
    const officer = await login('btc.chuyenvien');
    const inbox = await fetch(
      `${base}/trpc/tasks.inbox?input=${encodeURIComponent(JSON.stringify({ json: { status: ['in_progress', 'overdue', 'no_deadline'], pageSize: 50 } }))}`,
      { headers: { cookie: officer } },
    );
    const items = (await inbox.json()).result.data.json.items as { id: number; leadNameVi: string }[];
    const taskId = items.find((i) => i.leadNameVi === 'Bộ Tài chính')?.id;
    if (!taskId) throw new Error('no task to write to');
    const rssBefore = rssMb(pid);

    let currentWrite = { seq: -1, started: 0 };
    const latencies: number[] = [];
    const received = new Array<number>(WRITES).fill(0);
    const controllers: AbortController[] = [];
    let ready = 0;
    const subscribers = Array.from({ length: SUBSCRIBERS }, async () => {
      const controller = new AbortController();
      controllers.push(controller);
      const res = await fetch(`${base}/trpc/live.changes?input=${encodeURIComponent('{"json":{}}')}`, {
        headers: { cookie: office, accept: 'text/event-stream' },
        signal: controller.signal,
      });
      const reader = res.body?.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      let counted = false;
      try {
        for (;;) {
          const chunk = await reader?.read();
          if (!chunk || chunk.done) return;
          buffer += decoder.decode(chunk.value, { stream: true });
          if (!counted && buffer.includes('"kind":"status"')) {
            counted = true;
            ready++;
          }
          let cut = buffer.indexOf('\n\n');
          while (cut >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            if (block.includes('"task.progress"') && currentWrite.seq >= 0) {
              latencies.push(performance.now() - currentWrite.started);
              received[currentWrite.seq] = (received[currentWrite.seq] ?? 0) + 1;
            }
            cut = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // aborted at the end
      }
    });
    while (ready < SUBSCRIBERS) await new Promise((r) => setTimeout(r, 100));
    const rssWith = rssMb(pid);

    for (let seq = 0; seq < WRITES; seq++) {
      currentWrite = { seq, started: performance.now() };
      const res = await fetch(`${base}/trpc/tasks.postProgress`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: officer, origin: base },
        body: JSON.stringify({
          json: {
            taskId,
            percent: seq % 100,
            narrative: `Bench ${seq}`,
            idempotencyKey: `bench-live-${seq}-${Date.now()}`,
          },
        }),
      });
      if (res.status !== 200) throw new Error(`write failed: ${res.status}`);
      const deadline = performance.now() + 5000;
      while ((received[seq] ?? 0) < SUBSCRIBERS && performance.now() < deadline)
        await new Promise((r) => setTimeout(r, 2));
    }
    const rssPeak = rssMb(pid);
    for (const c of controllers) c.abort();
    await Promise.allSettled(subscribers);
    await new Promise((r) => setTimeout(r, 1000));
    const health = await fetch(`${base}/healthz`);

    const sorted = [...latencies].sort((a, b) => a - b);
    const delivered = received.reduce((a, b) => a + b, 0);
    const results = [
      { name: 'live.subscribers', unit: 'count', value: SUBSCRIBERS },
      { name: 'live.events_delivered', unit: 'count', value: delivered, expected: SUBSCRIBERS * WRITES },
      { name: 'live.latency_p50', unit: 'ms', value: percentile(sorted, 50) },
      { name: 'live.latency_p95', unit: 'ms', value: percentile(sorted, 95) },
      { name: 'live.latency_p99', unit: 'ms', value: percentile(sorted, 99), budget: 100 },
      { name: 'server.rss_idle', unit: 'MB', value: rssBefore },
      { name: 'server.rss_with_subscribers', unit: 'MB', value: rssWith },
      { name: 'server.rss_peak', unit: 'MB', value: rssPeak },
      { name: 'server.healthy_after', unit: 'status', value: health.status },
    ];
    console.log(
      `\nLive updates benchmark on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}, ${SUBSCRIBERS} subscribers, ${WRITES} writes`,
    );
    console.table(
      results.map((r) => ({ ...r, value: Number.isFinite(r.value) ? Number(r.value.toFixed(1)) : r.value })),
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
