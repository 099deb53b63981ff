/**
 * The dossier QR as a pdfmake canvas of merged rectangles.
 *
 * pdfmake's own `qr` node draws every dark module as a rectangle of its own, and each one costs
 * a full round of graphics-state operators (line width, dash, join, cap, colour, fill): about
 * 1 400 vectors for the two QRs of a Mẫu 01, a sixth of its render time (bench/print.ts). Here
 * the same module matrix, from pdfmake's own encoder (same version, ECC level and whole-point
 * module size), is drawn with far fewer rectangles: dark modules next to each other in a row
 * become one run, and identical runs in consecutive rows become one taller rectangle (704
 * modules → ~290 rectangles for a lookup link). The painted area is exactly the same union of
 * squares, and the rectangles still go out as `re` operators, which rasterisers snap to device
 * pixels just like the per-module squares, so the page looks the same.
 *
 * Why not one path: a pdfmake canvas has no multi-subpath vector (its `path` vector is not moved
 * with the layout), a single polyline needs connecting segments that poppler paints as hairlines,
 * and an SVG path loses the pixel snapping of `re` (anti-aliased module edges).
 */
import { createRequire } from 'node:module';
import type { Alignment, ContentCanvas, Margins } from 'pdfmake/interfaces';

interface QrRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface QrEncoder {
  measure(node: { qr: string; fit: number; eccLevel: string }): { _canvas: QrRect[]; _width: number };
}

/** pdfmake's QR encoder (the module behind its `qr` node). */
const qrEncoder = (createRequire(import.meta.url)('pdfmake/js/qrEnc') as { default: QrEncoder }).default;

interface QrShape {
  size: number;
  rects: QrRect[];
}

/** Dark modules (row by row, left to right, as the encoder lists them) → merged rectangles. */
function mergeModules(modules: QrRect[]): QrRect[] {
  const rects: QrRect[] = [];
  /** Rectangles that reach the row being read, by "x,width" of their run. */
  let open = new Map<string, QrRect>();
  let i = 0;
  while (i < modules.length) {
    const top = modules[i]!.y;
    const next = new Map<string, QrRect>();
    while (i < modules.length && modules[i]!.y === top) {
      const { x, h } = modules[i]!;
      let w = modules[i]!.w;
      while (i + 1 < modules.length && modules[i + 1]!.y === top && modules[i + 1]!.x === x + w) {
        w += modules[i + 1]!.w;
        i++;
      }
      i++;
      const key = `${x},${w}`;
      let rect = open.get(key);
      if (rect && rect.y + rect.h === top) {
        rect.h += h;
      } else {
        rect = { x, y: top, w, h };
        rects.push(rect);
      }
      next.set(key, rect);
    }
    open = next;
  }
  return rects;
}

/** A handful of recent payloads: both liên of a Mẫu 01 carry the same QR. */
const recent = new Map<string, QrShape>();
const RECENT_MAX = 16;

function shapeFor(payload: string, fit: number, eccLevel: string): QrShape {
  const key = `${fit}\u0000${eccLevel}\u0000${payload}`;
  let shape = recent.get(key);
  if (!shape) {
    const measured = qrEncoder.measure({ qr: payload, fit, eccLevel });
    // The encoder's first rectangle is its white background square; the rest are dark modules.
    shape = { size: measured._width, rects: mergeModules(measured._canvas.slice(1)) };
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
    recent.set(key, shape);
  }
  return shape;
}

export interface QrOptions {
  /** Largest side in points; the module size is a whole number of points, as in pdfmake. */
  fit: number;
  eccLevel?: 'L' | 'M' | 'Q' | 'H';
  alignment?: Alignment;
  margin?: Margins;
}

/** A canvas drawing the QR of `payload`, with fresh vector objects (pdfmake moves them in place). */
export function qrCanvas(payload: string, options: QrOptions): ContentCanvas {
  const { size, rects } = shapeFor(payload, options.fit, options.eccLevel ?? 'M');
  return {
    canvas: [
      { type: 'rect', x: 0, y: 0, w: size, h: size, lineWidth: 0, color: '#fff' },
      ...rects.map((r) => ({ type: 'rect' as const, x: r.x, y: r.y, w: r.w, h: r.h, lineWidth: 0, color: '#000' })),
    ],
    ...(options.alignment ? { alignment: options.alignment } : {}),
    ...(options.margin ? { margin: options.margin } : {}),
  };
}
