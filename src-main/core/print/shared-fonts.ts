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
 * Views also reuse, under the same rule, words already shaped (shaping-cache.ts) and what the
 * embedded subsets need (font-subset.ts).
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
import { cachedLayout, ShapeCache, type ShapingFont } from './shaping-cache';

/** The parts of a fontkit TTFFont this module touches. */
type FontkitFont = SubsetFont &
  ShapingFont & {
    bbox: unknown;
    _cmapProcessor: unknown;
  };

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
}

/** Token buffer → shared font, for the registered format. */
const byToken = new Map<Uint8Array, SharedFont>();
/** Font file path → virtual file name holding its token. */
const byFile = new Map<string, string>();
let registered = false;

/**
 * A per-document font: shared decoded tables, its own glyph cache (see the header), shaping
 * through the shared word shapes and embedding subsets built from the shared subset facts.
 */
function viewOf({ parsed, subsetFacts, shapes }: SharedFont): FontkitFont {
  const view = Object.create(parsed, { _glyphs: { value: {}, writable: true, enumerable: true, configurable: true } }) as FontkitFont;
  view.layout = cachedLayout(view, shapes, parsed.layout);
  if (subsetFacts) {
    const createSubset = parsed.createSubset;
    view.createSubset = () => cachedSubset(view, subsetFacts, createSubset);
  }
  return view;
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
  byToken.set(token, { parsed, subsetFacts: prepareSubsetFacts(parsed), shapes: new ShapeCache() });
  (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs.writeFileSync(name, token);
  byFile.set(file, name);
  return name;
}
