/**
 * Words as pdfkit lays them out, shared across documents.
 *
 * pdfkit keeps the runs of a document's words in a per-document cache (EmbeddedFont.layoutCached);
 * on the first use of a word in a document it asks the font to shape it (shaping-cache.ts replays
 * an earlier shape into the document's glyph cache), then scales every position to 1000 units per
 * em and reads every glyph's advance. A receipt uses some 300 words per face for the first time,
 * and that was an eighth of its render time (bench/print.ts).
 *
 * The scaled numbers of a word are a pure function of the font and the word, so they are kept
 * here with the word's shape. What still depends on the document is its glyph cache, and it is
 * handled exactly as shaping-cache.ts handles it: the shape is reused only when it `applies` to
 * this document, and then `replayGlyphs` creates the glyphs the layout would have created, in the
 * same order and with the same code points. The run handed to pdfkit is a plain object with the
 * three things pdfkit reads from a run (EmbeddedFont.layout: glyphs, positions, advanceWidth):
 * the glyphs are the document's, the positions are shared and frozen. Nothing writes to a run's
 * positions once pdfkit has scaled them (pdfkit copies one before adding word spacing, and
 * renderer.ts only reads them); pdfkit's code is strict, so a write would throw, not go astray.
 * When the shape does not apply, pdfkit lays the word out as before.
 */
import { ReuseCache } from './reuse-cache';
import { applies, replayGlyphs, type Shape, type ShapeCache, type ShapingFont } from './shaping-cache';

interface PdfkitPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

interface PdfkitRun {
  glyphs: { id: number }[];
  positions: PdfkitPosition[];
  advanceWidth: number;
}

/** The fields of pdfkit's EmbeddedFont used here. */
export interface PdfkitFont {
  font: ShapingFont;
  layoutCache?: Record<string, PdfkitRun>;
  layoutCached(text: string): PdfkitRun;
  layoutRun(text: string): PdfkitRun;
}

interface ScaledRun {
  shape: Shape;
  /** The positions as pdfkit scaled them, frozen: every document's run shares them. */
  positions: readonly Readonly<PdfkitPosition>[];
  advanceWidth: number;
}

/**
 * Scaled words of one face, by text; shared by all its documents. About a kilobyte a word (its
 * shape and one frozen position per glyph), bounded as shapes are (reuse-cache.ts).
 */
export class ScaledRunCache extends ReuseCache<ScaledRun> {
  constructor() {
    super(1_000, 8_000);
  }
}

/**
 * The pieces pdfkit's EmbeddedFont.layout (without OpenType features) looks up in its cache, in
 * order: the text split after each space or tab.
 */
export function layoutSegments(text: string): string[] {
  const segments: string[] = [];
  let last = 0;
  let index = 0;
  while (index <= text.length) {
    const c = index < text.length ? text.charCodeAt(index) : -1;
    if ((index === text.length && last < index) || c === 32 || c === 9) {
      segments.push(text.slice(last, ++index));
      last = index;
    } else {
      index++;
    }
  }
  return segments;
}

/** The run pdfkit just made, in reusable form, with the shape it was made from (or null). */
function remember(run: PdfkitRun, shape: Shape | undefined): ScaledRun | null {
  if (!shape || shape.ids.length !== run.glyphs.length || run.positions.length !== run.glyphs.length) return null;
  for (let i = 0; i < shape.ids.length; i++) if (shape.ids[i] !== run.glyphs[i]!.id) return null;
  const positions = Object.freeze(
    run.positions.map((p) =>
      Object.freeze({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset, advanceWidth: p.advanceWidth }),
    ),
  );
  return { shape, positions, advanceWidth: run.advanceWidth };
}

function replay(font: ShapingFont, scaled: ScaledRun): PdfkitRun {
  return { glyphs: replayGlyphs(font, scaled.shape), positions: scaled.positions as PdfkitPosition[], advanceWidth: scaled.advanceWidth };
}

/**
 * Makes `embedded` (a document's pdfkit font over a per-document view) take first-used words
 * from `runs`, with `shapes` the view's shaped words. pdfkit's own cache stays in front.
 */
export function shareScaledRuns(embedded: PdfkitFont, runs: ScaledRunCache, shapes: ShapeCache): void {
  const cache = embedded.layoutCache;
  if (!cache) return; // the document turned pdfkit's cache off: leave pdfkit alone
  const view = embedded.font;
  embedded.layoutCached = (text) => {
    const known = cache[text];
    if (known) return known;
    const scaled = runs.get(text);
    let run: PdfkitRun;
    if (scaled && applies(view, scaled.shape)) {
      run = replay(view, scaled);
    } else {
      run = embedded.layoutRun(text);
      const fresh = remember(run, shapes.get(text));
      if (fresh) runs.set(text, fresh);
    }
    cache[text] = run;
    return run;
  };
}
