/**
 * Real documents and real checkers for the signing tests: a page scanned by SANE's test backend
 * made into a PDF (pdf-lib), an electronic result with Vietnamese text, a seal image with a
 * transparent background (drawn by pdf-lib, rasterised by poppler's pdftocairo), and poppler's
 * pdfsig.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { REPO_ROOT } from '../web-host';

const FONT = path.join(REPO_ROOT, 'assets', 'fonts', 'LiberationSerif-Regular.ttf');

/** One page from `scanimage -d test` (SANE's test backend), 200 dpi grey, wrapped in an A4 PDF. */
export async function scannedPaperPdf(dir: string): Promise<Buffer> {
  const png = execFileSync('scanimage', ['-d', 'test', '--format=png', '--mode', 'Gray', '--resolution', '200', '--test-picture', 'Grid'], { maxBuffer: 64 * 1024 * 1024 });
  fs.writeFileSync(path.join(dir, 'scan.png'), png);
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date(Date.UTC(2026, 10, 23)));
  doc.setModificationDate(new Date(Date.UTC(2026, 10, 23)));
  const image = await doc.embedPng(png);
  const page = doc.addPage([595.28, 841.89]);
  const scale = Math.min(515 / image.width, 760 / image.height);
  page.drawImage(image, { x: 40, y: 841.89 - 40 - image.height * scale, width: image.width * scale, height: image.height * scale });
  return Buffer.from(await doc.save());
}

/** An electronic result (kết quả) as the resolving body would send it: one page of Vietnamese text. */
export async function resultPdf(title: string, lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setCreationDate(new Date(Date.UTC(2026, 10, 23)));
  doc.setModificationDate(new Date(Date.UTC(2026, 10, 23)));
  const font = await doc.embedFont(fs.readFileSync(FONT), { subset: true });
  const page = doc.addPage([595.28, 841.89]);
  page.drawText(title, { x: 85, y: 700, size: 14, font });
  lines.forEach((line, i) => page.drawText(line, { x: 85, y: 660 - i * 20, size: 13, font }));
  return Buffer.from(await doc.save());
}

/** A round red seal on a transparent background (PNG), as an administrator would upload it. */
export async function sealPng(dir: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fs.readFileSync(FONT), { subset: true });
  const page = doc.addPage([120, 120]);
  const red = rgb(0.85, 0.05, 0.05);
  page.drawEllipse({ x: 60, y: 60, xScale: 56, yScale: 56, borderColor: red, borderWidth: 4 });
  page.drawEllipse({ x: 60, y: 60, xScale: 40, yScale: 40, borderColor: red, borderWidth: 1.5 });
  page.drawText('UBND XÃ TÂN LẬP', { x: 22, y: 57, size: 9, font, color: red });
  const pdf = path.join(dir, 'seal.pdf');
  fs.writeFileSync(pdf, await doc.save());
  execFileSync('pdftocairo', ['-png', '-transp', '-singlefile', '-r', '100', pdf, path.join(dir, 'seal')]);
  return fs.readFileSync(path.join(dir, 'seal.png'));
}

/**
 * pdfsig's report on the signatures' cryptography (-nocert: the certificate chain is our
 * verifier's job; poppler 22.12 answers "Unknown issue with Certificate" for any chain of the test
 * CA, even for a signature pdfsig itself made with it through NSS, while NSS's vfychain accepts
 * the chain).
 */
export function pdfsig(file: string): string {
  const r = spawnSync('pdfsig', ['-nocert', '-no-ocsp', file], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}
