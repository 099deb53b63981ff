/**
 * Turning whatever the counter captured (a scanner's PNG, a photo, a TIFF from "scan to folder",
 * a PDF from a file picker) into the one form the counter keeps: one-page PDFs, images as gray
 * JPEG at 200 dpi. Every input is checked by its bytes, not its name, and refused with a
 * Vietnamese reason before anything is stored: zero bytes, a web page named .pdf, a damaged or
 * password-protected PDF, a file or image too big to be a paper (decompression bombs included).
 *
 * sharp runs its pipelines on libuv's thread pool, so decoding and encoding an image does not
 * hold the event loop; only pdf-lib's small assembly step runs on the main thread. Both load on
 * the first file, not when the host starts (each took ~250 ms of a start's CPU).
 */
import type { PDFDocument } from 'pdf-lib';
import type { Metadata } from 'sharp';
import { AppError } from '@shared/errors';

/** Above this a file is not one dossier's papers (a 300 MB TIFF is refused unread). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
/** An A3 sheet at 600 dpi is 70 MP; more than this is not a page, and decoding it could fill memory. */
export const MAX_INPUT_PIXELS = 100_000_000;
export const MAX_PAGES_PER_FILE = 200;
/** 200 dpi gray reads well on screen and in OCR at a fraction of the bytes of 300 dpi colour. */
export const TARGET_DPI = 200;
/**
 * mozjpeg's quantisation table with optimised Huffman codes, but baseline and without trellis
 * quantisation: measured on a 200 dpi gray A4 page (bench/scans.ts), full mozjpeg was ~30 % smaller
 * but 10–15× slower to encode, too slow for a page the officer waits on.
 */
const JPEG_OPTIONS = { quality: 55, optimiseCoding: true, quantisationTable: 3, trellisQuantisation: false, optimiseScans: false, overshootDeringing: false, progressive: false } as const;
const A4_LONG_INCHES = 297 / 25.4;
const THUMB_WIDTH = 160;

export type InputKind = 'pdf' | 'jpeg' | 'png' | 'tiff';

export interface NormalisedPage {
  /** A one-page PDF. */
  pdf: Uint8Array;
  /** A small gray PNG for the page strip, or null when the page came in as PDF. */
  thumbnail: Buffer | null;
}

export function tooBig(size: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `Tệp lớn ${formatMb(size)} MB, vượt quá ${MAX_INPUT_BYTES / 1024 / 1024} MB cho một tệp; hãy quét ở độ phân giải thấp hơn hoặc chia nhỏ tệp`);
}

/** What the bytes are, whatever the file is called. */
export function detectKind(bytes: Uint8Array): InputKind {
  if (bytes.byteLength === 0) throw new AppError('INVALID_INPUT', 'Tệp rỗng (0 byte): không có trang nào để lưu; hãy quét hoặc chọn lại tệp');
  const head = Buffer.from(bytes.subarray(0, 16));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  const tiff = head.subarray(0, 4).toString('latin1');
  if (tiff === 'II*\0' || tiff === 'MM\0*') return 'tiff';
  const text = Buffer.from(bytes.subarray(0, 512)).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || text.startsWith('<')) {
    throw new AppError('INVALID_INPUT', 'Tệp này là một trang web (HTML) chứ không phải tài liệu quét; hãy tải đúng tệp PDF hoặc ảnh');
  }
  throw new AppError('INVALID_INPUT', 'Không nhận dạng được tệp: chỉ nhận PDF, JPEG, PNG hoặc TIFF');
}

/** The pages of one captured file, normalised; throws an AppError (and stores nothing) on bad input. */
export async function normalise(bytes: Uint8Array, opts: { color?: boolean } = {}): Promise<NormalisedPage[]> {
  if (bytes.byteLength > MAX_INPUT_BYTES) throw tooBig(bytes.byteLength);
  const kind = detectKind(bytes);
  if (kind === 'pdf') return splitPdf(bytes);
  const meta = await readImageMeta(bytes);
  const pageCount = kind === 'tiff' ? (meta.pages ?? 1) : 1;
  if (pageCount > MAX_PAGES_PER_FILE) throw new AppError('INVALID_INPUT', `Tệp có ${pageCount} trang, nhiều hơn ${MAX_PAGES_PER_FILE} trang cho một tệp; hãy chia nhỏ tệp`);
  const pages: NormalisedPage[] = [];
  for (let page = 0; page < pageCount; page++) {
    const pageMeta = page === 0 ? meta : await readImageMeta(bytes, page);
    pages.push(await imagePage(bytes, page, opts.color ?? false, pageMeta));
  }
  return pages;
}

