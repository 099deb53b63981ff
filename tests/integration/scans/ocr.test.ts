/**
 * Searchable scans: a page printed with known Vietnamese words (pdfmake with the project's font),
 * rasterised by pdftoppm to a 200 dpi gray PNG and uploaded as a scan, is read by Tesseract in the
 * background, and the Hồ sơ search finds its dossier by a folded word of it. A PDF that carries
 * its own text gives it through pdftotext. A counter killed mid-page resumes that page on the next
 * start and reads nothing twice. Without Tesseract, OCR is off with a Vietnamese reason and receipt
 * works as before.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pdfmake from 'pdfmake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../support/clock';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { receive, setUpCounter, signIn, type Rpc } from '../../support/counter';
import { REPO_ROOT, rpcCall, tempDir } from '../../support/web-host';

const INSTANT = '2026-11-23T09:00:00+07:00';
const FONT = path.join(REPO_ROOT, 'assets', 'fonts', 'LiberationSerif-Regular.ttf');
const READ_TIMEOUT = { timeout: 120_000, interval: 250 };
/** Tesseract reads a page in seconds on a quiet PC; a loaded CI machine needs minutes. */
const TEST_TIMEOUT = 240_000;
let uploads = 0;

/** A one-page PDF with these lines in the project's font, as pdfmake writes it (text, not image). */
async function printedPage(lines: string[]): Promise<Buffer> {
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p: string) => path.resolve(p) === FONT);
  pdfmake.setFonts({ Serif: { normal: FONT, bold: FONT, italics: FONT, bolditalics: FONT } });
  const doc = { pageSize: 'A5' as const, content: lines.map((text) => ({ text, margin: [0, 0, 0, 12] as [number, number, number, number] })), defaultStyle: { font: 'Serif', fontSize: 18 } };
  return Buffer.from(await pdfmake.createPdf(doc).getBuffer());
}

/** The page as a scanner gives it: pdftoppm at 200 dpi, gray, PNG. */
function scanned(pdf: Buffer): Buffer {
  const dir = tempDir('ocr-scan-');
  fs.writeFileSync(path.join(dir, 'page.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', '-singlefile', path.join(dir, 'page.pdf'), path.join(dir, 'page')]);
  return fs.readFileSync(path.join(dir, 'page.png'));
}

async function upload(host: CoreHost, token: string, bytes: Buffer, batch: string, name: string) {
  const uploadId = `ocr-${++uploads}-abcdefgh`;
  for (let offset = 0; offset < bytes.byteLength; offset += 1024 * 1024) {
    const res = await rpcCall(host.url, 'scans.uploadPart', { uploadId, offset, data: bytes.subarray(offset, offset + 1024 * 1024).toString('base64') }, token);
    expect(res.body.ok).toBe(true);
  }
  const res = await rpcCall(host.url, 'scans.addUpload', { batch, role: 'document', item: { position: 0, name }, uploadId, source: 'upload' }, token);
  expect(res.body.ok).toBe(true);
  return res.body.result.pages as { sha256: string }[];
}

const ocrRow = (host: CoreHost, sha256: string) =>
  host.core.db.$client.prepare(`SELECT state, attempts, method, text, done_at AS doneAt FROM scan_ocr WHERE sha256 = ?`).get(sha256) as
    | { state: string; attempts: number; method: string | null; text: string | null; doneAt: string | null }
    | undefined;

const searchIds = async (rpc: Rpc, query: string) =>
  ((await rpc('dossiers.search', { query, limit: 50 })).items as { id: string; foundInPapers?: true }[]).map((i) => `${i.id}${i.foundInPapers ? ' papers' : ''}`);

const CERTIFICATE = ['GIẤY CHỨNG NHẬN', 'Quyền sử dụng đất ở nông thôn', 'Lệ phí: năm mươi nghìn đồng'];

describe('searchable scans', () => {
  let host: CoreHost;
  let rpc: Rpc;
  let token: string;

  beforeAll(async () => {
    host = await startCoreHost({ clock: new ManualClock(INSTANT), ocr: { idleMs: 100 } });
    ({ rpc, token } = await setUpCounter(host.url));
  });
  afterAll(async () => host?.close());

  it('reads a scanned page with Tesseract in the background and finds its dossier by folded words', async () => {
    const batch = 'intake-ocr-image';
    const [page] = await upload(host, token, scanned(await printedPage(CERTIFICATE)), batch, 'Giấy chứng nhận');
    // The counter does not wait: receipt and attach answer while the page is still queued.
    const dossier = await receive(rpc, 'Phạm Thị Hoa');
    await rpc('scans.attach', { batch, dossierId: dossier.id });
    expect(ocrRow(host, page!.sha256)?.state).toMatch(/pending|done/);

    await expect.poll(() => ocrRow(host, page!.sha256)?.state, READ_TIMEOUT).toBe('done');
    const row = ocrRow(host, page!.sha256)!;
    expect(row.method).toBe('tesseract');
    expect(row.text).toContain('CHỨNG NHẬN');
    expect(row.text).toContain('đồng');

    expect(await searchIds(rpc, 'chung nhan')).toEqual([`${dossier.id} papers`]);
    expect(await searchIds(rpc, 'dong')).toEqual([`${dossier.id} papers`]);
    expect(await searchIds(rpc, 'Quyền sử dụng đất')).toEqual([`${dossier.id} papers`]);
    // Found by its own fields, it is not marked as found in papers.
    expect(await searchIds(rpc, 'pham thi hoa')).toEqual([dossier.id]);
    const status = await rpc('scans.ocrStatus', {});
    expect(status).toMatchObject({ state: 'running', reason: null, pending: 0, failed: 0 });
    expect(status.done).toBeGreaterThanOrEqual(1);
  }, TEST_TIMEOUT);

  it('takes the text of a PDF that carries its own with pdftotext, and forgets a removed page', async () => {
    const batch = 'intake-ocr-text';
    const [page] = await upload(host, token, await printedPage(['Trích lục khai sinh', 'Nơi sinh: Trạm y tế xã Thạnh Lợi']), batch, 'Trích lục');
    const dossier = await receive(rpc, 'Võ Văn Kiệt');
    await rpc('scans.attach', { batch, dossierId: dossier.id });
    await expect.poll(() => ocrRow(host, page!.sha256)?.state, READ_TIMEOUT).toBe('done');
    const row = ocrRow(host, page!.sha256)!;
    expect(row.method).toBe('text-layer');
    expect(row.text).toContain('Trạm y tế xã Thạnh Lợi');
    expect(await searchIds(rpc, 'tram y te thanh loi')).toEqual([`${dossier.id} papers`]);

    // Removed after receipt (audited, file kept): its words no longer find the dossier.
    const [listed] = (await rpc('scans.list', { dossierId: dossier.id })).pages as { id: string }[];
    await rpc('scans.remove', { pageId: listed!.id, reason: 'Quét nhầm giấy tờ của hồ sơ khác' });
    expect(await searchIds(rpc, 'tram y te thanh loi')).toEqual([]);
  }, TEST_TIMEOUT);
});

