/** Poppler / zbar wrappers and a tiny PGM diff for the PDF tests. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-print-'));
// Each test file gets its own scratch folder; it goes when the worker exits.
process.on('exit', () => fs.rmSync(TMP, { recursive: true, force: true }));
let n = 0;

export function writeTmp(pdf: Buffer, name = 'doc'): string {
  const file = path.join(TMP, `${name}-${++n}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

/** `pdftotext -layout -enc UTF-8` (or `-raw`: content order), pages separated by form feeds. */
export function pdfText(pdf: Buffer | string, pages?: { first: number; last: number }, raw = false): string {
  const file = typeof pdf === 'string' ? pdf : writeTmp(pdf);
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return execFileSync('pdftotext', [raw ? '-raw' : '-layout', '-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' });
}

/** Text with all whitespace runs collapsed, so wrapped sentences still match. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export function pageCount(pdf: Buffer): number {
  const out = execFileSync('pdfinfo', [writeTmp(pdf)], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(out)![1]);
}

export interface FontRow {
  name: string;
  type: string;
  emb: string;
}

/** `pdffonts` rows (name, type, emb). */
export function pdfFonts(pdf: Buffer): FontRow[] {
  const out = execFileSync('pdffonts', [writeTmp(pdf)], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name, type words…, encoding, emb, sub, uni, object, id: emb is the 5th from the end.
      return { name: cols[0]!, type: cols.slice(1, -6).join(' '), emb: cols[cols.length - 5]! };
    });
}

/** Render one page to PNG; returns the file path. */
export function renderPng(pdf: Buffer, dpi: number, page = 1, gray = false): string {
  const base = path.join(TMP, `page-${++n}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', '-png', ...(gray ? ['-gray'] : []), writeTmp(pdf), base]);
  return `${base}.png`;
}

/** Decode every QR/barcode on an image with `zbarimg --raw`. */
export function zbar(png: string): string[] {
  // zbarimg complains on stderr when there is no D-Bus; only stdout matters.
  const out = execFileSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.split('\n').filter((l) => l !== '');
}

export interface Gray {
  width: number;
  height: number;
  data: Buffer;
}

/** Parse binary PGM (P5, maxval 255): header tokens separated by whitespace, then raw bytes. */
export function parsePgm(buf: Buffer): Gray {
  let pos = 0;
  const token = (): string => {
    while (/\s/.test(String.fromCharCode(buf[pos]!))) pos++;
    if (buf[pos] === 0x23) {
      while (buf[pos] !== 0x0a) pos++;
      return token();
    }
    const start = pos;
    while (!/\s/.test(String.fromCharCode(buf[pos]!))) pos++;
    return buf.subarray(start, pos).toString('ascii');
  };
  if (token() !== 'P5') throw new Error('not a binary PGM');
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  if (max !== 255) throw new Error('only 8-bit PGM supported');
  pos++; // the single whitespace after maxval
  return { width, height, data: buf.subarray(pos, pos + width * height) };
}

/** Page rendered as 8-bit gray PGM bytes at `dpi`. */
export function renderPgm(pdf: Buffer, dpi: number, page = 1): Buffer {
  const base = path.join(TMP, `gray-${++n}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', '-gray', writeTmp(pdf), base]);
  return fs.readFileSync(`${base}.pgm`);
}

/** Share of pixels whose gray level differs by more than `threshold`. */
export function diffRatio(a: Gray, b: Gray, threshold = 48): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let bad = 0;
  for (let i = 0; i < a.data.length; i++) if (Math.abs(a.data[i]! - b.data[i]!) > threshold) bad++;
  return bad / a.data.length;
}
