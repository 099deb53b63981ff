/**
 * Visual regression: page 1 of every form, rendered at 60 dpi in gray, matches its committed
 * baseline (tests/fixtures/print/baselines/<form>.p1.pgm.gz) within a small tolerance. Baselines
 * are written only with UPDATE_BASELINES=1, together with a PNG preview for human review.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FORM_IDS, renderForm } from '../../src-main/core/print/render';
import { FULL_CONTEXT } from '../fixtures/print/context';
import { diffRatio, parsePgm, renderPgm, renderPng } from './tools';

const DIR = path.resolve(__dirname, '../fixtures/print/baselines');
const UPDATE = process.env.UPDATE_BASELINES === '1';
/** At most 0.2 % of pixels may differ by more than 48 gray levels (rasteriser drift, not layout). */
const TOLERANCE = 0.002;

describe('page 1 matches its baseline image', () => {
  it.each(FORM_IDS.map((id) => [id]))('%s', async (id) => {
    const { pdf } = await renderForm(id, FULL_CONTEXT);
    const actual = renderPgm(pdf, 60);
    const file = path.join(DIR, `${id}.p1.pgm.gz`);
    if (UPDATE) {
      fs.mkdirSync(DIR, { recursive: true });
      fs.writeFileSync(file, gzipSync(actual, { level: 9 }));
      fs.copyFileSync(renderPng(pdf, 60, 1, true), path.join(DIR, `${id}.p1.png`));
    }
    expect(fs.existsSync(file), `missing baseline ${file}: run with UPDATE_BASELINES=1 and review the PNG`).toBe(true);
    const expected = parsePgm(gunzipSync(fs.readFileSync(file)));
    expect(diffRatio(parsePgm(actual), expected)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('notices a changed layout', async () => {
    const base = parsePgm(gunzipSync(fs.readFileSync(path.join(DIR, 'mau03.p1.pgm.gz'))));
    const moved = await renderForm('mau03', {
      ...FULL_CONTEXT,
      refusal: { reason: 'Lý do khác hẳn, dài hơn nhiều để đẩy các dòng phía dưới xuống: '.repeat(6) },
    });
    expect(diffRatio(parsePgm(renderPgm(moved.pdf, 60)), base)).toBeGreaterThan(TOLERANCE);
  });
});
