/**
 * Named styles written into the nodes that use them, before pdfmake lays the document out.
 *
 * pdfmake resolves some 25 style properties for every word it measures by walking the style
 * stack, and each named style on the way costs a dictionary lookup with a fresh `Set` (its guard
 * against `extends` cycles). A style object on the node itself is read directly: inlining saves
 * about 6 % of a receipt's render time (bench/print.ts). `{ text, style: 'body' }` becomes
 * `{ ...STYLES.body, text }`, which pdfmake reads the same way: on the style stack a node's own
 * properties already sit above its named styles, so the node's values win, as here, and the
 * node's children see the merged values just as they saw the named ones.
 *
 * Left alone (kept as named styles) are nodes whose styles pdfmake also reads outside the style
 * stack (margins) or that chain (`extends`). The copy keeps shared nodes shared: pdfmake moves
 * canvas vectors in place, so a node used twice (the ticket's dashed rule) is not drawn like two
 * separate copies, and this step must not change any output.
 */
import type { StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces';

type Style = Record<string, unknown>;

/** Style keys pdfmake reads outside the style stack, or that make a style depend on others. */
const NOT_INLINED = ['margin', 'marginLeft', 'marginTop', 'marginRight', 'marginBottom', 'extends'];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

/** The styles a node names, merged in order, or null when they must stay named. */
function merged(names: unknown, styles: StyleDictionary): Style | null {
  const list = Array.isArray(names) ? names : [names];
  const out: Style = {};
  for (const name of list) {
    const style = typeof name === 'string' ? (styles[name] as Style | undefined) : undefined;
    if (!style || NOT_INLINED.some((key) => key in style)) return null;
    Object.assign(out, style);
  }
  return out;
}

function copy(value: unknown, styles: StyleDictionary, seen: Map<object, unknown>): unknown {
  if (Array.isArray(value) || isPlainObject(value)) {
    const known = seen.get(value);
    if (known) return known;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(copy(item, styles, seen));
    return out;
  }
  if (!isPlainObject(value)) return value;
  const style = 'style' in value ? merged(value.style, styles) : null;
  const out: Record<string, unknown> = { ...style };
  seen.set(value, out);
  for (const key in value) {
    const v = value[key];
    if (key === 'style' && style) continue;
    // pdfmake skips null and undefined on the stack, so they do not hide a named style's value.
    if ((v === undefined || v === null) && style && key in style) continue;
    out[key] = copy(v, styles, seen);
  }
  return out;
}

/** The document with named styles written into its content (header/footer functions untouched). */
export function inlineStyles(doc: TDocumentDefinitions): TDocumentDefinitions {
  const styles = doc.styles ?? {};
  if (Object.keys(styles).length === 0) return doc;
  return { ...doc, content: copy(doc.content, styles, new Map()) as TDocumentDefinitions['content'] };
}
