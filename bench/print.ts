/**
 * Printing: Mẫu 01 generated warm (p50/p95, goal p95 ≤ 40 ms per receipt) and a batch of 100
 * receipts, measured side by side against two baselines in the same run:
 *
 * - stock pdfmake (bench/stock-pdfmake.ts: fonts loaded once per process through pdfmake's
 *   virtual file system, every document laid out and written by pdfmake and pdfkit themselves).
 *   The PDF engine (core/print/pdf-engine/) exists only to beat this; its README records the
 *   figures and the rule it is kept by (stock p95 above 150 ms here). Both render the very same
 *   receipts, alternating which goes first, and every pair must have the same SHA-256.
 * - a bare pdfkit document with the same embedded font and the same amount of text (what
 *   pdfmake's layout and our form cost on top of PDF writing itself). It uses pdfkit as its
 *   documentation shows: fonts registered per document from Buffers read once, so fontkit still
 *   parses each face for every PDF.
 *
 * Every measured receipt has its own dossier code (and so its own QR) and applicant name: the
 * work that depends on the dossier is done for each one, as at the counter. The machine may be
 * shared: the table gives the CPU time of one render next to its wall time, and the load.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { renderForm, renderFormWith } from '../src-main/core/print/render';
import { getFontsDir } from '../src-main/core/print/fonts';
import { FULL_CONTEXT } from '../tests/fixtures/print/context';
import { printTable, sample, summarise, writeResults, type Summary } from './stats';
import * as stockPdfmake from './stock-pdfmake';
import { loadAverage, tmpDataDir } from './support';

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

type Render = (i: number) => Promise<{ sha256: string }>;

const withEngine: Render = (i) => renderForm('mau01', contextFor(i));
const withStockPdfmake: Render = (i) => renderFormWith(stockPdfmake, 'mau01', contextFor(i));

interface Timed {
  wall: number[];
  cpu: number[];
  hashes: string[];
}

async function timed(render: Render, i: number, into: Timed): Promise<void> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { sha256 } = await render(i);
  into.wall.push(performance.now() - t0);
  const cpu = process.cpuUsage(cpu0);
  into.cpu.push((cpu.user + cpu.system) / 1000);
  into.hashes.push(sha256);
}

/** The engine and stock pdfmake render the same n receipts, taking turns at going first. */
async function sideBySide(n: number): Promise<{ engine: Timed; stock: Timed }> {
  const engine: Timed = { wall: [], cpu: [], hashes: [] };
  const stock: Timed = { wall: [], cpu: [], hashes: [] };
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      await timed(withEngine, i, engine);
      await timed(withStockPdfmake, i, stock);
    } else {
      await timed(withStockPdfmake, i, stock);
      await timed(withEngine, i, engine);
    }
  }
  const differ = engine.hashes.findIndex((h, i) => h !== stock.hashes[i]);
  if (differ >= 0) throw new Error(`receipt ${differ}: the engine's PDF differs from stock pdfmake's`);
  // n different receipts, not one printed n times.
  if (new Set(engine.hashes).size !== n) throw new Error(`expected ${n} distinct receipts, got ${new Set(engine.hashes).size}`);
  return { engine, stock };
}

const cpuNote = (cpu: Summary) => `CPU ${cpu.median.toFixed(1)} ms median, ${cpu.p95.toFixed(1)} ms p95`;

export async function runPrintBench() {
  for (let i = 0; i < 10; i++) {
    await withEngine(i); // warm fonts and code paths
    await withStockPdfmake(i);
  }
  const loadBefore = loadAverage();
  const pair = await sideBySide(200);
  const loadAfter = loadAverage();
  const warm = summarise(pair.engine.wall);
  const stock = summarise(pair.stock.wall);
  const warmCpu = summarise(pair.engine.cpu);
  const stockCpu = summarise(pair.stock.cpu);

  const t0 = performance.now();
  for (let i = 0; i < 100; i++) await renderForm('mau01', contextFor(1000 + i));
  const batchMs = performance.now() - t0;

  const text = await receiptText();
  const fonts = getFontsDir();
  const regular = fs.readFileSync(path.join(fonts, 'LiberationSerif-Regular.ttf'));
  const bold = fs.readFileSync(path.join(fonts, 'LiberationSerif-Bold.ttf'));
  for (let i = 0; i < 10; i++) await barePdf(text, regular, bold);
  const bare = summarise(await sample(200, () => barePdf(text, regular, bold)));

  printTable(`Printing (Mẫu 01, two copies, Liberation Serif embedded; load ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)})`, [
    { measure: `Mẫu 01 warm, PDF engine (${warm.n} renders)`, median: warm.median, p95: warm.p95, goal: 'p95 ≤ 40 ms', note: cpuNote(warmCpu) },
    {
      measure: 'Mẫu 01 warm, stock pdfmake (same receipts, same bytes)',
      median: stock.median,
      p95: stock.p95,
      goal: 'engine kept while p95 > 150 ms',
      note: `${cpuNote(stockCpu)}; engine/stock p95 ${(warm.p95 / stock.p95).toFixed(2)}×, median ${(warm.median / stock.median).toFixed(2)}×`,
    },
    { measure: 'bare pdfkit, same font and text', median: bare.median, p95: bare.p95, note: `engine/bare p95 ${(warm.p95 / bare.p95).toFixed(2)}×` },
    { measure: '100-receipt batch, PDF engine', median: batchMs / 100, note: `total ${(batchMs / 1000).toFixed(2)} s` },
  ]);
  return writeResults('print', {
    load: { before: loadBefore, after: loadAfter },
    mau01Warm: warm,
    mau01WarmCpu: warmCpu,
    stockPdfmake: stock,
    stockPdfmakeCpu: stockCpu,
    engineToStockP95: warm.p95 / stock.p95,
    engineToStockMedian: warm.median / stock.median,
    barePdfkit: bare,
    ratioP95: warm.p95 / bare.p95,
    batch100Ms: batchMs,
  });
}
