/**
 * V8 flags for the app's window, given to Chromium as `--js-flags` by main.ts before the app is
 * ready (a switch added later reaches no renderer). The bench (`npm run bench -- ui`) starts its
 * Chromium with the same value, so the officer's day it measures is the one the window runs.
 * Plain data, with no import of 'electron', so the bench can read it.
 *
 * - `--flush-baseline-code`: V8 already drops the bytecode of a function that has not run for a
 *   few garbage collections; this drops its baseline machine code (Sparkplug) as well. Without it
 *   that code stays for as long as the window is open: over a day of receipts it was four fifths
 *   of the renderer heap's growth (bench ui, round 7: compiled code 8.2 → 12.3 MB of a 15.7 →
 *   20.9 MB heap). A function that runs again is compiled again, which costs a few microseconds;
 *   F9 → preview and the picker's keystrokes measured the same with and without it. Chromium has
 *   the same switch as its feature V8FlushBaselineCode, off by default.
 */
export const RENDERER_JS_FLAGS: readonly string[] = ['--flush-baseline-code'];

/** The value of Chromium's `--js-flags` switch. */
export function rendererJsFlags(): string {
  return RENDERER_JS_FLAGS.join(' ');
}
