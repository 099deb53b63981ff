/**
 * Số hóa: page capture-to-stored through core's dispatch, as the counter does it (the file sent
 * in 1 MiB parts, checked, normalised to a 200 dpi gray JPEG page in a one-page PDF, fsynced into
 * the file store, its rows and audit row written), for
 *   - a synthetic A4 page at 200 dpi gray (paper noise and 40 lines of text): goal p95 ≤ 300 ms;
 *   - SANE's test backend through `scanimage` (its largest area, 200 × 200 mm, Grid picture):
 *     the scanner's own time is included, as an officer waits for it;
 * beside the baseline of storing the same A4 bytes unnormalised (FileStore.put alone), in the
 * same run. Bytes per stored A4 page are reported with them, and the upload of 100 MB of pages
 * to the hub over a shaped, cut link (./scans-upload.ts).
 *
 * Then OCR pages per minute: the background reader's step (core/scans/ocr/read-page.ts: pdftoppm
 * at 300 dpi + Tesseract vie, low priority, one thread) on OCR_PAGES of those stored A4 pages, one
 * at a time as the worker reads them; and the text-layer path (pdftotext) on a typed PDF page.
 * Capture runs with the worker off, so its figures compare with earlier runs.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { SaneScanner } from '../src-main/core/scans/capture/sane';
import { PageReader } from '../src-main/core/scans/ocr/read-page';
import { defaultToolPaths, probeTools } from '../src-main/core/scans/ocr/tools';
import { printTable, sample, summarise, writeResults } from './stats';
import { runScanUploadBench } from './scans-upload';
import { loadAverage, openSignedInCore } from './support';
import sharp from 'sharp';

const PAGES = Number(process.env.BENCH_SCAN_PAGES ?? 40);
const AT = new Date('2026-11-23T02:15:00Z');
const PART = 1024 * 1024;
const OCR_PAGES = Number(process.env.BENCH_OCR_PAGES ?? 6);

/** A typed A4 page saved as PDF (text, not image): 40 lines, ASCII so pdf-lib's standard font can draw it. */
async function typedPdfPage(i: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const page = doc.addPage([595, 842]);
  for (let l = 0; l < 40; l++) page.drawText(`Trang ${i} dong ${l + 1}: Uy ban nhan dan xa Tan Lap chung thuc ban sao dung voi ban chinh`, { x: 40, y: 800 - l * 19, size: 11, font });
  return Buffer.from(await doc.save());
}

/**
 * A scanned-looking A4 page: gray paper with noise, 40 lines of Vietnamese text, varied per page so
 * no two hash alike. `gray` is what a scanner set to 200 dpi gray writes: one 8-bit channel. `rgba`
 * is the same page as a four-channel colour PNG, the input of the runs before 2026-12-05 (its
 * `grayscale()` kept the alpha channel and the sRGB profile), kept beside it for comparison.
 */
async function a4Page(i: number, kind: 'gray' | 'rgba' = 'gray'): Promise<Buffer> {
  const lines = Array.from({ length: 40 }, (_, l) => `<text x="120" y="${170 + l * 52}" font-size="33" font-family="sans-serif" fill="#1a1a1a">Trang ${i} dòng ${l + 1}: Ủy ban nhân dân xã Tân Lập chứng thực bản sao đúng với bản chính</text>`).join('');
  const text = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1654" height="2339">${lines}</svg>`);
  const page = sharp({ create: { width: 1654, height: 2339, channels: 3, background: '#e8e8e8', noise: { type: 'gaussian', mean: 232, sigma: 7 } } }).composite([{ input: text }]);
  if (kind === 'rgba') return page.grayscale().withMetadata({ density: 200 }).png().toBuffer();
  return sharp(await page.png().toBuffer()).extractChannel(0).toColourspace('b-w').withDensity(200).png().toBuffer();
}

