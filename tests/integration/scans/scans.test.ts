/**
 * Số hóa through the real HTTP transport on a real SQLite file: pages from SANE's test backend
 * (a real SANE device), from the scan folder and from files sent in parts; each stored as a
 * one-page PDF named by its SHA-256 with the hash in the audit chain; arranged before receipt,
 * bound to the dossier, and removed after receipt only with a reason. Every bad input is refused
 * in Vietnamese and leaves the tables and the file store as they were.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src-main/core/audit/audit-log';
import { SaneScanner } from '../../../src-main/core/scans/capture/sane';
import { ManualClock } from '../../support/clock';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { setUpCounter, type Rpc } from '../../support/counter';
import { rpcCall, tempDir } from '../../support/web-host';

const clock = new ManualClock('2026-11-23T09:00:00+07:00');
const saneOptions: { extraArgs: string[] } = { extraArgs: [] };
let host: CoreHost;
let rpc: Rpc;
let token: string;
let uploads = 0;

const raw = (name: string, input: unknown) => rpcCall(host.url, name, input, token);
const count = (table: string) => (host.core.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const storedFiles = () => fs.readdirSync(host.core.services.files.root, { recursive: true }).filter((f) => /^[0-9a-f]{2}[\\/][0-9a-f]{62}$/.test(String(f))).length;
const item = { position: 0, name: 'Bản sao Giấy khai sinh' };

/** Sends a file the way the renderer does: 1 MiB parts, then the call that stores it. */
async function upload(bytes: Uint8Array, target: Record<string, unknown>, source: 'upload' | 'camera' = 'upload') {
  const uploadId = `up-${++uploads}-abcdefgh`;
  for (let offset = 0; offset < bytes.byteLength || offset === 0; offset += 1024 * 1024) {
    const part = Buffer.from(bytes.subarray(offset, offset + 1024 * 1024)).toString('base64');
    const res = await raw('scans.uploadPart', { uploadId, offset, data: part });
    if (res.status !== 200) return res;
    if (bytes.byteLength === 0) break;
  }
  return raw('scans.addUpload', { ...target, uploadId, source });
}

function pdfinfo(pdf: Buffer): string {
  const file = path.join(tempDir('scan-pdf-'), 'x.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdfinfo', ['-f', '1', '-l', '100', file], { encoding: 'utf8' });
}

