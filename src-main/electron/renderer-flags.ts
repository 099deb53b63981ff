/**
 * V8 flags for the app's window, given to Chromium as `--js-flags` by main.ts before the app is
 * ready (a switch added later reaches no renderer). The bench (`npm run bench -- ui`) starts its
 * Chromium with the same value, so the officer's day it measures is the one the window runs.
 * Plain data, with no import of 'electron', so the bench can read it.
 *
 * - `--flush-baseline-code`: V8 already drops the bytecode of a function that has not run for a
 *   few garbage collections; this drops its baseline machine code (Sparkplug) as well. Without it
 *   that code stays for as long as the window is open, even for code that ran once at start: it
 *   was four fifths of the renderer heap's growth over a day of receipts. Bench ui at 1,000,000
 *   dossiers, 200 receipts typed in a fresh window: 15.7 MB after the day against 18.6 MB in a
 *   stock Chromium, and the heap falling after the first 50 receipts (−12.3 %; stock +3.6 %).
 *   A function that runs again is compiled again; F9 → preview and the keystrokes stayed well
 *   inside their goals with it.
 *   Chromium has the same switch as its feature V8FlushBaselineCode, off by default.
 *
 * The security scan accepts this switch for this list only (scripts/electronegativity-allow.json):
 * a flag added here needs that reason read again, and main-wiring.test.ts pins the list.
 */
export const RENDERER_JS_FLAGS: readonly string[] = ['--flush-baseline-code'];

/** The value of Chromium's `--js-flags` switch. */
export function rendererJsFlags(): string {
  return RENDERER_JS_FLAGS.join(' ');
}
