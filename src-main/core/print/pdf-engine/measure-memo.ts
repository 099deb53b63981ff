/**
 * pdfmake's measurement of a text node, remembered across documents.
 *
 * Before laying a document out, pdfmake measures every text node (DocMeasure.measureLeaf): it
 * splits the text into words, resolves some 25 style properties for each word through the style
 * stack and asks pdfkit for the width of each word. That was about 40 % of a receipt's render
 * time (bench/print.ts), and most of it is the form's fixed wording, measured identically in every
 * receipt.
 *
 * What a node's measurement yields (its words with their widths, heights and resolved styles, and
 * the node's min and max width) is a pure function of the node's text and of the values those
 * style properties take on the stack, save for one thing: each word carries the document's own
 * pdfkit font. So the key here is the text with those values, and a remembered measurement is
 * handed out as fresh word objects carrying this document's fonts (layout moves and splits them
 * in place).
 *
 * Measuring also has effects on the document, and they decide its bytes: asking for a font face
 * registers it with the document (the order names the faces F1, F2…), and asking pdfkit for a
 * width shapes the word into the document's own glyph cache, whose first request for a glyph
 * sets the text the PDF gives that glyph (shared-fonts.ts). So a measurement is remembered with
 * the calls it made, in order, and a document that reuses it makes the same calls on its own
 * fonts: pdfkit answers repeated words from the document's cache, and the document ends up as if
 * it had measured the node itself. Anything unusual (named styles on inline parts, references,
 * style values that are objects, OpenType features) is measured by pdfmake as before.
 */
import { createRequire } from 'node:module';
import { layoutSegments, type PdfkitFont } from './pdfkit-runs';
import { ReuseCache } from './reuse-cache';

const require = createRequire(import.meta.url);

/** The style properties pdfmake's text measurement reads (TextInlines.measure, TextBreaker). */
export const MEASURED_STYLE_KEYS = [
  'wordBreak',
  'noWrap',
  'leadingIndent',
  'font',
  'bold',
  'italics',
  'alignment',
  'fontSize',
  'fontFeatures',
  'characterSpacing',
  'color',
  'decoration',
  'decorationColor',
  'decorationStyle',
  'decorationThickness',
  'background',
  'link',
  'linkToPage',
  'linkToDestination',
  'opacity',
  'sup',
  'sub',
  'lineHeight',
  'preserveLeadingSpaces',
  'preserveTrailingSpaces',
] as const;

type Inline = Record<string, unknown> & { text: string; font: object | null };

interface FontSource {
  provideFont(family: string, bold: boolean, italics: boolean): object;
}

interface StyleStack {
  styleDictionary: Record<string, Record<string, unknown> | undefined>;
  defaultStyle: Record<string, unknown> | undefined;
  styleOverrides: (string | Record<string, unknown>)[];
}

interface TextInlines {
  pdfDocument: FontSource | null;
  widthOfText(text: string, inline: Inline): number;
}

interface TextNode {
  text: unknown;
  _inlines?: Inline[];
  _minWidth?: number;
  _maxWidth?: number;
  [key: string]: unknown;
}

interface DocMeasure {
  pdfDocument: FontSource;
  textInlines: TextInlines;
  styleStack: StyleStack;
  measureLeaf(node: TextNode): TextNode;
}

type DocMeasureClass = new (pdfDocument: FontSource, ...rest: unknown[]) => DocMeasure;

const DocMeasureBase = (require('pdfmake/js/DocMeasure') as { default: DocMeasureClass }).default;
const TextInlinesBase = (require('pdfmake/js/TextInlines') as { default: { prototype: TextInlines } }).default;

/**
 * A call measuring made on the document, replayed in order: a face asked for, a width asked for.
 * A width is kept as the pieces of text pdfkit's font looks up for it (layoutSegments), which is
 * all that asking for the width does to the document.
 */
type Call = { face: [string, boolean, boolean] } | { width: [item: number, text: string, segments: string[]] };

interface Measurement {
  /** The words as measured, `font` left null. Values are plain (checked when recorded). */
  items: Inline[];
  calls: Call[];
  minWidth: number;
  maxWidth: number;
}

/**
 * Measurements by key, shared by every document of the process. A few kB a node: the form
 * wording of every form is kept; a dossier's own lines (code, name, address) only take the fresh
 * room (reuse-cache.ts).
 */
export class MeasureCache extends ReuseCache<Measurement> {
  constructor() {
    super(500, 3_000);
  }
}

const isValue = (v: unknown) => v !== undefined && v !== null;
const isPlain = (v: unknown) => v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

/**
 * The node's text, if it is of the kinds remembered: a string, or an array of strings and plain
 * parts whose values are plain (no named style, no reference, no nesting).
 */
function textKey(text: unknown): string | null {
  if (typeof text === 'string') return JSON.stringify(text);
  if (!Array.isArray(text)) return null;
  for (const part of text) {
    if (typeof part === 'string') continue;
    if (!isPlainObject(part) || typeof part.text !== 'string') return null;
    for (const key in part) {
      if (key === 'style' || key.startsWith('_') || !isPlain(part[key])) return null;
    }
  }
  return JSON.stringify(text);
}

/** Position of each measured style key in a key's list of values. */
const KEY_INDEX = new Map<string, number>(MEASURED_STYLE_KEYS.map((key, i) => [key, i]));
const FONT_FEATURES = KEY_INDEX.get('fontFeatures')!;
/** Keys of nodes that refer to other nodes or feed a table of contents: the text changes during layout. */
const REFERENCES = new Set(['_textRef', '_pageRef', '_tocItemRef', 'tocItem', 'pageReference', 'textReference']);

