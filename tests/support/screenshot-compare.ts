/**
 * Screenshot baselines compared with pixelmatch (pngjs decodes the PNGs). pixelmatch measures
 * colour difference perceptually (YIQ) and detects anti-aliased pixels, which it does not count:
 * the edges of glyphs and borders are where a Chromium update or another GPU-less rasteriser
 * differs, not where a layout or a label changes.
 *
 * What else keeps a baseline valid across machines and Chromium patch releases: the UI draws with
 * its own bundled font (src-renderer/ui/font.ts); Chromium is launched with text hinting, LCD
 * text and colour profiles pinned (browser.ts); every host's clock and every page's clock are set
 * by the test, so dates on screen are the same on any day; what changes by nature (codes, times
 * of day) is masked by the tests.
 *
 * Baselines live in tests/e2e/baselines and are (re)written only with UPDATE_BASELINES=1, after a
 * person has looked at the new screenshots. On a difference, `<name>-diff.png` beside the actual
 * screenshot in tests/artifacts shows where (red: counted, yellow: anti-aliasing, ignored).
 */
import fs from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { artifactPath } from './browser';
import { REPO_ROOT } from './web-host';

export const BASELINES_DIR = path.join(REPO_ROOT, 'tests', 'e2e', 'baselines');

/**
 * Per-pixel colour threshold (pixelmatch's 0–1 YIQ distance; its default). Smaller counts
 * rasteriser noise inside glyphs; larger starts to miss a changed colour of a tag or a button.
 */
const PIXEL_THRESHOLD = 0.1;

/**
 * Share of pixels that may differ, anti-aliasing excluded: at 1366×768, ~5,200 pixels. A moved
 * block, a missing row, a re-worded label or a changed colour differs by far more (one line of
 * body text alone is ~15,000 pixels wide×high), while what a Chromium patch release may change
 * beyond anti-aliasing (a glyph placed half a pixel over) stays well under it. Two runs on one
 * machine differ by 0 pixels (measured when the baselines were re-taken).
 */
export const MAX_DIFF_RATIO = 0.005;

export interface Comparison {
  /** 'updated' when UPDATE_BASELINES=1 wrote the baseline instead of comparing. */
  outcome: 'compared' | 'updated';
  differentPixels: number;
  totalPixels: number;
  ratio: number;
  sizeMatches: boolean;
}

/** A screenshot for a baseline: web fonts loaded, animations stopped, caret hidden, `mask` painted over. */
export async function baselineScreenshot(page: Page, mask: Locator[]): Promise<Buffer> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.screenshot({ type: 'png', animations: 'disabled', caret: 'hide', mask, maskColor: '#c8ccd4' });
}

export function compareWithBaseline(name: string, png: Buffer): Comparison {
  fs.writeFileSync(artifactPath(name), png);
  const baselinePath = path.join(BASELINES_DIR, name);
  if (process.env.UPDATE_BASELINES === '1') {
    fs.mkdirSync(BASELINES_DIR, { recursive: true });
    fs.writeFileSync(baselinePath, png);
    return { outcome: 'updated', differentPixels: 0, totalPixels: 0, ratio: 0, sizeMatches: true };
  }
  if (!fs.existsSync(baselinePath)) {
    throw new Error(`No baseline ${path.relative(REPO_ROOT, baselinePath)}: review tests/artifacts/${name}, then run with UPDATE_BASELINES=1`);
  }
  const actual = PNG.sync.read(png);
  const expected = PNG.sync.read(fs.readFileSync(baselinePath));
  const totalPixels = actual.width * actual.height;
  if (actual.width !== expected.width || actual.height !== expected.height) {
    return { outcome: 'compared', differentPixels: totalPixels, totalPixels, ratio: 1, sizeMatches: false };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differentPixels = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, {
    threshold: PIXEL_THRESHOLD,
    includeAA: false,
  });
  const diffPath = artifactPath(name.replace(/\.png$/, '-diff.png'));
  if (differentPixels > 0) fs.writeFileSync(diffPath, PNG.sync.write(diff));
  else fs.rmSync(diffPath, { force: true });
  return { outcome: 'compared', differentPixels, totalPixels, ratio: differentPixels / totalPixels, sizeMatches: true };
}
