/**
 * Shaped words shared across documents, replayed into each document's own glyph cache.
 *
 * pdfkit shapes every distinct word of a document through fontkit's OpenType layout (GSUB, GPOS
 * kerning and marks): about 300 words per receipt, an eighth of its render time, and mostly the
 * same words again in the next receipt. A shaped word (glyph ids and positions) depends on the
 * font, the word, and the code points of the glyph objects the layout reads. The layout also
 * creates glyph objects in the document's glyph cache, and those carry the code points pdfkit
 * writes into the PDF's ToUnicode map (shared-fonts.ts explains why that cache is per document).
 *
 * fontkit creates a glyph object on the first `getGlyph(id, codePoints)` for its id and ignores
 * the code points of later requests. So a shape is recorded with the glyphs its layout asked
 * for, in order, each with the code points it was first requested with and those it ended up
 * with. Reusing the shape in another document is allowed only when that document's own layout
 * would read the same glyphs: each one the document already has must carry the recorded code
 * points, and each one it lacks must be one the layout created with them. Then creating the
 * missing ones leaves the glyph cache exactly as fontkit's layout would, and the run is rebuilt
 * from the recorded ids and positions. Otherwise (and for anything unusual: OpenType features
 * asked for, glyphs created behind `getGlyph`'s back) fontkit shapes the word as before.
 */

import { ReuseCache } from './reuse-cache';

interface Glyph {
  id: number;
  codePoints: number[];
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

interface GlyphRun {
  glyphs: Glyph[];
  positions: Position[];
}

/** The fields of a per-document fontkit font (shared-fonts.ts) this module uses. */
export interface ShapingFont {
  _glyphs: Record<number, Glyph | undefined>;
  getGlyph(id: number, codePoints?: number[]): Glyph;
  layout(text: string, ...rest: unknown[]): GlyphRun;
}

/** What a run is besides its glyphs and positions; the same few objects serve every shape. */
interface RunTemplate {
  runPrototype: object;
  positionPrototype: object;
  /** script, language, direction: flat values. */
  fields: Record<string, unknown>;
  /** The OpenType features applied: tag → boolean. */
  features: Record<string, unknown>;
}

/** Numbers only, so a shape never holds on to the document it was recorded in. */
export interface Shape {
  /** Per glyph asked for, in order: id, 1 if its first request made it as it ended up (else 0), n, n code points. */
  glyphs: Int32Array;
  ids: Int32Array;
  /** xAdvance, yAdvance, xOffset, yOffset per glyph of the run, in font units. */
  positions: Float64Array;
  template: RunTemplate;
}

/** Shaped words of one parsed font, by text; shared by all its per-document views. */
export class ShapeCache {
  /**
   * Under 1 kB a word: a few MB per face at most. Words used again (form wording, common names)
   * are kept; a dossier's one-off words only take the fresh room (reuse-cache.ts).
   */
  private readonly shapes = new ReuseCache<Shape>(1_000, 8_000);
  private readonly templates = new Map<string, RunTemplate>();

  get(text: string): Shape | undefined {
    return this.shapes.get(text);
  }

  set(text: string, shape: Shape): void {
    this.shapes.set(text, shape);
  }

