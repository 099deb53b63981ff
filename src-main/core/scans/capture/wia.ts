/**
 * The scanner adapter for Windows: the OS's own Windows Image Acquisition through its COM
 * automation object (WIA.DeviceManager), driven by PowerShell, which every supported Windows has.
 * Chosen over an npm package because none is maintained for WIA, and over NAPS2's CLI because that
 * is another program to install on every counter PC. The script goes in as -EncodedCommand (UTF-16LE
 * base64) so no device name or path is ever parsed by a shell; the page is saved to a temporary
 * PNG that this adapter reads and removes.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '@shared/errors';
import { parseDeviceList } from './sane';
import type { ScannerAdapter, ScannerInfo, ScanRequest } from './types';

/** WIA's format id for PNG (wiaFormatPNG). */
const WIA_FORMAT_PNG = '{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}';
/** WIA item properties: current intent (1 colour, 2 gray), horizontal and vertical resolution. */
const WIA_IPS_CUR_INTENT = 6146;
const WIA_IPS_XRES = 6147;
const WIA_IPS_YRES = 6148;
/** A scanner in WIA's DeviceInfo.Type. */
const WIA_SCANNER_DEVICE = 1;

function psString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function wiaListScript(): string {
  return [
    "$ErrorActionPreference = 'Stop'",
    '$m = New-Object -ComObject WIA.DeviceManager',
    `foreach ($i in $m.DeviceInfos) { if ($i.Type -eq ${WIA_SCANNER_DEVICE}) { [Console]::Out.WriteLine($i.DeviceID + [char]9 + $i.Properties.Item('Name').Value) } }`,
  ].join('\n');
}

export function wiaScanScript(req: ScanRequest, outFile: string): string {
  return [
    "$ErrorActionPreference = 'Stop'",
    '$m = New-Object -ComObject WIA.DeviceManager',
    `$info = $m.DeviceInfos | Where-Object { $_.DeviceID -eq ${psString(req.device)} } | Select-Object -First 1`,
    "if (-not $info) { [Console]::Error.WriteLine('WIA device not found'); exit 3 }",
    '$item = $info.Connect().Items.Item(1)',
    `foreach ($p in $item.Properties) { if ($p.PropertyID -eq ${WIA_IPS_CUR_INTENT}) { $p.Value = ${req.color ? 1 : 2} } elseif ($p.PropertyID -eq ${WIA_IPS_XRES} -or $p.PropertyID -eq ${WIA_IPS_YRES}) { $p.Value = ${Math.round(req.resolution)} } }`,
    `$img = $item.Transfer(${psString(WIA_FORMAT_PNG)})`,
    `$img.SaveFile(${psString(outFile)})`,
  ].join('\n');
}

/** The arguments for powershell.exe that run a script without a profile, a window or a shell's parsing. */
export function powershellArgs(script: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', Buffer.from(script, 'utf16le').toString('base64')];
}

export class WiaScanner implements ScannerAdapter {
  constructor(private readonly command = 'powershell.exe') {}

  async list(): Promise<ScannerInfo[]> {
    return parseDeviceList(await this.run(wiaListScript(), 60_000));
  }

  async scan(req: ScanRequest): Promise<Buffer> {
    const out = path.join(os.tmpdir(), `motcua-scan-${randomBytes(8).toString('hex')}.png`);
    try {
      await this.run(wiaScanScript(req, out), 180_000);
      return await fs.readFile(out);
    } finally {
      await fs.rm(out, { force: true });
    }
  }

  private run(script: string, timeout: number): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(this.command, powershellArgs(script), { timeout, windowsHide: true, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
        if (!error) return resolve(String(stdout));
        const detail = String(stderr).trim();
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new AppError('UNAVAILABLE', 'Không chạy được PowerShell để điều khiển máy quét', { detail }));
        if (/not found/i.test(detail)) return reject(new AppError('UNAVAILABLE', 'Không kết nối được máy quét: máy đã tắt hoặc bị rút cáp. Kiểm tra rồi quét lại', { detail }));
        reject(new AppError('UNAVAILABLE', 'Máy quét bị ngắt giữa chừng (mất kết nối hoặc lỗi thiết bị); trang chưa được lưu, hãy kiểm tra cáp rồi quét lại', { detail }));
      });
    });
  }
}
