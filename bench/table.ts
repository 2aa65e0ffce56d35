/**
 * The README's table of a bench run, from its results: `npm run bench:table [-- national|latest]`
 * (default national). Prints Markdown: the machine and dataset line, then one row per figure.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure } from './figures';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2] ?? 'national';
const figures = JSON.parse(
  readFileSync(path.join(ROOT, 'bench/results', `${name}.json`), 'utf8'),
) as (Figure & {
  machine: string;
})[];
const run = JSON.parse(readFileSync(path.join(ROOT, 'bench/results', `${name}.run.json`), 'utf8')) as {
  scale: string;
  ranAt: string;
  seconds: number;
  dataset: { counts: Record<string, number> };
  machine: { loadAverageAtEnd: number[] };
};
const counts = Object.entries(run.dataset.counts)
  .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
  .join(', ');
console.log(
  `Scale ${run.scale} (${counts}), run ${run.ranAt.slice(0, 16).replace('T', ' ')} UTC in ${run.seconds} s on ${figures[0]?.machine ?? '?'}; load average at the end ${run.machine.loadAverageAtEnd.join(', ')}.\n`,
);
console.log('| figure | value | budget | |');
console.log('|---|---|---|---|');
for (const f of figures) {
  const budget = f.budget === null ? '—' : `${f.higherIsBetter ? '≥' : '≤'} ${f.budget}`;
  const result = f.pass === null ? '' : f.pass ? 'pass' : 'MISS';
  console.log(`| ${f.name} | ${f.value} ${f.unit} | ${budget} | ${result} |`);
}
