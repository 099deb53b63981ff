/**
 * CUPS printer adapter (Linux, macOS): `lpstat` to list, `lp` to print, run with execFile (no
 * shell, so printer names and paths are never interpreted). Output is parsed in the C locale so
 * parsing does not depend on the counter PC's language.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { AppError } from '../../../../src-shared/errors';
import { CHOOSE_PRINTER } from './types';
import type { PrinterAdapter, PrinterInfo, PrintJob } from './types';

export interface ExecResult {
  stdout: string;
  stderr: string;
}

/** Runs a command; rejects with an error carrying `code` (exit code or 'ENOENT') and `stderr`. */
export type ExecFn = (file: string, args: string[]) => Promise<ExecResult>;

export interface ExecFailure extends Error {
  code?: number | string;
  stderr?: string;
}

const defaultExec: ExecFn = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, timeout: 30_000, windowsHide: true },
      (error, stdout, stderr) => {
        if (error) {
          const failure = error as ExecFailure;
          failure.stderr = String(stderr);
          reject(failure);
        } else {
          resolve({ stdout: String(stdout), stderr: String(stderr) });
        }
      },
    );
  });

/** Map a spooler failure to what the officer can act on. */
export function mapCupsError(err: ExecFailure, printer?: string): AppError {
  const detail = `${err.stderr ?? ''} ${err.message ?? ''}`;
  if (err.code === 'ENOENT') {
    return new AppError('UNAVAILABLE', 'Máy tính chưa cài dịch vụ in CUPS (không tìm thấy lệnh lp/lpstat).', { detail });
  }
  if (/scheduler is not running|unable to connect|connection refused|no such file or directory.*cups/i.test(detail)) {
    return new AppError('UNAVAILABLE', 'Dịch vụ in (CUPS) chưa chạy. Hãy khởi động dịch vụ in rồi in lại.', { detail });
  }
  if (/does not exist|unknown destination|not found|invalid destination/i.test(detail)) {
    return new AppError('NOT_FOUND', `Không tìm thấy máy in "${printer ?? ''}".`, { printer, detail, remedy: CHOOSE_PRINTER });
  }
  if (/no default destination/i.test(detail)) {
    return new AppError('NOT_FOUND', 'Chưa có máy in mặc định.', { detail, remedy: CHOOSE_PRINTER });
  }
  if (/not accepting jobs|disabled|paused/i.test(detail)) {
    return new AppError('UNAVAILABLE', `Máy in "${printer ?? ''}" đang tạm dừng, không nhận lệnh in.`, { printer, detail });
  }
  return new AppError('INTERNAL', 'Không gửi được lệnh in tới máy in.', { printer, detail: detail.trim() });
}

/** Parse `lpstat -p -d` (C locale). */
export function parseLpstat(stdout: string): PrinterInfo[] {
  const defaultName = /system default destination:\s*(\S+)/.exec(stdout)?.[1];
  const printers: PrinterInfo[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^printer\s+(\S+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const rest = m[2]!;
    const state: PrinterInfo['state'] = /disabled/.test(rest)
      ? 'disabled'
      : /now printing/.test(rest)
        ? 'printing'
        : /is idle/.test(rest)
          ? 'idle'
          : 'unknown';
    printers.push({ name: m[1]!, isDefault: m[1] === defaultName, state });
  }
  return printers;
}

export function createCupsAdapter(exec: ExecFn = defaultExec): PrinterAdapter {
  return {
    async list() {
      try {
        const { stdout } = await exec('lpstat', ['-p', '-d']);
        return parseLpstat(stdout);
      } catch (e) {
        const err = e as ExecFailure;
        // With no queue configured lpstat exits 1: that is an empty list, not a failure.
        if (/no destinations added/i.test(err.stderr ?? '')) return [];
        throw mapCupsError(err);
      }
    },

    async print(pdfPath: string, printer?: string): Promise<PrintJob> {
      try {
        await fs.access(pdfPath);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        throw new AppError('NOT_FOUND', 'Không tìm thấy tệp PDF cần in.', { pdfPath });
      }
      // "--" ends options, so a path starting with "-" is still a file.
      const args = [...(printer ? ['-d', printer] : []), '-t', 'Mot Cua Xa', '--', pdfPath];
      try {
        const { stdout } = await exec('lp', args);
        const jobId = /request id is (\S+)/.exec(stdout)?.[1];
        return jobId ? { jobId } : {};
      } catch (e) {
        throw mapCupsError(e as ExecFailure, printer);
      }
    },
  };
}
