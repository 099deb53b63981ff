/**
 * Font files parsed once per process, while each PDF still gets a font object of its own.
 *
 * Why: pdfkit hands every document's font bytes to `fontkit.create`, so each receipt re-decoded
 * the Liberation Serif tables (hmtx, kern, post, loca, the GSUB/GPOS lookups…) for every face it
 * used: most of the time of one render (bench/print.ts, issue #4).
 *
 * What may be shared: fontkit decodes a table lazily into `font._tables` and keeps it for the
 * life of the font object; a decoded table is a pure function of the file bytes, so sharing it
 * cannot change a PDF. What may not: the Glyph objects in `font._glyphs` (and the layout engine
 * that creates them). A Glyph keeps the code points of the *first* request for its glyph id, and
 * pdfkit copies those into the PDF's ToUnicode map; with one glyph cache for the whole process a
 * PDF's text layer (and bytes) would depend on what was printed before, which breaks text
 * extraction and the byte-identical reprint (ARCHITECTURE.md §7).
 *
 * So each document gets a *view*: `Object.create(parsedFont)` with its own empty glyph cache.
 * Table getters resolve through the prototype to the shared parsed font (fontkit binds them to
 * it); fontkit's lazily cached getters that build per-use state (`_layoutEngine`) run with the
 * view as `this` and so land on the view. A view therefore behaves exactly like a freshly parsed
 * font whose tables happen to be decoded already. The parsed font itself is never handed out.
 * Views also reuse, under the same rule, words already shaped (shaping-cache.ts), what the
 * embedded subsets need (font-subset.ts) and glyph metrics (below); the pdfkit fonts over them
 * reuse words as pdfkit lays them out (pdfkit-runs.ts, for documents of engine.ts).
 *
 * Glyph metrics: a glyph object works out its advance and bearings on first use, decoding its
 * outline header, and every document makes its own glyph objects: for a receipt that was some
 * 400 header decodes, about a twentieth of its render time. Metrics of a static font are a pure
 * function of the glyph id (fontkit recomputes them only under variations), so a view's new glyph
 * gets a copy of the metrics an earlier document's glyph of that id worked out.
 *
 * Plumbing: pdfmake reads font "files" from its virtual file system and passes the bytes through
 * pdfkit to `fontkit.create`. We store a small token there for each face and register a fontkit
 * format (fontkit's `registerFormat`) that recognises exactly those token buffers, by identity,
 * and answers with a fresh view. The token is not a font, so fontkit's own formats decline it; if
 * it ever reached a fontkit without our format, `create` would throw rather than print wrongly.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import { cachedSubset, prepareSubsetFacts, type SubsetFacts, type SubsetFont } from './font-subset';
import { ScaledRunCache, shareScaledRuns, type PdfkitFont } from './pdfkit-runs';
import { cachedLayout, ShapeCache, type ShapingFont } from './shaping-cache';

/** The parts of a fontkit TTFFont this module touches. */
type FontkitFont = SubsetFont &
  ShapingFont & {
    bbox: unknown;
    _cmapProcessor: unknown;
    _getBaseGlyph(id: number, codePoints?: number[]): MetricsGlyph | null;
  };

interface GlyphMetrics {
  advanceWidth: number;
  advanceHeight: number;
  leftBearing: number;
  topBearing: number;
}

/** The fields of a fontkit glyph that metrics sharing touches. */
interface MetricsGlyph {
  _metrics?: GlyphMetrics;
  _getMetrics(): GlyphMetrics;
}

interface Fontkit {
  create(buffer: Uint8Array): FontkitFont;
  registerFormat(format: unknown): void;
}

interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void;
}

/**
 * The fontkit module that pdfkit (under pdfmake) uses, resolved through them rather than through
 * hoisting, so the format is registered on the very instance that will see the tokens.
 */
function pdfkitFontkit(): Fontkit {
  const fromHere = createRequire(import.meta.url);
  const fromPdfmake = createRequire(fromHere.resolve('pdfmake'));
  const fromPdfkit = createRequire(fromPdfmake.resolve('pdfkit'));
  return fromPdfkit('fontkit') as Fontkit;
}

interface SharedFont {
  parsed: FontkitFont;
  /** What embedding subsets reuse (font-subset.ts), or null when the font does not qualify. */
  subsetFacts: SubsetFacts | null;
  /** Shaped words (shaping-cache.ts). */
  shapes: ShapeCache;
  /** Glyph id → metrics, or null when the font has variations (see the header). */
  metrics: Map<number, GlyphMetrics> | null;
  /** Words as pdfkit lays them out (pdfkit-runs.ts). */
  runs: ScaledRunCache;
}

