import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/**
 * The real entry point (`server/main.ts`) as a child process, as `npm start` runs it, for the tests of
 * the process itself (start, seed, shutdown). Only PATH and HOME come from the test's environment, so
 * a developer's own DATABASE_URL or DATA_DIR never reaches it.
 */
export interface RealServer {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output: () => string;
  /** Its exit code once it has exited. */
  exited: Promise<number | null>;
  /** Resolves when /healthz answers 200; throws with the output if it never does. */
  healthy: () => Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');

/** A port for one test file's server, away from the ports the app and the e2e suite use. */
export const randomTestPort = () => 20_000 + Math.floor(Math.random() * 20_000);

/**
 * Starting takes seconds alone, but a loaded 2-core CI machine (the whole suite beside it) has taken
 * over a minute, so waiting gives up only after 150 s: a hang still fails, a slow start does not.
 */
const HEALTHY_WITHIN_MS = 150_000;

export function startRealServer(port: number, env: Record<string, string>): RealServer {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = () => out;
  const healthy = async () => {
    const deadline = Date.now() + HEALTHY_WITHIN_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) break;
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`server did not become healthy:\n${out}`);
  };
  return { child, output, exited, healthy };
}
