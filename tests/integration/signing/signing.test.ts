/**
 * Ký số end to end on real parts: the counter signs a printed Mẫu 01, a scanned paper (SANE's
 * test backend) and an electronic result with keys on a SoftHSM2 token; poppler's pdfsig and our
 * own verifier both accept each signed copy and both reject a tampered one; with the link down a
 * signature is made without its timestamp and gets it when the link returns, as a new file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfsig, resultPdf, scannedPaperPdf } from '../../support/signing/documents';
import { SAMPLE_SETUP } from '../../support/web-host';
import { startSigningWorld, type SigningWorld } from './support';

let w: SigningWorld;
let dossierId: string;

beforeAll(async () => {
  w = await startSigningWorld();
  dossierId = (await w.rpc('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName: 'Nguyễn Thị Hồng Đào' }, pages: 2, copies: 1 })).id;
});
afterAll(async () => w?.close());

function writePdf(name: string, base64: string): string {
  const file = path.join(w.dir, name);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}

async function signedCopy(fileId: string, name: string) {
  const download = await w.rpc('signing.download', { fileId });
  return { base64: download.pdf as string, file: writePdf(name, download.pdf), sha256: download.sha256 as string };
}

function expectPdfsigValid(file: string) {
  const report = pdfsig(file);
  expect(report).toContain('Signature Validation: Signature is Valid.');
  expect(report).toContain('Signature Type: ETSI.CAdES.detached');
  expect(report).toContain('Total document signed');
}

describe('signing a printed Mẫu 01, a scanned paper and an electronic result', () => {
  it('lists the token’s certificates, each already checked before any PIN', async () => {
    const { items } = await w.rpc('signing.certificates', {});
    const by = (label: string) => items.find((c: { label: string }) => c.label === label);
    expect(by('officer')).toMatchObject({ commonName: 'Nguyễn Thị Hồng Đào', usable: true, problem: null, pinState: 'ok' });
    expect(by('organisation')).toMatchObject({ commonName: 'Ủy ban nhân dân xã Tân Lập', usable: true });
    expect(by('expired')).toMatchObject({ usable: false, problem: expect.stringContaining('đã hết hạn') });
    expect(by('notYetValid')).toMatchObject({ usable: false, problem: expect.stringContaining('chưa có hiệu lực') });
    expect(by('untrusted')).toMatchObject({ usable: false, problem: expect.stringContaining('không thuộc danh sách tin cậy') });
  });

  it('signs Mẫu 01 as the organisation (seal shown) without touching the archived print', async () => {
    const printed = await w.rpc('print.render', { form: 'mau01', dossierId });
    const archived = w.host.core.db.$client.prepare('SELECT file, sha256 FROM print_record WHERE id = ?').get(printed.recordId) as { file: string; sha256: string };
    const before = fs.readFileSync(archived.file);

    const rec = await w.rpc('signing.sign', {
      source: { kind: 'print', printRecordId: printed.recordId },
      role: 'organisation',
      certificate: w.ref(w.pki.organisation),
      pin: w.token.pin,
      requestId: 'mau01',
    });
    expect(rec).toMatchObject({ sourceKind: 'form', form: 'mau01', role: 'organisation', signerName: 'Ủy ban nhân dân xã Tân Lập', level: 'B-T', timestampState: 'done', revocationState: 'good' });
    expect(rec.timestampAt).toBe(w.clock.now().toISOString());

    // The archive is read, never rewritten; the signed copy is another file with its own hash.
    expect(fs.readFileSync(archived.file).equals(before)).toBe(true);
    expect(rec.fileSha256).not.toBe(archived.sha256);
    const copy = await signedCopy(rec.fileId, 'mau01-signed.pdf');
    expect(copy.sha256).toBe(rec.fileSha256);
    const stored = path.join(w.host.core.paths.dataDir, 'files', rec.fileSha256.slice(0, 2), rec.fileSha256.slice(2));
    expect(fs.existsSync(stored)).toBe(true);

    expectPdfsigValid(copy.file);
    const verdict = await w.rpc('signing.verify', { pdf: copy.base64 });
    expect(verdict.status).toBe('valid');
    expect(verdict.signatures[0]).toMatchObject({ level: 'B-T', signerName: 'Ủy ban nhân dân xã Tân Lập' });
    // The form's own text is still there, unchanged.
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', copy.file, '-']).toString()).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');

    // The visible signature: drawn at the top right of page 1, with the red seal.
    execFileSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', '-png', '-singlefile', copy.file, path.join(w.dir, 'mau01-page1')]);
    const png = path.join(w.dir, 'mau01-page1.png');
    const reds = execFileSync('convert', [png, '-crop', '240x60+320+0', '-fx', 'r>0.6 && g<0.4 && b<0.4 ? 1 : 0', '-format', '%[fx:mean*w*h]', 'info:']).toString();
    expect(Number(reds)).toBeGreaterThan(50);
  });

  it('signs a scanned paper of the dossier as the officer (bản sao điện tử)', async () => {
    const scan = await scannedPaperPdf(w.dir);
    const added = await w.rpc('signing.addFile', { dossierId, kind: 'document', label: 'Tờ khai đăng ký kết hôn (bản quét)', pdf: scan.toString('base64') });
    expect(added).toMatchObject({ kind: 'document', size: scan.length });
    const rec = await w.rpc('signing.sign', { source: { kind: 'file', fileId: added.id }, role: 'officer', certificate: w.ref(w.pki.officer), pin: w.token.pin, requestId: 'scan' });
    expect(rec).toMatchObject({ sourceKind: 'document', role: 'officer', signerName: 'Nguyễn Thị Hồng Đào', level: 'B-T' });
    const copy = await signedCopy(rec.fileId, 'scan-signed.pdf');
    expectPdfsigValid(copy.file);
    expect((await w.rpc('signing.verify', { pdf: copy.base64 })).status).toBe('valid');
    const files = (await w.rpc('signing.files', { dossierId })).items;
    expect(files.find((f: { id: string }) => f.id === rec.fileId)).toMatchObject({ kind: 'signed', derivedFrom: added.sha256 });
  });

  it('signs the electronic result as the organisation', async () => {
    const result = await resultPdf('GIẤY CHỨNG NHẬN KẾT HÔN', ['Họ, chữ đệm, tên người vợ: Nguyễn Thị Hồng Đào', 'Nơi đăng ký: Ủy ban nhân dân xã Tân Lập']);
    const added = await w.rpc('signing.addFile', { dossierId, kind: 'result', label: 'Giấy chứng nhận kết hôn', pdf: result.toString('base64') });
    const rec = await w.rpc('signing.sign', { source: { kind: 'file', fileId: added.id }, role: 'organisation', certificate: w.ref(w.pki.organisation), pin: w.token.pin, requestId: 'result' });
    expect(rec).toMatchObject({ sourceKind: 'result', role: 'organisation', level: 'B-T' });
    const copy = await signedCopy(rec.fileId, 'result-signed.pdf');
    expectPdfsigValid(copy.file);
    const verdict = await w.rpc('signing.verify', { pdf: copy.base64 });
    expect(verdict.status).toBe('valid');
    expect(verdict.signatures[0].checks.map((c: { key: string }) => c.key)).toEqual(['format', 'integrity', 'signature', 'certificate', 'timestamp', 'validity', 'chain', 'revocation', 'coverage']);
  });

  it('a tampered copy fails both pdfsig and our verifier', async () => {
    const rec = (await w.rpc('signing.list', { dossierId })).items.find((s: { sourceKind: string }) => s.sourceKind === 'result');
    const copy = await signedCopy(rec.fileId, 'result-tampered.pdf');
    const bytes = fs.readFileSync(copy.file);
    // Change the page size: one byte inside the signed ranges.
    const at = bytes.indexOf('/MediaBox');
    expect(at).toBeGreaterThan(0);
    bytes[at + 11] = bytes[at + 11] === 0x30 ? 0x31 : 0x30;
    fs.writeFileSync(copy.file, bytes);
    const report = pdfsig(copy.file);
    expect(report).not.toContain('Signature is Valid.');
    expect(report).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
    const verdict = await w.rpc('signing.verify', { pdf: bytes.toString('base64') });
    expect(verdict.status).toBe('invalid');
    expect(verdict.summary).toBe('Chữ ký KHÔNG hợp lệ: Tài liệu đã bị sửa đổi sau khi ký');
  });

  it('says so for a PDF with no signature', async () => {
    const plain = await resultPdf('Văn bản chưa ký', ['Không có chữ ký số']);
    expect(await w.rpc('signing.verify', { pdf: plain.toString('base64') })).toMatchObject({ status: 'unsigned', summary: 'Tệp không có chữ ký số' });
  });
});

describe('offline first: the timestamp and the revocation check come when the link returns', () => {
  it('signs with the link down (B-B), lists it as missing its timestamp, then completes it as a new file', async () => {
    const printed = await w.rpc('print.render', { form: 'mau06', dossierId });
    w.services.down = true;
    const rec = await w.rpc('signing.sign', { source: { kind: 'print', printRecordId: printed.recordId }, role: 'officer', certificate: w.ref(w.pki.officer), pin: w.token.pin, requestId: 'offline' });
    expect(rec).toMatchObject({ level: 'B-B', timestampState: 'pending', revocationState: 'pending', timestampAt: null });
    expect(rec.lastError).toContain('Chưa lấy được dấu thời gian');
    const offline = await signedCopy(rec.fileId, 'offline.pdf');
    expectPdfsigValid(offline.file);
    const offlineVerdict = await w.rpc('signing.verify', { pdf: offline.base64 });
    expect(offlineVerdict.status).toBe('warning');
    expect(offlineVerdict.signatures[0].checks.find((c: { key: string }) => c.key === 'timestamp')).toMatchObject({ result: 'warn' });

    const missing = await w.rpc('signing.list', { missingTimestamp: true });
    expect(missing.missingTimestamp).toBe(1);
    expect(missing.items.map((s: { id: string }) => s.id)).toEqual([rec.id]);

    // Still down: nothing changes, the reason is kept.
    expect(await w.rpc('signing.augmentNow', {})).toMatchObject({ completed: 0, remaining: 1 });

    // The link is back an hour later: the timestamp is the TSA's time, not the signing time.
    w.clock.set('2026-11-23T10:15:00+07:00');
    // An hour away from the desk: core has locked the screen for idleness; the officer unlocks.
    await w.rpc('auth.unlock', { password: SAMPLE_SETUP.admin.password });
    w.services.down = false;
    expect(await w.rpc('signing.augmentNow', {})).toEqual({ completed: 1, remaining: 0, error: null });
    const after = (await w.rpc('signing.list', { dossierId })).items.find((s: { id: string }) => s.id === rec.id);
    expect(after).toMatchObject({ level: 'B-T', timestampState: 'done', revocationState: 'good', timestampAt: '2026-11-23T03:15:00.000Z', lastError: null });
    expect(after.fileSha256).not.toBe(rec.fileSha256);

    const online = await signedCopy(after.fileId, 'augmented.pdf');
    expectPdfsigValid(online.file);
    const verdict = await w.rpc('signing.verify', { pdf: online.base64 });
    expect(verdict.status).toBe('valid');
    expect(verdict.signatures[0]).toMatchObject({ level: 'B-T', claimedAt: '2026-11-23T02:15:00.000Z', timestampAt: '2026-11-23T03:15:00.000Z' });
    // Only the unsigned part changed: the signed ranges are byte for byte the B-B file's.
    const [a, b] = [fs.readFileSync(offline.file), fs.readFileSync(online.file)];
    expect(a.length).toBe(b.length);
    // The B-B file is still in the store (files are never rewritten).
    expect(fs.existsSync(path.join(w.host.core.paths.dataDir, 'files', rec.fileSha256.slice(0, 2), rec.fileSha256.slice(2)))).toBe(true);
    w.clock.set('2026-11-23T09:15:00+07:00');
  });
});
