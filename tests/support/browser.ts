/**
 * Debian's Chromium driven by playwright-core (no browser download; see ENVIRONMENT.md).
 * playwright's launch() already gives every browser a fresh temporary profile.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { REPO_ROOT } from './web-host';

export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'tests', 'artifacts');

/**
 * This process's environment without libfaketime's preload (`npm run test:at`): Chromium never
 * comes up under it. The hosts are what must see a moved clock; each page's clock is set from
 * its host's by Playwright (tests/support/counter.ts).
 */
export function withoutTimeTravel(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'LD_PRELOAD' && !k.startsWith('FAKETIME')));
}

/** `extraArgs`: flags a test needs besides the pinned ones (the fake camera for số hóa). */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    env: withoutTimeTravel(process.env),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Screenshot baselines survive machines and Chromium patch releases: text rasterised
      // without the machine's hinting setting, greyscale anti-aliasing instead of LCD subpixels,
      // colours in sRGB whatever the display profile.
      '--font-render-hinting=none',
      '--disable-lcd-text',
      '--force-color-profile=srgb',
      ...extraArgs,
    ],
  });
}

export function artifactPath(name: string): string {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}