export async function runScansBench() {
  const { core, call, session } = await openSignedInCore('scans', {
    clock: { now: () => AT },
    scanner: new SaneScanner({ extraArgs: ['-x', '200', '-y', '200', '--test-picture', 'Grid'] }),
    ocr: { enabled: false },
  });
  const item = { position: 0, name: 'Giấy tờ cần chứng thực' };

  const inputs = await Promise.all(Array.from({ length: PAGES + 5 }, (_, i) => a4Page(i)));
  const rgbaInputs = await Promise.all(Array.from({ length: PAGES }, (_, i) => a4Page(1000 + i, 'rgba')));
  const sizes: number[] = [];
  const store = async (i: number, from = inputs) => {
    const bytes = from[i]!;
    const uploadId = `bench-upload-${from === inputs ? '' : 'rgba-'}${i}`;
    for (let offset = 0; offset < bytes.length; offset += PART) {
      await call('scans.uploadPart', { uploadId, offset, data: bytes.subarray(offset, offset + PART).toString('base64') }, session);
    }
    const { pages } = await call('scans.addUpload', { batch: 'bench-a4', role: 'document', item, uploadId, source: 'upload' }, session);
    sizes.push(pages[0].size);
    stored.push(pages[0].sha256);
  };
  const stored: string[] = [];
  for (let i = 0; i < 5; i++) await store(PAGES + i); // warm sharp, pdf-lib and the statements
  sizes.length = 0;
  const load = loadAverage();
  const a4 = summarise(await sample(PAGES, (i) => store(i)));
  const keptSizes = [...sizes];
  const a4Rgba = summarise(await sample(PAGES, (i) => store(i, rgbaInputs)));
  sizes.splice(0, sizes.length, ...keptSizes);
  const sane = summarise(await sample(Math.min(PAGES, 20), () => call('scans.scan', { batch: 'bench-sane', role: 'document', item, device: 'test' }, session)));
  // The baseline: the same A4 bytes stored as they came, no checks, no normalising, no rows.
  const raw = summarise(await sample(PAGES, (i) => core.services.files.put(Buffer.concat([inputs[i]!, Buffer.from([i])]))));

  const tools = defaultToolPaths();
  const found = await probeTools(tools);
  if (!found.available) throw new Error(`OCR cannot be measured here: ${found.reason}`);
  const reader = new PageReader(tools);
  const ocrLoad = loadAverage();
  const ocrTexts: string[] = [];
  const ocr = summarise(await sample(OCR_PAGES, async (i) => ocrTexts.push((await reader.read(core.services.files.pathOf(stored[i]!))).text)));
  if (!ocrTexts.every((t) => /chứng thực/i.test(t))) throw new Error('Tesseract did not read "chứng thực" on every A4 page');
  const typed = await Promise.all(Array.from({ length: 20 }, (_, i) => typedPdfPage(i)));
  const typedHashes = typed.map((b) => core.services.files.put(b).sha256);
  const textLayer = summarise(await sample(typed.length, (i) => reader.read(core.services.files.pathOf(typedHashes[i]!))));
  const ocrLoadAfter = loadAverage();
  core.close();
  // Side by side in the same run: the pages' way up to the hub over a commune's ADSL.
  const upload = await runScanUploadBench();

  const inputMean = inputs.slice(0, PAGES).reduce((s, b) => s + b.length, 0) / PAGES;
  const pageBytes = sizes.reduce((s, b) => s + b, 0) / sizes.length;
  printTable(`Số hóa: capture to stored (load ${load.toFixed(1)} on a shared machine)`, [
    { measure: `A4 200 dpi gray page, scans.uploadPart + addUpload (${a4.n})`, median: a4.median, p95: a4.p95, goal: 'p95 ≤ 300 ms', note: `${Math.round(pageBytes / 1024)} KB per stored A4 page (input PNG ${Math.round(inputMean / 1024)} KB)` },
    { measure: `SANE test backend 200 × 200 mm, scans.scan (${sane.n})`, median: sane.median, p95: sane.p95, note: 'includes scanimage itself' },
    { measure: `baseline: FileStore.put of the same A4 bytes (${raw.n})`, median: raw.median, p95: raw.p95 },
    { measure: `the same page as a four-channel colour PNG (runs before 2026-12-05) (${a4Rgba.n})`, median: a4Rgba.median, p95: a4Rgba.p95, note: `input PNG ${Math.round(rgbaInputs.reduce((s, b) => s + b.length, 0) / rgbaInputs.length / 1024)} KB; ratio to gray p95 ${(a4Rgba.p95 / a4.p95).toFixed(2)}×` },
    { measure: 'ratio A4 capture / baseline', note: `median ${(a4.median / raw.median).toFixed(1)}×, p95 ${(a4.p95 / raw.p95).toFixed(1)}×` },
    {
      measure: `OCR, the same stored A4 200 dpi gray pages (pdftoppm 300 dpi + Tesseract vie, nice, 1 thread; ${ocr.n})`,
      median: ocr.median,
      p95: ocr.p95,
      note: `${(60_000 / ocr.median).toFixed(1)} pages per minute at the median; load ${ocrLoad.toFixed(1)} → ${ocrLoadAfter.toFixed(1)}; ratio to A4 capture median ${(ocr.median / a4.median).toFixed(0)}×`,
    },
    { measure: `text layer, typed A4 PDF page (pdftotext; ${textLayer.n})`, median: textLayer.median, p95: textLayer.p95, note: `${(60_000 / textLayer.median).toFixed(0)} pages per minute at the median` },
  ]);
  return writeResults('scans', { ocr, ocrPagesPerMinute: 60_000 / ocr.median, textLayer, ocrLoad, ocrLoadAfter, a4, a4Rgba, sane, raw, bytesPerA4Page: pageBytes, inputPngBytes: inputMean, load, ratioMedian: a4.median / raw.median, ratioP95: a4.p95 / raw.p95, upload });
}
