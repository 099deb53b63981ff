/**
 * The counter without a mouse: every step here is a key press or typed text, and every field is
 * reached only through the focus the app itself moves (F2, Tab, Enter, Esc). No click anywhere.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/browser';
import { openSignedIn, poll, receive, setUpCounter, type Counter } from '../support/counter';
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
  // Its subject includes focus while dialogs open and close: with the motion officers see.
  page = await openSignedIn(browser, host, counter.token, { reducedMotion: 'no-preference' });
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

/**
 * Waits until `label` has focus. On failure the message names the step and the element that had
 * focus instead (the "received" value), which is what tells a focus race from a slow machine.
 */
function focusReaches(p: Page, label: string, step: string) {
  return expect.poll(() => focused(p), { timeout: 15_000, interval: 100, message: `${step}: focus should be on "${label}"` }).toBe(label);
}

async function tabTo(p: Page, label: string) {
  await p.keyboard.press('Tab');
  await focusReaches(p, label, `Tab to "${label}"`);
}

/**
 * Tabs forward until `label` has focus, as an officer does on a screen with a list before the
 * button. `most` only stops a loop that would never end: Tiếp nhận with a birth registration's
 * four papers and their scan buttons already puts 37 stops between the picker and "Từ chối".
 * On failure the message lists every stop, which tells a missing button from a longer path.
 */
async function tabUntil(p: Page, label: string, most = 80) {
  const stops: string[] = [];
  for (let i = 0; i < most; i++) {
    await p.keyboard.press('Tab');
    const now = await focused(p);
    if (now === label) return;
    stops.push(now);
  }
  throw new Error(`Tab never reached "${label}"; it stopped at: ${stops.map((s) => `"${s}"`).join(', ')}`);
}

/** F2 for a fresh receipt; a half-typed one is discarded through the question F2 asks (Shift+Tab, Enter). */
async function freshReceipt(p: Page) {
  await p.keyboard.press('F2');
  await poll(async () => ['Quét căn cước (QR)', 'Tiếp tục nhập (Esc)'].includes(await focused(p))).toBe(true);
  if ((await focused(p)) === 'Tiếp tục nhập (Esc)') {
    await p.keyboard.press('Shift+Tab');
    await focusReaches(p, 'Bỏ và nhập mới', 'Shift+Tab in the draft question');
    await p.keyboard.press('Enter');
  }
  await focusReaches(p, 'Quét căn cước (QR)', 'F2, draft discarded');
}

/** The message antd shows under a field, found from the field's label. */
function fieldError(p: Page, label: string) {
  return p.locator('.ant-form-item').filter({ has: p.getByLabel(label, { exact: true }) }).locator('.ant-form-item-explain-error');
}

