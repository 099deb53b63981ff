/**
 * Printing through the RPC: forms are built from committed rows, archived with their SHA-256,
 * recorded in print_record, identical on reprint, and sent to a printer through the adapter
 * (here a recording stand-in for the OS spooler; the real CUPS path is tested in tests/print).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { CHOOSE_PRINTER, type PrinterAdapter } from '../../../src-main/core/print/printers/types';
import { ManualClock } from '../../support/clock';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { signingInAgainOverHttp } from '../../support/signing-in-again';
import { rpcCall, SAMPLE_SETUP, tempDir } from '../../support/web-host';

const clock = new ManualClock('2026-11-23T09:15:00+07:00');
const spooled: { file: string; printer?: string }[] = [];
let failNext: AppError | null = null;
const printer: PrinterAdapter = {
  list: async () => [{ name: 'Canon_LBP2900', isDefault: true, state: 'idle' }],
  print: async (file, name) => {
    if (failNext) {
      const err = failNext;
      failNext = null;
      throw err;
    }
    spooled.push({ file, ...(name ? { printer: name } : {}) });
    return {};
  },
};

let host: CoreHost;
let token: string;
let dossierId: string;
let code: string;
// The clock moves to the next day here: the officer signs in again when core ends the session.
const desk = signingInAgainOverHttp(() => host.url);
const call = (name: string, input: unknown) => desk.call(name, input, token);

function pdfText(base64: string): string {
  const file = path.join(tempDir('motcua-pdf-'), 'f.pdf');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  // Reading order, with line wraps folded: a sentence may wrap anywhere on the page.
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).toString().replace(/\s+/g, ' ');
}

beforeAll(async () => {
  host = await startCoreHost({ clock, printer });
  await rpcCall(host.url, 'setup.initialize', SAMPLE_SETUP);
  token = await desk.signIn('quantri', SAMPLE_SETUP.admin.password);
  const res = await call('dossiers.receive', {
    procedureCode: '2.000815',
    applicant: { fullName: 'Nguyễn Thị Hồng Đào', idNumber: '038186001234', address: 'Thôn Đông, xã Tân Lập' },
    pages: 3,
    copies: 1,
  });
  ({ id: dossierId, code } = res.body.result);
});
afterAll(async () => host?.close());

describe('print.render', () => {
  it('renders Mẫu 01 from the committed dossier with the Vietnamese wording, the code and the due time', async () => {
    const res = await call('print.render', { form: 'mau01', dossierId });
    expect(res.status).toBe(200);
    const text = pdfText(res.body.result.pdf);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(code);
    expect(text).toContain('Nguyễn Thị Hồng Đào');
    expect(text).toContain('17 giờ 00 phút, ngày 23 tháng 11 năm 2026');
    expect(text).toContain('Tân Lập, ngày 23 tháng 11 năm 2026');
  });

  it('archives the PDF with its SHA-256 and gives a byte-identical file on reprint, even later', async () => {
    const first = await call('print.render', { form: 'mau01', dossierId });
    clock.set('2026-11-24T10:00:00+07:00');
    const again = await call('print.render', { form: 'mau01', dossierId });
    expect(again.body.result.sha256).toBe(first.body.result.sha256);
    expect(again.body.result.pdf).toBe(first.body.result.pdf);
    const rows = host.core.db.$client.prepare('SELECT file, sha256, form, result FROM print_record WHERE dossier_id = ?').all(dossierId) as {
      file: string; sha256: string; form: string; result: string;
    }[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) {
      expect(r.file.startsWith(path.join(host.core.paths.dataDir, 'prints'))).toBe(true);
      expect(fs.existsSync(r.file)).toBe(true);
    }
  });

  it('prints Mẫu 02 guidance for a citizen before any receipt', async () => {
    const res = await call('print.render', {
      form: 'mau02',
      details: {
        draft: { procedureCode: '1.001193', applicant: { fullName: 'Lê Văn Tám', phone: '0987654321' } },
        supplement: { items: [{ name: 'Giấy chứng sinh', originals: 1, certifiedCopies: 0, photocopies: 0 }], reason: 'Thiếu giấy chứng sinh' },
      },
    });
    expect(res.status).toBe(200);
    const text = pdfText(res.body.result.pdf);
    expect(text).toContain('Lê Văn Tám');
    expect(text).toContain('Giấy chứng sinh');
  });

  it('records a refusal and prints Mẫu 03 with its reason', async () => {
    const rejected = await call('dossiers.reject', {
      procedureCode: '2.000815',
      applicant: { fullName: 'Phạm Văn Hùng' },
      reason: 'Bản chính bị tẩy xóa, sửa chữa',
    });
    expect(rejected.body.result.status).toBe('rejected');
    const res = await call('print.render', { form: 'mau03', dossierId: rejected.body.result.id });
    const text = pdfText(res.body.result.pdf);
    expect(text).toContain('Bản chính bị tẩy xóa, sửa chữa');
    expect(text).toContain('Phạm Văn Hùng');
  });

  it('says in Vietnamese what a form still needs, instead of printing a half-empty one', async () => {
    const res = await call('print.render', { form: 'mau04', dossierId });
    expect(res.status).toBe(409);
    expect(res.body.error!.message).toMatch(/chưa có bước/);
  });
});

describe('print.send', () => {
  it('sends the archived PDF to the printer chosen in settings and records it', async () => {
    await call('settings.update', { printer: 'Canon_LBP2900' });
    const res = await call('print.send', { form: 'mau01', dossierId });
    expect(res.body.result).toMatchObject({ result: 'printed', printer: 'Canon_LBP2900', error: null });
    expect(spooled.at(-1)!.printer).toBe('Canon_LBP2900');
    expect(fs.readFileSync(spooled.at(-1)!.file).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps a failed print with its Vietnamese reason, and retries the very same file', async () => {
    failNext = new AppError('UNAVAILABLE', 'Máy in hết giấy');
    const failed = await call('print.send', { form: 'mau01', dossierId });
    expect(failed.body.result).toMatchObject({ result: 'failed', error: 'Máy in hết giấy' });
    const retried = await call('print.retry', { recordId: failed.body.result.id });
    expect(retried.body.result).toMatchObject({ result: 'printed', sha256: failed.body.result.sha256 });
    const records = await call('print.records', { dossierId });
    expect(records.body.result.items.map((r: { result: string }) => r.result)).toEqual(expect.arrayContaining(['failed', 'printed', 'rendered']));
  });

  it('tells an officer to ask the administrator, and the administrator where to choose, when the printer must be chosen again', async () => {
    const missing = () => new AppError('NOT_FOUND', 'Không tìm thấy máy in "Canon_LBP2900".', { remedy: CHOOSE_PRINTER });
    await call('officers.create', { username: 'quaythu', password: 'bannhan2026', fullName: 'Đỗ Thị Thu', role: 'officer' });
    const officer = await desk.signIn('quaythu', 'bannhan2026');
    failNext = missing();
    const byOfficer = await desk.call('print.send', { form: 'mau01', dossierId }, officer);
    expect(byOfficer.body.result.result).toBe('failed');
    expect(byOfficer.body.result.error).toBe('Không tìm thấy máy in "Canon_LBP2900". Hãy báo quản trị viên chọn máy in cho quầy rồi in lại.');
    expect(byOfficer.body.result.error).not.toMatch(/Cài đặt/);
    failNext = missing();
    const byAdmin = await call('print.send', { form: 'mau01', dossierId });
    expect(byAdmin.body.result.error).toBe('Không tìm thấy máy in "Canon_LBP2900". Hãy chọn máy in trong Cài đặt → Máy in rồi in lại.');
  });

  it('lists the OS printers with the one selected in settings', async () => {
    const res = await call('print.printers', {});
    expect(res.body.result).toEqual({ items: [{ name: 'Canon_LBP2900', isDefault: true, state: 'idle' }], selected: 'Canon_LBP2900', error: null });
  });
});
