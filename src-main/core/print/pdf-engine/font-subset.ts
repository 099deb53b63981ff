/**
 * The font subsets pdfkit embeds in each PDF, written from facts kept with the shared parsed
 * font (shared-fonts.ts) instead of being worked out again for every document.
 *
 * pdfkit embeds each face through fontkit's TTFSubset. For every glyph a document uses, fontkit
 * decodes the whole outline (only to learn whether the glyph is a composite) and reads its bytes
 * and metrics; then it re-serialises every table value by value, the hinting tables (`cvt `,
 * `prep`, `fpgm`: ~3 600 values) included. Together that was about a quarter of a receipt's
 * render time (bench/print.ts).
 *
 * Nearly all of it is a pure function of the font file: a glyph's bytes, its composite
 * components (id and byte position), advance and left bearing; the serialised head, hhea, maxp
 * and hinting tables. We work each out once per process (the tables are taken from fontkit's own
 * output). Per document remains only what depends on the document: which glyphs, in which order,
 * the renumbering of composite components inside the subset, and the loca/glyf/hmtx tables and
 * glyph counts that follow from them, laid out as fontkit lays out a subset.
 *
 * The result is byte for byte what fontkit writes. `prepareSubsetFacts` proves it on a sample
 * (simple and composite glyphs) for each face before the shortcut is used, and
 * tests/print/font-subset.test.ts on the text of every form; if a fontkit upgrade ever changed
 * its output, the check fails and fontkit's own subset is used as before.
 */

/** The fields of a fontkit TTFSubset this module uses. */
interface TtfSubset {
  /** Glyph ids in subset order; includeGlyph appends. */
  glyphs: number[];
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}

interface SubsetGlyph {
  advanceWidth: number;
  _getMetrics(): { leftBearing: number };
  _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
}

/** The fields of a fontkit TTFFont (or a per-document view of one) that subsetting reads. */
export interface SubsetFont {
  directory: { tables: Record<string, unknown> };
  loca: { offsets: number[]; version: number };
  _variationProcessor: unknown;
  _glyphs: Record<number, unknown>;
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  getGlyph(gid: number): SubsetGlyph;
  createSubset(): TtfSubset;
}

interface GlyphFacts {
  /** The glyph's bytes in the font file (a view; never written to). */
  bytes: Uint8Array;
  /** For a composite glyph: its components' glyph ids and where each id sits in `bytes`. */
  components: { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}

/** What one parsed font's subsets reuse. */
export interface SubsetFacts {
  glyphs: Map<number, GlyphFacts>;
  /** Serialised tables that do not depend on the glyphs (head, hhea, maxp, cvt , prep, fpgm), as fontkit writes them. */
  tables: Map<string, Uint8Array>;
  /** loca with 32-bit offsets (head.indexToLocFormat 1) or 16-bit halves (0). */
  longLoca: boolean;
}

/** The tables of a fontkit TrueType subset, in the order TTFSubset.encode writes them. */
const SUBSET_TABLES = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'];
const FIXED_TABLES = ['head', 'hhea', 'maxp', 'cvt ', 'prep', 'fpgm'];
/** Byte offsets of the glyph counts a subset changes (OpenType hhea.numberOfHMetrics, maxp.numGlyphs). */
const HHEA_NUMBER_OF_METRICS = 34;
const MAXP_NUM_GLYPHS = 4;

/** Table tag → bytes of an sfnt file. */
function readTables(ttf: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0, n = view.getUint16(4); i < n; i++) {
    const entry = 12 + 16 * i;
    const tag = String.fromCharCode(...ttf.subarray(entry, entry + 4));
    const offset = view.getUint32(entry + 8);
    tables.set(tag, ttf.subarray(offset, offset + view.getUint32(entry + 12)));
  }
  return tables;
}

/**
 * An sfnt file laid out as fontkit's Directory encoder does: tag 'true', the binary-search
 * fields, zero checksums, table data back to back in directory order.
 */
function writeTables(tables: [string, Uint8Array][]): Uint8Array {
  const n = tables.length;
  const headerSize = 12 + 16 * n;
  const out = new Uint8Array(headerSize + tables.reduce((sum, [, bytes]) => sum + bytes.length, 0));
  const view = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(n));
  out.set([0x74, 0x72, 0x75, 0x65]); // 'true'
  view.setUint16(4, n);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, n * 16 - power * 16);
  let offset = headerSize;
  tables.forEach(([tag, bytes], i) => {
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, bytes.length);
    out.set(bytes, offset);
    offset += bytes.length;
  });
  return out;
}