/** Token buffer → shared font, for the registered format. */
const byToken = new Map<Uint8Array, SharedFont>();
/** Parsed font → shared font, to recognise a view by its prototype. */
const byParsed = new Map<FontkitFont, SharedFont>();
/** Font file path → virtual file name holding its token. */
const byFile = new Map<string, string>();
let registered = false;

/**
 * A per-document font: shared decoded tables, its own glyph cache (see the header), shaping
 * through the shared word shapes and embedding subsets built from the shared subset facts.
 */
function viewOf({ parsed, subsetFacts, shapes, metrics }: SharedFont): FontkitFont {
  const view = Object.create(parsed, { _glyphs: { value: {}, writable: true, enumerable: true, configurable: true } }) as FontkitFont;
  view.layout = cachedLayout(view, shapes, parsed.layout);
  if (metrics) view._getBaseGlyph = sharingMetrics(view, metrics, parsed._getBaseGlyph);
  if (subsetFacts) {
    const createSubset = parsed.createSubset;
    view.createSubset = () => cachedSubset(view, subsetFacts, createSubset);
  }
  return view;
}

/**
 * fontkit's `_getBaseGlyph` (which every `getGlyph` of a TrueType font goes through) for a view:
 * a glyph it creates gets the metrics known for its id, or notes them once it works them out.
 */
function sharingMetrics(
  view: FontkitFont,
  metrics: Map<number, GlyphMetrics>,
  getBaseGlyph: FontkitFont['_getBaseGlyph'],
): FontkitFont['_getBaseGlyph'] {
  return (id, codePoints) => {
    const existed = view._glyphs[id] !== undefined;
    const glyph = getBaseGlyph.call(view, id, codePoints);
    if (existed || !glyph) return glyph;
    const known = metrics.get(id);
    if (known) {
      glyph._metrics = { ...known };
    } else {
      const getMetrics = glyph._getMetrics;
      glyph._getMetrics = function () {
        const m = getMetrics.call(this);
        metrics.set(id, { ...m });
        delete (this as Partial<MetricsGlyph>)._getMetrics; // back to the prototype's method
        return m;
      };
    }
    return glyph;
  };
}

/**
 * fontkit format for our tokens: `fontkit.create` calls `probe(bytes)` then `new format(stream)`;
 * a constructor may return another object, here the view.
 */
function SharedFontFormat(stream: { buffer: Uint8Array }): FontkitFont {
  const shared = byToken.get(stream.buffer);
  if (!shared) throw new Error('Shared font token not registered');
  return viewOf(shared);
}
SharedFontFormat.probe = (buffer: Uint8Array): boolean => byToken.has(buffer);

function register(fontkit: Fontkit): void {
  if (registered) return;
  fontkit.registerFormat(SharedFontFormat);
  registered = true;
}

/**
 * The pdfmake font "file" to use for a font file on disk: read and parsed on first use (throws if
 * the file is missing), a per-document view of the same parsed font ever after.
 */
export function sharedFontFile(file: string): string {
  const known = byFile.get(file);
  if (known) return known;
  const fontkit = pdfkitFontkit();
  register(fontkit);
  const parsed = fontkit.create(fs.readFileSync(file));
  // Cached getters that hold no per-document state: computing them on the parsed font makes
  // every view inherit them instead of rebuilding them.
  void parsed._cmapProcessor;
  void parsed.bbox;
  void parsed._variationProcessor;
  const name = `motcua-shared-font/${byFile.size}`;
  const token = Buffer.from(`${name} ${file}`);
  const shared: SharedFont = {
    parsed,
    subsetFacts: prepareSubsetFacts(parsed),
    shapes: new ShapeCache(),
    metrics: parsed._variationProcessor ? null : new Map(),
    runs: new ScaledRunCache(),
  };
  byToken.set(token, shared);
  byParsed.set(parsed, shared);
  (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs.writeFileSync(name, token);
  byFile.set(file, name);
  return name;
}

/**
 * Lets a document's pdfkit font reuse the words earlier documents laid out (pdfkit-runs.ts) when it
 * is over one of our views; any other font is left as it is.
 */
export function shareLaidOutWords(embedded: { font?: unknown }): void {
  const font = embedded.font;
  const shared = typeof font === 'object' && font !== null ? byParsed.get(Object.getPrototypeOf(font) as FontkitFont) : undefined;
  if (shared) shareScaledRuns(embedded as PdfkitFont, shared.runs, shared.shapes);
}
