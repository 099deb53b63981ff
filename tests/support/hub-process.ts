/**
 * The province hub as its own process (`src-server/main.ts serve`) on PostgreSQL, as deployed,
 * with its clock started at a chosen instant (`--clock`, TEST_INSTANT by default).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { TEST_INSTANT } from './clock';
import { hostClockOf, type HostClock } from './host-clock';
import { REPO_ROOT } from './web-host';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `serve` gets an IPC channel (its clock can be moved); one-off commands need none. */
function hubNode(args: string[], env: NodeJS.ProcessEnv, instant: string, ipc = false): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts', ...args, '--clock', instant], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
}

export interface HubProcess {
  url: string;
  /** The hub's clock: what it reads, and the way to move it. */
  clock: HostClock;
  stop(): Promise<void>;
}

export async function startHubProcess(databaseUrl: string, port: number, opts: { clock?: string; env?: NodeJS.ProcessEnv } = {}): Promise<HubProcess> {
  const instant = opts.clock ?? TEST_INSTANT;
  const child = hubNode(['serve', '--port', String(port), '--host', '127.0.0.1'], { ...opts.env, DATABASE_URL: databaseUrl }, instant, true);
  const clock = hostClockOf(child, instant);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hub exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/v1/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (performance.now() > deadline) throw new Error(`hub did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    clock,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** One hub CLI command (create-admin, create-commune…) against the same database, at `clock`. */
export function runHubCli(databaseUrl: string, args: string[], env: NodeJS.ProcessEnv = {}, clock: string = TEST_INSTANT): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = hubNode(args, { DATABASE_URL: databaseUrl, ...env }, clock);
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`hub ${args[0]} exited ${code}: ${out}`))));
  });
}
