/**
 * Stock pdfmake 0.3, as its own API allows on Node, shaped like the PDF engine's entry
 * (src-main/core/print/pdf-engine/index.ts) so a bench can put one in place of the other.
 *
 * Fonts are loaded once per process, which pdfmake allows through its virtual file system: the
 * bytes of each face are read from disk on first use and every later document reads them from
 * memory. pdfkit still parses every face a document uses, for every document: pdfmake offers no
 * way to share a parsed font, which is the first thing the engine changes.
 */
import fs from 'node:fs';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void;
}

const loaded = new Map<string, string>();

export function pdfFontFile(file: string): string {
  let name = loaded.get(file);
  if (!name) {
    name = `stock-font/${loaded.size}`;
    (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs.writeFileSync(name, fs.readFileSync(file));
    loaded.set(file, name);
  }
  return name;
}

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return Buffer.from(await pdfmake.createPdf(doc).getBuffer());
}
