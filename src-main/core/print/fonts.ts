/**
 * The embedded serif (Liberation Serif, Times New Roman metrics, OFL) read from assets/fonts only,
 * so a PDF never depends on fonts installed on the counter PC (assets/fonts/README.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { APP_ROOT } from '../paths';
import { sharedFontFile } from './shared-fonts';

/** pdfmake font family name used by every form. */
export const FONT_FAMILY = 'Serif';

const FACES = {
  normal: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italics: 'LiberationSerif-Italic.ttf',
  bolditalics: 'LiberationSerif-BoldItalic.ttf',
} as const;

let fontsDir = path.join(APP_ROOT, 'assets', 'fonts');

/** The packaged Electron app keeps assets outside the asar; its host points here at start. */
export function setFontsDir(dir: string): void {
  fontsDir = path.resolve(dir);
}

export function getFontsDir(): string {
  return fontsDir;
}

/**
 * pdfmake font dictionary for the files inside the fonts folder; throws if a face is missing.
 * Each face is parsed once per process and every document gets its own view of it
 * (shared-fonts.ts), so the names are virtual files, not paths.
 */
export function fontDescriptors(): Record<string, Record<keyof typeof FACES, string>> {
  const entries = Object.entries(FACES).map(([face, file]) => {
    const full = path.join(fontsDir, file);
    if (!fs.existsSync(full)) throw new Error(`Font file missing: ${full}`);
    return [face, sharedFontFile(full)] as const;
  });
  return { [FONT_FAMILY]: Object.fromEntries(entries) as Record<keyof typeof FACES, string> };
}
