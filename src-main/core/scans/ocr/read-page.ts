/**
 * The text of one stored page (a one-page PDF from core/files). A PDF that came with its own text
 * (typed and saved as PDF, not scanned) gives it through pdftotext, exactly and at once; a scanned
 * page is rasterised by pdftoppm to a gray PNG and read by Tesseract in Vietnamese. Each step is a
 * low-priority child process (run-low.ts); `abort` kills the one running.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { nfc } from '@shared/domain/text';
import { runLow } from './run-low';
import type { OcrToolPaths } from './tools';

export interface PageText {
  text: string;
  method: 'text-layer' | 'tesseract';
}

/**
 * Fewer letters than this and the "text layer" is a scanner's stamp or a page number, not the
 * paper's words: the page is read from its image instead.
 */
const MIN_TEXT_LAYER_LETTERS = 20;

/** Tesseract is trained on print at about 300 dpi; small print in a 200 dpi scan reads better rendered up to it. */
const RASTER_DPI = 300;

/** Generous: at the lowest priority on a busy PC a page waits its turn for the CPU; only a hung tool should reach it. */
const TIMEOUT_MS = 15 * 60_000;

export class PageReader {
  private running: ChildProcess | null = null;

  constructor(private readonly tools: OcrToolPaths) {}

  async read(pdfFile: string): Promise<PageText> {
    const layer = await this.step(this.tools.pdftotext, ['-enc', 'UTF-8', '-layout', pdfFile, '-']);
    if ((layer.match(/\p{L}/gu) ?? []).length >= MIN_TEXT_LAYER_LETTERS) return { text: tidy(layer), method: 'text-layer' };

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-ocr-'));
    try {
      const base = path.join(dir, 'page');
      await this.step(this.tools.pdftoppm, ['-r', String(RASTER_DPI), '-gray', '-png', '-singlefile', '-f', '1', '-l', '1', pdfFile, base]);
      const text = await this.step(this.tools.tesseract, [`${base}.png`, 'stdout', '-l', this.tools.language]);
      return { text: tidy(text), method: 'tesseract' };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Stops the child reading now (the worker is stopping); its page stays queued. */
  abort(): void {
    this.running?.kill();
  }

  private async step(command: string, args: string[]): Promise<string> {
    const run = runLow(command, args, TIMEOUT_MS);
    this.running = run.child;
    try {
      return await run.done;
    } finally {
      this.running = null;
    }
  }
}

/** NFC (Tesseract and PDFs may give decomposed marks), no form feeds, no runs of blank lines. */
function tidy(text: string): string {
  return nfc(text)
    .replace(/\f/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
