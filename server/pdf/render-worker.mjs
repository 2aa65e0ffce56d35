// The PDF worker's entry (server/pdf/render-in-worker.ts). Plain JavaScript, because Node 20 runs a
// worker thread without the `--import tsx` hooks of the process that starts it (passing them in the
// worker's execArgv does not help either): the worker registers tsx itself, then loads its TypeScript.
// The same file serves `npm start` / `npm run serve` (node --import tsx) and the tests (Vitest).
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
