import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A PostgreSQL primary and a streaming replica of it, of the test's own, for the replica tests. The CI
 * machine's server (127.0.0.1:5432) refuses replication connections (its pg_hba.conf has no `replication`
 * line, and a test should not edit a shared server's configuration), and a base backup of it would copy
 * every other database on it: so the primary is made with `initdb` in a temporary folder, and the replica
 * with `pg_basebackup -R -X stream`, each on a free port of 127.0.0.1 (PG_CLUSTER_TEST_PORT and the port
 * after it, when set). As root (PostgreSQL refuses to run as root) both run as the `postgres` user.
 * `close()` stops both and deletes the folder; so does the test process's exit, however it ends.
 */
export interface PgCluster {
  primaryUrl(database: string): string;
  replicaUrl(database: string): string;
  /** Copies the primary into a new replica (pg_basebackup) and starts it streaming. */
  startReplica(): Promise<void>;
  /** Stops the replica (fast shutdown): its clients' connections end. */
  stopReplica(): Promise<void>;
  close(): Promise<void>;
}

/** The folder of initdb, postgres and pg_basebackup: on PATH, or Debian's /usr/lib/postgresql/<version>/bin. */
export function postgresBinaries(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (
      dir &&
      ['initdb', 'postgres', 'pg_basebackup', 'pg_isready'].every((b) => existsSync(path.join(dir, b)))
    )
      return dir;
  }
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return null;
  const versions = readdirSync(debian)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = path.join(debian, version, 'bin');
    if (['initdb', 'postgres', 'pg_basebackup', 'pg_isready'].every((b) => existsSync(path.join(dir, b))))
      return dir;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/** Who runs the server: this user, or `postgres` when this is root. */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

const live = new Set<ChildProcess>();
const folders = new Set<string>();
// However the test process ends (a failure, a timeout, Ctrl-C): no server or folder is left behind.
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

export async function startPgCluster(): Promise<PgCluster> {
  const found = postgresBinaries();
  if (!found)
    throw new Error(
      'The replica test needs the PostgreSQL server programs (initdb, postgres, pg_basebackup, pg_isready) on PATH or in /usr/lib/postgresql/<version>/bin',
    );
  const bin: string = found;
  const user = runAs();
  const root = mkdtempSync(path.join(tmpdir(), 'dgm-replica-'));
  folders.add(root);
  if (user.uid !== undefined) chownSync(root, user.uid, user.gid ?? user.uid);
  const fixed = Number(process.env.PG_CLUSTER_TEST_PORT) || 0;
  const primaryPort = fixed || (await freePort());
  const replicaPort = fixed ? fixed + 1 : await freePort();
  const env = { PATH: process.env.PATH ?? '', LC_ALL: 'C' };
  let output = '';

  const run = (program: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(path.join(bin, program), args, { ...user, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout?.on('data', (d) => {
        out += d;
      });
      child.stderr?.on('data', (d) => {
        out += d;
      });
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`${program} exited with ${code}:\n${out}`)),
      );
    });

  const settings = (port: number) => [
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${root}`,
    '-c',
    'max_connections=60',
    '-c',
    'shared_buffers=32MB',
    // A throw-away cluster: no flush to disk on commit, nothing survives a crash of the machine.
    '-c',
    'fsync=off',
  ];

  const servers = new Map<'primary' | 'replica', ChildProcess>();
  async function startServer(name: 'primary' | 'replica', port: number): Promise<void> {
    const child = spawn(path.join(bin, 'postgres'), ['-D', path.join(root, name), ...settings(port)], {
      ...user,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(child);
    servers.set(name, child);
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    child.once('exit', () => live.delete(child));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the ${name} did not start:\n${output}`);
      const ready = await run('pg_isready', ['-q', '-h', '127.0.0.1', '-p', String(port)]).then(
        () => true,
        () => false,
      );
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`the ${name} did not start in time:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function stopServer(name: 'primary' | 'replica'): Promise<void> {
    const child = servers.get(name);
    servers.delete(name);
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT'); // fast shutdown
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  try {
    await run('initdb', [
      '-D',
      path.join(root, 'primary'),
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-locale',
    ]);
    await startServer('primary', primaryPort);
  } catch (error) {
    await stopServer('primary');
    rmSync(root, { recursive: true, force: true });
    folders.delete(root);
    throw error;
  }

  const url = (port: number, database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    primaryUrl: (database) => url(primaryPort, database),
    replicaUrl: (database) => url(replicaPort, database),
    async startReplica() {
      const dir = path.join(root, 'replica');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { mode: 0o700 });
      if (user.uid !== undefined) chownSync(dir, user.uid, user.gid ?? user.uid);
      await run('pg_basebackup', [
        '-h',
        '127.0.0.1',
        '-p',
        String(primaryPort),
        '-U',
        'postgres',
        '-D',
        dir,
        '-R',
        '-X',
        'stream',
        '--checkpoint=fast',
      ]);
      await startServer('replica', replicaPort);
    },
    stopReplica: () => stopServer('replica'),
    async close() {
      await stopServer('replica');
      await stopServer('primary');
      rmSync(root, { recursive: true, force: true });
      folders.delete(root);
    },
  };
}
