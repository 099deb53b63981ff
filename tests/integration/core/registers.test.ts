/**
 * Registers and forms filled from the dossier's history, through the RPC on a real SQLite file:
 * Mẫu 06 names the units that hand the dossier over (not status names), Mẫu 07 fills the
 * transfer, result-received and return columns, the collector and the notes, and gives no
 * "Hẹn trả" to a dossier refused at the counter; the collector is also in the dossier's detail.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_LABELS } from '@shared/domain/lifecycle';
import { ManualClock } from '../../support/clock';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { signingInAgainOverHttp } from '../../support/signing-in-again';
import { rpcCall, SAMPLE_SETUP, tempDir } from '../../support/web-host';

const clock = new ManualClock('2026-11-16T08:00:00+07:00'); // Monday
let host: CoreHost;
let token: string;
const desk = signingInAgainOverHttp(() => host.url);
const ok = async (name: string, input: unknown) => {
  const res = await desk.call(name, input, token);
  if (!res.body.ok) throw new Error(`${name}: ${JSON.stringify(res.body.error)}`);
  return res.body.result;
};

function pdfText(base64: string, mode: '-raw' | '-layout' = '-raw'): string {
  const file = path.join(tempDir('motcua-register-pdf-'), 'f.pdf');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', [mode, '-enc', 'UTF-8', file, '-']).toString();
}
const folded = (s: string) => s.replace(/\s+/g, ' ');
/** Narrow register cells wrap anywhere (codes, long names): compare without whitespace. */
const unspaced = (s: string) => s.replace(/\s+/g, '');

let returned: { id: string; code: string };
let supplemented: { id: string; code: string };
let refused: { id: string; code: string };

beforeAll(async () => {
  host = await startCoreHost({ clock });
  await rpcCall(host.url, 'setup.initialize', SAMPLE_SETUP);
  token = await desk.signIn('quantri', SAMPLE_SETUP.admin.password);

  // Đăng ký khai sinh: transferred, resolved, returned to the father who collects it.
  returned = await ok('dossiers.receive', { procedureCode: '1.001193', applicant: { fullName: 'Lò Thị Mai', address: 'Bản Pa Kha, xã Tân Lập' } });
  clock.set('2026-11-16T09:30:00+07:00');
  await ok('dossiers.act', { id: returned.id, action: 'transfer' });
  clock.set('2026-11-16T10:00:00+07:00');
  await ok('dossiers.act', { id: returned.id, action: 'startProcessing' });
  clock.set('2026-11-17T14:00:00+07:00');
  await ok('dossiers.act', { id: returned.id, action: 'resultReady' });
  clock.set('2026-11-17T15:20:00+07:00');
  await ok('dossiers.act', { id: returned.id, action: 'returnResult', collectedBy: 'Lò Văn Sáng (bố), CCCD 014090001234' });

  // A second dossier waits for a supplement.
  clock.set('2026-11-17T08:10:00+07:00');
  supplemented = await ok('dossiers.receive', { procedureCode: '1.001193', applicant: { fullName: 'Hà Văn Tú' } });
  await ok('dossiers.act', { id: supplemented.id, action: 'transfer' });
  clock.set('2026-11-17T09:00:00+07:00');
  await ok('dossiers.act', { id: supplemented.id, action: 'requestSupplement', note: 'Thiếu giấy chứng sinh' });

  // A third is refused at the counter.
  clock.set('2026-11-18T10:40:00+07:00');
  refused = await ok('dossiers.reject', { procedureCode: '1.001193', applicant: { fullName: 'Vi Thị Hoa' }, reason: 'Không thuộc thẩm quyền của xã' });
});
afterAll(async () => host?.close());

describe('Người nhận kết quả', () => {
  it('is in the dossier detail after the return', async () => {
    expect((await ok('dossiers.get', { id: returned.id })).collectedBy).toBe('Lò Văn Sáng (bố), CCCD 014090001234');
    expect((await ok('dossiers.get', { id: supplemented.id })).collectedBy).toBeNull();
  });
});

