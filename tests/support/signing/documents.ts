/**
 * Real documents and real checkers for the signing tests: a page scanned by SANE's test backend
 * made into a PDF (pdf-lib), an electronic result with Vietnamese text, a seal image with a
 * transparent background (drawn by pdf-lib, rasterised by poppler's pdftocairo), and poppler's
 * pdfsig over an NSS database that trusts the test root (certutil, Debian libnss3-tools).
 *
 * pdfsig checks certificates against the machine's clock; it runs under libfaketime at the test's
 * own instant, so its verdict does not depend on the day the suite runs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { REPO_ROOT } from '../web-host';
import { toPem, type Identity } from './pki';

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

/** An NSS database (what pdfsig reads) trusting `root` as a CA for signatures. */
export function nssDbTrusting(dir: string, root: Identity): string {
  const db = path.join(dir, 'nssdb');
  fs.mkdirSync(db, { recursive: true });
  execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password']);
  fs.writeFileSync(path.join(dir, 'root.pem'), toPem(root.der));
  execFileSync('certutil', ['-A', '-d', `sql:${db}`, '-n', 'test-root', '-t', 'CT,C,C', '-a', '-i', path.join(dir, 'root.pem')]);
  return `sql:${db}`;
}

/** pdfsig's report, with the machine's clock moved to `at` by libfaketime for pdfsig alone. */
export function pdfsig(file: string, at: Date, nssdir?: string): string {
  const stamp = at.toISOString().replace('T', ' ').slice(0, 19);
  const args = ['-f', `@${stamp}`, 'pdfsig', '-no-ocsp', ...(nssdir ? ['-nssdir', nssdir] : ['-nocert']), file];
  const r = spawnSync('faketime', args, { env: { ...process.env, TZ: 'UTC', FAKETIME_DONT_FAKE_MONOTONIC: '1' }, encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}
