/**
 * The dossier QR as a pdfmake canvas of merged rectangles.
 *
 * pdfmake's own `qr` node draws every dark module as a rectangle of its own, and each one costs
 * a full round of graphics-state operators (line width, dash, join, cap, colour, fill): about
 * 1 400 vectors for the two QRs of a Mẫu 01, a sixth of its render time (bench/print.ts). Here
 * the same module matrix (matrix.ts: pdfmake's encoder, same version, ECC level, mask and
 * whole-point module size) is drawn with far fewer rectangles: dark modules next to each other
 * in a row become one run, and identical runs in consecutive rows become one taller rectangle (704
 * modules → ~290 rectangles for a lookup link). The painted area is exactly the same union of
 * squares, and the rectangles still go out as `re` operators, which rasterisers snap to device
 * pixels just like the per-module squares, so the page looks the same.
 *
 * Why not one path: a pdfmake canvas has no multi-subpath vector (its `path` vector is not moved
 * with the layout), a single polyline needs connecting segments that poppler paints as hairlines,
 * and an SVG path loses the pixel snapping of `re` (anti-aliased module edges).
 */
import type { Alignment, ContentCanvas, Margins } from 'pdfmake/interfaces';
import { qrMatrix, type EccLevel } from './matrix';

interface QrRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface QrShape {
  size: number;
  rects: QrRect[];
}

/**
 * Dark modules → merged rectangles: runs of dark modules in a row, and a run with the same left
 * edge and width as one in the row above extending that rectangle down. Rectangles are listed in
 * the order their first row is reached, left to right (as from pdfmake's module list, row by row).
 */
function mergeModules(dark: Uint8Array, n: number, m: number): QrRect[] {
  const rects: QrRect[] = [];
  /** Rectangles that reach the row being read, by "x,width" of their run. */
  let open = new Map<string, QrRect>();
  for (let i = 0; i < n; i++) {
    const top = m * i;
    const next = new Map<string, QrRect>();
    let j = 0;
    while (j < n) {
      if (!dark[i * n + j]) {
        j++;
        continue;
      }
      const from = j;
      while (j < n && dark[i * n + j]) j++;
      const x = m * from;
      const w = m * (j - from);
      const key = `${x},${w}`;
      let rect = open.get(key);
      if (rect && rect.y + rect.h === top) {
        rect.h += m;
      } else {
        rect = { x, y: top, w, h: m };
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

/**
 * The QR as pdfmake's `qr` node lays it out (qrEnc.js buildCanvas, no padding): modules of a whole
 * number of points, its side, and the merged rectangles of the dark ones.
 */
function layOut(payload: string, fit: number, eccLevel: EccLevel): QrShape {
  const { size: n, dark } = qrMatrix(payload, eccLevel);
  const m = Math.floor(fit ? fit / n : 5);
  return { size: n * m, rects: mergeModules(dark, n, m) };
}

function shapeFor(payload: string, fit: number, eccLevel: EccLevel): QrShape {
  const key = `${fit}\u0000${eccLevel}\u0000${payload}`;
  let shape = recent.get(key);
  if (!shape) {
    shape = layOut(payload, fit, eccLevel);
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
    recent.set(key, shape);
  }
  return shape;
}

export interface QrOptions {
  /** Largest side in points; the module size is a whole number of points, as in pdfmake. */
  fit: number;
  eccLevel?: EccLevel;
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
