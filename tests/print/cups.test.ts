/**
 * The CUPS adapter against a real spooler: setup-cups.sh starts cupsd and the cups-pdf queue
 * "PDF"; Mẫu 01 goes through `lp`; its spooled document is read back as text, and what cups-pdf
 * draws from it is read back as a PDF again.
 * Error mapping is checked both on the real `lp` and with a scripted exec.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { createCupsAdapter, parseLpstat, type ExecFailure } from '../../src-main/core/print/printers/cups';
import { renderForm } from '../../src-main/core/print/render';
import { SAMPLE_CONTEXT } from '../fixtures/print/context';
import { pdfText, renderPng, writeTmp, zbar } from './tools';

const CODE = SAMPLE_CONTEXT.dossier!.code;

let outDir = '';

beforeAll(() => {
  const out = execFileSync('sh', [path.join(__dirname, 'setup-cups.sh')], { encoding: 'utf8' });
  outDir = out.trim().split('\n').pop()!;
});

async function waitForNewPdf(dir: string, before: Set<string>, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const fresh = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.pdf') && !before.has(f)) : [];
    for (const f of fresh) {
      const full = path.join(dir, f);
      // cups-pdf writes the file in place; wait until it is complete (ends with %%EOF).
      const tail = fs.readFileSync(full).subarray(-1024).toString('latin1');
      if (tail.includes('%%EOF')) return full;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no spooled PDF appeared in ${dir}`);
}

describe('CUPS adapter on the real spooler', () => {
  const cups = createCupsAdapter();

  it('lists the cups-pdf queue', async () => {
    const printers = await cups.list();
    expect(printers.map((p) => p.name)).toContain('PDF');
  });

  it('prints Mẫu 01 and the spooled PDF carries the form', async () => {
    const { pdf } = await renderForm('mau01', SAMPLE_CONTEXT);
    const before = new Set(fs.existsSync(outDir) ? fs.readdirSync(outDir) : []);
    const job = await cups.print(writeTmp(pdf, 'mau01'), 'PDF');
    expect(job.jobId).toMatch(/^PDF-\d+$/);
    const spooledPath = await waitForNewPdf(outDir, before);
    const spooled = fs.readFileSync(spooledPath);
    // cups-pdf re-distils through PostScript + Ghostscript, which drops the ToUnicode maps of
    // CID fonts: pdftotext on its output yields glyph soup, so the text check is made on what
    // the spooler actually draws: both liên arrived and page 1 carries this dossier's QR.
    expect(pdfText(spooled).split('\f').filter((p) => p.trim() !== '').length).toBe(2);
    // The link carries the receipt's lookup key: only the holder of the slip can open the dossier.
    expect(zbar(renderPng(spooled, 200))).toEqual([`https://dvc.cantho.example.vn/tra-cuu/${CODE}?k=K7M2QX9PRT`]);
    fs.rmSync(spooledPath);

    // The job's document as CUPS spooled it (kept under /var/spool/cups for PreserveJobFiles,
    // one day by default) is our PDF byte for byte, and its text is the form's.
    const jobNumber = Number(job.jobId!.split('-').pop());
    const spoolFile = `/var/spool/cups/d${String(jobNumber).padStart(5, '0')}-001`;
    expect(fs.readFileSync(spoolFile).equals(pdf)).toBe(true);
    const text = pdfText(fs.readFileSync(spoolFile)).replace(/\s+/g, ' ');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(CODE);
    expect(text).toContain(SAMPLE_CONTEXT.dossier!.applicant.fullName);
  });

  it('says in Vietnamese that an unknown printer does not exist', async () => {
    const { pdf } = await renderForm('ticket', SAMPLE_CONTEXT);
    const err = await cups.print(writeTmp(pdf), 'KhongCoMayIn').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('NOT_FOUND');
    // The advice (choose another printer) is worded by the print service for the printing officer's role.
    expect((err as AppError).message).toBe('Không tìm thấy máy in "KhongCoMayIn".');
    expect((err as AppError).details).toMatchObject({ remedy: 'choosePrinter' });
  });

  it('refuses a PDF file that is not there', async () => {
    const err = await cups.print('/nonexistent/phieu.pdf', 'PDF').catch((e: unknown) => e);
    expect((err as AppError).code).toBe('NOT_FOUND');
    expect((err as AppError).message).toBe('Không tìm thấy tệp PDF cần in.');
  });
});

describe('CUPS adapter error mapping (scripted spooler)', () => {
  const failing = (code: number | string, stderr: string) =>
    createCupsAdapter(async () => {
      const e = new Error('Command failed') as ExecFailure;
      e.code = code;
      e.stderr = stderr;
      throw e;
    });

  it('reports a stopped scheduler', async () => {
    const err = await failing(1, 'lpstat: Scheduler is not running.\n').list().catch((e: unknown) => e);
    expect((err as AppError).code).toBe('UNAVAILABLE');
    expect((err as AppError).message).toBe('Dịch vụ in (CUPS) chưa chạy. Hãy khởi động dịch vụ in rồi in lại.');
  });

  it('reports a machine without CUPS', async () => {
    const err = await failing('ENOENT', '').list().catch((e: unknown) => e);
    expect((err as AppError).code).toBe('UNAVAILABLE');
    expect((err as AppError).message).toContain('chưa cài dịch vụ in CUPS');
  });

  it('treats "no destinations" as an empty list', async () => {
    await expect(failing(1, 'lpstat: No destinations added.\n').list()).resolves.toEqual([]);
  });

  it('parses lpstat -p -d', () => {
    const out = [
      'printer PDF is idle.  enabled since Sun Nov 22 01:08:01 2026',
      'printer Quay1 now printing Quay1-7.  enabled since Sun Nov 22 01:09:00 2026',
      'printer Cu disabled since Sun Nov 22 01:00:00 2026 -',
      'system default destination: Quay1',
    ].join('\n');
    expect(parseLpstat(out)).toEqual([
      { name: 'PDF', isDefault: false, state: 'idle' },
      { name: 'Quay1', isDefault: true, state: 'printing' },
      { name: 'Cu', isDefault: false, state: 'disabled' },
    ]);
  });

  it('passes the printer and file as separate arguments, never through a shell', async () => {
    const calls: string[][] = [];
    const adapter = createCupsAdapter(async (file, args) => {
      calls.push([file, ...args]);
      return { stdout: 'request id is Quay1-42 (1 file(s))\n', stderr: '' };
    });
    const file = writeTmp(Buffer.from('%PDF-1.3\n'), 'phiếu; rm -rf');
    await expect(adapter.print(file, 'Quay1')).resolves.toEqual({ jobId: 'Quay1-42' });
    expect(calls).toEqual([['lp', '-d', 'Quay1', '-t', 'Mot Cua Xa', '--', file]]);
  });
});
