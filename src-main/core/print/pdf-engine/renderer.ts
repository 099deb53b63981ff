/**
 * pdfmake's Renderer with the two things a form is made of (words and filled rectangles) written
 * straight into the page's operators, as pdfkit would write them.
 *
 * pdfmake draws every word through pdfkit's general `text()`: an options object built and
 * merged, alignment, baseline, link, underline and rotation checks, a graphics state saved with
 * its matrix, a transform multiplied out, the word laid out and encoded into fresh arrays, then
 * some ten operators written one by one; before that, opacity and colour are parsed and set
 * again. A receipt has some 750 words and its QR codes some 600 rectangles, and that general
 * path was a third of its render time (bench/print.ts). For the case pdfmake actually hands over
 * (left aligned, no width, default baseline, no character spacing, links or OpenType features)
 * what pdfkit writes is fixed: `q`, the page flip, `BT`, the text matrix, the font, the glyph runs
 * of `_fragment` (ported below), `ET`, `Q`. The opacity and colour operators are pdfkit's own,
 * written by pdfkit the first time on each page (which registers the graphics states they use)
 * and repeated as written for the next word of the same colour.
 *
 * Anything else (links, outlines, page references, features, sub/superscript, spacing, other
 * vectors) is drawn by pdfmake's own code, so the PDF is byte for byte pdfmake's
 * (tests/print/engine.test.ts).
 *
 * One difference nobody reads: pdfkit also moves its text cursor (doc.x) past the word; here it
 * stays where the word starts. pdfmake places every word itself and never reads the cursor.
 */
import { createRequire } from 'node:module';
import type { ContentWriter } from './content-writer';
import type { PdfDocument } from './pdf-document';

const require = createRequire(import.meta.url);

type AnyClass = new (...args: any[]) => any;
const Renderer = (require('pdfmake/js/Renderer') as { default: AnyClass }).default;
const TextDecorator = (require('pdfmake/js/TextDecorator') as { default: AnyClass }).default;