async function readImageMeta(bytes: Uint8Array, page = 0): Promise<Metadata> {
  const { default: sharp } = await import('sharp');
  try {
    // The header alone is read here, so the pixel count can be refused with its own message.
    const meta = await sharp(bytes, { page, limitInputPixels: false }).metadata();
    if (!meta.width || !meta.height) throw new Error('no dimensions');
    if (meta.width * meta.height > MAX_INPUT_PIXELS) throw pixelBomb(meta.width, meta.height);
    return meta;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw damagedImage();
  }
}

async function imagePage(bytes: Uint8Array, page: number, color: boolean, meta: Metadata): Promise<NormalisedPage> {
  const [{ default: sharp }, { PDFDocument }] = await Promise.all([import('sharp'), import('pdf-lib')]);
  try {
    // EXIF orientations 5–8 swap width and height once applied.
    const swap = (meta.orientation ?? 1) >= 5;
    const w = swap ? meta.height : meta.width;
    const h = swap ? meta.width : meta.height;
    if (!w || !h) throw damagedImage();
    const dpi = sourceDpi(w, h, meta.density);
    const scale = Math.min(1, TARGET_DPI / dpi);
    const img = sharp(bytes, { page, limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).autoOrient();
    // Decoded once to raw pixels at the target size; the page and its thumbnail are both encoded from those.
    const { data, info } = await (color ? img : img.grayscale())
      .resize(Math.max(1, Math.round(w * scale)), Math.max(1, Math.round(h * scale)), { fit: 'fill' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixels = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
    const [jpeg, thumbnail] = await Promise.all([
      pixels().jpeg(JPEG_OPTIONS).toBuffer(),
      pixels().resize(THUMB_WIDTH).png({ compressionLevel: 9 }).toBuffer(),
    ]);
    const doc = await PDFDocument.create();
    const embedded = await doc.embedJpg(jpeg);
    // The page keeps the paper's physical size: pixels at the source's resolution.
    const widthPt = (w / dpi) * 72;
    const heightPt = (h / dpi) * 72;
    doc.addPage([widthPt, heightPt]).drawImage(embedded, { x: 0, y: 0, width: widthPt, height: heightPt });
    return { pdf: await doc.save(), thumbnail };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw damagedImage();
  }
}

/**
 * The resolution the image was made at: the file's own when it states a plausible one, otherwise
 * the one that makes its long side an A4 page (a photo from a camera states 72 dpi or nothing).
 */
export function sourceDpi(width: number, height: number, density: number | undefined): number {
  if (density && density >= 100 && density <= 1200) return density;
  return Math.max(width, height) / A4_LONG_INCHES;
}

async function splitPdf(bytes: Uint8Array): Promise<NormalisedPage[]> {
  const { PDFDocument } = await import('pdf-lib');
  let src: PDFDocument;
  try {
    src = await PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false });
  } catch (err) {
    // pdf-lib ships ESM and CJS builds, so its EncryptedPDFError class is not reliably the one imported here.
    if (err instanceof Error && /is encrypted/.test(err.message)) {
      throw new AppError('INVALID_INPUT', 'Tệp PDF có mật khẩu: hãy mở khóa (bỏ mật khẩu) rồi tải lên lại, hoặc quét bản giấy');
    }
    throw damagedPdf();
  }
  const count = src.getPageCount();
  if (count === 0) throw damagedPdf();
  if (count > MAX_PAGES_PER_FILE) throw new AppError('INVALID_INPUT', `Tệp có ${count} trang, nhiều hơn ${MAX_PAGES_PER_FILE} trang cho một tệp; hãy chia nhỏ tệp`);
  const pages: NormalisedPage[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const one = await PDFDocument.create();
      const [copied] = await one.copyPages(src, [i]);
      one.addPage(copied);
      pages.push({ pdf: await one.save(), thumbnail: null });
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw damagedPdf();
  }
  return pages;
}

function damagedPdf(): AppError {
  return new AppError('INVALID_INPUT', 'Tệp PDF bị hỏng hoặc không đọc được; hãy quét lại hoặc xin tệp khác');
}

function damagedImage(): AppError {
  return new AppError('INVALID_INPUT', 'Ảnh bị hỏng hoặc không đọc được; hãy quét hoặc chụp lại');
}

function pixelBomb(width: number, height: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `Ảnh ${width}×${height} điểm ảnh quá lớn để là một trang giấy; hãy quét ở độ phân giải thấp hơn`);
}

function formatMb(size: number): string {
  return (size / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}
