/**
 * Windows' "Show animations" off reaches the page as prefers-reduced-motion: reduce, and the
 * counter then opens its dialogs at once (src-ui/reduced-motion.ts); with animations on, the same
 * dialog zooms in as before.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { openSignedIn, setUpCounter, type Counter } from '../support/counter';
import { startWebHost, type WebHost } from '../support/web-host';

let host: WebHost;
let browser: Browser;
let counter: Counter;

beforeAll(async () => {
  [host, browser] = await Promise.all([startWebHost({ clock: '2026-11-17T10:00:00+07:00' }), launchChromium()]);
  counter = await setUpCounter(host.url);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/**
 * Half types a receipt, presses F2 and answers "Tiếp tục nhập" (Esc): returns whether the question
 * zoomed in or out on the way (antd's `-active` step, where its zoom runs). Without motion antd
 * still gives the dialog one frame of its first step, at full size and in place, so only the
 * active step tells a zoom.
 */
async function draftQuestionZoomed(page: Page): Promise<boolean> {
  await page.keyboard.press('Alt+2');
  await page.getByLabel('Họ và tên').fill('Nguyễn Văn An');
  await page.evaluate(() => {
    const w = window as unknown as { zoomSeen: boolean };
    w.zoomSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('.ant-modal-confirm[class*="ant-zoom-"][class*="-active"]')) w.zoomSeen = true;
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  });
  await page.keyboard.press('F2');
  const question = page.locator('.ant-modal-confirm');
  await question.getByRole('button', { name: 'Tiếp tục nhập (Esc)' }).waitFor();
  await page.keyboard.press('Escape');
  await question.waitFor({ state: 'detached' });
  expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Văn An');
  return page.evaluate(() => (window as unknown as { zoomSeen: boolean }).zoomSeen);
}

describe('motion follows the system setting', () => {
  it('opens and closes a dialog without zooming when the system asks for less motion', async () => {
    const page = await openSignedIn(browser, host, counter.token, { reducedMotion: 'reduce' });
    expect(await draftQuestionZoomed(page)).toBe(false);
    await page.context().close();
  });

  it('zooms the same dialog in and out when it does not', async () => {
    const page = await openSignedIn(browser, host, counter.token, { reducedMotion: 'no-preference' });
    expect(await draftQuestionZoomed(page)).toBe(true);
    await page.context().close();
  });

  it('follows a change of the setting while the app is open', async () => {
    const page = await openSignedIn(browser, host, counter.token, { reducedMotion: 'no-preference' });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await draftQuestionZoomed(page)).toBe(false);
    await page.context().close();
  });
});