interface GlyphPosition {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

interface GlyphRun {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: GlyphPosition[];
}

/** The fields of pdfkit's EmbeddedFont that `encode` reads and writes. */
interface EmbeddedFont {
  id: string;
  ascender: number;
  scale: number;
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  subset: { includeGlyph(id: number): number };
  ref(): unknown;
  layoutCached(text: string): GlyphRun;
}

interface Inline {
  text: string;
  x: number;
  font: EmbeddedFont;
  fontSize: number;
  color: unknown;
  opacity: unknown;
  [key: string]: unknown;
}

interface Line {
  inlines: Inline[];
  getHeight(): number;
  getAscenderHeight(): number;
  [key: string]: unknown;
}

interface Vector {
  type: string;
  x: number;
  y: number;
  w: number;
  h: number;
  [key: string]: unknown;
}

/** The pdfkit document as the renderer drives it: PdfDocument plus pdfkit's state and methods. */
type Doc = PdfDocument & Record<string, any>;

/** pdfmake's own test for a number (helpers/variableType.js), as its renderer applies it. */
const { isNumber } = require('pdfmake/js/helpers/variableType') as { isNumber(v: unknown): v is number };

/** A word pdfkit would draw the plain way (see the header); anything else takes pdfmake's path. */
function isPlainInline(inline: Inline): boolean {
  return (
    typeof inline.text === 'string' &&
    !inline.text.includes('\n') &&
    inline.link == null &&
    !inline.linkToDestination &&
    !inline.linkToPage &&
    !inline._pageNodeRef &&
    !inline.fontFeatures &&
    !inline.characterSpacing &&
    !inline.sup &&
    !inline.sub &&
    typeof inline.font.layoutCached === 'function' &&
    inline.font.subset !== undefined
  );
}

/** The runs of the word being written, `runCount` of them (reused: no array per word). */
const runs: (GlyphRun | null)[] = [];
let runCount = 0;

/**
 * pdfkit's EmbeddedFont.layout (without features) into `runs`: the word split after each space or
 * tab (as pdfkit-runs.ts layoutSegments), each piece through the font's cache, in the same order of
 * calls.
 */
function layoutRuns(font: EmbeddedFont, text: string): void {
  runCount = 0;
  let last = 0;
  for (let index = 0; index < text.length; index++) {
    const c = text.charCodeAt(index);
    if (c === 32 || c === 9) {
      runs[runCount++] = font.layoutCached(text.slice(last, index + 1));
      last = index + 1;
    }
  }
  if (last < text.length) runs[runCount++] = font.layoutCached(last === 0 ? text : text.slice(last));
}

/** Glyph ids of the word being written (reused: no array per word). */
let gids = new Uint32Array(256);

/** The TJ arrays of the word being written (module state rather than closures: one word at a time). */
const tj: { writer: ContentWriter | null; start: number; open: boolean } = { writer: null, start: 0, open: false };

/** Writes the glyphs from the segment start up to `end`, `pos` being the last one's position. */
function cut(end: number, pos: GlyphPosition): void {
  const w = tj.writer!;
  if (tj.start < end) {
    w.text(tj.open ? ' <' : '\n[<');
    tj.open = true;
    for (let k = tj.start; k < end; k++) w.hex4(gids[k]!);
    w.text('> ').num(-(pos.xAdvance - pos.advanceWidth));
  }
  tj.start = end;
}

function closeTj(): void {
  if (tj.open) tj.writer!.text('] TJ');
  tj.open = false;
}

/**
 * Writes what pdfkit's `_fragment` writes for `text` at (x, y) in the current font and size, plain
 * case, into the page's operators; and does what it does on the way: the font's entry in the
 * page resources, and through `encode` the glyphs into the font's subset, widths and ToUnicode
 * entries.
 */
function fragment(doc: Doc, text: string, x: number, y: number): void {
  if (text.length === 0) return;
  const font = doc._font as EmbeddedFont;
  const size = doc._fontSize as number;
  const dy = (font.ascender / 1000) * size;
  const page = doc.page!;
  const height = page.height;
  y = height - y - dy;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  const w = doc.operators();
  w.text('q\n1 0 0 -1 0 ').num(height).text(' cm\nBT\n1 0 0 1 ').num(x).byte(0x20).num(y);
  w.text(' Tm\n/').text(font.id).byte(0x20).num(size).text(' Tf');

  // EmbeddedFont.encode: every glyph into the subset, in order, before anything is written.
  layoutRuns(font, text);
  // Indexed loops: positions may be frozen shared arrays (pdfkit-runs.ts), which for-of walks with
  // an iterator object per element.
  let count = 0;
  for (let r = 0; r < runCount; r++) {
    const glyphs = runs[r]!.glyphs;
    for (let k = 0; k < glyphs.length; k++) {
      const glyph = glyphs[k]!;
      const gid = font.subset.includeGlyph(glyph.id);
      if (count === gids.length) {
        const more = new Uint32Array(count * 2);
        more.set(gids);
        gids = more;
      }
      gids[count++] = gid;
      if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
      if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
    }
  }

  // _fragment's glyph loop (no word spacing): glyphs go out in TJ arrays `[<hex> adjust …] TJ`,
  // a segment cut after each glyph whose advance is kerned, and a glyph with an offset gets a
  // text matrix and a TJ array of its own.
  const scale = size / 1000;
  tj.writer = w;
  tj.start = 0;
  tj.open = false;
  let g = 0;
  let hadOffset = false;
  let previous: GlyphPosition | null = null;
  for (let r = 0; r < runCount; r++) {
    const positions = runs[r]!.positions;
    for (let k = 0; k < positions.length; k++) {
      const pos = positions[k]!;
      if (pos.xOffset || pos.yOffset) {
        if (previous) cut(g, previous);
        closeTj();
        w.text('\n1 0 0 1 ').num(x + pos.xOffset * scale).byte(0x20).num(y + pos.yOffset * scale).text(' Tm');
        cut(g + 1, pos);
        closeTj();
        hadOffset = true;
      } else {
        if (hadOffset) {
          w.text('\n1 0 0 1 ').num(x).byte(0x20).num(y).text(' Tm');
          hadOffset = false;
        }
        if (pos.xAdvance - pos.advanceWidth !== 0) cut(g + 1, pos);
      }
      previous = pos;
      x += pos.xAdvance * scale;
      g++;
    }
  }
  if (previous) cut(g, previous);
  closeTj();
  w.op('\nET\nQ');
  // Nothing of this document stays reachable from module state.
  runs.fill(null, 0, runCount);
  tj.writer = null;
}

/**
 * What pdfkit wrote for one opacity and colour: the operators, and the fill colour it keeps
 * (pdfkit only ever replaces `_fillColor` or spreads it, so one array serves every word).
 */
interface Paint {
  ops: string;
  fillColor: [unknown, unknown];
}

export class FastRenderer extends Renderer {
  declare pdfDocument: Doc;
  /** Paints already written on `paintsPage`, by kind, opacity and colour (pdfkit registers their states per page). */
  private paints = new Map<string, Paint>();
  private paintsPage: unknown = null;
  /** The last paint used, to skip the lookup while the colour stays the same (nearly always). */
  private last: { key: string; kind: 'text' | 'rect'; opacity: number; color: string; paint: Paint } | null = null;

