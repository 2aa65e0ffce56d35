// `npm test`: every check and every test, in order; exits non-zero on any failure.
// lint → typecheck → unit and integration tests (Vitest; server on PGlite unless TEST_DATABASE_URL)
// → client build → end-to-end journeys in Chromium (Playwright).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

mkdirSync('.test-reports', { recursive: true });
const steps = [
  ['lint', 'npx', ['biome', 'check', '.']],
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  [
    'unit and integration tests',
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=.test-reports/vitest-results.json',
    ],
  ],
  ['end-to-end tests', 'node', ['scripts/run-e2e.mjs']],
];

const results = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const status = spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
  results.push({ name, ok: status === 0, seconds: Math.round((Date.now() - started) / 1000) });
  if (status !== 0) break;
}

function counts() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync('.test-reports/vitest-results.json')) {
    const v = JSON.parse(readFileSync('.test-reports/vitest-results.json', 'utf8'));
    passed += v.numPassedTests ?? 0;
    failed += v.numFailedTests ?? 0;
    skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  }
  if (existsSync('test-results/e2e-results.json')) {
    const e = JSON.parse(readFileSync('test-results/e2e-results.json', 'utf8'));
    passed += e.stats?.expected ?? 0;
    failed += (e.stats?.unexpected ?? 0) + (e.stats?.flaky ?? 0);
    skipped += e.stats?.skipped ?? 0;
  }
  return { passed, failed, skipped };
}

console.log('\n=== summary');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds}s)`);
for (const [name] of steps.slice(results.length)) console.log(`not run: ${name}`);
const { passed, failed, skipped } = counts();
const allOk = results.length === steps.length && results.every((r) => r.ok);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(allOk && failed === 0 ? 0 : 1);
