/**
 * pdfmake's pdfkit document, writing the same bytes with less work per operator.
 *
 * A receipt page is some 7 500 content-stream operators (pdfmake draws every word as its own text
 * object) and pdfkit turns each one into a Buffer of its own on the spot; colours are parsed again
 * for every word; each embedded font and its ToUnicode map are deflated anew for every PDF,
 * although most receipts embed exactly the same glyphs. Here:
 *
 * - operators for a page are written as bytes into one buffer (content-writer.ts) and go to the
 *   page's stream in one piece before the page ends (a stream is just the operators, each
 *   followed by a newline, as pdfkit writes them);
 * - the PDF's own output is collected in an array instead of going through a Readable stream;
 * - a colour is parsed once per document;
 * - its fonts take words laid out by earlier documents (pdfkit-runs.ts);
 * - a font or ToUnicode stream whose bytes an earlier PDF deflated reuses that output (deflate is
 *   deterministic, and the bytes are compared, not just hashed). Page contents, which differ
 *   from PDF to PDF, are deflated as before.
 *
 * None of it changes a byte of the PDF (tests/print/engine.test.ts).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { ContentWriter } from './content-writer';
import { shareLaidOutWords } from './shared-fonts';

const require = createRequire(import.meta.url);

interface PdfReference {
  document: PdfkitDocument;
  compress: boolean;
  buffer: Buffer[];
  finalize(): void;
}

interface PdfPage {
  content: PdfReference;
  height: number;
  /** Font resources of the page (pdfkit's getter creates the dictionary). */
  fonts: Record<string, unknown>;
  write(chunk: string | Buffer): void;
}

interface PdfkitDocument {
  page: PdfPage | null;
}

type PdfmakeDocumentClass = new (...args: any[]) => {
  page: PdfPage | null;
  _offset: number;
  addContent(data: string): unknown;
  flushPages(): void;
  end(): void;
  ref(data?: object): PdfReference;
  _write(data: string | Buffer): void;
  push(chunk: unknown): boolean;
  provideFont(family: string, bold: boolean, italics: boolean): { font?: unknown };
  _normalizeColor(color: unknown): number[] | null | object;
};

const PdfmakeDocument = (require('pdfmake/js/PDFDocument') as { default: PdfmakeDocumentClass }).default;

/** Deflated streams by their input, shared by every PDF of the process. */
class DeflateCache {
  private readonly entries = new Map<string, { input: Buffer; output: Buffer }>();

  /** Fonts and ToUnicode maps of a few faces: a handful of entries carry a whole day's receipts. */
  constructor(private readonly max = 64) {}

  deflate(input: Buffer): Buffer {
    const key = createHash('sha1').update(input).digest('base64');
    const known = this.entries.get(key);
    if (known && known.input.equals(input)) {
      // Most recently used last, so eviction takes what has not come back.
      this.entries.delete(key);
      this.entries.set(key, known);
      return known.output;
    }
    const output = zlib.deflateSync(input);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { input, output });
    return output;
  }
}

const deflated = new DeflateCache();

/**
 * pdfkit's PDFReference.finalize, with a stream other than a page's content deflated through the
 * cache: the deflated bytes go in as the stream's only chunk, already compressed, and pdfkit's own
 * finalize writes them (its Filter entry was set when the data was written).
 */
function finalizeReusingDeflate(this: PdfReference, finalize: () => void): void {
  if (this.compress && this.buffer.length > 0 && this !== this.document.page?.content) {
    this.buffer = [deflated.deflate(Buffer.concat(this.buffer))];
    this.compress = false;
  }
  finalize.call(this);
}

export class PdfDocument extends PdfmakeDocument {
  /** Operators not yet written to `pendingPage`'s stream. */
  private readonly pending = new ContentWriter();
  private pendingPage: PdfPage | null = null;
  /**
   * The PDF's bytes so far. Written from within pdfkit's constructor (the header), so set up on
   * first use; `declare` keeps a field initialiser from clearing it afterwards.
   */
  declare private output: Buffer[] | undefined;
  private readonly colors = new Map<string, number[]>();
  private readonly sharing = new Set<object>();
  private whenDone: ((pdf: Buffer) => void) | null = null;

  /** The PDF once `end()` has written it all. */
  readonly done = new Promise<Buffer>((resolve) => (this.whenDone = resolve));

  /**
   * Where the current page's operators go (renderer.ts writes there directly): whatever is written
   * must be what addContent would write, each operator followed by a newline.
   */
  operators(): ContentWriter {
    if (this.page !== this.pendingPage) {
      this.writePending();
      this.pendingPage = this.page;
    }
    return this.pending;
  }

  /** pdfmake's provideFont; a face new to the document reuses words laid out before (shared-fonts.ts). */
  override provideFont(family: string, bold: boolean, italics: boolean): { font?: unknown } {
    const font = super.provideFont(family, bold, italics);
    if (!this.sharing.has(font)) {
      this.sharing.add(font);
      shareLaidOutWords(font);
    }
    return font;
  }

  override addContent(data: string): this {
    this.operators().op(data);
    return this;
  }

  /** The pending operators into their page's stream: one write, the same bytes as one per operator. */
  private writePending(): void {
    // A Buffer is written as it is; the newline after each operator is already in it.
    if (this.pendingPage && this.pending.length > 0) this.pendingPage.write(this.pending.take());
  }

  override flushPages(): void {
    this.writePending();
    super.flushPages();
  }

  override ref(data?: object): PdfReference {
    const ref = super.ref(data);
    const finalize = ref.finalize;
    ref.finalize = function (this: PdfReference) {
      finalizeReusingDeflate.call(this, finalize);
    };
    return ref;
  }

  override _normalizeColor(color: unknown): number[] | null | object {
    if (typeof color !== 'string') return super._normalizeColor(color);
    let known = this.colors.get(color);
    if (known === undefined) {
      const normalized = super._normalizeColor(color);
      // Only hex and named colours (arrays) are kept: they take precedence over spot colours,
      // which a document may define later, so their value cannot change.
      if (!Array.isArray(normalized)) return normalized;
      known = normalized as number[];
      this.colors.set(color, known);
    }
    return known.slice();
  }

  /**
   * Runs `fn` and returns the operators it wrote on the current page (written as usual), or null
   * if it changed pages or wrote none. For renderer.ts, to reuse what pdfkit writes for a colour.
   */
  contentWrittenBy(fn: () => void): string | null {
    const page = this.page;
    const from = this.operators().length;
    fn();
    if (this.page !== page || this.pending.length === from) return null;
    return this.pending.since(from).slice(0, -1);
  }

  override _write(data: string | Buffer): void {
    const chunk = Buffer.isBuffer(data) ? data : Buffer.from(`${data}\n`, 'binary');
    (this.output ??= []).push(chunk);
    this._offset += chunk.length;
  }

  /**
   * pdfkit ends its output with `push(null)` (its only push, now that `_write` collects): the PDF
   * is complete. Not handed to the Readable machinery, which would schedule its end-of-stream
   * work with process.nextTick, holding on to the whole document until the event loop turns.
   */
  override push(chunk: unknown): boolean {
    if (chunk !== null) throw new Error('PdfDocument collects its output; nothing is pushed');
    this.whenDone?.(Buffer.concat(this.output ?? []));
    return false;
  }
}
