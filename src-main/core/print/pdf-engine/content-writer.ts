/**
 * A page's content-stream operators, written as bytes as they come.
 *
 * pdfkit keeps each operator as a Buffer of its own (`Buffer.from(op + '\n', 'binary')`) until the
 * page ends; building them as strings first was no better: a receipt page is ~80 kB of operators,
 * and the strings and string ropes for it made up a quarter of all a receipt allocated, kept alive
 * across garbage collections until the page was done. Here they go straight into one growing
 * buffer, with the same bytes: each operator's characters as Latin-1 (what 'binary' means to
 * Buffer), then a newline.
 */

/** pdfkit's PDFObject.number: how pdfkit writes every coordinate. */
export function pdfNumber(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/**
 * Numbers already written, as text. Formatting a double is the slowest step of writing one, and
 * a page repeats the same few: the page height, font sizes, line positions, kerning adjustments,
 * the QR's module coordinates.
 */
const formatted = new Map<number, string>();
const FORMATTED_MAX = 8192;

export class ContentWriter {
  private buffer = Buffer.allocUnsafe(1 << 17);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + n));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }

  /** Characters as Latin-1, as Buffer.from(s, 'binary') writes them. */
  text(s: string): this {
    const n = s.length;
    this.room(n);
    if (n > 24) {
      this.length += this.buffer.write(s, this.length, n, 'latin1');
    } else {
      const b = this.buffer;
      let at = this.length;
      for (let i = 0; i < n; i++) b[at++] = s.charCodeAt(i) & 0xff;
      this.length = at;
    }
    return this;
  }

  /** An operator and its newline, as pdfkit's addContent writes it. */
  op(s: string): this {
    this.text(s);
    this.room(1);
    this.buffer[this.length++] = 0x0a;
    return this;
  }

  byte(c: number): this {
    this.room(1);
    this.buffer[this.length++] = c;
    return this;
  }

  /** A number as pdfkit writes one (rounded to 6 decimals, then JavaScript's own formatting). */
  num(n: number): this {
    const v = pdfNumber(n);
    let s = formatted.get(v);
    if (s === undefined) {
      s = String(v);
      if (formatted.size < FORMATTED_MAX) formatted.set(v, s);
    }
    return this.text(s);
  }

  /** Four lowercase hex digits, as pdfkit encodes a glyph id: `0000${gid.toString(16)}`.slice(-4). */
  hex4(gid: number): this {
    this.room(4);
    const b = this.buffer;
    const at = this.length;
    b[at] = HEX_DIGITS[(gid >>> 12) & 15]!;
    b[at + 1] = HEX_DIGITS[(gid >>> 8) & 15]!;
    b[at + 2] = HEX_DIGITS[(gid >>> 4) & 15]!;
    b[at + 3] = HEX_DIGITS[gid & 15]!;
    this.length = at + 4;
    return this;
  }

  /** The bytes written since `from`, as a Latin-1 string. */
  since(from: number): string {
    return this.buffer.toString('latin1', from, this.length);
  }

  /** A copy of everything written, and the writer emptied for the next page. */
  take(): Buffer {
    const out = Buffer.from(this.buffer.subarray(0, this.length));
    this.length = 0;
    return out;
  }
}
