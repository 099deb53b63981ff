/**
 * The scanner adapter for Linux (and macOS): SANE's `scanimage`, run with execFile (no shell, so
 * a device name is never interpreted) in the C locale so its messages parse the same everywhere.
 * One call scans one page to PNG on stdout. Tested against SANE's `test` backend, which is a real
 * SANE device that produces real images and can fail a read like an unplugged scanner does.
 */
import { execFile } from 'node:child_process';
import { AppError } from '@shared/errors';
import type { ScannerAdapter, ScannerInfo, ScanRequest } from './types';

export interface SaneOptions {
  command?: string;
  /** Backend options added after the device's own (the test backend's picture, a forced read status). */
  extraArgs?: string[];
  timeoutMs?: number;
}

/** A page scanned at 600 dpi colour A4 is about 100 MB of raw pixels; PNG is smaller. */
const MAX_SCAN_BYTES = 256 * 1024 * 1024;
/** scanimage's line for a read that failed mid-page (I/O error, jam, cover open, empty feeder…). */
const READ_FAILED = /sane_read: /;
const READ_FAILED_GRACE_MS = 2_000;

/** SANE probes every backend (USB, network) to list devices, which takes seconds: one answer serves this long. */
const LIST_TTL_MS = 30_000;

export class SaneScanner implements ScannerAdapter {
  private listed: { at: number; devices: Promise<ScannerInfo[]> } | null = null;

  constructor(private readonly opts: SaneOptions = {}) {}

  list(): Promise<ScannerInfo[]> {
    const now = performance.now();
    if (this.listed && now - this.listed.at < LIST_TTL_MS) return this.listed.devices;
    // A failed probe is not kept: the caller gets its error and the next call asks SANE again.
    const devices = this.run(['-f', '%d\t%v %m%n'], 60_000).then(
      (out) => parseDeviceList(out.toString('utf8')),
      (err: unknown) => {
        this.listed = null;
        throw err;
      },
    );
    this.listed = { at: now, devices };
    return devices;
  }

  async scan(req: ScanRequest): Promise<Buffer> {
    return this.run(saneScanArgs(req, this.opts.extraArgs ?? []), this.opts.timeoutMs ?? 120_000);
  }

  private run(args: string[], timeout: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      let stuck: NodeJS.Timeout | undefined;
      const child = execFile(
        this.opts.command ?? 'scanimage',
        args,
        { encoding: 'buffer', maxBuffer: MAX_SCAN_BYTES, timeout, windowsHide: true, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } },
        (error, stdout, stderr) => {
          clearTimeout(stuck);
          if (error) reject(mapSaneError(error as NodeJS.ErrnoException, stderr.toString('utf8')));
          else resolve(stdout);
        },
      );
      // Once scanimage has said the read failed, the page is lost; yet it sometimes hangs while
      // closing the device (SANE's test backend does about one run in five, measured), which left
      // the officer waiting for the whole scan timeout. A short grace, then the call ends with the
      // message already printed.
      child.stderr?.on('data', (chunk: Buffer) => {
        if (stuck === undefined && READ_FAILED.test(chunk.toString('utf8'))) stuck = setTimeout(() => child.kill(), READ_FAILED_GRACE_MS);
      });
    });
  }
}

export function saneScanArgs(req: ScanRequest, extra: string[]): string[] {
  return ['-d', req.device, '--format=png', '--mode', req.color ? 'Color' : 'Gray', '--resolution', String(req.resolution), ...extra];
}

export function parseDeviceList(stdout: string): ScannerInfo[] {
  return stdout
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((parts): parts is [string, string] => parts.length === 2 && parts[0]!.trim() !== '')
    .map(([id, name]) => ({ id: id.trim(), name: name.trim() || id.trim() }));
}

/** What the officer can act on, from scanimage's exit and its message. */
export function mapSaneError(err: NodeJS.ErrnoException, stderr: string): AppError {
  const detail = stderr.trim();
  if (err.code === 'ENOENT') return new AppError('UNAVAILABLE', 'Máy tính chưa cài phần mềm quét SANE (không tìm thấy lệnh scanimage)', { detail });
  if (/open of device .* failed|no such device|invalid argument/i.test(detail)) {
    return new AppError('NOT_FOUND', 'Không kết nối được máy quét: máy đã tắt, bị rút cáp hoặc đang được máy khác dùng. Kiểm tra rồi quét lại', { detail });
  }
  if (/jammed/i.test(detail)) return new AppError('UNAVAILABLE', 'Giấy bị kẹt trong máy quét; gỡ giấy rồi quét lại', { detail });
  if (/no docs|document feeder out of documents/i.test(detail)) return new AppError('UNAVAILABLE', 'Khay nạp giấy của máy quét đang trống; đặt giấy vào rồi quét lại', { detail });
  if (/cover open/i.test(detail)) return new AppError('UNAVAILABLE', 'Nắp máy quét đang mở; đóng nắp rồi quét lại', { detail });
  if (/device busy/i.test(detail)) return new AppError('UNAVAILABLE', 'Máy quét đang bận; chờ một lát rồi quét lại', { detail });
  // Killed after saying the read failed (see run): the scanner's own failure, not a silent one.
  if ('killed' in err && err.killed && !READ_FAILED.test(detail)) return new AppError('UNAVAILABLE', 'Máy quét không trả lời; kiểm tra máy quét rồi quét lại', { detail });
  return new AppError('UNAVAILABLE', 'Máy quét bị ngắt giữa chừng (mất kết nối hoặc lỗi thiết bị); trang chưa được lưu, hãy kiểm tra cáp rồi quét lại', { detail });
}
