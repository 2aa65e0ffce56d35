// Finds a Chromium for Playwright. Browsers cannot be downloaded on some machines (ours among them),
// so: an explicit CHROME_PATH, then the system's Chromium, then Debian's package via apt-get when we
// may install it, and only then Playwright's own browser download.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

function found() {
  const explicit = process.env.CHROME_PATH;
  if (explicit && existsSync(explicit)) return explicit;
  return CANDIDATES.find((p) => existsSync(p));
}

function tryApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!hasApt) return false;
  const sudo = isRoot
    ? []
    : spawnSync('sh', ['-c', 'sudo -n true'], { stdio: 'ignore' }).status === 0
      ? ['sudo', '-n']
      : null;
  if (!sudo) return false;
  console.log('[chromium] not found: installing Debian’s chromium package with apt-get…');
  const run = (args) =>
    spawnSync(sudo[0] ?? args[0], sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  return run(['apt-get', 'update', '-qq']) && run(['apt-get', 'install', '-y', '-qq', 'chromium']);
}

export function findChromium() {
  let path = found();
  if (!path && tryApt()) path = found();
  if (path) return path;
  console.log('[chromium] no system Chromium; trying Playwright’s own browser download…');
  try {
    execFileSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'install', 'chromium'], {
      stdio: 'inherit',
    });
    return undefined; // Playwright uses its own browser
  } catch {
    throw new Error('No Chromium available: install the "chromium" package or set CHROME_PATH.');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(findChromium() ?? '(Playwright’s bundled Chromium)');
}
