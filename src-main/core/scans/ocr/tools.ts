/**
 * Which programs read the pages, and whether this PC has them. Tesseract with its Vietnamese data
 * (`vie`) reads images; poppler's `pdftoppm` rasterises a stored page for it and `pdftotext` takes
 * the text of a page that carries its own. None is bundled with the app: on Debian they are the
 * packages tesseract-ocr, tesseract-ocr-vie and poppler-utils; on Windows the officer's IT installs
 * Tesseract (UB Mannheim build, with Vietnamese) and Poppler (README). Where one is missing, OCR is
 * off and says so in Vietnamese; nothing else changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runLow, ToolFailure } from './run-low';

export interface OcrToolPaths {
  tesseract: string;
  pdftoppm: string;
  pdftotext: string;
  /** Tesseract's language, `vie` unless a test says otherwise. */
  language: string;
}

export type OcrAvailability = { available: true } | { available: false; reason: string };

/** Where the Windows installers put the programs when they are not on PATH. */
const WINDOWS_GUESSES: Record<'tesseract' | 'pdftoppm' | 'pdftotext', string[]> = {
  tesseract: ['C:\\Program Files\\Tesseract-OCR\\tesseract.exe', 'C:\\Program Files (x86)\\Tesseract-OCR\\tesseract.exe'],
  pdftoppm: ['C:\\Program Files\\poppler\\Library\\bin\\pdftoppm.exe'],
  pdftotext: ['C:\\Program Files\\poppler\\Library\\bin\\pdftotext.exe'],
};

export function defaultToolPaths(platform: NodeJS.Platform = process.platform): OcrToolPaths {
  const pick = (name: keyof typeof WINDOWS_GUESSES) =>
    platform === 'win32' ? (WINDOWS_GUESSES[name].find((p) => fs.existsSync(p)) ?? `${name}.exe`) : name;
  return { tesseract: pick('tesseract'), pdftoppm: pick('pdftoppm'), pdftotext: pick('pdftotext'), language: 'vie' };
}

/** Asks each program for itself once at start: a missing one is a status, not an error per page. */
export async function probeTools(tools: OcrToolPaths): Promise<OcrAvailability> {
  const missing = (what: string) => ({ available: false as const, reason: what });
  const langs = await ask(tools.tesseract, ['--list-langs']);
  if (langs === null) return missing(`Máy tính chưa cài phần mềm nhận dạng chữ Tesseract (không tìm thấy ${path.basename(tools.tesseract)})`);
  if (!langs.split(/\s+/).includes(tools.language)) return missing('Tesseract chưa có gói tiếng Việt (vie): chữ trên giấy tờ quét chưa đọc được');
  if ((await ask(tools.pdftoppm, ['-v'])) === null) return missing('Máy tính chưa cài Poppler (không tìm thấy pdftoppm) để chuyển trang quét thành ảnh');
  if ((await ask(tools.pdftotext, ['-v'])) === null) return missing('Máy tính chưa cài Poppler (không tìm thấy pdftotext) để lấy chữ của tệp PDF');
  return { available: true };
}

/** The program's output, or null when it cannot be started or answers with an error. */
async function ask(command: string, args: string[]): Promise<string | null> {
  try {
    return await runLow(command, args, 30_000).done;
  } catch (err) {
    // Not installed (ENOENT) or broken: either way OCR is off, and the reason is the status.
    if (err instanceof ToolFailure) return null;
    throw err;
  }
}
