/**
 * The counter without a mouse: every step here is a key press or typed text, and every field is
 * reached only through the focus the app itself moves (F2, Tab, Enter, Esc). No click anywhere.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/browser';
import { openSignedIn, poll, setUpCounter, type Counter } from '../support/counter';
import { startWebHost, type WebHost } from '../support/web-host';

// Four browsers and four hosts share two CPU cores in CI: give slow steps room, not flakiness.
vi.setConfig({ testTimeout: 90_000 });

/** Tuesday 17 November 2026, 10:00 in Vietnam: a working day, before the 15:00 rule. */
const NOW = '2026-11-17T10:00:00+07:00';

let host: WebHost;
let browser: Browser;
let counter: Counter;
let page: Page;

beforeAll(async () => {
  [host, browser] = await Promise.all([startWebHost({ clock: NOW }), launchChromium()]);
  counter = await setUpCounter(host.url);
  page = await openSignedIn(browser, host, counter.token);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** The focused element's name as a keyboard user hears it: its label, else its id. */
function focused(p: Page): Promise<string> {
  return p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '(nothing)';
    const labelled = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
    return labelled.trim() || el.id || el.tagName;
  });
}

async function tabTo(p: Page, label: string) {
  await p.keyboard.press('Tab');
  await poll(() => focused(p)).toBe(label);
}

describe('keyboard-only receipt', () => {
  it('goes from F2 to a printed Mẫu 01 and back to an empty form with focus in the scan field', async () => {
    await page.keyboard.press('F2');
    await poll(() => focused(page)).toBe('Quét căn cước (QR)');

    await tabTo(page, 'Họ và tên');
    await page.keyboard.type('Phạm Văn Đông');
    await tabTo(page, 'Số định danh cá nhân');
    await page.keyboard.type('001090012345');
    await tabTo(page, 'Ngày sinh');
    await page.keyboard.type('05/03/1990');
    // Tab leaves the date for the next field (never the picker's own buttons).
    await tabTo(page, 'Nam');
    await page.keyboard.press('Space');
    await tabTo(page, 'Địa chỉ');
    await page.keyboard.type('Thôn Bắc, xã Hòa Mạc');
    await tabTo(page, 'Số điện thoại');
    await page.keyboard.type('0912345678');
    await tabTo(page, 'Thư điện tử');
    await tabTo(page, 'Thủ tục hành chính');
    await page.keyboard.type('khai tu', { delay: 20 });
    await poll(() => page.locator('.ant-select-item-option').first().getAttribute('title')).toBe('Đăng ký khai tử');
    await page.keyboard.press('Enter');
    await page.getByTestId('documents').waitFor();

    await page.keyboard.press('F9');
    await page.getByTestId('pdf-frame').waitFor();
    const code = (await page.getByTestId('intake-code').textContent())!;
    // The preview's "In" has focus: Enter prints.
    await poll(() => focused(page)).toBe('In');
    await page.keyboard.press('Enter');
    await page.getByTestId('print-result').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });

    // Ready for the next citizen: an empty form, the scanner's field focused, the code still shown.
    await poll(() => focused(page)).toBe('Quét căn cước (QR)');
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('');
    expect(await page.getByLabel('Số định danh cá nhân').inputValue()).toBe('');
    expect(await page.getByTestId('intake-code').textContent()).toBe(code);

    const dossier = await counter.rpc('dossiers.get', { code });
    expect(dossier.procedureCode).toBe('1.000656');
    expect(dossier.applicant).toMatchObject({
      fullName: 'Phạm Văn Đông',
      idNumber: '001090012345',
      birthDate: '1990-03-05',
      gender: 'male',
      address: 'Thôn Bắc, xã Hòa Mạc',
      phone: '0912345678',
    });
    const prints = await counter.rpc('print.records', { dossierId: dossier.id });
    expect(prints.items.map((r: { form: string; result: string }) => r.form)).toEqual(expect.arrayContaining(['mau01']));
    expect(prints.items.some((r: { form: string; result: string }) => r.form === 'mau01' && r.result !== 'rendered')).toBe(true);
  });
});
