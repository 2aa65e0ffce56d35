/**
 * A server process of the bench's own (bench/client.ts and bench/live.ts when run alone): embedded PGlite
 * with the demo seed in a temporary folder, or DATABASE_URL when given. Serves the built client from
 * dist/client when it exists (`npx vite build` first).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_PASSWORD = 'Demo@2026';

export interface OwnServer {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

export function argValue(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

export async function startOwnServer(
  port: number,
  options: { databaseUrl?: string; env?: Record<string, string> } = {},
): Promise<OwnServer> {
  const dataDir = options.databaseUrl ? null : mkdtempSync(path.join(tmpdir(), 'dgm-bench-'));
  const base = `http://127.0.0.1:${port}`;
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the server.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      AUDIT_KEY: randomBytes(32).toString('hex'),
      AUDIT_SIGNING_KEY: benchSigningKey(),
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      API_RATE_LIMIT_PER_MINUTE: '100000000',
      // The live bench opens all its subscribers on one session.
      LIVE_STREAMS_PER_SESSION: '100000',
      LIVE_STREAMS_MAX: '100000',
      // The bench measures the pages, not the login's steps: in production the Office must set up a
      // second factor first, and Lighthouse would score the set-up screen instead of the dashboard.
      MFA_REQUIRED_ROLES: 'none',
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATA_DIR: dataDir ?? '' }),
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; i < 2400 && !exited; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) return { base, pid: child.pid ?? 0, stop };
    } catch {
      // still starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`server on port ${port} did not start`);
}

/** Resident memory of a process, MB (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** The login's step a tRPC answer of `auth.login` or `auth.changePassword` names. */
async function stageOf(res: Response): Promise<string> {
  return ((await res.json()) as { result: { data: { json: { stage: string } } } }).result.data.json.stage;
}

/**
 * A production server seeds the demo accounts with a password to be changed at the first login
 * (server/main.ts): the bench changes it once per server to this one, and signs in with it after.
 */
export const BENCH_PASSWORD = 'bench violet harbour 2026 kestrel';
const changedPasswords = new Set<string>();

/** Signs in, chooses a new password when the login asks for one, and returns the session cookie. */
export async function login(base: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const key = `${base} ${username}`;
  let current = changedPasswords.has(key) ? BENCH_PASSWORD : password;
  const attempt = (password: string) =>
    fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ json: { username, password } }),
    });
  let res = await attempt(current);
  // A database kept from an earlier run (DATABASE_URL) already has the bench's password.
  if (res.status === 401 && current !== BENCH_PASSWORD) {
    current = BENCH_PASSWORD;
    res = await attempt(current);
    if (res.status === 200) changedPasswords.add(key);
  }
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  let stage = await stageOf(res);
  if (stage === 'password') {
    const changed = await fetch(`${base}/trpc/auth.changePassword`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, cookie },
      body: JSON.stringify({ json: { currentPassword: current, newPassword: BENCH_PASSWORD } }),
    });
    if (changed.status !== 200)
      throw new Error(`${username}: new password refused: ${changed.status} ${await changed.text()}`);
    changedPasswords.add(key);
    stage = await stageOf(changed);
  }
  // Any other step (a second factor) would leave every page showing that step instead.
  if (stage !== 'full') throw new Error(`login ${username} stops at the '${stage}' step`);
  return cookie;
}

/** A production server needs the audit chain's signing key: a fresh one per bench run. */
function benchSigningKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}