describe('keyboard-only receipt', () => {
  it('goes from F2 to a printed Mẫu 01 and back to an empty form with focus in the scan field', async () => {
    await page.keyboard.press('F2');
    await focusReaches(page, 'Quét căn cước (QR)', 'F2');

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
    // The next stop is the list's clear button, named in Vietnamese (the select library says "Clear").
    await tabTo(page, 'Xóa lựa chọn');

    await page.keyboard.press('F9');
    await page.getByTestId('pdf-frame').waitFor();
    const code = (await page.getByTestId('intake-code').textContent())!;
    // The preview's "In" has focus: Enter prints.
    await focusReaches(page, 'In', 'F9, preview shown');
    await page.keyboard.press('Enter');
    await page.getByTestId('print-result').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });

    // Ready for the next citizen: an empty form, the scanner's field focused, the code still shown.
    await focusReaches(page, 'Quét căn cước (QR)', 'Esc closing the preview');
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

describe('checks while typing at Tiếp nhận', () => {
  it('names the problem of a typed ID number, ignores a trailing space, and says a future birth date is wrong', async () => {
    await page.keyboard.press('F2');
    await focusReaches(page, 'Quét căn cước (QR)', 'F2');
    await tabTo(page, 'Họ và tên');
    await tabTo(page, 'Số định danh cá nhân');
    await page.keyboard.type('999199012345');
    await poll(() => fieldError(page, 'Số định danh cá nhân').textContent()).toContain('Mã tỉnh 999');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('038186001234 ');
    await poll(() => fieldError(page, 'Số định danh cá nhân').count()).toBe(0);
    await tabTo(page, 'Ngày sinh');
    await page.keyboard.type('01/01/2030');
    await poll(() => fieldError(page, 'Ngày sinh').textContent()).toBe('Ngày sinh không thể sau hôm nay (17/11/2026)');
    // The typed date stays for the officer to correct, it is not silently put back.
    expect(await page.getByLabel('Ngày sinh', { exact: true }).inputValue()).toBe('01/01/2030');
  });

  it('stops a name at the length core records and shows the count before it is reached', async () => {
    // The form is half typed from the test before: F2 asks first; the question starts on "keep".
    await page.keyboard.press('F2');
    await focusReaches(page, 'Tiếp tục nhập (Esc)', 'F2 on a half-typed receipt');
    await page.keyboard.press('Shift+Tab');
    await focusReaches(page, 'Bỏ và nhập mới', 'Shift+Tab in the draft question');
    await page.keyboard.press('Enter');
    await focusReaches(page, 'Quét căn cước (QR)', 'Enter on Bỏ và nhập mới');
    await tabTo(page, 'Họ và tên');
    await page.keyboard.insertText('Nguyễn '.repeat(40));
    const name = await page.getByLabel('Họ và tên').inputValue();
    expect(name.length).toBe(200);
    expect(await page.locator('.ant-input-show-count-suffix').first().textContent()).toBe('200/200');
  });

  it('moves focus to the first field in error on F9', async () => {
    await freshReceipt(page);
    await tabTo(page, 'Họ và tên');
    await tabTo(page, 'Số định danh cá nhân');
    await tabTo(page, 'Ngày sinh');
    await page.keyboard.press('F9');
    await focusReaches(page, 'Họ và tên', 'F9 with errors');
    await page.keyboard.type('Võ Thị Sáu');
    await page.keyboard.press('F9');
    await focusReaches(page, 'Thủ tục hành chính', 'F9 with errors');
  });
});

describe('a draft at Tiếp nhận', () => {
  it('survives another screen, and F2 on it asks first: Esc keeps it', async () => {
    await freshReceipt(page);
    await tabTo(page, 'Họ và tên');
    await page.keyboard.type('Đinh Văn Hải');
    await tabTo(page, 'Số định danh cá nhân');
    await page.keyboard.type('001090012345');
    await page.keyboard.press('F3');
    await page.getByTestId('dossier-search').waitFor();
    await page.keyboard.press('Alt+2');
    await poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('Đinh Văn Hải');
    expect(await page.getByLabel('Số định danh cá nhân').inputValue()).toBe('001090012345');

    await page.keyboard.press('F2');
    await focusReaches(page, 'Tiếp tục nhập (Esc)', 'F2 on a half-typed receipt');
    await page.keyboard.press('Escape');
    await poll(() => page.locator('.ant-modal-confirm').count()).toBe(0);
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Đinh Văn Hải');
    // Never in browser storage: an ID number left on a shared PC's disk.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain('001090012345');
  });
});

describe('a refusal at Tiếp nhận', () => {
  it('says the dossier was refused, not received', async () => {
    await freshReceipt(page);
    await tabTo(page, 'Họ và tên');
    await page.keyboard.type('Lê Thị Cúc');
    await tabUntil(page, 'Thủ tục hành chính');
    await page.keyboard.type('khai sinh', { delay: 20 });
    await poll(() => page.locator('.ant-select-item-option').first().getAttribute('title')).toBe('Đăng ký khai sinh');
    await page.keyboard.press('Enter');
    // As the officer sees it: the procedure chosen and its papers listed before moving on.
    await poll(() => page.getByTestId('documents').getByLabel('Tên giấy tờ').count()).toBe(4);
    await tabUntil(page, 'Từ chối');
    await page.keyboard.press('Enter');
    await focusReaches(page, 'Lý do từ chối', 'Enter on Từ chối');
    await page.keyboard.type('Không thuộc thẩm quyền giải quyết của xã');
    await tabUntil(page, 'Từ chối');
    await page.keyboard.press('Enter');
    await page.getByTestId('pdf-frame').waitFor();
    expect(await page.getByTestId('intake-banner').textContent()).toContain('Đã ghi nhận từ chối tiếp nhận hồ sơ');
    expect(await page.getByTestId('intake-banner').textContent()).not.toContain('Đã tiếp nhận hồ sơ');
    await page.keyboard.press('Escape');
    await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });
    await focusReaches(page, 'Quét căn cước (QR)', 'Esc closing the Mẫu 03 preview');
    expect(await page.getByTestId('intake-banner').textContent()).toContain('Đã ghi nhận từ chối tiếp nhận hồ sơ');
  });
});