/** A gray A4 page at 200 dpi with text-like strokes, as a scanner writes it. */
async function a4Page(format: 'png' | 'jpeg' | 'tiff'): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1654" height="2339"><rect width="100%" height="100%" fill="#fff"/>${Array.from(
    { length: 40 },
    (_, i) => `<text x="120" y="${160 + i * 52}" font-size="34" font-family="sans-serif" fill="#222">Dòng ${i + 1}: Ủy ban nhân dân xã Tân Lập chứng thực bản sao</text>`,
  ).join('')}</svg>`;
  const img = sharp(Buffer.from(svg)).grayscale().withMetadata({ density: 200 });
  return format === 'png' ? img.png().toBuffer() : format === 'jpeg' ? img.jpeg({ quality: 90 }).toBuffer() : img.tiff().toBuffer();
}

/** A PNG whose header claims 30 000 × 30 000 pixels: a decompression bomb stopped at the header. */
function pngBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(30_000, 0);
  ihdr.writeUInt32BE(30_000, 4);
  ihdr.writeUInt8(8, 8); // 8-bit gray
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(1000))), chunk('IEND', Buffer.alloc(0))]);
}

async function twoPagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('Trang 1');
  doc.addPage([595, 842]).drawText('Trang 2');
  return Buffer.from(await doc.save());
}

/** A PDF whose trailer names an encryption dictionary: what a reader asks a password for. */
async function passwordPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  const encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: -44 });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  expect(doc.context.trailerInfo.Encrypt).toBeDefined();
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

beforeAll(async () => {
  host = await startCoreHost({ clock, scanner: new SaneScanner(saneOptions) });
  ({ rpc, token } = await setUpCounter(host.url));
});
afterAll(async () => host?.close());

describe('capture', () => {
  it('scans a page from SANE\'s test backend into a one-page gray PDF named by its hash, with the hash in the audit chain', async () => {
    const { pages } = await rpc('scans.scan', { batch: 'intake-sane-1', role: 'document', item, device: 'test' });
    expect(pages).toHaveLength(1);
    const page = pages[0];
    expect(page).toMatchObject({ seq: 1, source: 'scanner', itemName: item.name, hasThumbnail: true, dossierId: null });
    const stored = host.core.services.files.get(page.sha256);
    expect(createHash('sha256').update(stored).digest('hex')).toBe(page.sha256);
    // The test backend scans 80 × 100 mm by default: the page keeps that paper size.
    const info = pdfinfo(stored);
    expect(info).toMatch(/Pages:\s+1/);
    const size = /Page\s+1 size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Number(size[1])).toBeCloseTo((80 / 25.4) * 72, 0);
    expect(Number(size[2])).toBeCloseTo((100 / 25.4) * 72, 0);
    const audit = host.core.db.$client.prepare(`SELECT details FROM audit_log WHERE action = 'scans.add' ORDER BY seq DESC LIMIT 1`).get() as { details: string };
    expect(audit.details).toContain(page.sha256);
    expect(verifyAudit(host.core.db)).toBeNull();
    const thumb = await rpc('scans.thumbnail', { pageId: page.id });
    expect((await sharp(Buffer.from(thumb.png, 'base64')).metadata()).width).toBe(160);
  });

  it('refuses a scanner that fails mid-scan in Vietnamese, storing nothing', async () => {
    const before = [count('scan_page'), count('audit_log'), storedFiles()];
    saneOptions.extraArgs = ['--read-return-value', 'SANE_STATUS_IO_ERROR'];
    try {
      const res = await raw('scans.scan', { batch: 'intake-sane-1', role: 'document', item, device: 'test' });
      expect(res.status).toBe(503);
      expect(res.body.error!.message).toContain('Máy quét bị ngắt giữa chừng');
    } finally {
      saneOptions.extraArgs = [];
    }
    const unplugged = await raw('scans.scan', { batch: 'intake-sane-1', role: 'document', item, device: 'test:7' });
    expect(unplugged.status).toBe(404);
    expect(unplugged.body.error!.message).toContain('Không kết nối được máy quét');
    expect([count('scan_page'), count('audit_log'), storedFiles()]).toEqual(before);
  });

  it('takes the files a scanner dropped in the scan folder, oldest first, and moves them aside', async () => {
    const dir = tempDir('scan-inbox-');
    await rpc('scans.setFolder', { dir });
    // The scanner writes to the folder: here SANE's test backend through scanimage itself.
    fs.writeFileSync(path.join(dir, 'scan-001.png'), execFileSync('scanimage', ['-d', 'test', '--format=png', '--mode', 'Gray', '--resolution', '200']));
    fs.writeFileSync(path.join(dir, 'scan-002.tif'), await a4Page('tiff'));
    fs.utimesSync(path.join(dir, 'scan-001.png'), new Date('2026-11-23T08:00:00Z'), new Date('2026-11-23T08:00:00Z'));
    fs.utimesSync(path.join(dir, 'scan-002.tif'), new Date('2026-11-23T08:01:00Z'), new Date('2026-11-23T08:01:00Z'));
    const folder = await rpc('scans.folder', {});
    expect(folder.files.map((f: { name: string }) => f.name)).toEqual(['scan-001.png', 'scan-002.tif']);
    const { pages } = await rpc('scans.addFromFolder', { batch: 'intake-folder', role: 'document', item, names: ['scan-001.png', 'scan-002.tif'] });
    expect(pages.map((p: { seq: number; source: string }) => [p.seq, p.source])).toEqual([
      [1, 'folder'],
      [2, 'folder'],
    ]);
    expect((await rpc('scans.folder', {})).files).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'da-nhap')).sort()).toEqual(['20261123020000-scan-001.png', '20261123020000-scan-002.tif']);
    // An A4 page at 200 dpi gray, as stored: the page size is A4 and the bytes stay small.
    const a4 = host.core.services.files.get(pages[1].sha256);
    expect(pdfinfo(a4)).toMatch(/Page\s+1 size:\s+595\.\d+ x 842\.\d+ pts/);
    expect(a4.length).toBeLessThan(400_000);
  });

  it('stores a file sent in parts: a JPEG, a PNG, and a PDF split into one file per page', async () => {
    const target = { batch: 'intake-upload', role: 'document', item: { position: 1, name: 'Giấy xác nhận' } };
    const jpeg = await upload(await a4Page('jpeg'), target, 'camera');
    expect(jpeg.status).toBe(200);
    const png = await upload(await a4Page('png'), target);
    expect(png.status).toBe(200);
    const pdf = await upload(await twoPagePdf(), target);
    expect(pdf.body.result.pages).toHaveLength(2);
    const list = await rpc('scans.list', { batch: 'intake-upload' });
    expect(list.pages.map((p: { seq: number; source: string }) => `${p.seq}:${p.source}`)).toEqual(['1:camera', '2:upload', '3:upload', '4:upload']);
    expect(fs.readdirSync(path.join(host.core.paths.dataDir, 'scans-incoming'))).toEqual([]);
  });
});

describe('bad input changes nothing', () => {
  const cases: [string, () => Promise<Buffer> | Buffer, number, string][] = [
    ['a zero-byte file', () => Buffer.alloc(0), 400, 'Tệp rỗng'],
    ['an HTML page named .pdf', () => Buffer.from('<!DOCTYPE html><html><body>Đăng nhập</body></html>'), 400, 'trang web (HTML)'],
    ['a corrupt PDF', async () => Buffer.concat([(await twoPagePdf()).subarray(0, 400), Buffer.from('rác')]), 400, 'Tệp PDF bị hỏng'],
    ['a password-protected PDF', passwordPdf, 400, 'Tệp PDF có mật khẩu'],
    ['an image whose header claims 900 megapixels', pngBomb, 413, 'quá lớn để là một trang giấy'],
    ['a truncated JPEG', async () => (await a4Page('jpeg')).subarray(0, 5000), 400, 'Ảnh bị hỏng'],
  ];
  for (const [what, make, status, message] of cases) {
    it(`refuses ${what}`, async () => {
      const before = [count('scan_page'), count('audit_log'), storedFiles()];
      const res = await upload(await make(), { batch: 'intake-bad', role: 'document', item });
      expect(res.status).toBe(status);
      expect(res.body.error!.message).toContain(message);
      expect([count('scan_page'), count('audit_log'), storedFiles()]).toEqual(before);
    });
  }

  it('refuses a 300 MB TIFF in the scan folder by its size, without reading it, and leaves it there', async () => {
    const dir = (await rpc('scans.folder', {})).dir;
    const big = path.join(dir, 'khong-lo.tif');
    fs.writeFileSync(big, Buffer.from('II*\0'));
    fs.truncateSync(big, 300 * 1024 * 1024);
    const before = [count('scan_page'), count('audit_log'), storedFiles()];
    const res = await raw('scans.addFromFolder', { batch: 'intake-bad', role: 'document', item, names: ['khong-lo.tif'] });
    expect(res.status).toBe(413);
    expect(res.body.error!.message).toContain('khong-lo.tif: Tệp lớn 300 MB');
    expect(fs.existsSync(big)).toBe(true);
    expect([count('scan_page'), count('audit_log'), storedFiles()]).toEqual(before);
    fs.rmSync(big);
  });

  it('refuses parts that would pass the size cap, and drops what was sent', async () => {
    const res = await raw('scans.uploadPart', { uploadId: 'too-big-upload', offset: 0, data: 'AAAA' });
    expect(res.status).toBe(200);
    const gap = await raw('scans.uploadPart', { uploadId: 'too-big-upload', offset: 10, data: 'AAAA' });
    expect(gap.status).toBe(409);
    expect(gap.body.error!.details).toEqual({ expectedOffset: 3 });
  });
});

describe('arranging, receipt and removal', () => {
  it('rotates, reorders and deletes before receipt; binds to the dossier with its page count; removes after receipt only with a reason, audited', async () => {
    const batch = 'intake-arrange';
    const target = { batch, role: 'document', item: { position: 0, name: 'Giấy tờ cần chứng thực' } };
    for (let i = 0; i < 4; i++) expect((await upload(await a4Page('png'), target)).status).toBe(200);
    let pages = (await rpc('scans.list', { batch })).pages;
    const [p1, p2, p3, p4] = pages;
    await rpc('scans.rotate', { pageId: p2.id, by: 90 });
    await rpc('scans.move', { pageId: p4.id, toSeq: 1 });
    expect((await rpc('scans.remove', { pageId: p3.id })).removed).toBe(true);
    pages = (await rpc('scans.list', { batch })).pages;
    expect(pages.map((p: { id: string; seq: number; rotation: number }) => [p.id, p.seq, p.rotation])).toEqual([
      [p4.id, 1, 0],
      [p1.id, 2, 0],
      [p2.id, 3, 90],
    ]);
    const assembled = await rpc('scans.itemPdf', { batch, role: 'document', itemPosition: 0 });
    const info = pdfinfo(Buffer.from(assembled.pdf, 'base64'));
    expect(info).toMatch(/Pages:\s+3/);
    expect(info).toMatch(/Page\s+3 rot:\s+90/);

    // The page count feeds the per-page fee of chứng thực (2 000 đ a page for the first two, 1 000 đ after).
    const received = await rpc('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName: 'Đỗ Đức Dũng' }, pages: pages.length, copies: 1 });
    const bound = await rpc('scans.attach', { batch, dossierId: received.id });
    expect(bound).toEqual({ pages: 3, files: [p4.sha256, p1.sha256, p2.sha256] });
    expect((await rpc('dossiers.get', { id: received.id })).feeTotal).toBe(2 * 2000 + 1000);
    expect((await rpc('scans.list', { dossierId: received.id })).pages).toHaveLength(3);

    const noReason = await raw('scans.remove', { pageId: p1.id });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error!.message).toContain('hãy ghi lý do');
    await rpc('scans.remove', { pageId: p1.id, reason: 'Trang trùng, công dân đưa nhầm' });
    expect((await rpc('scans.list', { dossierId: received.id })).pages.map((p: { id: string }) => p.id)).toEqual([p4.id, p2.id]);
    const kept = host.core.db.$client.prepare('SELECT removed_reason, removed_at FROM scan_page WHERE id = ?').get(p1.id) as { removed_reason: string; removed_at: string };
    expect(kept.removed_reason).toBe('Trang trùng, công dân đưa nhầm');
    expect(host.core.services.files.verify(p1.sha256)).toBe(true);
    const audit = host.core.db.$client.prepare(`SELECT target, details FROM audit_log WHERE action = 'scans.remove'`).all() as { target: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.target).toBe(received.id);
    expect(audit[0]!.details).toContain(p1.sha256);
    expect(verifyAudit(host.core.db)).toBeNull();
  });

  it('refuses a result scan for a dossier not yet received', async () => {
    const res = await upload(await a4Page('png'), { batch: 'intake-result', role: 'result', item });
    expect(res.status).toBe(400);
    expect(res.body.error!.message).toContain('Kết quả chỉ gắn được vào hồ sơ đã tiếp nhận');
  });
});

describe('the result and reuse by ID number', () => {
  it('attaches the scanned result to a received dossier at Trả kết quả', async () => {
    const received = await rpc('dossiers.receive', { procedureCode: '1.004194', applicant: { fullName: 'Lê Thị Mai', idNumber: '038186009999' } });
    const res = await upload(await a4Page('png'), { batch: `return-${received.id}`, dossierId: received.id, role: 'result', item: { position: 0, name: 'Kết quả: xác nhận đăng ký tạm trú' } });
    expect(res.status).toBe(200);
    const pages = (await rpc('scans.list', { dossierId: received.id })).pages;
    expect(pages.map((p: { role: string; dossierId: string }) => [p.role, p.dossierId])).toEqual([['result', received.id]]);
    const audit = host.core.db.$client.prepare(`SELECT target, details FROM audit_log WHERE action = 'scans.add' ORDER BY seq DESC LIMIT 1`).get() as { target: string; details: string };
    expect(audit.target).toBe(received.id);
    expect(audit.details).toContain(pages[0].sha256);
  });

  it('offers the papers digitised for the same ID number, with kind and date, and reuses them without storing anything again', async () => {
    const batch = 'intake-first-visit';
    const target = { batch, role: 'document', item: { position: 0, name: 'Căn cước công dân' } };
    await upload(await a4Page('png'), target);
    await upload(await a4Page('jpeg'), { ...target, item: { position: 1, name: 'Giấy khai sinh' } });
    // A receipt that is refused binds nothing: the pages wait in their batch for the corrected form.
    const refused = await raw('dossiers.receive', { procedureCode: 'khong-co', applicant: { fullName: 'Trần Văn Bình', idNumber: '038186004321' }, scanBatch: batch });
    expect(refused.status).toBe(404);
    expect((await rpc('scans.list', { batch })).pages.map((p: { dossierId: string | null }) => p.dossierId)).toEqual([null, null]);
    // The receipt binds the form's pages in its own transaction: no second call can be missed.
    const first = await rpc('dossiers.receive', { procedureCode: '1.004194', applicant: { fullName: 'Trần Văn Bình', idNumber: '038186004321' }, scanBatch: batch });
    expect((await rpc('scans.list', { dossierId: first.id })).pages).toHaveLength(2);
    const attachedAudit = host.core.db.$client.prepare(`SELECT target FROM audit_log WHERE action = 'scans.attach' ORDER BY seq DESC LIMIT 1`).get() as { target: string };
    expect(attachedAudit.target).toBe(first.id);
    expect((await rpc('scans.attach', { batch, dossierId: first.id })).pages).toBe(0);

    const offered = await rpc('scans.reusable', { idNumber: '038186004321' });
    expect(offered.items.map((i: { itemName: string; dossierCode: string; digitisedAt: string; pageIds: string[] }) => [i.itemName, i.dossierCode, i.digitisedAt, i.pageIds.length])).toEqual([
      ['Căn cước công dân', first.code, '2026-11-23T02:00:00.000Z', 1],
      ['Giấy khai sinh', first.code, '2026-11-23T02:00:00.000Z', 1],
    ]);
    expect((await rpc('scans.reusable', { idNumber: '038186000000' })).items).toEqual([]);

    const filesBefore = storedFiles();
    const reused = await rpc('scans.reuse', { batch: 'intake-second-visit', role: 'document', item: { position: 0, name: 'Căn cước công dân' }, pageIds: offered.items[0].pageIds });
    expect(reused.pages).toHaveLength(1);
    expect(reused.pages[0]).toMatchObject({ source: 'reuse', seq: 1, dossierId: null, batch: 'intake-second-visit' });
    const original = (await rpc('scans.list', { dossierId: first.id })).pages[0];
    expect(reused.pages[0].sha256).toBe(original.sha256);
    expect(storedFiles()).toBe(filesBefore);
    const audit = host.core.db.$client.prepare(`SELECT details FROM audit_log WHERE action = 'scans.reuse'`).get() as { details: string };
    expect(audit.details).toContain(original.id);
    expect(audit.details).toContain(original.sha256);
    expect(verifyAudit(host.core.db)).toBeNull();
  });
});
