/**
 * axe-core (the accessibility engine, npm `axe-core`) run inside a Playwright page: its script from
 * node_modules is evaluated in the page, and it checks what the officer sees at that moment (open
 * drawers and dialogs included). Evaluated rather than added as a <script> tag: the renderer's
 * Content-Security-Policy (script-src 'self') rightly refuses inline scripts, and the test must
 * check the page as shipped, not one with its policy switched off.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');

/** The impacts a screen must not have (axe's two highest). */
export const BLOCKING_IMPACTS = ['critical', 'serious'] as const;
/** And axe's third: page structure (one main landmark, one h1, headings in order, all in landmarks). */
export const MODERATE_TOO = [...BLOCKING_IMPACTS, 'moderate'] as const;

export async function axeViolations(page: Page): Promise<Result[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(fs.readFileSync(AXE_SCRIPT, 'utf8'));
  // The only frames are the print preview's PDF, which is a document for paper, not a web page;
  // axe would otherwise wait for an answer from a frame it cannot enter.
  const results = await page.evaluate(() => (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<AxeResults> } }).axe.run(document, { iframes: false, resultTypes: ['violations'] }));
  return results.violations;
}

/** One line per violation and element: rule id, impact, where, and axe's own summary of the fix. */
export function describeViolations(violations: Result[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}) at ${JSON.stringify(n.target)}: ${v.help}. ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`),
  );
}

/**
 * The violations of `impacts` (critical and serious unless told) on the page now, described (empty
 * when the screen passes), plus those of `alsoRules` at any impact: rules a screen has been fixed
 * for and must keep.
 */
export async function blockingViolations(page: Page, alsoRules: readonly string[] = [], impacts: readonly string[] = BLOCKING_IMPACTS): Promise<string[]> {
  const violations = await axeViolations(page);
  return describeViolations(violations.filter((v) => impacts.includes(v.impact ?? '') || alsoRules.includes(v.id)));
}
