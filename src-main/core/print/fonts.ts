/**
 * The embedded serif (Liberation Serif, Times New Roman metrics, OFL) read from assets/fonts only,
 * so a PDF never depends on fonts installed on the counter PC (assets/fonts/README.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { APP_ROOT } from '../paths';

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
 * `fontFile` names each face for pdfmake: the PDF engine names a per-document view of a face
 * parsed once per process (pdf-engine/index.ts), so the names are virtual files, not paths.
 */
export function fontDescriptors(fontFile: (path: string) => string): Record<string, Record<keyof typeof FACES, string>> {
  const entries = Object.entries(FACES).map(([face, file]) => {
    const full = path.join(fontsDir, file);
    if (!fs.existsSync(full)) throw new Error(`Font file missing: ${full}`);
    return [face, fontFile(full)] as const;
  });
  return { [FONT_FAMILY]: Object.fromEntries(entries) as Record<keyof typeof FACES, string> };
}
