/**
 * Tiếp nhận at the counter: a CCCD scanned by a keyboard-wedge scanner fills the applicant, the
 * procedure is found without diacritics, F9 receives and previews Mẫu 01; a bad input keeps the
 * form; refusal records Mẫu 03.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/browser';
import { openSignedIn, poll, setUpCounter, type Counter } from '../support/counter';
import { startWebHost, type WebHost } from '../support/web-host';

// Four browsers and four hosts share two CPU cores in CI: give slow steps room, not flakiness.
vi.setConfig({ testTimeout: 90_000 });

let host: WebHost;
let browser: Browser;
let counter: Counter;
let page: Page;

const QR = '038186001234|186123456|Nguyễn Thị Hồng Đào|15081986|Nữ|Thôn Đông, xã Tân Lập, huyện Cẩm Thủy, Thanh Hóa|20042021';

beforeAll(async () => {
  [host, browser] = await Promise.all([startWebHost(), launchChromium()]);
  counter = await setUpCounter(host.url);
  page = await openSignedIn(browser, host, counter.token);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function pickProcedure(p: Page, typed: string, optionText: RegExp) {
  const picker = p.getByTestId('intake').getByRole('combobox', { name: 'Thủ tục hành chính' });
  await picker.click();
  await picker.pressSequentially(typed, { delay: 10 });
  await p.locator('.ant-select-item-option').filter({ hasText: optionText }).first().click();
}

describe('intake (tiếp nhận)', () => {
  it('fills the applicant from a scanned CCCD, receives with F9 and previews Mẫu 01', async () => {
    await page.keyboard.press('F2');
    const scan = page.getByLabel('Quét căn cước (QR)');
    await poll(() => scan.evaluate((el) => el === document.activeElement)).toBe(true);
    // A wedge scanner types fast and ends with Enter.
    await scan.pressSequentially(QR, { delay: 2 });
    await scan.press('Enter');

    await poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Hồng Đào');
    expect(await page.getByLabel('Số định danh cá nhân').inputValue()).toBe('038186001234');
    expect(await page.getByLabel('Ngày sinh').inputValue()).toBe('15/08/1986');
    expect(await page.getByRole('radio', { name: 'Nữ' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Địa chỉ').inputValue()).toContain('Cẩm Thủy');
    expect(await scan.inputValue()).toBe('');

    await pickProcedure(page, 'chung thuc ban sao', /2\.000815/);
    await page.getByTestId('documents').waitFor();
    await page.getByLabel('Số trang mỗi bản').fill('3');
    await page.getByLabel('Số bản', { exact: true }).fill('2');
    await poll(() => page.getByTestId('fee-total').textContent()).toBe('10.000 đ');
    await poll(() => page.getByTestId('due-text').textContent()).toMatch(/^\d{2} giờ \d{2} phút, ngày \d{2} tháng \d{2} năm \d{4}$/);

    await page.keyboard.press('F9');
    const frame = page.getByTestId('pdf-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    const code = (await page.getByTestId('intake-code').textContent())!;
    expect(code).toMatch(/^000\.00\.17\.H56-\d{6}-\d{4}$/);
    expect(await page.getByTestId('print-caption').textContent()).toContain(code);

    const dossier = await counter.rpc('dossiers.get', { code });
    expect(dossier.applicant).toMatchObject({ fullName: 'Nguyễn Thị Hồng Đào', idNumber: '038186001234', birthDate: '1986-08-15', gender: 'female' });
    expect(dossier.procedureCode).toBe('2.000815');
    expect(dossier.feeTotal).toBe(10_000);
    expect(dossier.status).toBe('received');
    const prints = await counter.rpc('print.records', { dossierId: dossier.id });
    expect(prints.items.map((r: { form: string }) => r.form)).toContain('mau01');

    await page.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
    await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });
  });

  it('keeps every value when core refuses an input, and shows why next to the field', async () => {
    await page.keyboard.press('F2');
    await page.getByLabel('Họ và tên').fill('Trần Văn Bình');
    await page.getByLabel('Số định danh cá nhân').fill('12345');
    await page.getByLabel('Địa chỉ').fill('Thôn Tây');
    await page.keyboard.press('F9');
    await page.getByText('Số định danh gồm 12 chữ số (hoặc CMND 9 chữ số)').waitFor();
    await page.getByText('Chọn thủ tục hành chính').waitFor();
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Trần Văn Bình');
    expect(await page.getByLabel('Địa chỉ').inputValue()).toBe('Thôn Tây');
    const before = await counter.rpc('dossiers.search', { query: 'Tran Van Binh' });
    expect(before.items).toHaveLength(0);
  });

  it('records a refusal with its reason and previews Mẫu 03', async () => {
    // The test before left a half-typed receipt: F2 asks before clearing it.
    await page.keyboard.press('F2');
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Bỏ và nhập mới' }).click();
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    await page.getByLabel('Họ và tên').fill('Lê Thị Cúc');
    await pickProcedure(page, 'khai sinh', /khai sinh/i);
    await page.getByRole('button', { name: 'Từ chối' }).click();
    // The officer choosing between refusing now and stopping later is told which is which.
    expect(await page.getByTestId('reject-hint').textContent()).toContain('Dừng xử lý');
    await page.getByLabel('Lý do từ chối').fill('Không thuộc thẩm quyền giải quyết của xã');
    await page.getByRole('dialog').getByRole('button', { name: 'Từ chối' }).click();
    // Two steps, each waited for as itself: the refusal recorded (the preview opens as soon as core
    // answers), then Mẫu 03 rendered, archived and shown: this host's first Mẫu 03. On a loaded CI
    // machine one wait for both once outlasted Playwright's default 30 s; the render now gets the
    // room the file gives a step (testTimeout), and a failure says which of the two did not happen.
    await page.getByTestId('print-preview').waitFor();
    await page.getByTestId('pdf-frame').waitFor({ timeout: 60_000 });
    const code = (await page.getByTestId('intake-code').textContent())!;
    const dossier = await counter.rpc('dossiers.get', { code });
    expect(dossier.status).toBe('rejected');
    expect(dossier.applicant.fullName).toBe('Lê Thị Cúc');
    await page.keyboard.press('Escape');
    await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });
  });
});
