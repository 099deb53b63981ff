/**
 * Screenshot baselines without an image library: Chromium decodes both PNGs into canvases and
 * counts the pixels that differ beyond a small per-channel tolerance (anti-aliasing noise).
 * Baselines live in tests/e2e/baselines and are (re)written only with UPDATE_BASELINES=1, after
 * a person has looked at the new screenshots.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { artifactPath } from './browser';
import { REPO_ROOT } from './web-host';

export const BASELINES_DIR = path.join(REPO_ROOT, 'tests', 'e2e', 'baselines');

export interface Comparison {
  /** 'updated' when UPDATE_BASELINES=1 wrote the baseline instead of comparing. */
  outcome: 'compared' | 'updated';
  differentPixels: number;
  totalPixels: number;
  ratio: number;
  sizeMatches: boolean;
}

/** Per-channel difference (0–255) below which two pixels count as equal. */
const CHANNEL_TOLERANCE = 32;

export async function compareWithBaseline(browser: Browser, name: string, png: Buffer): Promise<Comparison> {
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
  const baseline = fs.readFileSync(baselinePath);
  const page = await browser.newPage();
  try {
    const result = await page.evaluate(
      async ({ a, b, tolerance }) => {
        const decode = async (b64: string) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          return ctx.getImageData(0, 0, canvas.width, canvas.height);
        };
        const [x, y] = await Promise.all([decode(a), decode(b)]);
        if (x.width !== y.width || x.height !== y.height) {
          return { differentPixels: x.width * x.height, totalPixels: x.width * x.height, sizeMatches: false };
        }
        let differentPixels = 0;
        for (let i = 0; i < x.data.length; i += 4) {
          if (
            Math.abs(x.data[i]! - y.data[i]!) > tolerance ||
            Math.abs(x.data[i + 1]! - y.data[i + 1]!) > tolerance ||
            Math.abs(x.data[i + 2]! - y.data[i + 2]!) > tolerance
          ) {
            differentPixels++;
          }
        }
        return { differentPixels, totalPixels: x.width * x.height, sizeMatches: true };
      },
      { a: png.toString('base64'), b: baseline.toString('base64'), tolerance: CHANNEL_TOLERANCE },
    );
    return { outcome: 'compared', ...result, ratio: result.differentPixels / result.totalPixels };
  } finally {
    await page.close();
  }
}
