/**
 * One measured figure of `npm run bench`. Every bench module returns these; `bench/index.ts` prints
 * them as a table and writes them to `bench/results/latest.json`.
 */
export interface Figure {
  /** What was measured, e.g. "GET tasks.list (filtered, deep page) p95". */
  name: string;
  /** ms, ratio, writes/s, MB, KB gzip, score … */
  unit: string;
  value: number;
  /** The budget from the performance issue; null when the figure is informative only. */
  budget: number | null;
  /** Whether the budget holds: `value <= budget`, or `>=` for throughput and scores (see `higherIsBetter`). */
  pass: boolean | null;
  higherIsBetter?: boolean;
  /** Free text: what was run, sample size, scale. */
  note?: string;
}

export function figure(
  name: string,
  unit: string,
  value: number,
  budget: number | null,
  options: { higherIsBetter?: boolean; note?: string } = {},
): Figure {
  const rounded = Math.round(value * 100) / 100;
  const pass = budget === null ? null : options.higherIsBetter ? rounded >= budget : rounded <= budget;
  return { name, unit, value: rounded, budget, pass, ...options };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
