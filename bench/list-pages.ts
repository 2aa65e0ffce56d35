/**
 * Every tenth page of the task lists, over HTTP (issue 15, point 3): a user pages through a list, and a
 * deep page must cost what the first does. For each list (the agency that leads the most tasks with the
 * screens' common filters, its inbox, a level, a search, the whole country) pages 1, 11, 21, … and the
 * last are read once each, in order; the figure is the p95 over them (budget: any page ≤ 30 ms), with
 * p50/p95 by depth in its note. Nothing here assumes a quiet database: totals are read from the first
 * page and a page past the end (the list shrank meanwhile) is simply empty, so a writer may run beside it.
 */
import { type Figure, figure, percentile } from './figures';

export const PAGE_SIZE = 25;
export const EVERY = 10;
/** A broad search: one task in 18 at national scale, spread along every order. */
export const BROAD_SEARCH = 'co so du lieu';
/** The budget of issue 15 for a list page, any page. */
export const LIST_BUDGET_MS = 30;

export interface PagedList {
  name: string;
  procedure: 'tasks.list' | 'tasks.inbox';
  cookie: string;
  input: Record<string, unknown>;
}

export type ReadPage = (
  cookie: string,
  procedure: string,
  input: unknown,
) => Promise<{ total: number; items: unknown[] }>;

/** Page-depth buckets: where the issue saw the difference (pages from 7 on), then each tenfold. */
const BUCKETS: [string, number, number][] = [
  ['1–10', 1, 10],
  ['11–100', 11, 100],
  ['101–1,000', 101, 1000],
  ['1,001+', 1001, Number.POSITIVE_INFINITY],
];

/** 1, 11, 21, … and the last page. */
export function sampledPages(pages: number, every = EVERY): number[] {
  const wanted: number[] = [];
  for (let p = 1; p <= pages; p += every) wanted.push(p);
  if (wanted.at(-1) !== pages) wanted.push(pages);
  return wanted;
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

export async function listPageFigures(
  read: ReadPage,
  lists: PagedList[],
  log: (line: string) => void = console.log,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  const everything: number[] = [];
  for (const list of lists) {
    const at = (page: number) =>
      read(list.cookie, list.procedure, { ...list.input, page, pageSize: PAGE_SIZE });
    // Two warm-up reads of the first page: the server's statements prepared, the total counted.
    await at(1);
    const first = await at(1);
    const pages = Math.max(1, Math.ceil(first.total / PAGE_SIZE));
    const timed: { page: number; ms: number }[] = [];
    for (const page of sampledPages(pages)) {
      const t = performance.now();
      await at(page);
      timed.push({ page, ms: performance.now() - t });
    }
    const all = summary(timed.map((s) => s.ms));
    everything.push(...timed.map((s) => s.ms));
    const byDepth = BUCKETS.flatMap(([label, from, to]) => {
      const inBucket = timed.filter((s) => s.page >= from && s.page <= to).map((s) => s.ms);
      if (inBucket.length === 0) return [];
      const b = summary(inBucket);
      return [`pages ${label}: ${b.n} read, p50 ${b.p50.toFixed(1)} p95 ${b.p95.toFixed(1)}`];
    });
    const last = timed.at(-1);
    figures.push(
      figure(`${list.procedure} every tenth page · ${list.name} p95`, 'ms', all.p95, LIST_BUDGET_MS, {
        note: `${first.total.toLocaleString('en')} tasks, ${pages} pages of ${PAGE_SIZE}: ${all.n} read once each in order, p50 ${all.p50.toFixed(1)}; ${byDepth.join('; ')}; last page ${last?.ms.toFixed(1)} ms`,
      }),
    );
    log(
      `  ${list.name} (${pages} pages): p50 ${all.p50.toFixed(1)} p95 ${all.p95.toFixed(1)} ms; ${byDepth.join('; ')}`,
    );
  }
  const overall = summary(everything);
  figures.push(
    figure('task lists, any page (every tenth page of each list) p95', 'ms', overall.p95, LIST_BUDGET_MS, {
      note: `${overall.n} pages of ${lists.length} lists; p50 ${overall.p50.toFixed(1)}`,
    }),
  );
  return figures;
}
