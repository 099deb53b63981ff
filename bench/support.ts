/**
 * Shared set-up for benchmarks: throwaway data folders, a sample office, the browser host as a
 * child process, and what the machine was doing meanwhile (CPU time, CPU wait, load).
 */
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core, type CoreOptions } from '../src-main/core/core';
import { APP_ROOT } from '../src-main/core/paths';

export function tmpDataDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `motcua-bench-${name}-`));
}

export const BENCH_SETUP = {
  office: {
    name: 'Trung tâm Phục vụ hành chính công xã Tân Lập',
    governingBody: 'Ủy ban nhân dân xã Tân Lập',
    agencyCode: '000.00.17.H56',
    province: 'Thanh Hóa',
  },
  admin: { username: 'quantri', password: 'song-Ma-mua-lua-chin', fullName: 'Nguyễn Văn Quản' },
};

/**
 * A core in a throwaway data folder holding the sample office, its administrator signed in, and a
 * `call` through the dispatcher that throws on a refusal (a benchmark measures only successes).
 */
export async function openSignedInCore(name: string, opts: Omit<CoreOptions, 'dataDir'>) {
  const core: Core = await openCore({ ...opts, dataDir: tmpDataDir(name) });
  await core.services.office.initialize(BENCH_SETUP.office, BENCH_SETUP.admin);
  const call = async (rpcName: string, input: unknown, tok: string | null) => {
    const r = await core.dispatch(rpcName, input, { token: tok });
    if (!r.ok) throw new Error(`${rpcName}: ${r.error.message}`);
    return r.result as any;
  };
  const session = (await call('auth.login', { username: BENCH_SETUP.admin.username, password: BENCH_SETUP.admin.password }, null)).token as string;
  return { core, call, session };
}

/** The one-minute load average (Linux). */
export function loadAverage(): number {
  return Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

export interface BenchHost {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The compiled browser host `npm run web` and `npm start` run (scripts/node-bundle.mjs). */
export const WEB_HOST_BUNDLE = 'dist/web/main.mjs';

/** Builds WEB_HOST_BUNDLE when it is missing or older than its sources (as `npm run web` does). */
export function buildWebHostBundle(): void {
  execSync(`"${process.execPath}" scripts/web.mjs --build-only`, { cwd: APP_ROOT, stdio: 'inherit' });
}

/**
 * The browser host (`src-main/web/main.ts`) on a free port over `dataDir`. node itself runs it
 * (with tsx as a loader, or `compiled`: WEB_HOST_BUNDLE, built first with buildWebHostBundle), so
 * `pid` is the host's, not a wrapper's; `nodeArgs` go before the script (e.g. another `--import`).
 * `bundle`: another compiled host in place of WEB_HOST_BUNDLE (one built from an earlier commit).
 */
export async function startBenchHost(dataDir: string, nodeArgs: string[] = [], opts: { compiled?: boolean; bundle?: string } = {}): Promise<BenchHost> {
  const script = opts.compiled ? [opts.bundle ?? WEB_HOST_BUNDLE] : ['--import', 'tsx', ...nodeArgs, 'src-main/web/main.ts'];
  const child = spawn(process.execPath, [...(opts.compiled ? nodeArgs : []), ...script, '--port', '0', '--data-dir', dataDir], {
    cwd: APP_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = out.match(/đang chạy tại (http:\/\/\S+)/);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`host exited ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resident memory of a process from /proc (Linux), in MB. */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+) kB/)![1]) / 1024;
}

const CLOCK_TICK_MS = 1000 / (Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100);

/** CPU time (all threads, user + system) a process has used, in ms. */
export function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
}

/** Microseconds during which at least one task waited for a CPU; null where the kernel has no PSI. */
export function cpuWaitUs(): number | null {
  const file = '/proc/pressure/cpu';
  if (!fs.existsSync(file)) return null;
  return Number(fs.readFileSync(file, 'utf8').match(/^some .*total=(\d+)/)![1]);
}
