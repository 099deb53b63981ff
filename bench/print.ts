/**
 * Printing: Mẫu 01 generated warm (p50/p95, goal p95 ≤ 40 ms per receipt) and a batch of 100
 * receipts, against the baseline of a bare pdfkit document with the same embedded font and the
 * same amount of text (what pdfmake's layout and our form cost on top of PDF writing itself).
 *
 * The baseline uses pdfkit as its documentation shows: fonts registered per document, here from
 * Buffers read once (no disk read per document), so fontkit still parses each face for every
 * PDF. renderForm instead shares parsed fonts across documents (core/print/shared-fonts.ts) and
 * renders through core/print/engine.ts (measurements of the fixed wording reused, operators
 * written directly; core/print/README.md), so the ratio falls well below 1.
 *
 * Every measured receipt has its own dossier code (and so its own QR) and applicant name: the
 * work that depends on the dossier is done for each one, as at the counter.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { renderForm } from '../src-main/core/print/render';
import { getFontsDir } from '../src-main/core/print/fonts';
import { FULL_CONTEXT } from '../tests/fixtures/print/context';
import { printTable, sample, summarise, writeResults } from './stats';
import { tmpDataDir } from './support';

function contextFor(i: number) {
  const d = FULL_CONTEXT.dossier!;
  return {
    ...FULL_CONTEXT,
    dossier: { ...d, code: `${d.agencyCode}-261123-${String(i + 1).padStart(4, '0')}`, applicant: { ...d.applicant, fullName: `${d.applicant.fullName} ${i}` } },
  };
}

/** The text of one rendered Mẫu 01, to give the baseline the same volume of words. */
async function receiptText(): Promise<string> {
  const { pdf } = await renderForm('mau01', FULL_CONTEXT);
  const file = path.join(tmpDataDir('print'), 'mau01.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString();
}

function barePdf(text: string, regular: Buffer, bold: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margins: { top: 57, bottom: 57, left: 85, right: 57 }, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('R', regular);
    doc.registerFont('B', bold);
    const [first, ...rest] = text.split('\f');
    doc.font('B').fontSize(13).text(first!.split('\n')[0] ?? '');
    doc.font('R').fontSize(13).text(first!);
    for (const page of rest) if (page.trim()) doc.addPage().font('R').fontSize(13).text(page);
    doc.end();
  });
}

export async function runPrintBench() {
  for (let i = 0; i < 10; i++) await renderForm('mau01', contextFor(i)); // warm fonts and code paths
  const hashes = new Set<string>();
  const warm = summarise(await sample(200, async (i) => hashes.add((await renderForm('mau01', contextFor(i))).sha256)));
  // 200 different receipts, not one printed 200 times.
  if (hashes.size !== 200) throw new Error(`expected 200 distinct receipts, got ${hashes.size}`);

  const t0 = performance.now();
  for (let i = 0; i < 100; i++) await renderForm('mau01', contextFor(1000 + i));
  const batchMs = performance.now() - t0;

  const text = await receiptText();
  const fonts = getFontsDir();
  const regular = fs.readFileSync(path.join(fonts, 'LiberationSerif-Regular.ttf'));
  const bold = fs.readFileSync(path.join(fonts, 'LiberationSerif-Bold.ttf'));
  for (let i = 0; i < 10; i++) await barePdf(text, regular, bold);
  const bare = summarise(await sample(200, () => barePdf(text, regular, bold)));

  printTable('Printing (Mẫu 01, two copies, Liberation Serif embedded)', [
    { measure: `Mẫu 01 warm (${warm.n} renders)`, median: warm.median, p95: warm.p95, goal: 'p95 ≤ 40 ms' },
    { measure: 'bare pdfkit, same font and text', median: bare.median, p95: bare.p95, note: `ratio p95 ${(warm.p95 / bare.p95).toFixed(2)}×` },
    { measure: '100-receipt batch', median: batchMs / 100, note: `total ${(batchMs / 1000).toFixed(2)} s` },
  ]);
  return writeResults('print', { mau01Warm: warm, barePdfkit: bare, ratioP95: warm.p95 / bare.p95, batch100Ms: batchMs });
}
