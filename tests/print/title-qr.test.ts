/**
 * The dossier QR stands clear of the form's title. The title is centred across the full width and
 * a long one (Mẫu 01's "… HẸN TRẢ KẾT QUẢ") reaches into the QR's column, so the QR must start
 * below the title's ink with visible white between them, and nothing else under the title moves.
 * Measured on the rendered page: in the QR's column, the runs of pixel rows that carry ink.
 */
import { describe, expect, it } from 'vitest';
import { MM, PAGE_MARGINS, QR_SIZE } from '../../src-main/core/print/layout';
import { renderForm, type FormId } from '../../src-main/core/print/render';
import { FULL_CONTEXT } from '../fixtures/print/context';
import { parsePgm, renderPgm, type Gray } from './tools';

const DPI = 300;
const PT = DPI / 72;
/** White wanted between the title's ink and the QR: 2 mm, plain to the eye on paper. */
const MIN_GAP = 2 * MM;
const QR_FORMS: FormId[] = ['mau01', 'mau02', 'mau03', 'mau04', 'mau05', 'mau06'];

/** Runs of rows (in points, top to bottom) with a dark pixel between x0 and x1 (points). */
function inkRuns(page: Gray, x0: number, x1: number): { top: number; bottom: number }[] {
  const runs: { top: number; bottom: number }[] = [];
  let start = -1;
  for (let y = 0; y <= page.height; y++) {
    let ink = false;
    if (y < page.height) {
      for (let x = Math.floor(x0 * PT); x < Math.ceil(x1 * PT) && !ink; x++) ink = page.data[y * page.width + x]! < 128;
    }
    if (ink && start < 0) start = y;
    if (!ink && start >= 0) {
      runs.push({ top: start / PT, bottom: y / PT });
      start = -1;
    }
  }
  return runs;
}

describe('the QR beside the title', () => {
  it.each(QR_FORMS.map((id) => [id]))('%s: starts at least 2 mm below the title ink in its column', async (id) => {
    const { pdf } = await renderForm(id, FULL_CONTEXT);
    const page = parsePgm(renderPgm(pdf, DPI));
    const right = page.width / PT - PAGE_MARGINS[2];
    const runs = inkRuns(page, right - QR_SIZE, right);
    // The QR is the one run about its own height tall; anything glued onto it makes it taller.
    const qr = runs.findIndex((r) => r.bottom - r.top >= QR_SIZE * 0.9);
    expect(qr, `no QR-sized run of ink in the QR column of ${id}`).toBeGreaterThan(0);
    expect(runs[qr]!.bottom - runs[qr]!.top).toBeLessThan(QR_SIZE + 1);
    expect(runs[qr]!.top - runs[qr - 1]!.bottom).toBeGreaterThanOrEqual(MIN_GAP);
  });
});