describe('keyboard-only return and supplement request', () => {
  it('returns a dossier from Trả kết quả, the applicant already in "Người nhận kết quả"', async () => {
    const { id, code } = await receive(counter.rpc, 'Trịnh Văn Nam');
    for (const action of ['startProcessing', 'resultReady']) await counter.rpc('dossiers.act', { id, action });
    await page.keyboard.press('Alt+4');
    await page.getByTestId('returns').getByText(code).waitFor();
    await tabUntil(page, 'Trả kết quả');
    await page.keyboard.press('Enter');
    await focusReaches(page, 'Người nhận kết quả', 'Enter on Trả kết quả');
    expect(await page.getByLabel('Người nhận kết quả').inputValue()).toBe('Trịnh Văn Nam');
    // As an officer reads it: the dialog's own opening motion is over (at its end the dialog
    // focuses itself if focus is elsewhere, a mover of its own that is not the question's).
    await page.waitForFunction(() => !document.querySelector('.action-dialog .ant-modal[class*="ant-zoom-"]'));
    // Every button the question gives focus to, in order: one mover means one entry before Tab.
    await page.evaluate(() => {
      const w = window as unknown as { questionFocus: string[] };
      w.questionFocus = [];
      document.addEventListener('focusin', (e) => {
        const button = (e.target as HTMLElement).closest('button');
        if (button?.closest('.ant-modal-confirm')) w.questionFocus.push(button.textContent?.trim() ?? '');
      });
    });
    // The question waits for the Enter that asks it to be up: Chromium clicks the focused button
    // on that Enter's keypress, so a question shown before it would be answered unread.
    await page.keyboard.down('Enter');
    await page.waitForTimeout(1000);
    expect(await page.locator('.ant-modal-confirm').count(), 'no question while Enter is still down').toBe(0);
    await page.keyboard.up('Enter');
    // Irreversible: asked once more, with focus on "Hủy" so a second Enter changes nothing; the
    // officer confirms with Tab, Enter. The dialog behind has a button named like the question's
    // own act: only the question's buttons count.
    const question = page.locator('.ant-modal-confirm');
    await question.waitFor();
    const inQuestion = () => page.evaluate(() => (document.activeElement?.closest('.ant-modal-confirm') ? document.activeElement.textContent?.trim() : '(outside the question)'));
    await expect.poll(inQuestion, { timeout: 15_000, interval: 100, message: 'Enter in Người nhận kết quả: focus should be on the question\'s "Hủy"' }).toBe('Hủy');
    // Its motion over and two frames later: no second mover has taken focus, and the Enter that
    // asked has not answered it too (its keypress would click the focused button).
    await page.waitForFunction(() => !document.querySelector('.ant-modal-confirm[class*="ant-zoom-"], .ant-modal-confirm [class*="ant-zoom-"]'));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await page.evaluate(() => (window as unknown as { questionFocus: string[] }).questionFocus)).toEqual(['Hủy']);
    expect(await inQuestion(), 'the question still open, focus on "Hủy"').toBe('Hủy');
    await page.keyboard.press('Tab');
    await expect.poll(inQuestion, { timeout: 15_000, interval: 100, message: 'Tab from "Hủy"' }).toBe('Trả kết quả');
    await page.keyboard.press('Enter');
    await poll(async () => (await counter.rpc('dossiers.get', { code })).status).toBe('returned');
    // The record is on the server before the window hears back: until then the question is open,
    // and holds focus. Done is when the officer sees both dialogs gone.
    await page.waitForFunction(() => !document.querySelector('.ant-modal-wrap'));
  });

  it('requests a supplement with only the paper the officer adds, none chosen beforehand', async () => {
    const { id, code } = await receive(counter.rpc, 'Bùi Thị Xuân');
    await counter.rpc('dossiers.act', { id, action: 'startProcessing' });
    await page.keyboard.press('F3');
    const box = page.getByTestId('dossier-search');
    await poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('detail-code').textContent()).toBe(code);
    await tabUntil(page, 'Yêu cầu bổ sung hồ sơ');
    await page.keyboard.press('Enter');
    const dialog = page.locator('.action-dialog .ant-modal');
    await dialog.waitFor();
    expect(await dialog.getByLabel('Tên giấy tờ').count()).toBe(0);
    const first = (await dialog.getByTestId('supplement-suggestions').getByRole('button').first().textContent())!.trim();
    await tabUntil(page, first);
    await page.keyboard.press('Enter');
    await poll(() => dialog.getByLabel('Tên giấy tờ').count()).toBe(1);
    await tabUntil(page, 'Lý do');
    await page.keyboard.type('Bản chụp không rõ, cần bản chụp rõ nét');
    await tabUntil(page, 'Yêu cầu bổ sung hồ sơ');
    await page.keyboard.press('Enter');
    await page.getByTestId('pdf-frame').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });
    await poll(async () => (await counter.rpc('dossiers.get', { code })).status).toBe('awaiting_supplement');
  });
});

describe('Hồ sơ search', () => {
  it("reaches the box's clear button by Tab, named in Vietnamese, and Enter on it empties the box", async () => {
    await page.keyboard.press('F3');
    const box = page.getByTestId('dossier-search');
    await poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('nguyen');
    await page.keyboard.press('Tab');
    // The button has no text: its name is what a screen reader says, taken from its icon (it was
    // the icon's own English name, "close-circle").
    const clear = page.getByTestId('dossiers').getByRole('button', { name: 'Xóa nội dung đã gõ', exact: true });
    await poll(() => clear.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await poll(() => box.inputValue()).toBe('');
  });
});