describe('a counter killed mid-page', () => {
  it('resumes that page on the next start and reads no page twice', async () => {
    const dataDir = tempDir('ocr-crash-');
    const clock = new ManualClock(INSTANT);
    let host = await startCoreHost({ dataDir, clock, ocr: { enabled: false } });
    const { rpc, token } = await setUpCounter(host.url);
    const batch = 'intake-ocr-crash';
    const [text] = await upload(host, token, await printedPage(['Sổ hộ khẩu', 'Chủ hộ: Nguyễn Văn Tư']), batch, 'Sổ hộ khẩu');
    const [image] = await upload(host, token, scanned(await printedPage(['GIẤY XÁC NHẬN', 'Tình trạng hôn nhân'])), batch, 'Giấy xác nhận');
    const dossier = await receive(rpc, 'Lý Thị Hạnh');
    await rpc('scans.attach', { batch, dossierId: dossier.id });
    await host.close();

    // A real counter process, killed (SIGKILL, as a power cut) while Tesseract reads the image.
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/ocr-reader-child.ts', dataDir, INSTANT], { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
    const killedAt = await new Promise<string>((resolve, reject) => {
      const watchdog = setTimeout(() => reject(new Error('the reader never started the image page')), 90_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        const sha = /reading ([0-9a-f]{64})/.exec(chunk.toString())?.[1];
        if (sha !== image!.sha256) return;
        clearTimeout(watchdog);
        process.kill(-child.pid!, 'SIGKILL');
        resolve(sha);
      });
    });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(killedAt).toBe(image!.sha256);

    host = await startCoreHost({ dataDir, clock, ocr: { enabled: false } });
    const textBefore = ocrRow(host, text!.sha256)!;
    expect(textBefore).toMatchObject({ state: 'done', attempts: 1, method: 'text-layer' });
    expect(ocrRow(host, image!.sha256)).toMatchObject({ state: 'pending', attempts: 1 });
    await host.close();

    host = await startCoreHost({ dataDir, clock, ocr: { idleMs: 100 } });
    try {
      await expect.poll(() => ocrRow(host, image!.sha256)?.state, READ_TIMEOUT).toBe('done');
      expect(ocrRow(host, image!.sha256)).toMatchObject({ attempts: 2, method: 'tesseract' });
      // The page read before the kill was not read again.
      expect(ocrRow(host, text!.sha256)).toEqual(textBefore);
      const again = await signIn(host.url);
      expect(await searchIds(again.rpc, 'xac nhan hon nhan')).toEqual([`${dossier.id} papers`]);
      expect(await searchIds(again.rpc, 'chu ho nguyen van tu')).toEqual([`${dossier.id} papers`]);
    } finally {
      await host.close();
    }
  }, TEST_TIMEOUT);
});

describe('a PC without Tesseract', () => {
  it('keeps OCR off with a Vietnamese reason, logs no storm, and receives dossiers as before', async () => {
    const errors: string[] = [];
    const host = await startCoreHost({
      clock: new ManualClock(INSTANT),
      ocr: { idleMs: 50, tools: { tesseract: path.join(tempDir('no-ocr-'), 'tesseract') } },
      log: { error: (message) => errors.push(message) },
    });
    try {
      const { rpc, token } = await setUpCounter(host.url);
      await expect.poll(async () => (await rpc('scans.ocrStatus', {})).state, READ_TIMEOUT).toBe('off');
      const batch = 'intake-no-ocr';
      await upload(host, token, await printedPage(['Đơn đề nghị']), batch, 'Đơn');
      const dossier = await receive(rpc, 'Đinh Công Tráng');
      await rpc('scans.attach', { batch, dossierId: dossier.id });
      expect((await rpc('dossiers.get', { id: dossier.id })).status).toBe('received');
      const status = await rpc('scans.ocrStatus', {});
      expect(status).toMatchObject({ state: 'off', pending: 1, done: 0, failed: 0 });
      expect(status.reason).toMatch(/chưa cài phần mềm nhận dạng chữ Tesseract/);
      // The dossier is still found by its own fields; its paper waits for Tesseract.
      expect(await searchIds(rpc, 'dinh cong trang')).toEqual([dossier.id]);
      expect(await searchIds(rpc, 'don de nghi')).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await host.close();
    }
  }, TEST_TIMEOUT);
});