  template(t: RunTemplate): RunTemplate {
    const key = JSON.stringify([t.fields, t.features]);
    const known = this.templates.get(key);
    if (known && known.runPrototype === t.runPrototype && known.positionPrototype === t.positionPrototype) return known;
    this.templates.set(key, t);
    return t;
  }
}

function sameCodePoints(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether `codePoints` equals the `n` packed values of `g` from `at`. */
function samePacked(codePoints: number[], g: Int32Array, at: number, n: number): boolean {
  if (codePoints.length !== n) return false;
  for (let k = 0; k < n; k++) if (codePoints[k] !== g[at + k]) return false;
  return true;
}

function isFlat(o: object): boolean {
  return Object.values(o).every((v) => v === null || typeof v !== 'object');
}

/** Shape `text` with fontkit, noting what is needed to replay it in another document (or null). */
function record(font: ShapingFont, text: string, layout: ShapingFont['layout'], cache: ShapeCache): { run: GlyphRun; shape: Shape | null } {
  /** Glyph id → [code points of its first request, whether it existed then], in request order. */
  const asked = new Map<number, [number[], boolean]>();
  const countBefore = Object.keys(font._glyphs).length;
  const getGlyph = font.getGlyph;
  font.getGlyph = function (id, codePoints = []) {
    if (!asked.has(id)) asked.set(id, [[...codePoints], font._glyphs[id] !== undefined]);
    return getGlyph.call(this, id, codePoints);
  };
  let run: GlyphRun;
  try {
    run = layout.call(font, text);
  } finally {
    delete (font as Partial<ShapingFont>).getGlyph; // back to the prototype's method
  }
  const created = [...asked.values()].filter(([, existed]) => !existed).length;
  const { glyphs, positions, features, ...fields } = run as GlyphRun & { features: Record<string, unknown> };
  const replayable =
    // every glyph the layout created went through getGlyph,
    Object.keys(font._glyphs).length === countBefore + created &&
    // the run is made of the document's cached glyph objects,
    glyphs.every((g) => font._glyphs[g.id] === g) &&
    glyphs.length > 0 &&
    // and the rest of the run can be copied as plain values.
    isFlat(fields) &&
    isFlat(features);
  if (!replayable) return { run, shape: null };

  const packed: number[] = [];
  for (const [id, [first]] of asked) {
    const final = font._glyphs[id]!.codePoints;
    packed.push(id, sameCodePoints(first, final) ? 1 : 0, final.length, ...final);
  }
  const numbers = new Float64Array(positions.length * 4);
  positions.forEach((p, i) => numbers.set([p.xAdvance, p.yAdvance, p.xOffset, p.yOffset], i * 4));
  const template = cache.template({
    runPrototype: Object.getPrototypeOf(run) as object,
    positionPrototype: Object.getPrototypeOf(positions[0]) as object,
    fields: { ...fields },
    features: { ...features },
  });
  return { run, shape: { glyphs: Int32Array.from(packed), ids: Int32Array.from(glyphs, (g) => g.id), positions: numbers, template } };
}

/** Whether this document's own layout of the word would read the glyphs the shape was made with. */
export function applies(font: ShapingFont, shape: Shape): boolean {
  const g = shape.glyphs;
  for (let i = 0; i < g.length; i += 3 + g[i + 2]!) {
    const existing = font._glyphs[g[i]!];
    if (existing ? !samePacked(existing.codePoints, g, i + 3, g[i + 2]!) : g[i + 1] !== 1) return false;
  }
  return true;
}

/**
 * The shape's glyphs as this document's glyph objects, creating those it lacks in the order the
 * layout asked for them (only when `applies`): the glyph cache ends up as fontkit's layout leaves it.
 */
export function replayGlyphs(font: ShapingFont, shape: Shape): Glyph[] {
  // Plain loops: Array.from over a typed array goes through its iterator, an object per element.
  const g = shape.glyphs;
  for (let i = 0; i < g.length; i += 3 + g[i + 2]!) {
    if (font._glyphs[g[i]!]) continue;
    const codePoints: number[] = [];
    for (let k = i + 3, end = i + 3 + g[i + 2]!; k < end; k++) codePoints.push(g[k]!);
    font.getGlyph(g[i]!, codePoints);
  }
  const glyphs: Glyph[] = new Array(shape.ids.length);
  for (let k = 0; k < shape.ids.length; k++) glyphs[k] = font._glyphs[shape.ids[k]!]!;
  return glyphs;
}

/** The shape as a run of this document's glyph objects, creating those it lacks (pdfkit scales positions in place). */
function replay(font: ShapingFont, shape: Shape): GlyphRun {
  const glyphs = replayGlyphs(font, shape);
  const { runPrototype, positionPrototype, fields, features } = shape.template;
  const GlyphPosition = (positionPrototype as { constructor: new (...xy: number[]) => Position }).constructor;
  const n = shape.positions;
  const positions: Position[] = [];
  for (let i = 0; i < n.length; i += 4) positions.push(new GlyphPosition(n[i]!, n[i + 1]!, n[i + 2]!, n[i + 3]!));
  const run = Object.create(runPrototype) as GlyphRun;
  run.glyphs = glyphs;
  run.positions = positions;
  return Object.assign(run, fields, { features: { ...features } });
}

/**
 * `layout` for a per-document font: plain `font.layout(text)` calls (what pdfkit makes when no
 * OpenType features are asked for) go through `cache`; anything else straight to fontkit.
 */
export function cachedLayout(font: ShapingFont, cache: ShapeCache, layout: ShapingFont['layout']): ShapingFont['layout'] {
  return (text, ...rest) => {
    if (typeof text !== 'string' || rest.some((arg) => arg !== undefined)) return layout.call(font, text, ...rest);
    const shape = cache.get(text);
    if (shape && applies(font, shape)) return replay(font, shape);
    const recorded = record(font, text, layout, cache);
    // A shape that did not apply here gives way to this document's: the latest kind of document wins.
    if (recorded.shape) cache.set(text, recorded.shape);
    return recorded.run;
  };
}
