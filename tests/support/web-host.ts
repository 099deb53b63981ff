/**
 * Starts the real browser host (`src-main/web/main.ts`) as a child process on a free port and
 * a temporary data folder, exactly as `npm run web` does, with its clock started at a chosen
 * instant (`--clock`, TEST_INSTANT by default) and movable over IPC (`host.clock.set`).
 * The TypeScript sources run under tsx; `bundle` runs a compiled host instead (dist/web/main.mjs
 * as shipped, or a copy built elsewhere in the app's folder). TEST_WEB_HOST_BUNDLE=dist/web/main.mjs
 * runs every test's host compiled (after `npm run build`), to check the shipped bundle end to end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_INSTANT } from './clock';
import { hostClockOf, type HostClock } from './host-clock';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface WebHost {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** What the host printed on its console so far. */
  readonly output: string;
  /** The host's clock: what it reads, and the way to move it. */
  clock: HostClock;
  stop(): Promise<void>;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startWebHost(opts: { dataDir?: string; env?: NodeJS.ProcessEnv; clock?: string; args?: string[]; bundle?: string } = {}): Promise<WebHost> {
  const dataDir = opts.dataDir ?? tempDir('motcua-web-');
  const instant = opts.clock ?? TEST_INSTANT;
  const bundle = opts.bundle ?? process.env.TEST_WEB_HOST_BUNDLE;
  const script = bundle ? ['--enable-source-maps', bundle] : ['--import', 'tsx', 'src-main/web/main.ts'];
  const child = spawn(process.execPath, [...script, '--port', '0', '--data-dir', dataDir, '--clock', instant, ...(opts.args ?? [])], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const clock = hostClockOf(child, instant);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/đang chạy tại (http:\/\/\S+)/);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    child,
    get output() {
      return output;
    },
    clock,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** POSTs one RPC call the way the renderer's HTTP transport does. */
export async function rpcCall(
  url: string,
  name: string,
  input: unknown,
  token?: string,
): Promise<{ status: number; body: { ok: boolean; result?: any; error?: { code: string; message: string; details?: any } } }> {
  const res = await fetch(`${url}/api/rpc/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/**
 * The calls an RPC test makes against a host whose address is known only once it has started:
 * the raw answer, the result (an error answer throws, naming the row), and a sign-in's token.
 */
export function rpcHelpers(url: () => string) {
  const call = (name: string, input: unknown, token?: string) => rpcCall(url(), name, input, token);
  const ok = async (name: string, input: unknown, token: string) => {
    const r = await call(name, input, token);
    if (!r.body.ok) throw new Error(`${name}: ${JSON.stringify(r.body.error)}`);
    return r.body.result;
  };
  const login = async (username: string, password: string) => (await call('auth.login', { username, password })).body.result.token as string;
  return { call, ok, login };
}

export const SAMPLE_SETUP = {
  office: {
    name: 'Trung tâm Phục vụ hành chính công xã Tân Lập',
    governingBody: 'Ủy ban nhân dân xã Tân Lập',
    agencyCode: '000.00.17.H56',
    province: 'Thanh Hóa',
    address: 'Thôn Đông, xã Tân Lập',
  },
  admin: { username: 'quantri', password: 'song-Ma-mua-lua-chin', fullName: 'Nguyễn Thị Hồng Đào' },
};
