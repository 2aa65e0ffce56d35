/**
 * The public portal and open data beside the signed-in API (issue 18, ADR 0033): `--only=public`.
 *
 * Latency: REQUESTS sequential anonymous requests to each public address (the portal's JSON, one
 * KPI's agencies, the national CSV, the catalogue, and a revalidation answered 304), each after a
 * warm-up, beside the signed-in `kpis.overview` over tRPC with a session cookie (the same figures behind
 * a login). Budget: p95 ≤ 20 ms for the portal (the issue).
 *
 * Throughput: `connections` concurrent HTTP connections (undici, no pipelining) asking again as soon as
 * an answer is in, for `seconds`, first on the portal's JSON (anonymous), then on `kpis.overview`
 * (signed in): requests per second of each, informative.
 */
import { Pool } from 'undici';
import { type Figure, figure, percentile } from './figures';

export interface PublicBenchOptions {
  base: string;
  /** A signed-in session (the Office) for the API beside it. */
  cookie: string;
  kpiCode: string;
  requests?: number;
  seconds?: number;
  connections?: number;
}

const log = (line: string) => console.log(line);
const ms = (start: number) => performance.now() - start;

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
}

export async function runPublicBench(options: PublicBenchOptions): Promise<Figure[]> {
  const requests = options.requests ?? 200;
  const seconds = options.seconds ?? 5;
  const connections = options.connections ?? 16;
  const pool = new Pool(options.base, { connections: connections + 2, pipelining: 1 });
  const overview = `/trpc/kpis.overview?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`;
  const ask = async (path: string, headers: Record<string, string> = {}, expected = 200) => {
    const res = await pool.request({ path, method: 'GET', headers });
    const text = await res.body.text();
    if (res.statusCode !== expected) throw new Error(`${path} → ${res.statusCode}: ${text.slice(0, 200)}`);
    return { etag: String(res.headers.etag ?? ''), bytes: text.length };
  };
  const figures: Figure[] = [];
  try {
    const { etag } = await ask('/public-api/portal');
    const reads: {
      name: string;
      path: string;
      headers?: Record<string, string>;
      expected?: number;
      budget: number | null;
    }[] = [
      { name: 'public: GET /public-api/portal (anonymous) p95', path: '/public-api/portal', budget: 20 },
      {
        name: 'public: GET /public-api/portal, revalidated (If-None-Match → 304) p95',
        path: '/public-api/portal',
        headers: { 'if-none-match': etag },
        expected: 304,
        budget: 20,
      },
      {
        name: `public: GET /public-api/kpis/${options.kpiCode} (every agency's figures) p95`,
        path: `/public-api/kpis/${options.kpiCode}`,
        budget: 20,
      },
      { name: 'public: GET /open-data/kpis.csv p95', path: '/open-data/kpis.csv', budget: 20 },
      { name: 'public: GET /open-data/catalog.jsonld p95', path: '/open-data/catalog.jsonld', budget: 20 },
      {
        name: 'signed in: kpis.overview (tRPC, session cookie) p95, beside',
        path: overview,
        headers: { cookie: options.cookie },
        budget: null,
      },
    ];
    for (const read of reads) {
      let bytes = 0;
      for (let i = 0; i < 20; i++) bytes = (await ask(read.path, read.headers, read.expected)).bytes;
      const times: number[] = [];
      for (let i = 0; i < requests; i++) {
        const t = performance.now();
        await ask(read.path, read.headers, read.expected);
        times.push(ms(t));
      }
      const s = stats(times);
      figures.push(
        figure(read.name, 'ms', s.p95, read.budget, {
          note: `${requests} sequential requests after 20 warm-up; p50 ${s.p50.toFixed(2)}, p99 ${s.p99.toFixed(2)}; ${bytes} bytes`,
        }),
      );
      log(`  ${read.name}: p50 ${s.p50.toFixed(2)} p95 ${s.p95.toFixed(2)} ms (${bytes} bytes)`);
    }
    const loads: { name: string; path: string; headers: Record<string, string> }[] = [
      { name: 'public: /public-api/portal throughput (anonymous)', path: '/public-api/portal', headers: {} },
      {
        name: 'signed in: kpis.overview throughput, beside',
        path: overview,
        headers: { cookie: options.cookie },
      },
    ];
    for (const load of loads) {
      let done = 0;
      const latencies: number[] = [];
      const until = performance.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (performance.now() < until) {
            const t = performance.now();
            await ask(load.path, load.headers);
            latencies.push(ms(t));
            done++;
          }
        }),
      );
      const s = stats(latencies);
      const perSecond = done / seconds;
      figures.push(
        figure(load.name, 'requests/s', perSecond, null, {
          higherIsBetter: true,
          note: `${connections} connections for ${seconds} s; p50 ${s.p50.toFixed(1)}, p95 ${s.p95.toFixed(1)} ms under load`,
        }),
      );
      log(`  ${load.name}: ${perSecond.toFixed(0)} requests/s (p95 ${s.p95.toFixed(1)} ms under load)`);
    }
  } finally {
    await pool.close();
  }
  return figures;
}
