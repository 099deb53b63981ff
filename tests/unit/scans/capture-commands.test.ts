/**
 * The commands the scanner adapters build: SANE's scanimage arguments and the PowerShell WIA
 * script (run on Windows counters; here its text and its encoding are checked, as the printers'
 * Windows adapter is). A device id with a quote cannot break out of its PowerShell string.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapSaneError, parseDeviceList, SaneScanner, saneScanArgs } from '../../../src-main/core/scans/capture/sane';
import { powershellArgs, wiaListScript, wiaScanScript } from '../../../src-main/core/scans/capture/wia';

describe('SANE (scanimage)', () => {
  it('ends a scan that hangs after its read failed, with the mid-scan message, long before the scan timeout', async () => {
    // scanimage sometimes hangs while closing a device whose read failed (SANE's test backend does
    // about one run in five): this stand-in says what scanimage says, then hangs.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sane-hang-'));
    const command = path.join(dir, 'scanimage');
    fs.writeFileSync(command, '#!/bin/sh\necho "scanimage: sane_read: Error during device I/O" >&2\nexec sleep 60\n', { mode: 0o755 });
    const scanner = new SaneScanner({ command, timeoutMs: 60_000 });
    const err = await scanner.scan({ device: 'test', color: false, resolution: 200 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('Máy quét bị ngắt giữa chừng') });
    fs.rmSync(dir, { recursive: true, force: true });
  }, 20_000);


  it('asks for one gray or colour PNG page at the resolution, backend options last', () => {
    expect(saneScanArgs({ device: 'pixma:04A9176D', color: false, resolution: 200 }, [])).toEqual(['-d', 'pixma:04A9176D', '--format=png', '--mode', 'Gray', '--resolution', '200']);
    expect(saneScanArgs({ device: 'test', color: true, resolution: 300 }, ['-x', '200'])).toEqual(['-d', 'test', '--format=png', '--mode', 'Color', '--resolution', '300', '-x', '200']);
  });

  it('reads the device list it asks scanimage to print', () => {
    expect(parseDeviceList('pixma:04A9176D_123\tCANON CanoScan LiDE 300\ntest:0\tNoname frontend-tester\n\n')).toEqual([
      { id: 'pixma:04A9176D_123', name: 'CANON CanoScan LiDE 300' },
      { id: 'test:0', name: 'Noname frontend-tester' },
    ]);
  });

  it('tells the officer what to do for each way a scanner fails', () => {
    const failed = (stderr: string) => mapSaneError(Object.assign(new Error('x'), { code: 1 }) as never, stderr).message;
    expect(failed('scanimage: sane_read: Document feeder jammed')).toContain('Giấy bị kẹt');
    expect(failed('scanimage: sane_start: Document feeder out of documents')).toContain('Khay nạp giấy');
    expect(failed('scanimage: open of device x failed: Invalid argument')).toContain('Không kết nối được máy quét');
    expect(mapSaneError(Object.assign(new Error('x'), { code: 'ENOENT' }), '').message).toContain('chưa cài phần mềm quét SANE');
  });
});

describe('WIA (PowerShell)', () => {
  it('scans through WIA.DeviceManager with the intent and resolution set, saving PNG to the given file', () => {
    const script = wiaScanScript({ device: '{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0000', color: false, resolution: 200 }, 'C:\\Temp\\scan.png');
    expect(script).toContain('New-Object -ComObject WIA.DeviceManager');
    expect(script).toContain("$_.DeviceID -eq '{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0000'");
    expect(script).toContain('if ($p.PropertyID -eq 6146) { $p.Value = 2 }');
    expect(script).toContain('$p.PropertyID -eq 6147 -or $p.PropertyID -eq 6148) { $p.Value = 200 }');
    expect(script).toContain("$item.Transfer('{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}')");
    expect(script).toContain("$img.SaveFile('C:\\Temp\\scan.png')");
    expect(wiaListScript()).toContain('$i.Type -eq 1');
  });

  it("doubles quotes so a device id cannot end its string, and sends the script UTF-16LE base64", () => {
    const script = wiaScanScript({ device: "x'; Remove-Item C:\\ -Recurse; '", color: true, resolution: 150 }, 'C:\\t.png');
    expect(script).toContain("-eq 'x''; Remove-Item C:\\ -Recurse; '''");
    const args = powershellArgs(script);
    expect(args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    expect(Buffer.from(args[5]!, 'base64').toString('utf16le')).toBe(script);
  });
});
