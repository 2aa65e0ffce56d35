// Builds the client and runs the Playwright journeys in Chromium (system Chromium where there is one).
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

const chromium = findChromium();
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
if (chromium) env.CHROME_PATH = chromium;
console.log(`[e2e] Chromium: ${chromium ?? 'Playwright’s own'}`);

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;
if (!process.argv.includes('--no-build') && run('npx', ['vite', 'build']) !== 0) process.exit(1);
process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2).filter((a) => a !== '--no-build')]));