function factsOf(font: SubsetFont, gid: number): GlyphFacts {
  // Exactly the reads fontkit's TTFSubset._addGlyph makes (fontkit 2.0).
  const glyph = font.getGlyph(gid);
  const glyf = glyph._decode();
  const start = font.loca.offsets[gid]!;
  const end = font.loca.offsets[gid + 1]!;
  const stream = font._getTableStream('glyf');
  stream.pos += start;
  const bytes = stream.readBuffer(end - start);
  const components = glyf && glyf.numberOfContours < 0 ? glyf.components!.map((c) => ({ glyphID: c.glyphID, pos: c.pos })) : null;
  return { bytes, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
}

/** A copy of `bytes` with the big-endian uint16 at `at` set to `value`. */
function withUint16(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint16(at, value);
  return copy;
}

/** What TTFSubset.encode writes for this subset, from cached facts. */
function encodeSubset(subset: TtfSubset, font: SubsetFont, facts: SubsetFacts): Uint8Array {
  const glyf: Uint8Array[] = [];
  const starts: number[] = [];
  let size = 0;
  // Composite glyphs add their components to subset.glyphs while we go, as in fontkit.
  for (let i = 0; i < subset.glyphs.length; i++) {
    const gid = subset.glyphs[i]!;
    let glyph = facts.glyphs.get(gid);
    if (!glyph) facts.glyphs.set(gid, (glyph = factsOf(font, gid)));
    let bytes = glyph.bytes;
    if (glyph.components) {
      // Component ids are renumbered to ids inside this subset, in a copy.
      bytes = new Uint8Array(bytes);
      const view = new DataView(bytes.buffer);
      for (const c of glyph.components) view.setUint16(c.pos, subset.includeGlyph(c.glyphID));
    }
    glyf.push(bytes);
    starts.push(size);
    size += bytes.length;
  }
  starts.push(size);
  const count = glyf.length;

  const loca = new Uint8Array(starts.length * (facts.longLoca ? 4 : 2));
  const locaView = new DataView(loca.buffer);
  starts.forEach((s, i) => (facts.longLoca ? locaView.setUint32(i * 4, s) : locaView.setUint16(i * 2, s >>> 1)));
  const hmtx = new Uint8Array(count * 4);
  const hmtxView = new DataView(hmtx.buffer);
  subset.glyphs.forEach((gid, i) => {
    const { advance, bearing } = facts.glyphs.get(gid)!;
    hmtxView.setUint16(i * 4, advance);
    hmtxView.setInt16(i * 4 + 2, bearing);
  });
  const glyfTable = new Uint8Array(size);
  glyf.forEach((bytes, i) => glyfTable.set(bytes, starts[i]));

  const tables = new Map(facts.tables);
  tables.set('hhea', withUint16(facts.tables.get('hhea')!, HHEA_NUMBER_OF_METRICS, count));
  tables.set('maxp', withUint16(facts.tables.get('maxp')!, MAXP_NUM_GLYPHS, count));
  tables.set('loca', loca);
  tables.set('glyf', glyfTable);
  tables.set('hmtx', hmtx);
  return writeTables(SUBSET_TABLES.filter((tag) => tables.has(tag)).map((tag) => [tag, tables.get(tag)!]));
}

/**
 * A fontkit TTFSubset of `font` (a per-document view) that encodes from `facts`;
 * `createSubset` is fontkit's TTFFont.prototype.createSubset.
 */
export function cachedSubset(font: SubsetFont, facts: SubsetFacts, createSubset: SubsetFont['createSubset']): TtfSubset {
  const subset = createSubset.call(font);
  subset.encode = () => encodeSubset(subset, font, facts);
  return subset;
}

/** A font of its own for one-off work, so the parsed font's glyph cache stays unused. */
function scratchView(parsed: SubsetFont): SubsetFont {
  return Object.create(parsed, { _glyphs: { value: {}, writable: true } }) as SubsetFont;
}

/**
 * The reusable facts of a parsed font, or null when its subsets must stay fontkit's own: only
 * static TrueType outlines qualify (a variable font re-encodes glyph paths, a CFF font has another
 * subset class), and the cached subset must reproduce fontkit's bytes on a sample of glyphs.
 */
export function prepareSubsetFacts(parsed: SubsetFont): SubsetFacts | null {
  if (!parsed.directory.tables.glyf || parsed._variationProcessor) return null;
  const plain = (gids: number[]) => {
    const subset = scratchView(parsed).createSubset();
    for (const gid of gids) subset.includeGlyph(gid);
    return subset.encode();
  };
  const reference = readTables(plain([]));
  const facts: SubsetFacts = {
    glyphs: new Map(),
    tables: new Map(FIXED_TABLES.filter((tag) => reference.has(tag)).map((tag) => [tag, reference.get(tag)!.slice()])),
    longLoca: parsed.loca.version === 1,
  };
  if (!facts.tables.has('hhea') || !facts.tables.has('maxp')) return null;
  // A sample with simple and composite glyphs (in Liberation Serif, most Vietnamese letters with
  // diacritics are composites), taken as text would be: through the cmap.
  const text = scratchView(parsed) as SubsetFont & { glyphsForString(s: string): { id: number }[] };
  const sample = text.glyphsForString('Aa Ấấ Ệệ Đđ Ơở Ừự 0,9.').map((g) => g.id);
  const cached = cachedSubset(scratchView(parsed), facts, parsed.createSubset);
  for (const gid of sample) cached.includeGlyph(gid);
  return Buffer.from(cached.encode()).equals(Buffer.from(plain(sample))) ? facts : null;
}