describe('Mẫu 06 — Phiếu kiểm soát', () => {
  it('names the receiving and resolving units on each hand-over, never a status', async () => {
    const text = folded(pdfText((await ok('print.render', { form: 'mau06', dossierId: returned.id })).pdf));
    expect(text).toContain('Cơ quan (bộ phận) giải quyết hồ sơ: Ủy ban nhân dân xã Tân Lập');
    expect(text).toContain('1. Giao: Trung tâm Phục vụ hành chính công xã Tân Lập 2. Nhận: Ủy ban nhân dân xã Tân Lập');
    expect(text).toContain('1. Giao: Ủy ban nhân dân xã Tân Lập 2. Nhận: Trung tâm Phục vụ hành chính công xã Tân Lập');
    expect(text).toContain('2. Nhận: Cá nhân, tổ chức nộp hồ sơ');
    expect(text).toContain('Lò Văn Sáng (bố), CCCD 014090001234');
    for (const status of Object.values(STATUS_LABELS)) expect(text).not.toContain(status);
    // Three hand-overs: to the resolver, back, to the citizen (receipt and "bắt đầu xử lý" are not).
    expect(text.match(/1\. Giao:/g)).toHaveLength(3);
  });

  it('puts a supplement request in the notes of the hand-over it happened under', async () => {
    const text = folded(pdfText((await ok('print.render', { form: 'mau06', dossierId: supplemented.id })).pdf));
    expect(text).toContain('Yêu cầu bổ sung ngày 17/11/2026: Thiếu giấy chứng sinh');
    expect(text).not.toContain('Chờ bổ sung hồ sơ');
  });
});

describe('Mẫu 07 — Sổ theo dõi hồ sơ', () => {
  let raw: string;
  beforeAll(async () => {
    raw = pdfText((await ok('print.render', { form: 'mau07', details: { period: { from: '2026-11-16', to: '2026-11-18' } } })).pdf);
  });

  it('fills the resolving unit, transfer, result-received and return columns from the history', () => {
    const row = unspaced(raw).split(unspaced(returned.code))[1]!.split(unspaced(supplemented.code))[0]!;
    expect(row).toContain(unspaced('Ủy ban nhân dân xã Tân Lập'));
    // Nhận hồ sơ, hẹn trả, chuyển hồ sơ, nhận kết quả, trả kết quả with its way and collector.
    expect(row).toContain(
      unspaced('16/11/2026 08:00 16/11/2026 17:00 16/11/2026 09:30 17/11/2026 14:00 17/11/2026 15:20 Tại quầy Người nhận: Lò Văn Sáng (bố), CCCD 014090001234'),
    );
  });

  it('writes the notes from the history', () => {
    expect(unspaced(raw)).toContain(unspaced('Yêu cầu bổ sung ngày 17/11/2026: Thiếu giấy chứng sinh'));
    expect(unspaced(raw)).toContain(unspaced('Từ chối tiếp nhận: Không thuộc thẩm quyền của xã'));
  });

  it('gives no "Hẹn trả" to the dossier refused at the counter', async () => {
    const row = unspaced(raw).split(unspaced(refused.code))[1]!.split(unspaced('Từ chối tiếp nhận'))[0]!;
    const stamps = row.match(/\d\d\/\d\d\/\d{4}\d\d:\d\d/g) ?? [];
    // Only "Nhận hồ sơ" (18/11/2026 10:40) is filled; a due date would be a second stamp.
    expect(stamps).toEqual(['18/11/202610:40']);
  });
});

describe('a form whose step has not happened', () => {
  it('names the step in words, not by its code', async () => {
    const res = await desk.call('print.render', { form: 'mau05', dossierId: supplemented.id }, token);
    expect(res.status).toBe(409);
    expect(res.body.error!.message).toBe('Hồ sơ chưa có bước "Dừng xử lý" để in mẫu này');
  });
});