  /**
   * Opacity and colour for a word ('text', as pdfmake's renderLine sets them) or a filled
   * rectangle ('rect', as its renderVector does), written by pdfkit the first time on a page and
   * reused from there.
   */
  private paint(kind: 'text' | 'rect', opacity: number, color: string): void {
    const doc = this.pdfDocument;
    if (doc.page !== this.paintsPage) {
      this.paints.clear();
      this.last = null;
      this.paintsPage = doc.page;
    }
    const last = this.last;
    if (last && last.kind === kind && last.opacity === opacity && last.color === color) {
      doc.addContent(last.paint.ops);
      doc._fillColor = last.paint.fillColor;
      return;
    }
    const key = `${kind} ${opacity} ${color}`;
    let known = this.paints.get(key);
    if (known) {
      doc.addContent(known.ops);
      doc._fillColor = known.fillColor;
    } else {
      const ops = doc.contentWrittenBy(() => {
        if (kind === 'text') {
          doc.opacity(opacity);
          doc.fill(doc.resolveColor(color, 'black'));
        } else {
          doc.fillColor(doc.resolveColor(color, 'black'), opacity);
          doc.fill();
        }
      });
      if (ops === null) return;
      known = { ops, fillColor: doc._fillColor.slice() };
      this.paints.set(key, known);
    }
    this.last = { key, kind, opacity, color, paint: known };
  }

  renderLine(line: Line, x: number, y: number): void {
    const doc = this.pdfDocument;
    if (line._outline || line._pageNodeRef || line.id || doc._textOptions || doc._wrapper || !line.inlines.every(isPlainInline)) {
      super.renderLine(line, x, y);
      return;
    }
    // pdfmake's renderLine from here, with the word itself written by `fragment`.
    x = x || 0;
    y = y || 0;
    const lineHeight = line.getHeight();
    const descent = lineHeight - line.getAscenderHeight();
    const decorator = new TextDecorator(doc);
    decorator.drawBackground(line, x, y);
    for (const inline of line.inlines) {
      const shiftToBaseline = lineHeight - (inline.font.ascender / 1000) * inline.fontSize - descent;
      const opacity = isNumber(inline.opacity) ? inline.opacity : 1;
      const color = inline.color;
      if (typeof color === 'string') {
        this.paint('text', opacity, color);
      } else {
        doc.opacity(opacity);
        doc.fill(doc.resolveColor(color, 'black'));
      }
      doc._font = inline.font;
      doc.fontSize(inline.fontSize);
      // pdfkit's text(): the cursor moves to the word, then _fragment draws it.
      doc.x = x + inline.x;
      doc.y = y + shiftToBaseline;
      fragment(doc, inline.text, doc.x, doc.y);
    }
    decorator.drawDecorations(line, x, y);
  }

  renderVector(vector: Vector): void {
    // A filled, unstroked, square-cornered, undashed rectangle: pdfmake's renderVector without
    // the branches that cannot apply, its five state and path operators written at once.
    const plain =
      vector.type === 'rect' &&
      !vector.r &&
      !vector.dash &&
      !vector.linearGradient &&
      !vector.lineColor &&
      typeof vector.color === 'string' &&
      vector.color !== '' &&
      (vector.lineJoin === undefined || vector.lineJoin === 'miter') &&
      (vector.lineCap === undefined || vector.lineCap === 'butt');
    if (!plain) {
      super.renderVector(vector);
      return;
    }
    const doc = this.pdfDocument;
    const w = doc.operators();
    w.num((vector.lineWidth as number) || 1).text(' w\n[] 0 d\n0 j\n0 J\n');
    w.num(vector.x).byte(0x20).num(vector.y).byte(0x20).num(vector.w).byte(0x20).num(vector.h).op(' re');
    const color = vector.color as string;
    const fillOpacity = isNumber(vector.fillOpacity) ? vector.fillOpacity : 1;
    this.paint('rect', fillOpacity, color);
  }
}
