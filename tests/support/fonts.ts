/**
 * Which fonts Chromium actually drew an element's text with (DevTools' CSS.getPlatformFontsForNode),
 * not just what the CSS asks for: a missing bundled font would silently fall back to a system one.
 */
import type { Locator } from 'playwright-core';

export interface RenderedFont {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

/** The fonts used for the text directly inside the (first) element `target` finds. */
export async function renderedFonts(target: Locator): Promise<RenderedFont[]> {
  const page = target.page();
  const probe = `font-probe-${Math.random().toString(36).slice(2)}`;
  await target.first().evaluate((el, attr) => el.setAttribute(attr, ''), probe);
  const selector = `[${probe}]`;
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no element matches ${selector}`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts;
  } finally {
    await cdp.detach();
    await target.first().evaluate((el, attr) => el.removeAttribute(attr), probe);
  }
}
