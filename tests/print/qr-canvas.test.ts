/**
 * The QR canvas (core/print/qr/canvas.ts) paints exactly the dark modules of pdfmake's own QR, with fewer
 * rectangles. (That it scans is tests/print/qr.test.ts.)
 */
import { createRequire } from 'node:module';
import type { CanvasRect } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { qrCanvas } from '../../src-main/core/print/qr/canvas';

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
const qrEnc = (createRequire(import.meta.url)('pdfmake/js/qrEnc') as {
  default: { measure(node: object): { _canvas: Rect[]; _width: number } };
}).default;

/** The unit cells (module size m) covered by rectangles, each counted once per covering. */
function cells(rects: Rect[], m: number): string[] {
  const out: string[] = [];
  for (const r of rects) for (let y = r.y; y < r.y + r.h; y += m) for (let x = r.x; x < r.x + r.w; x += m) out.push(`${x},${y}`);
  return out.sort();
}

describe('QR canvas', () => {
  it.each([
    ['a bare code', '000.17.22.H56-260205-0007', 76],
    ['a lookup link', 'https://dvc.cantho.example.vn/tra-cuu/000.17.22.H56-260205-0007', 76],
    ['a ticket link', 'https://dvc.cantho.example.vn/tra-cuu/000.17.22.H56-260205-0007', 110],
  ])('covers the modules of %s once each', (_label, payload, fit) => {
    const reference = qrEnc.measure({ qr: payload, fit, eccLevel: 'M' });
    const [background, ...modules] = reference._canvas;
    const m = modules[0]!.w;
    const canvas = qrCanvas(payload, { fit, eccLevel: 'M' }).canvas as CanvasRect[];
    const [white, ...dark] = canvas;
    expect(white).toMatchObject({ x: 0, y: 0, w: background!.w, h: background!.h, color: '#fff' });
    expect(dark.every((r) => r.type === 'rect' && r.color === '#000')).toBe(true);
    expect(cells(dark, m)).toEqual(cells(modules, m));
    expect(dark.length).toBeLessThan(modules.length / 2);
  });

  it('hands out fresh vectors every time (pdfmake moves them in place)', () => {
    const a = qrCanvas('000.17.22.H56-260205-0007', { fit: 76 });
    const b = qrCanvas('000.17.22.H56-260205-0007', { fit: 76 });
    expect(b).toEqual(a);
    expect(b.canvas[1]).not.toBe(a.canvas[1]);
  });
});