/**
 * The measured style values for `node` on top of `stack`, as pdfmake's getProperty resolves them
 * (the first layer from the top with a value that is not null or undefined, else the default), or
 * null. Each layer's own keys are walked rather than each key looked up in each layer: nodes carry
 * few keys, and looking 25 names up in objects of every shape was most of the key's cost.
 */
function styleKey(node: TextNode, stack: StyleStack): string | null {
  const values: unknown[] = new Array(MEASURED_STYLE_KEYS.length);
  const layers = stack.styleOverrides;
  // The node itself first (measureLeaf pushes it on top), then the stack from the top down.
  for (const key in node) if (REFERENCES.has(key)) return null;
  for (let i = layers.length; i >= -1; i--) {
    let layer: Record<string, unknown> | string | undefined = i === layers.length ? node : i >= 0 ? layers[i]! : stack.defaultStyle;
    if (typeof layer === 'string') {
      layer = stack.styleDictionary[layer];
      if (layer && 'extends' in layer) return null;
    }
    if (!layer) continue;
    for (const key in layer) {
      const k = KEY_INDEX.get(key);
      if (k === undefined || values[k] !== undefined) continue;
      const v = layer[key];
      if (!isValue(v)) continue;
      if (!isPlain(v)) return null;
      values[k] = v;
    }
  }
  if (values[FONT_FEATURES] !== undefined) return null;
  return JSON.stringify(values);
}

/** The key of a node's measurement, or null when pdfmake must measure it itself. */
function measurementKey(node: TextNode, stack: StyleStack): string | null {
  const text = textKey(node.text);
  if (text === null) return null;
  const style = styleKey(node, stack);
  return style === null ? null : `${style}${text}`;
}

/** The measurement just made on `node` in a reusable form, or null if it holds anything but plain values. */
function remember(node: TextNode, log: { call: 'face' | 'width'; args: unknown[]; inline?: Inline }[]): Measurement | null {
  const inlines = node._inlines ?? [];
  const items: Inline[] = [];
  for (const inline of inlines) {
    const copy = { ...inline, font: null } as Inline;
    for (const key in copy) if (!isPlain(copy[key])) return null;
    items.push(copy);
  }
  const calls: Call[] = [];
  let faces = 0;
  for (const entry of log) {
    if (entry.call === 'face') {
      const [family, bold, italics] = entry.args;
      if (typeof family !== 'string' || typeof bold !== 'boolean' || typeof italics !== 'boolean') return null;
      // One face per word, in word order (TextInlines.measure): the n-th face is the n-th word's.
      if (inlines[faces]?.font !== entry.args[3]) return null;
      faces++;
      calls.push({ face: [family, bold, italics] });
    } else {
      const item = inlines.indexOf(entry.inline!);
      if (item < 0) return null;
      const text = entry.args[0] as string;
      calls.push({ width: [item, text, layoutSegments(text)] });
    }
  }
  if (faces !== inlines.length) return null;
  return { items, calls, minWidth: node._minWidth!, maxWidth: node._maxWidth! };
}

/** Process-wide: the form wording is the same for every document. */
const shared = new MeasureCache();

/**
 * pdfmake's DocMeasure with text nodes measured through `cache`. The rest of measuring (columns,
 * tables, canvases…) is pdfmake's own.
 */
export class MemoDocMeasure extends DocMeasureBase {
  private log: { call: 'face' | 'width'; args: unknown[]; inline?: Inline }[] | null = null;
  private readonly cache: MeasureCache;

  constructor(pdfDocument: FontSource, ...rest: unknown[]) {
    super(pdfDocument, ...rest);
    this.cache = shared;
    // pdfmake's text measurer reaches the document only for fonts and fonts only for widths:
    // both go through here, to be noted while a node is measured for the first time.
    this.textInlines.pdfDocument = {
      provideFont: (family, bold, italics) => {
        const font = pdfDocument.provideFont(family, bold, italics);
        this.log?.push({ call: 'face', args: [family, bold, italics, font] });
        return font;
      },
    };
    const widthOfText = TextInlinesBase.prototype.widthOfText;
    this.textInlines.widthOfText = (text, inline) => {
      this.log?.push({ call: 'width', args: [text], inline });
      return widthOfText.call(this.textInlines, text, inline);
    };
  }

  override measureLeaf(node: TextNode): TextNode {
    const key = measurementKey(node, this.styleStack);
    if (key === null) return super.measureLeaf(node);
    const known = this.cache.get(key);
    if (known) return this.replay(node, known);
    this.log = [];
    try {
      super.measureLeaf(node);
      const m = remember(node, this.log);
      if (m) this.cache.set(key, m);
      return node;
    } finally {
      this.log = null;
    }
  }

  /** The remembered measurement as this document's own: same calls on its fonts, fresh words. */
  private replay(node: TextNode, m: Measurement): TextNode {
    const items = m.items.map((item) => ({ ...item }));
    let next = 0;
    for (const call of m.calls) {
      if ('face' in call) {
        items[next++]!.font = this.pdfDocument.provideFont(...call.face);
      } else {
        const [item, text, segments] = call.width;
        const font = items[item]!.font as PdfkitFont | null;
        // pdfkit's widthOfString (no features) only looks the pieces up in the font's cache.
        if (font && typeof font.layoutCached === 'function') {
          for (const segment of segments) font.layoutCached(segment);
        } else {
          this.textInlines.widthOfText(text, items[item]!);
        }
      }
    }
    node._inlines = items;
    node._minWidth = m.minWidth;
    node._maxWidth = m.maxWidth;
    return node;
  }
}
